/**
 * Local accounts: argon2id passwords, TOTP second factor, database sessions and lockout after
 * repeated failures. Every login, failure and account change is audited.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { generateSecret, generateURI, verify as verifyTotp } from 'otplib';
import { z } from 'zod';
import { ROLES, type Locale, type Role } from '../../../shared/domain.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { inTransaction, type Actor, type Ctx } from '../../platform/context.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import * as repo from './identity.repository.ts';

const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;
// argon2id (Algorithm.Argon2id = 2; the enum is a const enum we cannot import), OWASP's minimum parameters.
const ARGON = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };
// Verified against when the username does not exist, so both paths cost the same (no user enumeration).
let dummyHash: Promise<string> | null = null;

export const passwordSchema = z.string().min(12).max(256);

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

function toActor(u: repo.UserRow): Actor {
  return { id: u.id, username: u.username, displayName: u.displayName, roles: u.roles as Role[], unitId: u.unitId, mustChangePassword: u.mustChangePassword };
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

/** Checks credentials (and the second factor when enrolled) and opens a session. */
export async function login(ctx: Ctx, input: LoginInput, sessionHours: number) {
  const now = ctx.clock.now();
  const user = await repo.findUserByUsername(ctx.db, input.username);
  dummyHash ??= hashPassword('polsam-dummy-password-for-timing');
  const ok = await verify(user?.passwordHash ?? (await dummyHash), input.password).catch(() => false);
  if (!user || !user.active) {
    await inTransaction(ctx, (tx) => audit(tx, { category: 'security', action: 'identity.login.failed', entityType: 'user', details: { username: input.username.slice(0, 64), ip: input.ip ?? null } }));
    throw new DomainError('unauthenticated', 'identity.invalid_credentials');
  }
  if (user.lockedUntil && user.lockedUntil > now) throw new DomainError('rate_limited', 'identity.account_locked', { minutes: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60000) });
  if (!ok) {
    await recordFailure(ctx, user, input.ip);
    throw new DomainError('unauthenticated', 'identity.invalid_credentials');
  }
  let totpStep: number | null = null;
  if (user.totpEnabled && user.totpSecret) {
    if (!input.totp) throw new DomainError('unauthenticated', 'identity.totp_required');
    const r = await verifyTotp({ secret: user.totpSecret, token: input.totp.replace(/\s/g, ''), epoch: Math.floor(now.getTime() / 1000), epochTolerance: 30 } as never).catch(() => ({ valid: false })) as { valid: boolean; timeStep?: number };
    // A code is accepted once: its time step must be newer than the last one used (no replay).
    if (!r.valid || (r.timeStep !== undefined && user.totpLastStep !== null && r.timeStep <= user.totpLastStep)) {
      await recordFailure(ctx, user, input.ip);
      throw new DomainError('unauthenticated', 'identity.totp_invalid');
    }
    totpStep = r.timeStep ?? null;
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await inTransaction(ctx, async (tx) => {
    await repo.updateUser(tx.db, user.id, { failedLogins: 0, lockedUntil: null, ...(totpStep !== null ? { totpLastStep: totpStep } : {}) });
    await repo.insertSession(tx.db, {
      tokenHash: sha256(token), userId: user.id, csrfToken, createdAt: now, lastSeenAt: now,
      expiresAt: new Date(now.getTime() + sessionHours * 3600_000), ip: input.ip ?? null,
    });
    await audit({ ...tx, actor: toActor(user) }, { category: 'security', action: 'identity.login', entityType: 'user', entityId: user.id, details: { ip: input.ip ?? null, secondFactor: user.totpEnabled } });
  });
  return { token, csrfToken, user: await describeUser(ctx, user) };
}

async function recordFailure(ctx: Ctx, user: repo.UserRow, ip?: string | null) {
  const failures = user.failedLogins + 1;
  const lock = failures >= MAX_FAILURES ? new Date(ctx.clock.now().getTime() + LOCK_MINUTES * 60000) : null;
  await inTransaction(ctx, async (tx) => {
    await repo.updateUser(tx.db, user.id, { failedLogins: lock ? 0 : failures, lockedUntil: lock });
    await audit(tx, { category: 'security', action: lock ? 'identity.account.locked' : 'identity.login.failed', entityType: 'user', entityId: user.id, details: { ip: ip ?? null, failures } });
  });
}

