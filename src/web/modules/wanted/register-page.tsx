/** The FAST register at /desk/wanted: search by any written form of a name, filter by status; every search is logged. */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { WANTED_STATUSES, type WantedStatus } from '../../../shared/wanted.schemas.ts';
import { api } from '../../api.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { CodeSelect, FieldErrors, TextInput } from '../exchange/form-controls.tsx';
import { formErrorsOf } from './form-errors.ts';
import { FastClocksPanel } from './fast-clocks-panel.tsx';
import type { WantedList } from './types.ts';
import { useJustification } from './use-justification.ts';
import { WantedImportPanel } from './wanted-import.tsx';

export function RegisterPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('wanted.title'));
  const [justification, setJustification] = useJustification();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<WantedStatus | ''>('');
  const [data, setData] = useState<WantedList | null>(null);
  const [error, setError] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const search = async (e: FormEvent) => {
    e.preventDefault();
    if (!justification.trim()) {
      setError(t('wanted.desk.justificationRequired'));
      document.getElementById('f-justification')?.focus();
      return;
    }
    setBusy(true);
    try {
      setData(await api<WantedList>('/api/wanted', { query: { justification, q, status } }));
      setError('');
      setFieldErrors({});
    } catch (err) {
      const { map, list } = formErrorsOf(err);
      setFieldErrors(map);
      setError(list.map((x) => x.message).join(' '));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page queue-layout">
      <section className="queue-main" aria-labelledby="wanted-title">
        <div className="page-head">
          <h1 id="wanted-title">{t('wanted.title')}</h1>
          <div className="page-head-actions">
            <Link to="/desk/wanted/new" className="button" data-testid="new-wanted">
              {t('wanted.desk.new')}
            </Link>
          </div>
        </div>
        <form className="card filters" onSubmit={(e) => void search(e)} role="search" aria-label={t('wanted.desk.register')}>
          <FieldErrors.Provider value={fieldErrors}>
            <TextInput path="justification" label={t('wanted.desk.justification')} value={justification} onChange={setJustification} required />
            <TextInput path="q" label={t('wanted.desk.search')} value={q} onChange={setQ} />
            <CodeSelect path="status" label={t('wanted.desk.columns.status')} value={status} onChange={(s) => setStatus(s as WantedStatus | '')} codes={WANTED_STATUSES} labelPrefix="wanted.status" placeholder />
          </FieldErrors.Provider>
          <button type="submit" className="button" data-testid="wanted-search" disabled={busy}>
            {busy ? t('common.loading') : t('wanted.desk.searchButton')}
          </button>
        </form>
        {error && (
          <p className="alert alert-error" role="alert">
            {error}
          </p>
        )}
        {data && <p className="queue-summary">{t('wanted.desk.total', { count: data.total })}</p>}
        {data && data.items.length === 0 && <p className="empty">{t('wanted.desk.empty')}</p>}
        {data && data.items.length > 0 && (
          <table className="queue-table">
            <caption className="visually-hidden">{t('wanted.desk.register')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('wanted.desk.columns.reference')}</th>
                <th scope="col">{t('wanted.desk.columns.name')}</th>
                <th scope="col">{t('wanted.desk.columns.status')}</th>
                <th scope="col">{t('wanted.desk.columns.warrants')}</th>
                <th scope="col">{t('wanted.desk.columns.authority')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((p) => (
                <tr key={p.id} data-testid="wanted-row">
                  <td>
                    <Link to={`/desk/wanted/${p.id}`}>{p.reference}</Link>
                  </td>
                  <td>
                    {p.fullName}
                    {p.hasWarnings && <span className="badge badge-urgent"> {t('wanted.detail.warnings')}</span>}
                    {p.published && <span className="badge"> {t('wanted.detail.published')}</span>}
                  </td>
                  <td>{t(`wanted.status.${p.status}`)}</td>
                  <td>{p.warrantKinds.map((k) => t(`wanted.warrant.${k}`)).join(', ')}</td>
                  <td>{t(`wanted.authority.${p.requestingAuthority}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <WantedImportPanel />
      </section>
      <FastClocksPanel />
    </div>
  );
}
