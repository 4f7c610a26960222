/** Error codes of the strategic module; messages live under `strategic.errors.*` in both catalogs. */
import { DomainError, type FieldIssue } from '../../platform/errors.ts';

export const strategicErrors = {
  /** Also the answer for what the actor may not see (a module, a group or a restricted instruction). */
  notFound: () => new DomainError('not_found', 'strategic.not_found'),
  staleVersion: () => new DomainError('conflict', 'strategic.stale_version'),
  notPermitted: (action: string) => new DomainError('forbidden', 'strategic.action_not_permitted', { action }),
  /** Four eyes: the drafter of an instruction may not approve it. */
  fourEyes: () => new DomainError('forbidden', 'strategic.four_eyes'),
  approvedImmutable: () => new DomainError('conflict', 'strategic.instruction_approved'),
  draftExists: () => new DomainError('conflict', 'strategic.draft_exists'),
  meetingNotStarted: () => new DomainError('conflict', 'strategic.meeting_not_started'),
  alreadyReported: () => new DomainError('conflict', 'strategic.already_reported'),
  alreadyDone: () => new DomainError('conflict', 'strategic.action_done'),
  duplicateCode: () => new DomainError('validation', 'strategic.code_taken', {}, [{ path: 'code', code: 'strategic.code_taken' }]),
  /** A rule broken by the input; the field gets the same code. */
  invalid: (code: string, path: string, params: Record<string, string | number> = {}) =>
    new DomainError('validation', `strategic.${code}`, params, [{ path, code: `strategic.${code}`, params } as FieldIssue]),
  fileTooLarge: (max: number) => new DomainError('too_large', 'strategic.file_too_large', { maxMb: Math.round(max / 1048576) }),
  fileType: (type: string) => new DomainError('unsupported', 'strategic.file_type_not_allowed', { type }),
};
