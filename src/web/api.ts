/**
 * The one way the web app talks to the server: JSON, same-origin cookies, the CSRF token on every
 * non-GET, `Accept-Language` following the UI language, and failures as `ApiError`.
 */
import { currentLanguage, i18n } from './i18n.ts';

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];

  constructor(status: number, code: string, message: string, fields: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** The CSRF header for a state-changing call made with fetch directly (a file download by POST). */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

/** Remember the CSRF token handed out by login or `me`. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a call fails with 401 (the session ended), except for the auth calls themselves. */
export function setUnauthenticatedHandler(fn: (() => void) | null): void {
  onUnauthenticated = fn;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export interface ApiOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
  /** A read the user did not ask for (a session check): it does not keep the session alive. */
  background?: boolean;
}

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

function isErrorBody(v: unknown): v is { error: string; message: string; fields?: FieldError[] } {
  return typeof v === 'object' && v !== null && typeof (v as { error?: unknown }).error === 'string';
}

/** The last keyboard, pointer or touch input: reads made long after it are the page refreshing itself. */
let lastInput = Date.now();
if (typeof window !== 'undefined') {
  for (const ev of ['pointerdown', 'keydown', 'wheel', 'touchstart']) {
    window.addEventListener(ev, () => (lastInput = Date.now()), { passive: true, capture: true });
  }
}
const BACKGROUND_AFTER_MS = 60_000;

/** When the user last typed, clicked, scrolled or touched the page (ms since the epoch). */
export function lastInputAt(): number {
  return lastInput;
}

/** A link to a file the server makes (CSV, PDF, XLSX, iCalendar) in the UI's language, which a link cannot send as a header. */
export function downloadHref(path: string, query?: Query): string {
  return withQuery(path, { ...query, lang: currentLanguage() });
}

/** Call the API; resolves with the parsed JSON (or undefined for 204) and rejects with ApiError. */
export async function api<T>(path: string, opts: ApiOptions = {}): Promise<T> {
  const method = opts.method ?? (opts.body !== undefined ? 'POST' : 'GET');
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLanguage() };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) {
    body = opts.body; // the browser sets the multipart boundary
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  // A read nobody asked for just now (a queue refresh on an unattended screen) does not keep the session alive.
  if (method === 'GET' && (opts.background || Date.now() - lastInput > BACKGROUND_AFTER_MS)) headers['X-Polsam-Background'] = '1';

  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network_error', i18n.t('common.errors.network'));
  }

  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    if (res.status === 401 && !path.startsWith('/api/auth/')) onUnauthenticated?.();
    if (isErrorBody(data)) {
      throw new ApiError(
        res.status,
        data.error,
        data.message || i18n.t('common.errors.http', { status: res.status }),
        Array.isArray(data.fields) ? data.fields : [],
      );
    }
    throw new ApiError(res.status, `http_${res.status}`, i18n.t('common.errors.http', { status: res.status }));
  }
  return data as T;
}

/** The message to show for any error thrown by `api` (or anything else). */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return i18n.t('common.errors.unexpected');
}
