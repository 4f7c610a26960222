/**
 * The public pages have one address per language (Swedish at `/`, English under `/en`): the address decides the
 * language the page is shown in, and the page names its other-language address for search engines and browsers.
 */
import { useEffect, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../shared/domain.ts';
import { publicCounterpart, publicLanguageOf, setLanguage } from '../../i18n.ts';

export function PublicAddress({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const { i18n } = useTranslation();
  const lang = publicLanguageOf(pathname);

  useEffect(() => {
    // Not remembered: following a link to the other language's page does not change the language chosen on this device.
    if (lang && i18n.language !== lang) void setLanguage(lang, false);
  }, [lang, i18n.language]);

  useEffect(() => {
    const links = LOCALES.map((l) => {
      const link = document.createElement('link');
      link.rel = 'alternate';
      link.hreflang = l;
      link.href = new URL(publicCounterpart(pathname, l) ?? pathname, window.location.origin).href;
      document.head.appendChild(link);
      return link;
    });
    return () => links.forEach((l) => l.remove());
  }, [pathname]);

  return <>{children}</>;
}
