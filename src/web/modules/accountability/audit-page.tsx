/**
 * The auditor's page: search the audit log by person, officer, request, action, category and time, export what
 * was found (CSV, printable PDF), and verify the whole hash chain with its signed checkpoints.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_CATEGORIES, type AuditSearchResult, type VerifyResult } from '../../../shared/accountability.schemas.ts';
import { api, downloadHref, errorMessage } from '../../api.ts';
import { fieldId } from '../../ui/field.tsx';
import { formatDateTime, localInputToIso } from '../../ui/format.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';

const PAGE = 50;
const TEXT_FILTERS = ['personId', 'actor', 'request', 'action'] as const;
type Filters = Record<(typeof TEXT_FILTERS)[number] | 'category' | 'from' | 'to', string>;
const EMPTY: Filters = { personId: '', actor: '', request: '', action: '', category: '', from: '', to: '' };

/** The filters as the API's query (times from the local inputs as instants). */
function toQuery(f: Filters): Record<string, string> {
  const q: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) {
    if (!v.trim()) continue;
    q[k] = k === 'from' || k === 'to' ? localInputToIso(v) ?? v : v.trim();
  }
  return q;
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('accountability.audit.title'));
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [offset, setOffset] = useState(0);
  const [data, setData] = useState<AuditSearchResult | null>(null);
  const [error, setError] = useState('');

  const load = useCallback(async () => {
    try {
      setData(await api<AuditSearchResult>('/api/audit', { query: { ...toQuery(filters), limit: PAGE, offset } }));
      setError('');
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [filters, offset]);
  useEffect(() => void load(), [load]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setOffset(0);
    setFilters({ ...draft });
  };
  const exportHref = (format: 'csv' | 'pdf') => downloadHref(`/api/audit/export.${format}`, toQuery(filters));
  const set = (k: keyof Filters) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('accountability.audit.title')}</h1>
      </div>
      <p className="muted">{t('accountability.audit.intro')}</p>
      <VerifyPanel />

      <form className="filters" onSubmit={submit} aria-label={t('accountability.audit.search')} data-testid="audit-filters">
        {TEXT_FILTERS.map((k) => (
          <div className="field" key={k}>
            <label htmlFor={fieldId(`audit-${k}`)}>{t(`accountability.audit.filters.${k}`)}</label>
            <input id={fieldId(`audit-${k}`)} value={draft[k]} onChange={(e) => set(k)(e.target.value)} />
          </div>
        ))}
        <div className="field">
          <label htmlFor={fieldId('audit-category')}>{t('accountability.audit.filters.category')}</label>
          <select id={fieldId('audit-category')} value={draft.category} onChange={(e) => set('category')(e.target.value)}>
            <option value="">{t('accountability.audit.filters.any')}</option>
            {AUDIT_CATEGORIES.map((c) => <option key={c} value={c}>{t(`accountability.audit.categories.${c}`)}</option>)}
          </select>
        </div>
        {(['from', 'to'] as const).map((k) => (
          <div className="field" key={k}>
            <label htmlFor={fieldId(`audit-${k}`)}>{t(`accountability.audit.filters.${k}`)}</label>
            <input id={fieldId(`audit-${k}`)} type="datetime-local" value={draft[k]} onChange={(e) => set(k)(e.target.value)} />
          </div>
        ))}
        <button type="submit" className="button" data-testid="audit-search">{t('accountability.audit.search')}</button>
        <button type="button" className="button button-secondary" onClick={() => { setDraft(EMPTY); setFilters(EMPTY); setOffset(0); }}>
          {t('accountability.audit.reset')}
        </button>
      </form>

      {error && <p className="alert alert-error" role="alert">{error}</p>}
      <div className="page-head">
        <p role="status" data-testid="audit-total">{data ? t('accountability.audit.total', { count: data.total }) : t('common.loading')}</p>
        <div className="page-head-actions">
          <a className="button button-secondary" href={exportHref('csv')} download data-testid="audit-csv">{t('accountability.audit.exportCsv')}</a>
          <a className="button button-secondary" href={exportHref('pdf')} download data-testid="audit-pdf">{t('accountability.audit.exportPdf')}</a>
        </div>
      </div>
      {data && data.items.length === 0 && <p className="empty">{t('accountability.audit.empty')}</p>}
      {data && data.items.length > 0 && (
        <div style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={t('accountability.audit.title')}>
          <table className="queue-table" data-testid="audit-table">
            <caption className="visually-hidden">{t('accountability.audit.title')}</caption>
            <thead>
              <tr>
                {(['seq', 'at', 'actor', 'category', 'action', 'entity', 'persons', 'justification', 'recipient'] as const).map((c) => (
                  <th scope="col" key={c}>{t(`accountability.audit.columns.${c}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.items.map((e) => (
                <tr key={e.seq}>
                  <td>{e.seq}</td>
                  <td>{formatDateTime(e.at, i18n.language)}</td>
                  <td>{e.actorLabel}</td>
                  <td>{t(`accountability.audit.categories.${e.category}`, { defaultValue: e.category })}</td>
                  <td><code>{e.action}</code></td>
                  <td>{e.entityType}{e.entityId ? <><br /><code className="small">{e.entityId}</code></> : null}</td>
                  <td>{e.personIds.map((p) => <code className="small" key={p}>{p} </code>)}</td>
                  <td>{e.justification ?? ''}</td>
                  <td>{e.recipient ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && data.total > PAGE && (
        <nav className="pager" aria-label={t('accountability.audit.pager')}>
          <button type="button" className="button button-secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            {t('accountability.audit.previous')}
          </button>
          <span>{t('accountability.audit.page', { from: offset + 1, to: Math.min(offset + PAGE, data.total), total: data.total })}</span>
          <button type="button" className="button button-secondary" disabled={offset + PAGE >= data.total} onClick={() => setOffset(offset + PAGE)}>
            {t('accountability.audit.next')}
          </button>
        </nav>
      )}
    </div>
  );
}

/** Runs `POST /api/audit/verify` and shows the outcome: intact, or the first entry tampered with. */
function VerifyPanel() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [error, setError] = useState('');
  const run = async () => {
    setBusy(true);
    setError('');
    try {
      setResult(await api<VerifyResult>('/api/audit/verify', { method: 'POST', body: {} }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="verify-title">
      <h2 id="verify-title">{t('accountability.verify.title')}</h2>
      <button type="button" className="button" onClick={() => void run()} disabled={busy} data-testid="audit-verify">
        {busy ? t('accountability.verify.running') : t('accountability.verify.run')}
      </button>
      <div role="status" aria-live="polite" data-testid="verify-result">
        {error && <p className="alert alert-error">{error}</p>}
        {result && (
          <div className={`alert ${result.ok ? 'alert-success' : 'alert-error'}`}>
            <p><strong>{result.message}</strong></p>
            {result.problem && <p>{result.problem.message}</p>}
            <p className="small">
              {t('accountability.verify.summary', { entries: result.entries, head: result.headSeq ?? '–', checkpoints: result.checkpoints, ms: result.durationMs })}
            </p>
            {result.unsealed > 0 && <p className="small">{t('accountability.verify.unsealed', { count: result.unsealed })}</p>}
            {result.keyFingerprint && <p className="small">{t('accountability.verify.fingerprint')}: <code>{result.keyFingerprint}</code></p>}
          </div>
        )}
      </div>
    </section>
  );
}
