/**
 * Case search at /desk/search: every case the user may see, by our or the other country's reference, subject or
 * thread text, with filters. The query lives in the URL, so a search can be bookmarked and the back button works.
 * Names are searched on the person search page (which asks for a justification).
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CHANNELS, COUNTRY_CODES, DIRECTIONS, countryName } from '../../../shared/domain.ts';
import type { CaseSearchResponse } from '../../../shared/desk.schemas.ts';
import { api, ApiError, errorMessage } from '../../api.ts';
import { currentLanguage } from '../../i18n.ts';
import { Field } from '../../ui/field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';

const KEYS = ['q', 'status', 'channel', 'country', 'direction', 'receivedFrom', 'receivedTo'] as const;
type Key = (typeof KEYS)[number];

export function CaseSearchPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const L = (k: string, p: Record<string, unknown> = {}) => t(`desk.search.${k}`, p);
  useDocumentTitle(L('title'));
  const [params, setParams] = useSearchParams();
  const [form, setForm] = useState<Record<Key, string>>(() => Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? ''])) as Record<Key, string>);
  const [result, setResult] = useState<CaseSearchResponse | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const countries = useMemo(() => COUNTRY_CODES.map((c) => ({ code: c, name: countryName(c, lang) })).sort((a, b) => a.name.localeCompare(b.name, lang)), [lang]);
  const query = params.toString();

  useEffect(() => {
    if (!params.get('q')) return;
    const ctrl = new AbortController();
    setBusy(true);
    api<CaseSearchResponse>('/api/desk/search', { query: Object.fromEntries(params.entries()), signal: ctrl.signal })
      .then((r) => { setResult(r); setErrors({}); setError(''); })
      .catch((err: unknown) => {
        if (err instanceof DOMException && err.name === 'AbortError') return;
        setErrors(err instanceof ApiError ? Object.fromEntries(err.fields.map((f) => [f.path, f.message])) : {});
        setError(errorMessage(err));
        setResult(null);
      })
      .finally(() => setBusy(false));
    return () => ctrl.abort();
    // The URL is the search: run it whenever the query string (or the language of the answers) changes.
  }, [query, lang]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(Object.fromEntries(KEYS.filter((k) => form[k].trim()).map((k) => [k, form[k].trim()])));
  };
  const set = (k: Key) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const select = (k: Key, label: string, any: string, options: { value: string; label: string }[]) => (
    <Field path={k} label={label} error={errors[k]}>
      {(p) => (
        <select {...p} value={form[k]} onChange={set(k)}>
          <option value="">{any}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

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
      <form className="card" role="search" onSubmit={submit} noValidate data-testid="case-search">
        <Field path="q" label={L('query')} help={L('queryHint')} error={errors.q} required>
          {(p) => <input {...p} type="search" value={form.q} maxLength={200} onChange={set('q')} />}
        </Field>
        <div className="search-filters">
          {select('status', L('status'), L('statusAll'), [{ value: 'open', label: L('statusOpen') }])}
          {select('channel', L('channel'), L('channelAll'), CHANNELS.map((c) => ({ value: c, label: t(`domain.channels.${c}`) })))}
          {select('direction', L('direction'), L('directionAll'), DIRECTIONS.map((d) => ({ value: d, label: t(`domain.directions.${d}`) })))}
          {select('country', t('desk.search.columns.country'), t('exchange.queue.filters.any'), countries.map((c) => ({ value: c.code, label: c.name })))}
          <Field path="receivedFrom" label={L('receivedFrom')} error={errors.receivedFrom}>
            {(p) => <input {...p} type="date" value={form.receivedFrom} onChange={set('receivedFrom')} />}
          </Field>
          <Field path="receivedTo" label={L('receivedTo')} error={errors.receivedTo}>
            {(p) => <input {...p} type="date" value={form.receivedTo} onChange={set('receivedTo')} />}
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? L('searching') : L('submit')}
          </button>
        </div>
      </form>
      <p className="muted">
        {L('persons')} <Link to="/persons/search">{L('personsLink')}</Link>
      </p>
      {result && <Results result={result} />}
    </div>
  );
}

function Results({ result }: { result: CaseSearchResponse }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const L = (k: string, p: Record<string, unknown> = {}) => t(`desk.search.${k}`, p);
  return (
    <section aria-labelledby="case-results">
      <h2 id="case-results" aria-live="polite">
        {result.totalCapped ? L('resultsCapped', { count: result.total }) : L('results', { count: result.total })}
      </h2>
      {result.items.length > 0 && (
        <table className="queue-table" data-testid="case-results">
          <thead>
            <tr>
              {['reference', 'foreignReference', 'subject', 'channel', 'country', 'status', 'received', 'matchedIn'].map((k) => (
                <th scope="col" key={k}>
                  {L(`columns.${k}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.items.map((c) => (
              <tr key={c.id} data-testid="case-result">
                <td>
                  <Link to={`/desk/requests/${c.id}`}>{c.reference}</Link>
                  {c.urgent && <span className="badge badge-urgent"> {t('desk.handover.urgent')}</span>}
                </td>
                <td className="break-anywhere">{c.foreignReference ?? '–'}</td>
                <td className="break-anywhere">{c.subject}</td>
                <td>{t(`domain.channelsShort.${c.channel}`)}</td>
                <td>{countryName(c.countryCode, lang)}</td>
                <td>{t(`domain.statuses.${c.status}`)}</td>
                <td>{formatDateTime(c.receivedAt, lang)}</td>
                <td>{c.matchedIn.map((f) => L(`matchedIn.${f}`)).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
