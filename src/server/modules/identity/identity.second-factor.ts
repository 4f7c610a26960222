/**
 * TOTP second factor (RFC 6238): enrolment, confirmation and removal. Changing or removing a factor needs the
 * password and, when a factor is in force, a current code from it — a session alone is not enough (issue 11,
 * item 5). A new secret stays pending until a code from it is confirmed; the old factor holds until then.
 */
import { verify } from '@node-rs/argon2';
import { generateSecret, generateURI } from 'otplib';
import type { Role } from '../../../shared/domain.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import * as repo from './identity.repository.ts';
import { checkTotp } from './identity.service.ts';

async function reauthenticate(ctx: Ctx, password: string, code: string | null | undefined) {
  if (!ctx.actor) throw new DomainError('unauthenticated', 'identity.unauthenticated');
  const user = await repo.findUserById(ctx.db, ctx.actor.id);
  if (!user) throw new DomainError('unauthenticated', 'identity.unauthenticated');
  if (!(await verify(user.passwordHash, password).catch(() => false))) {
    throw invalid('identity.invalid_credentials', {}, [{ path: 'password', code: 'identity.invalid_credentials' }]);
  }
  let step: number | null = null;
  if (user.totpEnabled && user.totpSecret) {
    if (!code) throw invalid('identity.totp_required', {}, [{ path: 'code', code: 'identity.totp_required' }]);
    step = await checkTotp(user.totpSecret, code, user.totpLastStep, ctx.clock.now());
    if (step === null) throw invalid('identity.totp_invalid', {}, [{ path: 'code', code: 'identity.totp_invalid' }]);
  }
  return { user, step };
}

/** Starts enrolment of a (new) authenticator: password, and the current code when one is in force. */
export async function beginTotp(ctx: Ctx, input: { password: string; code?: string | null }) {
  const { user, step } = await reauthenticate(ctx, input.password, input.code);
  const secret = generateSecret();
  await inTransaction(ctx, async (tx) => {
    await repo.updateUser(tx.db, user.id, { totpPendingSecret: secret, ...(step !== null ? { totpLastStep: step } : {}) });
    await audit(tx, { category: 'security', action: 'identity.totp.begin', entityType: 'user', entityId: user.id });
  });
  return { secret, uri: generateURI({ issuer: 'Polsam', label: user.username, secret }) };
}

/** Confirms enrolment with a current code from the new secret; it replaces any earlier factor. */
export async function confirmTotp(ctx: Ctx, code: string) {
  if (!ctx.actor) throw new DomainError('unauthenticated', 'identity.unauthenticated');
  const user = await repo.findUserById(ctx.db, ctx.actor.id);
  if (!user?.totpPendingSecret) throw invalid('identity.totp_not_started');
  const step = await checkTotp(user.totpPendingSecret, code, null, ctx.clock.now());
  if (step === null) throw invalid('identity.totp_invalid', {}, [{ path: 'code', code: 'identity.totp_invalid' }]);
  await inTransaction(ctx, async (tx) => {
    await repo.updateUser(tx.db, user.id, { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabled: true, totpLastStep: step });
    await audit(tx, { category: 'security', action: 'identity.totp.enabled', entityType: 'user', entityId: user.id });
  });
}

/** Removes the second factor (password + current code); refused where the role makes it mandatory. */
export async function disableTotp(ctx: Ctx, input: { password: string; code: string }, mfaRoles: Role[]) {
  if (ctx.actor?.roles.some((r) => mfaRoles.includes(r))) throw new DomainError('conflict', 'identity.second_factor_mandatory');
  const { user } = await reauthenticate(ctx, input.password, input.code);
  if (!user.totpEnabled) throw invalid('identity.totp_not_enabled');
  await inTransaction(ctx, async (tx) => {
    await repo.updateUser(tx.db, user.id, { totpSecret: null, totpPendingSecret: null, totpEnabled: false });
    await audit(tx, { category: 'security', action: 'identity.totp.disabled', entityType: 'user', entityId: user.id });
  });
}
