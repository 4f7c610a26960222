/** Peace operations at /peace: the missions, the tours of duty (with a justification) and the way to the roster. */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../shared/domain.ts';
import { api, errorMessage } from '../../api.ts';
import { currentLanguage } from '../../i18n.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { JustificationField, useJustification } from './justification.tsx';
import type { DeploymentList, MissionList } from './types.ts';

export function PeaceHomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('peace.title'));
  const [missions, setMissions] = useState<MissionList | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api<MissionList>('/api/peace/missions').then(setMissions, (e) => setError(errorMessage(e)));
  }, []);
  const lang = currentLanguage();
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('peace.title')}</h1>
        <div className="page-head-actions">
          <Link to="/peace/missions/new" className="button" data-testid="new-mission">{t('peace.home.newMission')}</Link>
          <Link to="/peace/roster" className="button button-secondary">{t('peace.home.roster')}</Link>
          <Link to="/peace/statistics" className="button button-secondary">{t('peace.home.statistics')}</Link>
        </div>
      </div>
      <p className="muted">{t('peace.intro')}</p>
      <JustificationField />
      {error && <p className="alert alert-error" role="alert">{error}</p>}
      <section aria-labelledby="peace-missions">
        <h2 id="peace-missions">{t('peace.home.missions')}</h2>
        {missions && missions.items.length === 0 && <p className="empty">{t('peace.home.noMissions')}</p>}
        {missions && missions.items.length > 0 && (
          <table className="queue-table" data-testid="missions">
            <thead>
              <tr>{['code', 'name', 'organisation', 'country', 'openCalls', 'activeTours'].map((k) => <th scope="col" key={k}>{t(`peace.columns.${k}`)}</th>)}</tr>
            </thead>
            <tbody>
              {missions.items.map((m) => (
                <tr key={m.id}>
                  <td><Link to={`/peace/missions/${m.id}`}>{m.code}</Link></td>
                  <td>{m.name}</td>
                  <td>{t(`peace.organisation.${m.organisation}`)}</td>
                  <td>{countryName(m.countryCode, lang)}</td>
                  <td>{m.openCalls}</td>
                  <td>{m.activeDeployments}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <Tours />
    </div>
  );
}

function Tours() {
  const { t } = useTranslation();
  const justification = useJustification();
  const [data, setData] = useState<DeploymentList | null>(null);
  const [error, setError] = useState('');
  const load = () => {
    if (!justification) return setError(t('peace.common.justificationRequired'));
    api<DeploymentList>('/api/peace/deployments', { query: { justification } }).then((d) => { setData(d); setError(''); }, (e) => setError(errorMessage(e)));
  };
  return (
    <section aria-labelledby="peace-tours">
      <h2 id="peace-tours">{t('peace.home.tours')}</h2>
      <button type="button" className="button button-secondary" onClick={load} data-testid="show-tours">{t('peace.home.showTours')}</button>
      {error && <p className="alert alert-error" role="alert">{error}</p>}
      {data && data.items.length === 0 && <p className="empty">{t('peace.home.noTours')}</p>}
      {data && data.items.length > 0 && (
        <table className="queue-table" data-testid="tours">
          <thead>
            <tr>{['officer', 'code', 'post', 'start', 'end', 'status'].map((k) => <th scope="col" key={k}>{t(`peace.columns.${k}`)}</th>)}</tr>
          </thead>
          <tbody>
            {data.items.map((d) => (
              <tr key={d.id}>
                <td><Link to={`/peace/deployments/${d.id}`}>{d.candidateName}</Link></td>
                <td>{d.missionCode}</td>
                <td>{d.postTitle}</td>
                <td>{d.startDate}</td>
                <td>{d.endDate}</td>
                <td>{t(`peace.deploymentStatus.${d.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
