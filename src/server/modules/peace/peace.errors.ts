/** Error codes of the peace-operations module; messages live under `peace.errors.*` in both catalogs. */
import { DomainError, type FieldIssue } from '../../platform/errors.ts';

export const peaceErrors = {
  notFound: () => new DomainError('not_found', 'peace.not_found'),
  staleVersion: () => new DomainError('conflict', 'peace.stale_version'),
  notPermitted: (action: string) => new DomainError('forbidden', 'peace.action_not_permitted', { action }),
  invalidTransition: (action: string, status: string) => new DomainError('conflict', 'peace.invalid_transition', { action, status }),
  /** A rule broken by the input; the field gets the same code. */
  invalid: (code: string, path: string, params: Record<string, string | number> = {}) =>
    new DomainError('validation', `peace.${code}`, params, [{ path, code: `peace.${code}`, params } as FieldIssue]),
  duplicate: (code: string, path: string) => new DomainError('conflict', `peace.${code}`, {}, [{ path, code: `peace.${code}` }]),
};