/** Resolves a session cookie to its actor and CSRF token; null when absent or expired. */
export async function resolveSession(ctx: Ctx, token: string | undefined) {
  if (!token || token.length > 200) return null;
  const found = await repo.findLiveSession(ctx.db, sha256(token), ctx.clock.now());
  if (!found) return null;
  const now = ctx.clock.now();
  // Writing last-seen at most once a minute keeps reads cheap.
  if (now.getTime() - found.session.lastSeenAt.getTime() > 60_000) await repo.touchSession(ctx.db, found.session.tokenHash, now);
  return { actor: toActor(found.user), csrfToken: found.session.csrfToken, locale: found.user.locale as Locale };
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
export async function describeUser(ctx: Ctx, user: repo.UserRow) {
  const u = await repo.findUnitById(ctx.db, user.unitId);
  return {
    id: user.id, username: user.username, displayName: user.displayName, roles: user.roles as Role[],
    unit: { id: user.unitId, name: u?.name ?? '' }, locale: user.locale as Locale, totpEnabled: user.totpEnabled,
    mustChangePassword: user.mustChangePassword,
  };
}

/** The signed-in actor's own description. */
export async function me(ctx: Ctx) {
  if (!ctx.actor) throw new DomainError('unauthenticated', 'identity.unauthenticated');
  const user = await repo.findUserById(ctx.db, ctx.actor.id);
  if (!user) throw new DomainError('unauthenticated', 'identity.unauthenticated');
  return describeUser(ctx, user);
}

/** Starts TOTP enrolment: a new secret and its otpauth URI, active only after confirmation. */
export async function beginTotp(ctx: Ctx) {
  if (!ctx.actor) throw new DomainError('unauthenticated', 'identity.unauthenticated');
  const secret = generateSecret();
  await inTransaction(ctx, async (tx) => {
    await repo.updateUser(tx.db, tx.actor!.id, { totpSecret: secret, totpEnabled: false, totpLastStep: null });
    await audit(tx, { category: 'security', action: 'identity.totp.begin', entityType: 'user', entityId: tx.actor!.id });
  });
  return { secret, uri: generateURI({ issuer: 'Polsam', label: ctx.actor.username, secret }) };
}

/** Confirms TOTP enrolment with a current code. */
export async function confirmTotp(ctx: Ctx, code: string) {
  if (!ctx.actor) throw new DomainError('unauthenticated', 'identity.unauthenticated');
  const user = await repo.findUserById(ctx.db, ctx.actor.id);
  if (!user?.totpSecret) throw invalid('identity.totp_not_started');
  const r = await verifyTotp({ secret: user.totpSecret, token: code.replace(/\s/g, ''), epoch: Math.floor(ctx.clock.now().getTime() / 1000), epochTolerance: 30 } as never).catch(() => ({ valid: false })) as { valid: boolean; timeStep?: number };
  if (!r.valid) throw invalid('identity.totp_invalid');
  await inTransaction(ctx, async (tx) => {
    await repo.updateUser(tx.db, user.id, { totpEnabled: true, totpLastStep: r.timeStep ?? null });
    await audit(tx, { category: 'security', action: 'identity.totp.enabled', entityType: 'user', entityId: user.id });
  });
}

/** Changes the actor's own password after checking the current one; other sessions end. */
export async function changePassword(ctx: Ctx, current: string, next: string, sessionToken?: string) {
  if (!ctx.actor) throw new DomainError('unauthenticated', 'identity.unauthenticated');
  const user = await repo.findUserById(ctx.db, ctx.actor.id);
  if (!user || !(await verify(user.passwordHash, current).catch(() => false))) throw invalid('identity.invalid_credentials');
  if (next === current) throw invalid('identity.password_unchanged', {}, [{ path: 'newPassword', code: 'identity.password_unchanged' }]);
  const parsed = passwordSchema.safeParse(next);
  if (!parsed.success) throw invalid('identity.weak_password', { min: 12 }, [{ path: 'newPassword', code: 'identity.weak_password' }]);
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
