/**
 * A call for contributions at /peace/calls/:id: posts, applications and nominations (read with the justification),
 * proposing a roster candidate, the supervisor's decision, the organisation's outcome, and deployment.
 */
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { ActionDialog, type PeaceAction } from './action-dialog.tsx';
import { CandidatePostForm } from './candidate-post-form.tsx';
import { JustificationField, useJustification } from './justification.tsx';
import type { CallDetail } from './types.ts';

export function CallPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const justification = useJustification();
  const [c, setC] = useState<CallDetail | null>(null);
  const [error, setError] = useState('');
  const [open, setOpen] = useState<{ action: PeaceAction; nominationId: string; version: number } | null>(null);
  useDocumentTitle(c ? `${c.reference} – ${t('peace.title')}` : t('peace.title'));
  const load = useCallback(() => {
    if (!justification) return;
    api<CallDetail>(`/api/peace/calls/${id}`, { query: { justification } }).then((d) => { setC(d); setError(''); }, (e) => setError(errorMessage(e)));
  }, [id, justification]);
  useEffect(() => { load(); }, [load]);

  const act = async (body: Record<string, string | null>) => {
    if (!open) return;
    const path = open.action.replace('_', '-');
    if (open.action === 'deploy') {
      const r = await api<{ deploymentId: string }>(`/api/peace/nominations/${open.nominationId}/deploy`, { body: { version: open.version, ...body } });
      navigate(`/peace/deployments/${r.deploymentId}`);
      return;
    }
    setC(await api<CallDetail>(`/api/peace/nominations/${open.nominationId}/${path}`, { body: { version: open.version, ...body }, query: { justification } }));
  };
  const close = async () => {
    if (c) setC(await api<CallDetail>(`/api/peace/calls/${c.id}/close`, { body: { version: c.version }, query: { justification } }).catch((e) => { setError(errorMessage(e)); return c; }));
  };
  const postTitle = (postId: string) => c?.postList.find((p) => p.id === postId)?.title ?? '';
  const L = (k: string) => t(`peace.call.${k}`);

  return (
    <div className="page">
      <p className="breadcrumb"><Link to="/peace">{t('peace.common.back')}</Link>{c && <> › <Link to={`/peace/missions/${c.mission.id}`}>{c.mission.code}</Link></>}</p>
      <h1>{c ? `${c.reference} – ${c.title}` : t('peace.call.formTitle')}</h1>
      <JustificationField />
      {!justification && <p className="muted">{t('peace.common.justificationRequired')}</p>}
      {error && <p className="alert alert-error" role="alert">{error}</p>}
      {c && (
        <>
          <p data-testid="call-status">
            {t('peace.columns.deadline')}: {c.deadline} · <strong>{t(`peace.callStatus.${c.status}`)}</strong>{' '}
            {c.status === 'open' && <button type="button" className="button button-secondary" onClick={() => void close()} data-testid="close-call">{L('close')}</button>}
          </p>
          {c.status === 'closed' && <p className="alert">{L('closed')}</p>}
          <section aria-labelledby="call-posts">
            <h2 id="call-posts">{L('posts')}</h2>
            <table className="queue-table">
              <thead><tr>{['post', 'positions', 'requirement'].map((k) => <th scope="col" key={k}>{t(`peace.columns.${k}`)}</th>)}</tr></thead>
              <tbody>
                {c.postList.map((p) => (
                  <tr key={p.id}><td>{p.title}{p.profile && <span className="muted"> – {p.profile}</span>}</td><td>{p.positions}</td>
                    <td>{p.language ? `${t(`peace.language.${p.language}`)} ${p.languageLevel ?? ''}` : '–'}</td></tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="call-nominations">
            <h2 id="call-nominations">{L('nominationsTitle')}</h2>
            {c.nominationList.length === 0 ? <p className="empty">{L('noNominations')}</p> : (
              <table className="queue-table" data-testid="nominations">
                <thead><tr>{['officer', 'post', 'status', 'actions'].map((k) => <th scope="col" key={k}>{t(`peace.columns.${k}`)}</th>)}</tr></thead>
                <tbody>
                  {c.nominationList.map((n) => (
                    <tr key={n.id} data-testid="nomination-row">
                      <td>{n.candidateName}</td><td>{postTitle(n.postId)}</td>
                      <td>{t(`peace.nominationStatus.${n.status}`)}{n.outcomeOn && ` (${n.outcomeOn})`}</td>
                      <td>
                        {n.actions.map((a) => (
                          <button key={a} type="button" className="button button-secondary" data-testid={`nomination-${a}`} onClick={() => setOpen({ action: a, nominationId: n.id, version: n.version })}>
                            {t(`peace.action.${a}`)}
                          </button>
                        ))}
                        {n.deploymentId && <Link to={`/peace/deployments/${n.deploymentId}`}>{t('peace.deployment.title')}</Link>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {c.status === 'open' && <CandidatePostForm call={c} kind="nominations" onDone={setC} />}
          </section>
          <section aria-labelledby="call-applications">
            <h2 id="call-applications">{L('applications')}</h2>
            {c.applications.length === 0 ? <p className="empty">{L('noApplications')}</p> : (
              <ul>{c.applications.map((a) => <li key={a.id}>{a.candidateName} – {postTitle(a.postId)} ({a.receivedOn})</li>)}</ul>
            )}
            {c.status === 'open' && <CandidatePostForm call={c} kind="applications" onDone={setC} />}
          </section>
        </>
      )}
      {open && <ActionDialog action={open.action} onClose={() => setOpen(null)} send={act} />}
    </div>
  );
}
