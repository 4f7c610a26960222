/** Helpers routes use to require a signed-in actor or a role. Policies live in each module. */
import type { FastifyRequest } from 'fastify';
import type { Role } from '../../shared/domain.ts';
import type { Actor, Ctx } from '../platform/context.ts';
import { DomainError } from '../platform/errors.ts';

export const SESSION_COOKIE = 'polsam_session';

export type AuthedCtx = Ctx & { actor: Actor };

/** The request's context with a signed-in actor, or 401. */
export function requireActor(request: FastifyRequest): AuthedCtx {
  if (!request.ctx.actor) throw new DomainError('unauthenticated', 'identity.unauthenticated');
  // With a temporary password, nothing but the session routes (who am I, change password, sign out) is open.
  if (request.ctx.actor.mustChangePassword && !request.url.startsWith('/api/auth/')) {
    throw new DomainError('forbidden', 'identity.password_change_required');
  }
  if (request.ctx.actor.secondFactorRequired && !request.url.startsWith('/api/auth/')) {
    throw new DomainError('forbidden', 'identity.second_factor_setup_required');
  }
  return request.ctx as AuthedCtx;
}

/** The request's context when the actor holds one of the roles; otherwise 401 or "not found". */
export function requireRole(request: FastifyRequest, ...roles: Role[]): AuthedCtx {
  const ctx = requireActor(request);
  if (!ctx.actor.roles.some((r) => roles.includes(r))) throw new DomainError('not_found', 'http.not_found');
  return ctx;
}
