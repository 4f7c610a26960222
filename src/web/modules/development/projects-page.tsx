/** Development cooperation at /development: the unit's partner-country projects and the IATI export of them all. */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../shared/domain.ts';
import type { ProjectSummary } from '../../../shared/development.schemas.ts';
import { api, errorMessage } from '../../api.ts';
import { currentLanguage } from '../../i18n.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { money } from './format.ts';

export function ProjectsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('development.title'));
  const [items, setItems] = useState<ProjectSummary[] | null>(null);
  const [error, setError] = useState('');
  const lang = currentLanguage();

  useEffect(() => {
    api<{ items: ProjectSummary[] }>('/api/development/projects').then((r) => setItems(r.items), (e) => setError(errorMessage(e)));
  }, []);

  return (
    <section className="page" aria-labelledby="dev-title">
      <div className="page-head">
        <h1 id="dev-title">{t('development.title')}</h1>
        <div className="page-head-actions">
          <Link to="/development/new" className="button" data-testid="dev-new">{t('development.list.new')}</Link>{' '}
          {!!items?.length && (
            <a href="/api/development/iati.xml" download className="button button-secondary" data-testid="dev-iati-all">{t('development.list.exportAll')}</a>
          )}
        </div>
      </div>
      <p>{t('development.list.intro')}</p>
      {error && <p className="alert alert-error" role="alert">{error}</p>}
      {items && items.length === 0 && <p className="empty">{t('development.list.empty')}</p>}
      {items && items.length > 0 && (
        <table className="queue-table" data-testid="dev-projects">
          <caption className="visually-hidden">{t('development.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('development.list.reference')}</th>
              <th scope="col">{t('development.fields.title')}</th>
              <th scope="col">{t('development.fields.partnerCountry')}</th>
              <th scope="col">{t('development.list.status')}</th>
              <th scope="col">{t('development.detail.budgetTotal')}</th>
              <th scope="col">{t('development.detail.disbursedTotal')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.id} data-testid="dev-row">
                <td><Link to={`/development/${p.id}`}>{p.reference}</Link></td>
                <td>{p.title}</td>
                <td>{countryName(p.partnerCountry, lang)}</td>
                <td>{t(`development.status.${p.status}`)}</td>
                <td>{money(p.budgetTotal, lang)}</td>
                <td>{money(p.disbursedTotal, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
