/**
 * The one place errors become HTTP answers (STYLE rule 4): DomainError by kind, zod validation with
 * translated field messages, framework errors by code; anything else is a 500 with no internals.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Locale } from '../../shared/domain.ts';
import { DomainError, type ErrorKind, type FieldIssue } from '../platform/errors.ts';
import { hasMessage, pickLocale, t } from '../platform/i18n.ts';

/** The HTTP status of each kind of DomainError. */
export const STATUS: Record<ErrorKind, number> = {
  validation: 400, unauthenticated: 401, forbidden: 403, not_found: 404, conflict: 409, too_large: 413,
  unsupported: 415, rate_limited: 429, unavailable: 503,
};

/** `exchange.stale_version` → `exchange.errors.stale_version`. */
export function messageKey(code: string): string {
  const i = code.indexOf('.');
  return i < 0 ? `http.errors.${code}` : `${code.slice(0, i)}.errors.${code.slice(i + 1)}`;
}

/** Translates one field issue: a custom message naming a key wins, else the zod issue code. */
export function fieldMessage(locale: Locale, issue: { code: string; message?: string; params?: Record<string, unknown> }): string {
  if (issue.message && /^[a-z_]+(\.[a-z_]+)*$/.test(issue.message)) {
    const custom = issue.message.includes('.') ? messageKey(issue.message) : `http.fields.${issue.message}`;
    if (hasMessage(locale, custom) || hasMessage('en', custom)) return t(locale, custom, issue.params);
  }
  const p = issue.params ?? {};
  const withNumber = (issue.code === 'too_small' && p.min !== undefined) || (issue.code === 'too_big' && p.max !== undefined);
  const key = `http.fields.${issue.code}${withNumber ? (issue.code === 'too_small' ? '_min' : '_max') : ''}`;
  return hasMessage('en', key) ? t(locale, key, issue.params ?? {}) : t(locale, 'http.fields.invalid');
}

export interface ErrorBody { error: string; message: string; fields?: { path: string; message: string }[] }

/** Builds the error body for a DomainError in the given language. */
export function domainErrorBody(locale: Locale, e: DomainError): ErrorBody {
  const body: ErrorBody = { error: e.code, message: t(locale, messageKey(e.code), e.params) };
  if (e.fields.length) body.fields = e.fields.map((f: FieldIssue) => ({ path: f.path, message: fieldMessage(locale, { code: f.code, message: f.code, params: f.params }) }));
  return body;
}

/** Fastify error handler. */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const locale = request.ctx?.locale ?? pickLocale(request.headers['accept-language']);
  if (error instanceof DomainError) {
    return reply.status(STATUS[error.kind]).send(domainErrorBody(locale, error));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const source = ({ body: request.body, querystring: request.query, params: request.params, headers: request.headers } as Record<string, unknown>)[error.validationContext ?? 'body'];
    const fields = error.validation.map((v) => {
      const issue = (v.params as { issue?: { code: string; message?: string; minimum?: unknown; maximum?: unknown; values?: unknown[] } }).issue;
      const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
      const params: Record<string, unknown> = {};
      if (issue?.minimum !== undefined) params.min = Number(issue.minimum);
      if (issue?.maximum !== undefined) params.max = Number(issue.maximum);
      // A field left empty gets "required", not the rule its empty value happens to break — unless a rule
      // of the schema says more (e.g. "an urgent request needs an Art 4(4) reason").
      const message = issue?.message ?? v.message;
      const named = !!message && /^[a-z_]+(\.[a-z_]+)*$/.test(message);
      if (!named && isEmpty(valueAt(source, path))) return { path, message: t(locale, 'http.fields.required') };
      return { path, message: fieldMessage(locale, { code: issue?.code ?? v.keyword, message: issue?.message ?? v.message, params }) };
    });
    return reply.status(400).send({ error: 'http.validation_failed', message: t(locale, 'http.errors.validation_failed', { count: fields.length }), fields });
  }
  // A multipart body that ends early or is malformed (busboy's errors carry no code): the upload is refused.
  if (isMultipart(request) && BROKEN_MULTIPART.test(error.message)) {
    const fields = [{ path: 'file', message: fieldMessage(locale, { code: 'upload_incomplete', message: 'upload_incomplete' }) }];
    return reply.status(400).send({ error: 'http.malformed_upload', message: t(locale, 'http.errors.malformed_upload'), fields });
  }
  // A value the database refuses as data (SQLSTATE class 22: out of range, bad encoding) came from the input;
  // the transaction has rolled back. The input guard should have caught it first, so it is logged.
  if (sqlState(error)?.startsWith('22')) {
    request.log.warn({ reqId: request.id, sqlState: sqlState(error) }, 'data exception from input');
    return reply.status(400).send({ error: 'http.invalid_input', message: t(locale, 'http.errors.invalid_input') });
  }
  const fe = error as FastifyError;
  const byCode: Record<string, [number, string]> = {
    FST_ERR_CTP_BODY_TOO_LARGE: [413, 'http.too_large'],
    FST_REQ_FILE_TOO_LARGE: [413, 'http.too_large'],
    FST_FILES_LIMIT: [413, 'http.too_large'],
    FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'http.unsupported_media_type'],
    FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'http.malformed_body'],
    FST_ERR_CTP_INVALID_JSON_BODY: [400, 'http.malformed_body'],
    FST_INVALID_MULTIPART_CONTENT_TYPE: [415, 'http.unsupported_media_type'],
  };
  const mapped = fe.code ? byCode[fe.code] : undefined;
  if (mapped) return reply.status(mapped[0]).send({ error: mapped[1], message: t(locale, messageKey(mapped[1])) });
  if (fe.statusCode === 429) return reply.status(429).send({ error: 'http.rate_limited', message: t(locale, 'http.errors.rate_limited') });
  if (fe.statusCode === 400 && error instanceof SyntaxError) return reply.status(400).send({ error: 'http.malformed_body', message: t(locale, 'http.errors.malformed_body') });
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return reply.status(fe.statusCode).send({ error: 'http.bad_request', message: t(locale, 'http.errors.bad_request') });
  }
  request.log.error({ err: error, reqId: request.id }, 'unhandled error');
  return reply.status(500).send({ error: 'http.internal_error', message: t(locale, 'http.errors.internal_error', { id: request.id }) });
}

const BROKEN_MULTIPART = /^(Unexpected end of|Malformed|Multipart: Boundary not found)/;
const isMultipart = (request: FastifyRequest) => String(request.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/');

/** The PostgreSQL error code of an error or of its cause (Drizzle wraps the driver's error). */
function sqlState(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

function valueAt(root: unknown, path: string): unknown {
  let cur = root;
  for (const part of path ? path.split('.') : []) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
