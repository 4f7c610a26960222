/**
 * One guard for text no route may store, run before any route's own validation: NUL characters (PostgreSQL's
 * text and jsonb refuse them), lone UTF-16 surrogates (not Unicode; silently corrupted on the way to the
 * database) and dates in year 0000 (no such year in PostgreSQL). Each becomes a field error in the user's
 * language, so a route written tomorrow is covered without knowing about it (issue 11, item 8).
 */
import type { FastifyRequest } from 'fastify';
import { DomainError, type FieldIssue } from '../platform/errors.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// A value that is a date or a timestamp and nothing else (free text that mentions a date is left alone).
const YEAR_ZERO = /^[+]?0000-\d{2}(-\d{2})?([T ][0-9:.]+(Z|[+-]\d{2}(:?\d{2})?)?)?$/i;
const MAX_ISSUES = 20;

/** The code of what is wrong with one string, or null. */
export function badText(s: string): string | null {
  if (s.includes('\u0000')) return 'invalid_characters';
  if (LONE_SURROGATE.test(s)) return 'invalid_characters';
  if (YEAR_ZERO.test(s)) return 'date_out_of_range';
  return null;
}

/** Every hostile string (and object key) in a parsed JSON value, with its dotted path. */
export function hostileTextIssues(value: unknown, path = '', out: FieldIssue[] = []): FieldIssue[] {
  if (out.length >= MAX_ISSUES) return out;
  if (typeof value === 'string') {
    const code = badText(value);
    if (code) out.push({ path, code });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => hostileTextIssues(v, path ? `${path}.${i}` : String(i), out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const p = path ? `${path}.${k}` : k;
      if (badText(k)) out.push({ path: p, code: 'invalid_characters' });
      else hostileTextIssues(v, p, out);
    }
  }
  return out;
}

/** preValidation hook: refuses hostile text in the body, query and path, and a `null` body where one is expected. */
export async function guardInput(request: FastifyRequest): Promise<void> {
  const issues = [
    ...hostileTextIssues(request.body),
    ...hostileTextIssues(request.query),
    ...hostileTextIssues(request.params),
  ];
  // A JSON `null` where the route expects a body: the route's schema and its cross-field rules never see it.
  const schema = request.routeOptions.schema as { body?: unknown } | undefined;
  if (request.body === null && schema?.body) issues.push({ path: '', code: 'invalid_type' });
  if (issues.length) throw new DomainError('validation', 'http.validation_failed', { count: issues.length }, issues);
}
