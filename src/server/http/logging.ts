/**
 * What the server's logs may hold (issue 11, item 7): no query strings (they carry names, search text and
 * justifications), no cookies or CSRF tokens, and no SQL parameters in errors (they carry password hashes,
 * names, documents). Logs are kept longer and read by more people than the data they would copy.
 */
import type { FastifyServerOptions } from 'fastify';

const REDACTED = '[redacted]';

/** The URL without the values of its query string: `/api/persons/search?q=[redacted]&justification=[redacted]`. */
export function redactUrl(url: string): string {
  const i = url.indexOf('?');
  if (i < 0) return url;
  const names = url.slice(i + 1).split('&').filter(Boolean).map((p) => `${p.split('=')[0].slice(0, 40)}=${REDACTED}`);
  return `${url.slice(0, i)}?${names.join('&')}`;
}

// Drizzle's "Failed query: …\nparams: a,b,c" (and the same in the stack): the parameters are the input.
const PARAMS = /\nparams: [\s\S]*?(?=\n\s+at |$)/g;
const scrub = (s: unknown) => (typeof s === 'string' ? s.replace(PARAMS, `\nparams: ${REDACTED}`) : s);

interface LoggedError { type: string; message: unknown; stack?: unknown; code?: unknown; sqlState?: unknown; cause?: LoggedError }

/** An error as logged: type, message and stack with SQL parameters removed, codes kept; never `params`. */
export function serializeError(err: unknown, depth = 0): LoggedError | unknown {
  if (!(err instanceof Error)) return typeof err === 'string' ? scrub(err) : err;
  const e = err as Error & { code?: unknown; cause?: unknown };
  const out: LoggedError = { type: e.name || e.constructor?.name || 'Error', message: scrub(e.message), stack: scrub(e.stack) };
  if (typeof e.code === 'string' || typeof e.code === 'number') out.code = e.code;
  if (e.cause !== undefined && depth < 3) out.cause = serializeError(e.cause, depth + 1) as LoggedError;
  return out;
}

/** Fastify's logger settings for the server process. */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers.authorization', 'res.headers["set-cookie"]'], censor: REDACTED },
    serializers: {
      req: (req: { method: string; url: string; ip?: string; id?: string }) => ({ method: req.method, url: redactUrl(req.url), remoteAddress: req.ip, reqId: req.id }),
      err: serializeError,
      error: serializeError,
    },
  } as FastifyServerOptions['logger'];
}
