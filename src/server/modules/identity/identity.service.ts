/**
 * Local accounts: argon2id passwords, TOTP second factor, database sessions and lockout after
 * repeated failures. Every login, failure and account change is audited.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { verify as verifyTotp } from 'otplib';
import { z } from 'zod';
import { ROLES, type Locale, type Role } from '../../../shared/domain.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { inTransaction, type Actor, type Ctx } from '../../platform/context.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import * as repo from './identity.repository.ts';
import { passwordProblem, passwordSchema, PASSWORD_MIN } from './identity.password.ts';

export { passwordSchema } from './identity.password.ts';

/** Failures from one address for one username before it waits; each further failure doubles the wait. */
const FREE_FAILURES = 5;
const MAX_LOCK_MINUTES = 60;
const THROTTLE_MEMORY_MS = 24 * 3600_000;
// argon2id (Algorithm.Argon2id = 2; the enum is a const enum we cannot import), OWASP's minimum parameters.
const ARGON = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };
// Verified against when the username does not exist, so both paths cost the same (no user enumeration).
let dummyHash: Promise<string> | null = null;

export const createUserInput = z.object({
  username: z.string().trim().min(2).max(64).regex(/^[a-zA-Z0-9._-]+$/),
  displayName: z.string().trim().min(1).max(200),
  password: passwordSchema,
  roles: z.array(z.enum(ROLES)).min(1),
  unitCode: z.string().trim().min(1).max(64),
  locale: z.enum(['sv', 'en']).default('sv'),
  /** The password is temporary unless the administrator says otherwise: the user sets their own at first sign-in. */
  mustChangePassword: z.boolean().default(true),
});
export type CreateUserInput = z.input<typeof createUserInput>;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** What sessions are bound by: how long they may sit idle, and which roles need a second factor. */
export interface SessionPolicy { sessionHours: number; idleMinutes: number; mfaRoles: Role[] }

/** Whether this account must enrol a second factor before doing anything else. */
export function needsSecondFactor(u: Pick<repo.UserRow, 'roles' | 'totpEnabled'>, mfaRoles: Role[]): boolean {
  return !u.totpEnabled && (u.roles as Role[]).some((r) => mfaRoles.includes(r));
}

function toActor(u: repo.UserRow, mfaRoles: Role[] = []): Actor {
  return {
    id: u.id, username: u.username, displayName: u.displayName, roles: u.roles as Role[], unitId: u.unitId, mustChangePassword: u.mustChangePassword,
    secondFactorRequired: needsSecondFactor(u, mfaRoles),
  };
}

/** Checks a TOTP code against a secret; the time step must be newer than the last one used (no replay). */
export async function checkTotp(secret: string, code: string, lastStep: number | null, now: Date): Promise<number | null> {
  const r = await verifyTotp({ secret, token: code.replace(/\s/g, ''), epoch: Math.floor(now.getTime() / 1000), epochTolerance: 30 } as never).catch(() => ({ valid: false })) as { valid: boolean; timeStep?: number };
  if (!r.valid || (r.timeStep !== undefined && lastStep !== null && r.timeStep <= lastStep)) return null;
  return r.timeStep ?? 0;
}

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON);
}

/** Creates a unit if it does not exist yet and returns it. */
export async function ensureUnit(ctx: Ctx, code: string, name: string) {
  return repo.insertUnit(ctx.db, { code, name });
}

/** Creates a user account (administrators, the CLI and first start); audited. */
export async function createUser(ctx: Ctx, input: CreateUserInput, opts: { mustChangePassword?: boolean } = {}) {
  const v = createUserInput.parse(input);
  if (passwordProblem(v.password, v.username)) throw invalid('identity.password_contains_username', {}, [{ path: 'password', code: 'identity.password_contains_username' }]);
  const passwordHash = await hashPassword(v.password);
  return inTransaction(ctx, async (tx) => {
    if (await repo.findUserByUsername(tx.db, v.username)) throw new DomainError('conflict', 'identity.username_taken');
    const u = await repo.findUnitByCode(tx.db, v.unitCode);
    if (!u) throw invalid('identity.unknown_unit', { unit: v.unitCode });
    const user = await repo.insertUser(tx.db, {
      username: v.username, displayName: v.displayName, passwordHash, roles: v.roles, unitId: u.id, locale: v.locale,
      mustChangePassword: opts.mustChangePassword ?? v.mustChangePassword,
    });
    await audit(tx, { category: 'admin', action: 'identity.user.create', entityType: 'user', entityId: user.id, details: { username: v.username, roles: v.roles, unit: v.unitCode } });
    return user;
  });
}

