/**
 * Error codes of the deadline engine (STYLE rule 4). Each code `deadline.x` has the message
 * `deadline.errors.x` in src/shared/i18n/{sv,en}/deadline.json.
 */
import type { z } from 'zod';
import { DomainError, type FieldIssue } from '../errors.ts';

export const DEADLINE_ERROR_CODES = [
  'deadline.invalid_input', // the input is not of the expected shape
  'deadline.invalid_start', // an event instant (the start of a clock) is not a valid date
  'deadline.missing_start', // the matched rule starts at an event the input does not give
  'deadline.invalid_stop', // a clock stop is malformed or ends before it starts
  'deadline.invalid_delay', // the expected delay (Art 5(2)) is malformed
  'deadline.invalid_facts', // facts are not strings or booleans
  'deadline.invalid_now', // `now` is not a valid date
  'deadline.unknown_regime',
  'deadline.no_matching_rule',
  'deadline.invalid_regime', // a regime loaded from settings/JSON does not pass the schema
  'deadline.duplicate_regime',
  'deadline.invalid_policy', // a reminder policy does not pass the schema
] as const;
export type DeadlineErrorCode = (typeof DEADLINE_ERROR_CODES)[number];

/** Builds the validation DomainError for one of the engine's codes. */
export function deadlineError(
  code: DeadlineErrorCode,
  params: Record<string, string | number> = {},
  fields: FieldIssue[] = [],
): DomainError {
  return new DomainError('validation', code, params, fields);
}

/** Turns zod issues into the field list of a DomainError. */
export function zodFields(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), code: issue.code }));
}
