import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the page title ("<page> – Polsam") so each view is announced and identifiable. */
export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  const product = t('common.product');
  useEffect(() => {
    document.title = title ? `${title} – ${product}` : product;
  }, [title, product]);
}
