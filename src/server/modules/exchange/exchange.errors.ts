/** Error codes of the exchange module; messages live under `exchange.errors.*` in both catalogs. */
import { DomainError, type FieldIssue } from '../../platform/errors.ts';

export const exchangeErrors = {
  invalidTransition: (action: string, status: string) => new DomainError('conflict', 'exchange.invalid_transition', { action, status }),
  staleVersion: () => new DomainError('conflict', 'exchange.stale_version'),
  notPermitted: (action: string) => new DomainError('forbidden', 'exchange.action_not_permitted', { action }),
  notFound: () => new DomainError('not_found', 'exchange.request_not_found'),
  invalid: (code: string, fields: FieldIssue[] = [], params: Record<string, string | number> = {}) =>
    new DomainError('validation', `exchange.${code}`, params, fields),
  fileTooLarge: (max: number) => new DomainError('too_large', 'exchange.file_too_large', { maxMb: Math.round(max / 1048576) }),
  fileType: (type: string) => new DomainError('unsupported', 'exchange.file_type_not_allowed', { type }),
};
