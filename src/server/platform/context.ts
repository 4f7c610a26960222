/** The context every use case takes first: who acts, in which language, on which handle, at what time. */
import type { PgTransactionConfig } from 'drizzle-orm/pg-core';
import type { Locale, Role } from '../../shared/domain.ts';
import type { Clock } from './clock.ts';
import type { Db } from './db/client.ts';

export interface Actor {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  unitId: string;
  /** A temporary password (first start, set by an administrator): only the password change is allowed. */
  mustChangePassword?: boolean;
  /** A role that needs a second factor and none enrolled: only enrolment is allowed. */
  secondFactorRequired?: boolean;
}

export interface Ctx {
  /** null for the system itself (jobs, start-up) and for anonymous public visitors. */
  actor: Actor | null;
  locale: Locale;
  db: Db;
  clock: Clock;
  requestId: string;
  /** The installation's country code, e.g. SE. */
  nodeCountry: string;
}

/** A copy of the context bound to a transaction handle. */
export function withTx(ctx: Ctx, tx: Db): Ctx {
  return { ...ctx, db: tx };
}

/** Runs fn in one transaction; the act and its audit entry commit or roll back together (STYLE rule 2). */
export async function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>, config?: PgTransactionConfig): Promise<T> {
  return ctx.db.transaction(async (tx) => fn(withTx(ctx, tx as unknown as Db)), config);
}

/** A system context for jobs and start-up work. */
export function systemCtx(db: Db, clock: Clock, nodeCountry: string, locale: Locale = 'sv'): Ctx {
  return { actor: null, locale, db, clock, requestId: `system-${Date.now().toString(36)}`, nodeCountry };
}

export function hasRole(ctx: Ctx, ...roles: Role[]): boolean {
  return !!ctx.actor && ctx.actor.roles.some((r) => roles.includes(r));
}
