/**
 * The one error type of Polsam (STYLE rule 4). Services throw DomainError; the HTTP layer maps its
 * kind to a status and translates its code (an i18n key under `errors.`) into the user's language.
 */
export type ErrorKind =
  | 'validation' // 400: the input is malformed or breaks a rule
  | 'unauthenticated' // 401
  | 'forbidden' // 403: only where "not found" would mislead (e.g. a CSRF failure)
  | 'not_found' // 404: also the answer for what the actor may not see
  | 'conflict' // 409: illegal transition, concurrent edit, duplicate
  | 'too_large' // 413
  | 'unsupported' // 415
  | 'rate_limited' // 429
  | 'unavailable'; // 503

export interface FieldIssue {
  path: string;
  code: string;
  params?: Record<string, string | number>;
}

export class DomainError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly params: Record<string, string | number>;
  readonly fields: FieldIssue[];

  constructor(
    kind: ErrorKind,
    code: string,
    params: Record<string, string | number> = {},
    fields: FieldIssue[] = [],
  ) {
    super(code);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
    this.params = params;
    this.fields = fields;
  }
}

export const notFound = (code = 'http.not_found') => new DomainError('not_found', code);
export const invalid = (code: string, params: Record<string, string | number> = {}, fields: FieldIssue[] = []) =>
  new DomainError('validation', code, params, fields);
export const conflict = (code: string, params: Record<string, string | number> = {}) =>
  new DomainError('conflict', code, params);
