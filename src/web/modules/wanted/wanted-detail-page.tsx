/**
 * A wanted person's record at /desk/wanted/:id. Opening it needs a justification (LED Art 25) that the server
 * logs with the consultation; the record then shows warrants, clocks, the search work, and the allowed actions.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError, errorMessage } from '../../api.ts';
import { NotFoundPage } from '../../ui/not-found.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { TextInput } from '../exchange/form-controls.tsx';
import { syncFromRemaining } from '../exchange/server-clock.ts';
import type { WantedActionName, WantedDetail } from './types.ts';
import { useJustification } from './use-justification.ts';
import { WantedActionDialog } from './wanted-action-dialog.tsx';
import { TimelinePanel } from './timeline-panel.tsx';
import { WantedEditDialog } from './wanted-edit-dialog.tsx';
import { ArrestPanel, IdentityPanel, PublicationPanel, WarrantsPanel } from './wanted-sections.tsx';
import { LeadsPanel, LocationsPanel, PhotosPanel, RequestsPanel, TasksPanel } from './wanted-work.tsx';

export function WantedDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const [justification, setJustification] = useJustification();
  // Just registered: the record came back with the registration (itself audited); no consultation needed.
  const [p, setP] = useState<WantedDetail | null>(() => (location.state as { detail?: WantedDetail } | null)?.detail ?? null);
  const [draft, setDraft] = useState(justification);
  const [error, setError] = useState('');
  const [notFound, setNotFound] = useState(false);
  const [action, setAction] = useState<WantedActionName | null>(null);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState('');
  useDocumentTitle(p ? `${p.reference} ${p.fullName}` : t('wanted.title'));

  const load = useCallback(async (j: string) => {
    try {
      setP(await api<WantedDetail>(`/api/wanted/${id}`, { query: { justification: j } }));
      setError('');
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setNotFound(true);
      else setError(errorMessage(err));
      // A refused justification must not be reused for the next view.
      if (err instanceof ApiError && err.status === 400) setJustification('');
    }
  }, [id, setJustification]);

  // On arrival only (with the justification kept for this tab); later loads are explicit.
  const arrived = useRef(!!p);
  useEffect(() => {
    if (arrived.current || !justification) return;
    arrived.current = true;
    void load(justification);
  }, [load, justification]);

  // The countdowns follow the server's clock: derive it from a running clock as received.
  useEffect(() => {
    const c = p?.clocks.find((x) => !x.done);
    if (c) syncFromRemaining(c.dueAt, c.remainingMs, false);
  }, [p]);

  const open = (e: FormEvent) => {
    e.preventDefault();
    if (!draft.trim()) {
      setError(t('wanted.desk.justificationRequired'));
      return;
    }
    setJustification(draft.trim());
    void load(draft.trim());
  };

  if (notFound) return <NotFoundPage backTo="/desk" />;
  if (!p) {
    return (
      <section className="page narrow" aria-labelledby="gate-title">
        <h1 id="gate-title">{t('wanted.detail.justificationTitle')}</h1>
        <p>{t('wanted.detail.justificationHelp')}</p>
        {error && <p className="alert alert-error" role="alert">{error}</p>}
        <form onSubmit={open}>
          <TextInput path="justification" label={t('wanted.desk.justification')} value={draft} onChange={setDraft} required />
          <button type="submit" className="button" data-testid="open-record">{t('wanted.detail.open')}</button>
        </form>
      </section>
    );
  }

  const onDone = (next: WantedDetail) => {
    setAction(null);
    setEditing(false);
    setP(next);
    setNotice(t('wanted.detail.saved'));
  };
  const onStale = (message: string) => {
    setAction(null);
    setEditing(false);
    setNotice(message);
    // Reloading is a new view: it needs a justification like any other (asked for when none was given yet).
    if (justification) void load(justification);
    else {
      setP(null);
      setError(message);
    }
  };
  const publishActions: WantedActionName[] = ['publish', 'unpublish'];
  const acts = p.allowedActions as WantedActionName[];

  return (
    <div className="page detail">
      <p className="breadcrumb">
        <Link to="/desk/wanted">{t('wanted.title')}</Link>
      </p>
      <header className="detail-head">
        <h1>
          <span className="ref">{p.reference}</span> {p.fullName}
        </h1>
        <p className="detail-badges">
          <span className="badge" data-testid="wanted-status">{t(`wanted.status.${p.status}`)}</span>
          {p.published && <span className="badge badge-new">{t('wanted.detail.published')}</span>}
          <span className="muted small">{t('wanted.detail.version', { version: p.version })}</span>
        </p>
        {(p.dangerWarnings || p.handlingWarnings) && (
          <div className="alert alert-error" role="note">
            <strong>{t('wanted.detail.warnings')}:</strong> {[p.dangerWarnings, p.handlingWarnings].filter(Boolean).join(' · ')}
          </div>
        )}
      </header>
      {notice && <p className="alert" role="status">{notice}</p>}
      {error && <p className="alert alert-error" role="alert">{error}</p>}
      <nav className="action-bar" aria-label={t('wanted.detail.actionsLabel')}>
        <button type="button" className="button button-secondary" data-testid="wanted-edit" onClick={() => setEditing(true)}>
          {t('wanted.edit.open')}
        </button>
        {acts.map((a) => (
          <button
            key={a}
            type="button"
            className={publishActions.includes(a) || a === 'withdraw' ? 'button button-secondary' : 'button'}
            data-testid={`wanted-action-${a}`}
            onClick={() => setAction(a)}
          >
            {t(`wanted.actions.${a}`)}
          </button>
        ))}
      </nav>
      <div className="detail-grid">
        <div className="detail-main">
          <ArrestPanel p={p} />
          <IdentityPanel p={p} />
          <WarrantsPanel p={p} onChange={setP} />
          <PhotosPanel p={p} onChange={setP} justification={justification} onJustify={setJustification} />
          <LeadsPanel p={p} onChange={setP} />
          <LocationsPanel p={p} onChange={setP} />
        </div>
        <div className="detail-side">
          <PublicationPanel p={p} />
          <TasksPanel p={p} onChange={setP} />
          <RequestsPanel p={p} onChange={setP} />
          <TimelinePanel p={p} />
        </div>
      </div>
      {editing && <WantedEditDialog p={p} onClose={() => setEditing(false)} onDone={onDone} onStale={onStale} />}
      {action && <WantedActionDialog p={p} action={action} onClose={() => setAction(null)} onDone={onDone} onStale={onStale} />}
    </div>
  );
}
