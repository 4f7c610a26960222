/** Error codes of the accountability module; messages live under `accountability.errors.*` in both catalogs. */
import { DomainError, type FieldIssue } from '../../platform/errors.ts';

export const ACCOUNTABILITY_ERRORS = {
  notFound: 'accountability.not_found',
  reviewDecided: 'accountability.review_already_decided',
  reviewDateInvalid: 'accountability.review_date_invalid',
  reasonRequired: 'accountability.reason_required',
  personNotInRequest: 'accountability.person_not_in_request',
  noPersons: 'accountability.no_persons',
  chainNotIntact: 'accountability.chain_not_intact',
  chainEmpty: 'accountability.chain_empty',
  checkpointFileInvalid: 'accountability.checkpoint_file_invalid',
} as const;

export const accountabilityErrors = {
  notFound: () => new DomainError('not_found', ACCOUNTABILITY_ERRORS.notFound),
  reviewDecided: () => new DomainError('conflict', ACCOUNTABILITY_ERRORS.reviewDecided),
  reviewDateInvalid: (max: string) => new DomainError('validation', ACCOUNTABILITY_ERRORS.reviewDateInvalid, { max },
    [{ path: 'nextReviewAt', code: ACCOUNTABILITY_ERRORS.reviewDateInvalid, params: { max } }]),
  reasonRequired: () => new DomainError('validation', ACCOUNTABILITY_ERRORS.reasonRequired, {},
    [{ path: 'reason', code: ACCOUNTABILITY_ERRORS.reasonRequired }] as FieldIssue[]),
  personNotInRequest: () => new DomainError('validation', ACCOUNTABILITY_ERRORS.personNotInRequest, {},
    [{ path: 'personIds', code: ACCOUNTABILITY_ERRORS.personNotInRequest }]),
  noPersons: () => new DomainError('not_found', ACCOUNTABILITY_ERRORS.noPersons),
  chainNotIntact: () => new DomainError('conflict', ACCOUNTABILITY_ERRORS.chainNotIntact),
  chainEmpty: () => new DomainError('conflict', ACCOUNTABILITY_ERRORS.chainEmpty),
  checkpointFileInvalid: (fields: FieldIssue[]) => new DomainError('validation', ACCOUNTABILITY_ERRORS.checkpointFileInvalid, {}, fields),
};
