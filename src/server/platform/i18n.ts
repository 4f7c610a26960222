/**
 * Server-side translation: the same ICU catalogs as the web app (src/shared/i18n/<lang>/<ns>.json),
 * used for error messages and notifications rendered in the reader's language.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { LOCALES, type Locale } from '../../shared/domain.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/i18n');

type Flat = Map<string, string>;
let catalogs: Record<Locale, Flat> | null = null;
const cache = new Map<string, IntlMessageFormat>();

/** Flattens nested catalog objects into dotted keys. */
export function flattenCatalog(obj: unknown, prefix: string, out: Flat = new Map()): Flat {
  if (obj && typeof obj === 'object') {
    for (const [k, v] of Object.entries(obj as Record<string, unknown>)) flattenCatalog(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (typeof obj === 'string') {
    out.set(prefix, obj);
  }
  return out;
}

/** Loads every catalog file of one language into a flat key → message map. */
export function loadCatalog(locale: Locale): Flat {
  const dir = path.join(root, locale);
  const out: Flat = new Map();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const ns = file.replace(/\.json$/, '');
    flattenCatalog(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')), ns, out);
  }
  return out;
}

function all(): Record<Locale, Flat> {
  catalogs ??= { sv: loadCatalog('sv'), en: loadCatalog('en') };
  return catalogs;
}

/** Whether a message key exists in the given language. */
export function hasMessage(locale: Locale, key: string): boolean {
  return all()[locale].has(key);
}

/** Renders a message in the given language; falls back to English, then to the key itself. */
export function t(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const message = all()[locale].get(key) ?? all().en.get(key);
  if (message === undefined) return key;
  const id = `${locale}\u0000${key}`;
  let fmt = cache.get(id);
  if (!fmt) {
    fmt = new IntlMessageFormat(message, locale);
    cache.set(id, fmt);
  }
  try {
    return String(fmt.format(params as Record<string, string>));
  } catch {
    return message;
  }
}

/** Picks sv or en from an Accept-Language header (Swedish first when both are equally acceptable). */
export function pickLocale(header: string | undefined, fallback: Locale = 'sv'): Locale {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { lang: tag.trim().toLowerCase().slice(0, 2), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const r of ranked) if ((LOCALES as readonly string[]).includes(r.lang)) return r.lang as Locale;
  return fallback;
}
