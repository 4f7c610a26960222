/**
 * Error codes of the matching module; each maps to the message key `matching.errors.<suffix>`.
 */
import { DomainError } from '../../platform/errors.ts';

export const MATCHING_ERRORS = {
  nameRequired: 'matching.name_required',
  nameTooLong: 'matching.name_too_long',
  nameNoLetters: 'matching.name_no_letters',
  invalidDate: 'matching.invalid_date',
  invalidPerson: 'matching.invalid_person',
} as const;

/** Longest accepted name in characters: longer input is a pasted document, not a name. */
export const MAX_NAME_LENGTH = 300;

/** Builds the validation error for a matching input problem. */
export function matchingInvalid(code: (typeof MATCHING_ERRORS)[keyof typeof MATCHING_ERRORS], params: Record<string, string | number> = {}): DomainError {
  return new DomainError('validation', code, params);
}

/** Errors of cross-check hits and person search (the product side of matching). */
export const hitErrors = {
  notFound: () => new DomainError('not_found', 'matching.hit_not_found'),
  staleVersion: () => new DomainError('conflict', 'matching.stale_version'),
  alreadyDecided: (status: string) => new DomainError('conflict', 'matching.hit_already_decided', { status }),
  notMerged: (status: string) => new DomainError('conflict', 'matching.hit_not_merged', { status }),
  notPermitted: () => new DomainError('forbidden', 'matching.hit_not_permitted'),
  noSearchAccess: () => new DomainError('not_found', 'matching.search_not_available'),
};
