/** A tour of duty at /peace/deployments/:id: dates and extensions, extend and end, and the special-category panel. */
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { Panel } from '../wanted/panel.tsx';
import { ActionDialog, type PeaceAction } from './action-dialog.tsx';
import { JustificationField, useJustification } from './justification.tsx';
import type { DeploymentDetail } from './types.ts';
import { WelfarePanel } from './welfare-panel.tsx';

export function DeploymentPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const justification = useJustification();
  const [d, setD] = useState<DeploymentDetail | null>(null);
  const [error, setError] = useState('');
  const [open, setOpen] = useState<PeaceAction | null>(null);
  const [notice, setNotice] = useState('');
  useDocumentTitle(t('peace.deployment.title'));
  const load = useCallback(() => {
    if (justification) api<DeploymentDetail>(`/api/peace/deployments/${id}`, { query: { justification } }).then(setD, (e) => setError(errorMessage(e)));
  }, [id, justification]);
  useEffect(() => { load(); }, [load]);
  const act = async (body: Record<string, string | null>) => {
    if (!d || !open) return;
    setD(await api<DeploymentDetail>(`/api/peace/deployments/${d.id}/${open}`, { body: { version: d.version, ...body } }));
    setNotice(t('peace.action.done'));
  };
  const L = (k: string) => t(`peace.deployment.${k}`);
  return (
    <div className="page">
      <p className="breadcrumb"><Link to="/peace">{t('peace.common.back')}</Link></p>
      <h1>{d ? `${L('title')}: ${d.candidateName} – ${d.missionCode}` : L('title')}</h1>
      <JustificationField />
      {error && <p className="alert alert-error" role="alert">{error}</p>}
      {notice && <p className="alert" role="status">{notice}</p>}
      {d && (
        <>
          <dl className="facts-list card" data-testid="deployment-facts">
            <dt>{L('mission')}</dt><dd>{d.missionCode} ({t(`peace.organisation.${d.organisation}`)})</dd>
            <dt>{t('peace.columns.post')}</dt><dd>{d.postTitle}</dd>
            <dt>{t('peace.columns.start')}</dt><dd>{d.startDate}</dd>
            <dt>{t('peace.columns.end')}</dt><dd data-testid="deployment-end-date">{d.endDate}</dd>
            <dt>{L('originalEnd')}</dt><dd>{d.originalEndDate}</dd>
            <dt>{t('peace.columns.status')}</dt><dd data-testid="deployment-status">{t(`peace.deploymentStatus.${d.status}`)}</dd>
            {d.endReason && <><dt>{L('endReason')}</dt><dd>{t(`peace.endReason.${d.endReason}`)}</dd></>}
          </dl>
          <p>
            {d.actions.map((a) => (
              <button key={a} type="button" className="button button-secondary" data-testid={`deployment-${a}`} onClick={() => { setNotice(''); setOpen(a); }}>{t(`peace.action.${a}`)}</button>
            ))}
          </p>
          <Panel id="dep-extensions" title={L('extensions')}>
            {d.extensions.length === 0 ? <p className="empty">{L('noExtensions')}</p> : (
              <ul data-testid="extensions">{d.extensions.map((e, i) => <li key={i}>{e.fromDate} → {e.toDate}: {e.reason}</li>)}</ul>
            )}
          </Panel>
          <WelfarePanel deploymentId={d.id} />
        </>
      )}
      {open && <ActionDialog action={open} onClose={() => setOpen(null)} send={act} />}
    </div>
  );
}
