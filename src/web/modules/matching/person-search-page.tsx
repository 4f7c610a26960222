/**
 * Person search by name at /persons/search, with the cross-check's engine: any spelling, order or script.
 * Every search states its justification (logged by the server as a consultation, LED Art 25).
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PersonSearchResult } from '../../../shared/matching.schemas.ts';
import { api, ApiError, errorMessage } from '../../api.ts';
import { currentLanguage } from '../../i18n.ts';
import { Field } from '../../ui/field.tsx';
import { LinkedRecords } from './linked-records.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';

export function PersonSearchPage() {
  const { t } = useTranslation();
  const L = (k: string, p: Record<string, unknown> = {}) => t(`matching.search.${k}`, p);
  useDocumentTitle(L('title'));
  const [q, setQ] = useState('');
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [justification, setJustification] = useState('');
  const [items, setItems] = useState<PersonSearchResult[] | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const pct = new Intl.NumberFormat(currentLanguage(), { style: 'percent', maximumFractionDigits: 0 });

  const search = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const r = await api<{ items: PersonSearchResult[] }>('/api/persons/search', { query: { q, dateOfBirth, justification } });
      setItems(r.items);
      setErrors({});
      setError('');
    } catch (err) {
      const fields = err instanceof ApiError ? Object.fromEntries(err.fields.map((f) => [f.path, f.message])) : {};
      // A name the engine cannot use (no letters, say) comes back as a matching error without a field path.
      if (err instanceof ApiError && err.code.startsWith('matching.') && !err.fields.length) fields.q = err.message;
      setErrors(fields);
      setError(errorMessage(err));
      setItems(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page">
      <div className="page-head">
        <h1>{L('title')}</h1>
      </div>
      <p className="muted">{L('intro')}</p>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <form className="card" onSubmit={(e) => void search(e)} noValidate data-testid="person-search">
        <Field path="q" label={L('query')} help={L('queryHint')} error={errors.q} required>
          {(p) => <input {...p} value={q} maxLength={300} onChange={(e) => setQ(e.target.value)} />}
        </Field>
        <Field path="dateOfBirth" label={L('dateOfBirth')} help={L('dateHint')} error={errors.dateOfBirth}>
          {(p) => <input {...p} value={dateOfBirth} inputMode="numeric" onChange={(e) => setDateOfBirth(e.target.value)} />}
        </Field>
        <Field path="justification" label={L('justification')} help={L('justificationHint')} error={errors.justification} required>
          {(p) => <input {...p} value={justification} onChange={(e) => setJustification(e.target.value)} />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {L('submit')}
          </button>
        </div>
      </form>

      {items && (
        <section aria-labelledby="search-results">
          <h2 id="search-results" aria-live="polite">
            {L('results', { count: items.length })}
          </h2>
          {items.length > 0 && (
            <table className="queue-table" data-testid="person-results">
              <thead>
                <tr>
                  {['person', 'source', 'dateOfBirth', 'score', 'explanation'].map((k) => (
                    <th scope="col" key={k}>
                      {L(`columns.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <tr key={`${p.kind}-${p.id}`} data-testid="person-result">
                    <td>
                      <bdi>{p.name}</bdi>
                      {p.otherNames.length > 0 && <span className="muted small"> ({p.otherNames.join(' / ')})</span>}
                      <LinkedRecords linked={p.linked} />
                    </td>
                    <td>
                      {L(`kinds.${p.kind}`)}
                      {p.requestId ? (
                        <>
                          {' '}
                          <Link to={`/desk/requests/${p.requestId}`}>{p.reference}</Link>
                        </>
                      ) : (
                        <>
                          {' '}
                          <Link to={`/desk/wanted/${p.id}`}>{p.reference || p.name}</Link>
                        </>
                      )}
                    </td>
                    <td>{p.dateOfBirth ?? '–'}</td>
                    <td>
                      {pct.format(p.score)} <span className="muted small">({t(`matching.level.${p.level}`)})</span>
                    </td>
                    <td className="small">{p.explanation}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </div>
  );
}
