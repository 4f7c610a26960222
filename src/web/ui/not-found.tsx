import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from './use-document-title.ts';

export function NotFoundPage({ message, backTo = '/' }: { message?: string; backTo?: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('common.notFound.title'));
  return (
    <section className="page narrow" aria-labelledby="nf-title">
      <h1 id="nf-title">{t('common.notFound.title')}</h1>
      <p>{message ?? t('common.notFound.body')}</p>
      <p>
        <Link to={backTo}>{backTo === '/desk' ? t('common.notFound.backToQueue') : t('common.notFound.backHome')}</Link>
      </p>
    </section>
  );
}
