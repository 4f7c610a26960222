/** One request at /desk/requests/:id: facts, deadline, thread, items, hits, persons and the allowed actions. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../shared/domain.ts';
import { api, ApiError, errorMessage } from '../../api.ts';
import { currentLanguage } from '../../i18n.ts';
import { NotFoundPage } from '../../ui/not-found.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { ActionDialog } from './action-dialog.tsx';
import { AddPersonDialog } from './add-person-dialog.tsx';
import { DeadlineBox } from './deadline-box.tsx';
import { ConsultationPanels } from './persons-panel.tsx';
import { ItemsPanel, RequestFacts } from './request-facts.tsx';
import { syncFromRemaining } from './server-clock.ts';
import { ThreadPanel } from './thread-panel.tsx';
import { DIALOG_ACTIONS, type ActionName, type RequestDetail } from './types.ts';

export function RequestDetailPage() {
  const { id = '' } = useParams();
  // A fresh page (and fresh justification) for each request.
  return <RequestDetailView key={id} id={id} />;
}

function RequestDetailView({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [detail, setDetail] = useState<RequestDetail | null>(null);
  const [notFound, setNotFound] = useState(false);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [stale, setStale] = useState('');
  const [action, setAction] = useState<ActionName | null>(null);
  const [justification, setJustification] = useState('');
  const [addingPerson, setAddingPerson] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  useDocumentTitle(detail ? `${detail.reference} – ${detail.subject}` : t('exchange.detail.title'));

  const load = useCallback(async () => {
    try {
      const r = await api<RequestDetail>(`/api/requests/${encodeURIComponent(id)}`);
      syncFromRemaining(r.deadline.dueAt, r.deadline.remainingMs, r.deadline.paused);
      setDetail(r);
      setError('');
    } catch (err) {
      if (err instanceof ApiError && (err.status === 404 || err.status === 400)) setNotFound(true);
      else setError(errorMessage(err));
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load, lang]);

  if (notFound) return <NotFoundPage message={t('exchange.detail.notFound')} backTo="/desk" />;
  if (!detail) {
    return (
      <section className="page" aria-labelledby="detail-title">
        <h1 id="detail-title">{t('exchange.detail.title')}</h1>
        {error ? (
          <p className="alert alert-error" role="alert">
            {error}
          </p>
        ) : (
          <p className="muted" role="status">
            {t('common.loading')}
          </p>
        )}
      </section>
    );
  }

  const r = detail;
  const actions = DIALOG_ACTIONS.filter((a) => r.allowedActions.includes(a));
  const canEdit = r.allowedActions.includes('edit');
  const canAddPerson = r.allowedActions.includes('add_person');
  const changed = (message: string) => {
    setStale('');
    setStatus(message);
    void load();
  };

  return (
    <div className="page detail">
      <p className="breadcrumb">
        <Link to="/desk">{t('exchange.detail.back')}</Link>
      </p>
      <header className="detail-head">
        <h1>
          <span className="ref">{r.reference}</span> {r.subject}
        </h1>
        <p className="detail-badges">
          <span className={`status status-${r.status}`}>{t(`domain.statuses.${r.status}`)}</span>
          {r.urgent && (
            <span className="badge badge-urgent">
              <span aria-hidden="true">● </span>
              {t('exchange.urgency.urgent')}
            </span>
          )}
          {r.overdue && (
            <span className="badge badge-overdue">
              <span aria-hidden="true">⚠ </span>
              {t('exchange.detail.overdue')}
            </span>
          )}
          <span>{t(`domain.directions.${r.direction}`)}</span>
          <span>{t(`domain.channels.${r.channel}`)}</span>
          <span>{countryName(r.countryCode, lang)}</span>
        </p>
      </header>

      <div ref={alertRef} role="alert" className={stale ? 'alert alert-warning' : 'alert-empty'}>
        {stale}
      </div>
      <div role="status" className={status ? 'alert alert-success' : 'alert-empty'}>
        {status}
      </div>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}

      {(actions.length > 0 || canEdit || canAddPerson) && (
        <nav className="action-bar" aria-label={t('exchange.detail.actionsLabel')}>
          {canEdit && (
            <Link className="button button-secondary" to={`/desk/requests/${r.id}/edit`} data-testid="action-edit">{t('domain.actions.edit')}</Link>
          )}
          {canAddPerson && (
            <button type="button" className="button button-secondary" data-testid="action-add_person" onClick={() => { setStatus(''); setAddingPerson(true); }}>
              {t('domain.actions.add_person')}
            </button>
          )}
          {actions.map((a) => (
            <button key={a} type="button" className={`button${a === 'refuse' ? ' button-danger' : a === 'answer' || a === 'send' ? '' : ' button-secondary'}`}
              data-testid={`action-${a}`} onClick={() => { setStatus(''); setAction(a); }}>
              {t(`domain.actions.${a}`)}
            </button>
          ))}
        </nav>
      )}

      <div className="detail-grid">
        <div className="detail-main">
          <RequestFacts r={r} />
          <ThreadPanel r={r} onChanged={changed} />
          <ItemsPanel r={r} />
        </div>
        <div className="detail-side">
          <DeadlineBox r={r} />
          <ConsultationPanels r={r} justification={justification} onJustified={setJustification} onChanged={changed} />
        </div>
      </div>

      {addingPerson && (
        <AddPersonDialog r={r} onClose={() => setAddingPerson(false)}
          onDone={() => { setAddingPerson(false); changed(t('exchange.actions.done', { action: t('domain.actions.add_person') })); }} />
      )}

      {action && (
        <ActionDialog
          r={r}
          action={action}
          onClose={() => setAction(null)}
          onDone={() => {
            setAction(null);
            changed(t('exchange.actions.done', { action: t(`domain.actions.${action}`) }));
          }}
          onStale={(message) => {
            setAction(null);
            setStatus('');
            setStale(`${message} ${t('exchange.actions.staleReloaded')}`);
            void load();
          }}
        />
      )}
    </div>
  );
}
