/**
 * The password policy (issue 11, item 10): long enough, and not a known common or breached password. The list
 * is `@zxcvbn-ts/language-common`'s "passwords-common" (about 49,000 passwords from public breach corpora,
 * maintained by the zxcvbn-ts project, pinned in package.json); a password is refused when it, or its core
 * without surrounding digits and signs, or that core without spaces, is on the list, or when it is one
 * character repeated or contains the username.
 */
import { dictionary } from '@zxcvbn-ts/language-common';
import { z } from 'zod';

export const PASSWORD_MIN = 12;

let common: Set<string> | null = null;
const commonPasswords = () => (common ??= new Set(dictionary['passwords-common']));

/** The forms of a password compared with the list. */
function forms(password: string): string[] {
  const lower = password.normalize('NFKC').toLowerCase().trim();
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  return [lower, core, core.replace(/[\s\p{P}\p{S}]+/gu, '')].filter((f) => f.length >= 4);
}

/** The reason a password is refused (an error code of identity), or null when it may be used. */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < PASSWORD_MIN) return 'identity.weak_password';
  if (/^(.)\1+$/su.test(password)) return 'identity.common_password';
  if (forms(password).some((f) => commonPasswords().has(f))) return 'identity.common_password';
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) return 'identity.password_contains_username';
  return null;
}

/** The zod form of the policy, for request bodies (the username rule is checked where the username is known). */
export const passwordSchema = z.string().min(PASSWORD_MIN).max(256).superRefine((v, ctx) => {
  const problem = v.length >= PASSWORD_MIN ? passwordProblem(v) : null;
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
