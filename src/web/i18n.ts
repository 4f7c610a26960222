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

/** The current UI language (always one of the supported locales). */
export function currentLanguage(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'sv';
}

/** Switch the UI language; `persist` remembers the choice on this device. */
export async function setLanguage(lang: Locale, persist = true): Promise<void> {
  if (persist) {
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // Private mode or storage disabled: the choice lasts for this page only.
    }
  }
  await i18n.changeLanguage(lang);
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

void i18n
  .use(ICU)
  .use(initReactI18next)
  .init({
    resources,
    // Swedish is the original language of the service; it is also the default.
    lng: storedLanguage() ?? 'sv',
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
