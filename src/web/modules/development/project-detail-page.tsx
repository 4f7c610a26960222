/** One development cooperation project at /development/:id: facts, markers, actions, framework, money and work. */
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../shared/domain.ts';
import type { ProjectDetail } from '../../../shared/development.schemas.ts';
import { api, errorMessage } from '../../api.ts';
import { currentLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../ui/format.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { Panel } from '../wanted/panel.tsx';
import { ActionButton } from './action-form.tsx';
import { ContactsPanel } from './contacts-panel.tsx';
import { FIELDS } from './fields.ts';
import { money } from './format.ts';
import { MoneyPanel, WorkPanels } from './project-panels.tsx';
import { ResultsPanel } from './results-panel.tsx';

export function ProjectDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [p, setP] = useState<ProjectDetail | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const lang = currentLanguage();
  useDocumentTitle(p ? `${p.reference} – ${p.title}` : t('development.title'));

  const load = useCallback(() => {
    api<ProjectDetail>(`/api/development/projects/${id}`).then(setP, (e) => setError(errorMessage(e)));
  }, [id]);
  useEffect(load, [load]);

  if (error) return <section className="page"><p className="alert alert-error" role="alert">{error}</p></section>;
  if (!p) return <section className="page"><p>{t('common.loading')}</p></section>;

  const onDone = (next: ProjectDetail) => {
    setNotice('');
    setP(next);
  };
  const onStale = (message: string) => {
    setNotice(message);
    load();
  };
  const on = { p, onDone, onStale };
  const facts: [string, string][] = [
    ['partnerName', `${p.partnerName}${p.partnerRef ? ` (${p.partnerRef})` : ''}`],
    ['partnerType', t(`development.partnerType.${p.partnerType}`)],
    ['partnerCountry', countryName(p.partnerCountry, lang)],
    ['sector', `${p.sector} ${t(`development.sector.${p.sector}`)}`],
    ['genderMarker', t(`development.marker.${p.genderMarker}`)],
    ['humanRightsMarker', t(`development.marker.${p.humanRightsMarker}`)],
    ['startDate', p.startDate],
    ['endDate', p.endDate],
  ];

  return (
    <div className="page">
      <p className="breadcrumb"><Link to="/development">{t('development.title')}</Link></p>
      <div className="page-head">
        <h1>{p.reference} – {p.title}</h1>
        <div className="page-head-actions">
          <a href={`/api/development/projects/${p.id}/iati.xml`} download className="button button-secondary" data-testid="dev-iati">{t('development.detail.exportIati')}</a>
        </div>
      </div>
      <p><span className="badge" data-testid="dev-status">{t(`development.status.${p.status}`)}</span></p>
      {notice && <p className="alert alert-error" role="alert">{notice}</p>}
      <Panel id="dev-facts" title={t('development.detail.facts')}>
        <p>{p.description}</p>
        <dl className="facts-list">
          {facts.map(([k, v]) => (
            <div key={k} className="fact"><dt>{t(`development.fields.${k}`)}</dt><dd>{v}</dd></div>
          ))}
          <div className="fact"><dt>{t('development.detail.budgetTotal')}</dt><dd>{money(p.budgetTotal, lang)}</dd></div>
          <div className="fact">
            <dt>{t('development.detail.approval')}</dt>
            <dd data-testid="dev-approval">{p.approvedAt ? t('development.detail.approvedBy', { name: p.approvedBy ?? '', at: formatDateTime(p.approvedAt, lang) }) : t('development.detail.notApproved')}</dd>
          </div>
        </dl>
        <p className="form-actions">
          <ActionButton {...on} action="approve_start" fields={FIELDS.approve_start} />{' '}
          <ActionButton {...on} action="close" fields={FIELDS.close} />{' '}
          <ActionButton {...on} action="cancel" fields={FIELDS.cancel} />
        </p>
      </Panel>
      <ResultsPanel {...on} />
      <MoneyPanel {...on} />
      <WorkPanels {...on} />
      <ContactsPanel {...on} />
    </div>
  );
}
