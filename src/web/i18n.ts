/**
 * i18next with ICU messages. Every catalog file `src/shared/i18n/<lang>/<ns>.json` is merged into one
 * `translation` namespace under its file name, so `exchange.json` → `queue.title` is `t('exchange.queue.title')`.
 */
import i18n from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../shared/domain.ts';

const STORAGE_KEY = 'polsam.lang';

const files = import.meta.glob('../shared/i18n/*/*.json', { eager: true, import: 'default' }) as Record<
  string,
  Record<string, unknown>
>;

const resources: Record<string, { translation: Record<string, unknown> }> = {};
for (const [path, data] of Object.entries(files)) {
  const m = /\/i18n\/([^/]+)\/([^/]+)\.json$/.exec(path);
  if (!m) continue;
  const [, lang, ns] = m;
  resources[lang] ??= { translation: {} };
  resources[lang].translation[ns] = data;
}

function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

/** The language chosen on this device, if any. */
export function storedLanguage(): Locale | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLocale(v) ? v : null;
  } catch {
    return null;
  }
}

/** The first of the browser's preferred languages that Polsam speaks ("en-GB" → en), if any. */
export function browserLanguage(): Locale | null {
  const wanted = typeof navigator === 'undefined' ? [] : (navigator.languages?.length ? navigator.languages : [navigator.language]);
  for (const tag of wanted) {
    const base = String(tag ?? '').toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return null;
}

/**
 * The public pages have one address per language: Swedish at `/` and `/wanted`, English under `/en`.
 * `publicLanguageOf` names the language an address is in (null for pages that are not public).
 */
export const PUBLIC_PAGES = ['/', '/wanted'] as const;
type PublicPage = (typeof PUBLIC_PAGES)[number];

/** Which public page an address shows, and in which language; null for pages that are not public. */
function publicAddressOf(pathname: string): { page: PublicPage; lang: Locale } | null {
  const p = pathname.replace(/\/+$/, '') || '/';
  const en = p === '/en' || p.startsWith('/en/');
  const page = en ? p.slice(3) || '/' : p;
  return (PUBLIC_PAGES as readonly string[]).includes(page) ? { page: page as PublicPage, lang: en ? 'en' : 'sv' } : null;
}

export function publicLanguageOf(pathname: string): Locale | null {
  return publicAddressOf(pathname)?.lang ?? null;
}

/** The address of a public page in a language: publicPath('/wanted', 'en') is `/en/wanted`. */
export function publicPath(page: PublicPage, lang: Locale): string {
  if (lang === 'sv') return page;
  return page === '/' ? '/en' : `/en${page}`;
}

/** The same public page in another language, or null when `pathname` is not a public page. */
export function publicCounterpart(pathname: string, lang: Locale): string | null {
  const at = publicAddressOf(pathname);
  return at ? publicPath(at.page, lang) : null;
}

/** The current UI language (always one of the supported locales). */
export function currentLanguage(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'sv';
}

/** Remembers the language chosen on this device (without switching to it). */
export function rememberLanguage(lang: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

/** Switch the UI language; `persist` remembers the choice on this device. */
export async function setLanguage(lang: Locale, persist = true): Promise<void> {
  if (persist) rememberLanguage(lang);
  await i18n.changeLanguage(lang);
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

const ARRIVED_AT = publicLanguageOf(window.location.pathname);
const INITIAL: Locale = (ARRIVED_AT === 'en' ? 'en' : null) ?? storedLanguage() ?? browserLanguage() ?? 'sv';
// Arriving at a Swedish public address in English (chosen earlier, or the browser's language): the English address.
if (ARRIVED_AT === 'sv' && INITIAL === 'en') {
  const to = publicCounterpart(window.location.pathname, 'en');
  if (to) window.history.replaceState(window.history.state, '', to + window.location.search + window.location.hash);
}

void i18n
  .use(ICU)
  .use(initReactI18next)
  .init({
    resources,
    // An English public address is English; otherwise the language chosen on this device, then the browser's;
    // Swedish, the original language of the service, when none of these is one Polsam speaks.
    lng: INITIAL,
    supportedLngs: [...LOCALES],
    fallbackLng: { sv: ['en'], en: ['sv'], default: ['sv'] },
    keySeparator: '.',
    nsSeparator: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: false },
  });

document.documentElement.lang = currentLanguage();

export { i18n };
