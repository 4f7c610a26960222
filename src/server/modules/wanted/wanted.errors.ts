/** Error codes of the wanted module; messages live under `wanted.errors.*` in both catalogs. */
import { DomainError, type FieldIssue } from '../../platform/errors.ts';

export const wantedErrors = {
  notFound: () => new DomainError('not_found', 'wanted.person_not_found'),
  invalidTransition: (action: string, status: string) => new DomainError('conflict', 'wanted.invalid_transition', { action, status }),
  staleVersion: () => new DomainError('conflict', 'wanted.stale_version'),
  notPermitted: (action: string) => new DomainError('forbidden', 'wanted.action_not_permitted', { action }),
  /** A rule broken by the input; the field gets the same code. */
  invalid: (code: string, path: string, params: Record<string, string | number> = {}) =>
    new DomainError('validation', `wanted.${code}`, params, [{ path, code: `wanted.${code}`, params } as FieldIssue]),
  photoTooLarge: (max: number) => new DomainError('too_large', 'wanted.photo_too_large', { maxKb: Math.round(max / 1024) }),
  photoType: (type: string) => new DomainError('unsupported', 'wanted.photo_type_not_allowed', { type }),
  importInvalid: () => new DomainError('validation', 'wanted.import_document_invalid'),
};