export interface LoginInput { username: string; password: string; totp?: string | null; ip?: string | null }

/**
 * Checks credentials (and the second factor when enrolled) and opens a session. Failures are counted per
 * (username as typed, address): an unknown name and a locked one get the same answers (issue 11, item 6).
 */
export async function login(ctx: Ctx, input: LoginInput, policy: SessionPolicy) {
  const now = ctx.clock.now();
  const key = { username: input.username.trim().toLowerCase().slice(0, 64), ip: (input.ip ?? 'unknown').slice(0, 64) };
  const throttle = await repo.findThrottle(ctx.db, key.username, key.ip);
  if (throttle?.lockedUntil && throttle.lockedUntil > now) {
    throw new DomainError('rate_limited', 'identity.too_many_attempts', { minutes: Math.ceil((throttle.lockedUntil.getTime() - now.getTime()) / 60000) });
  }
  const user = await repo.findUserByUsername(ctx.db, input.username);
  dummyHash ??= hashPassword('polsam-dummy-password-for-timing');
  const ok = await verify(user?.passwordHash ?? (await dummyHash), input.password).catch(() => false);
  if (!user || !user.active || !ok) {
    await recordFailure(ctx, key, user?.active ? user : null);
    throw new DomainError('unauthenticated', 'identity.invalid_credentials');
  }
  let totpStep: number | null = null;
  if (user.totpEnabled && user.totpSecret) {
    if (!input.totp) throw new DomainError('unauthenticated', 'identity.totp_required');
    totpStep = await checkTotp(user.totpSecret, input.totp, user.totpLastStep, now);
    if (totpStep === null) {
      await recordFailure(ctx, key, user);
      throw new DomainError('unauthenticated', 'identity.totp_invalid');
    }
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await inTransaction(ctx, async (tx) => {
    await repo.clearThrottle(tx.db, key.username, key.ip);
    if (totpStep !== null) await repo.updateUser(tx.db, user.id, { totpLastStep: totpStep });
    await repo.insertSession(tx.db, {
      tokenHash: sha256(token), userId: user.id, csrfToken, createdAt: now, lastSeenAt: now,
      expiresAt: new Date(now.getTime() + policy.sessionHours * 3600_000), ip: input.ip ?? null,
    });
    await audit({ ...tx, actor: toActor(user) }, { category: 'security', action: 'identity.login', entityType: 'user', entityId: user.id, details: { ip: input.ip ?? null, secondFactor: user.totpEnabled } });
  });
  return { token, csrfToken, user: await describeUser(ctx, user, policy) };
}

/** Counts a failure for (username, address); from the sixth on, the pair waits 1, 2, 4 … 60 minutes. */
async function recordFailure(ctx: Ctx, key: { username: string; ip: string }, user: repo.UserRow | null) {
  const now = ctx.clock.now();
  await inTransaction(ctx, async (tx) => {
    await repo.purgeThrottle(tx.db, new Date(now.getTime() - THROTTLE_MEMORY_MS));
    const t = await repo.addThrottleFailure(tx.db, key.username, key.ip, now);
    const locked = t.failures >= FREE_FAILURES;
    if (locked) await repo.lockThrottle(tx.db, key.username, key.ip, new Date(now.getTime() + Math.min(2 ** (t.failures - FREE_FAILURES), MAX_LOCK_MINUTES) * 60_000));
    await audit(tx, {
      category: 'security', action: locked ? 'identity.login.throttled' : 'identity.login.failed', entityType: 'user', entityId: user?.id ?? null,
      details: { ip: key.ip, failures: t.failures, ...(user ? {} : { username: key.username }) },
    });
  });
}

/**
 * Resolves a session cookie to its actor and CSRF token; null when absent, expired or idle too long (then ended).
 * A background call (a page refreshing itself, the notification stream) does not count as activity: an open
 * desk tab left alone still times out.
 */
export async function resolveSession(ctx: Ctx, token: string | undefined, policy: Pick<SessionPolicy, 'idleMinutes' | 'mfaRoles'>, background = false) {
  if (!token || token.length > 200) return null;
  const found = await repo.findLiveSession(ctx.db, sha256(token), ctx.clock.now());
  if (!found) return null;
  const now = ctx.clock.now();
  if (now.getTime() - found.session.lastSeenAt.getTime() > policy.idleMinutes * 60_000) {
    await inTransaction(ctx, async (tx) => {
      await repo.deleteSession(tx.db, found.session.tokenHash);
      await audit({ ...tx, actor: toActor(found.user) }, { category: 'security', action: 'identity.session.idle_timeout', entityType: 'user', entityId: found.user.id });
    });
    return null;
  }
  // Writing last-seen at most once a minute (a quarter of a shorter idle limit) keeps reads cheap.
  const touch = !background && now.getTime() - found.session.lastSeenAt.getTime() > Math.min(60_000, policy.idleMinutes * 15_000);
  if (touch) await repo.touchSession(ctx.db, found.session.tokenHash, now);
  // When the session ends unless it is used again: the web app warns before it and asks to sign in after it.
  const idleEndsAt = new Date((touch ? now : found.session.lastSeenAt).getTime() + policy.idleMinutes * 60_000);
  return { actor: toActor(found.user, policy.mfaRoles), csrfToken: found.session.csrfToken, locale: found.user.locale as Locale, idleEndsAt };
}

/** Ends a session. */
export async function logout(ctx: Ctx, token: string | undefined) {
  if (!token) return;
  await inTransaction(ctx, async (tx) => {
    await repo.deleteSession(tx.db, sha256(token));
    if (tx.actor) await audit(tx, { category: 'security', action: 'identity.logout', entityType: 'user', entityId: tx.actor.id });
  });
}

/** The public description of a user (no secrets). */
export async function describeUser(ctx: Ctx, user: repo.UserRow, policy: Pick<SessionPolicy, 'idleMinutes' | 'mfaRoles'>) {
  const u = await repo.findUnitById(ctx.db, user.unitId);
  return {
    id: user.id, username: user.username, displayName: user.displayName, roles: user.roles as Role[],
    unit: { id: user.unitId, name: u?.name ?? '' }, locale: user.locale as Locale, totpEnabled: user.totpEnabled,
    mustChangePassword: user.mustChangePassword, secondFactorRequired: needsSecondFactor(user, policy.mfaRoles),
    secondFactorMandatory: (user.roles as Role[]).some((r) => policy.mfaRoles.includes(r)), idleMinutes: policy.idleMinutes,
  };
}

/** The signed-in actor's own description. */
export async function me(ctx: Ctx, policy: Pick<SessionPolicy, 'idleMinutes' | 'mfaRoles'>) {
  if (!ctx.actor) throw new DomainError('unauthenticated', 'identity.unauthenticated');
  const user = await repo.findUserById(ctx.db, ctx.actor.id);
  if (!user) throw new DomainError('unauthenticated', 'identity.unauthenticated');
  return describeUser(ctx, user, policy);
}

/** Changes the actor's own password after checking the current one; other sessions end. */
export async function changePassword(ctx: Ctx, current: string, next: string, sessionToken?: string) {
  if (!ctx.actor) throw new DomainError('unauthenticated', 'identity.unauthenticated');
  const user = await repo.findUserById(ctx.db, ctx.actor.id);
  if (!user || !(await verify(user.passwordHash, current).catch(() => false))) throw invalid('identity.invalid_credentials');
  if (next === current) throw invalid('identity.password_unchanged', {}, [{ path: 'newPassword', code: 'identity.password_unchanged' }]);
  const problem = passwordProblem(next, user.username);
  if (problem) throw invalid(problem, { min: PASSWORD_MIN }, [{ path: 'newPassword', code: problem }]);
  const passwordHash = await hashPassword(next);
  await inTransaction(ctx, async (tx) => {
    await repo.updateUser(tx.db, user.id, { passwordHash, mustChangePassword: false });
    await repo.deleteSessionsOfUser(tx.db, user.id, sessionToken ? sha256(sessionToken) : undefined);
    await audit(tx, { category: 'security', action: 'identity.password.changed', entityType: 'user', entityId: user.id });
  });
}

/** Users of a unit (for assignment pickers). */
export async function listUnitUsers(ctx: Ctx, unitId: string) {
  return repo.listUsers(ctx.db, unitId);
}

export async function listAllUnits(ctx: Ctx) {
  return repo.listUnits(ctx.db);
}

export async function userCount(ctx: Ctx) {
  return repo.countUsers(ctx.db);
}

export { findUserById } from './identity.repository.ts';

/** Every account, for administrators. */
export async function listUnitUsersForAdmin(ctx: Ctx) {
  return repo.listUsers(ctx.db);
}
