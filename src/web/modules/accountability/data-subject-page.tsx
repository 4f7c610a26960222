/**
 * Data-subject requests (LED Art 14–15) for administrators: find the persons a data subject may be (with a
 * justification, logged), choose them, and produce the report of everything held and every disclosure — on
 * screen and as a PDF draft to review before release.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataSubjectReport } from '../../../shared/accountability.schemas.ts';
import { api, ApiError, csrfHeaders, errorMessage } from '../../api.ts';
import { currentLanguage } from '../../i18n.ts';
import { Field } from '../../ui/field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';

type Held = DataSubjectReport['persons'][number];
type WantedHeld = DataSubjectReport['wanted'][number];
interface Candidates { items: Held[]; wanted: WantedHeld[] }

export function DataSubjectPage() {
  const { t, i18n } = useTranslation();
  const L = (k: string, p: Record<string, unknown> = {}) => t(`accountability.dataSubject.${k}`, p);
  useDocumentTitle(L('title'));
  const [name, setName] = useState('');
  const [justification, setJustification] = useState('');
  const [candidates, setCandidates] = useState<Candidates | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [report, setReport] = useState<DataSubjectReport | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');

  const fail = (err: unknown) => {
    setErrors(err instanceof ApiError ? Object.fromEntries(err.fields.map((f) => [f.path, f.message])) : {});
    setError(errorMessage(err));
  };

  const search = async (e: FormEvent) => {
    e.preventDefault();
    setReport(null);
    try {
      const r = await api<Candidates>('/api/data-subjects', { query: { name, justification } });
      setCandidates(r);
      setChosen([...r.items, ...r.wanted].map((p) => p.id));
      setErrors({});
      setError('');
    } catch (err) {
      fail(err);
    }
  };

  // A plain function, not a component: a component made in render would remount (and lose focus) on every click.
  const choose = (id: string, label: string) => (
    <>
      <input
        type="checkbox" id={`ds-${id}`} checked={chosen.includes(id)}
        onChange={(e) => setChosen((c) => (e.target.checked ? [...c, id] : c.filter((x) => x !== id)))}
      />
      <label htmlFor={`ds-${id}`} className="visually-hidden">{L('choose')} {label}</label>
    </>
  );

  const produce = async () => {
    try {
      setReport(await api<DataSubjectReport>('/api/data-subject-reports', { method: 'POST', body: { personIds: chosen, justification } }));
      setError('');
    } catch (err) {
      fail(err);
    }
  };

  const downloadPdf = async () => {
    try {
      const res = await fetch('/api/data-subject-reports/pdf', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': currentLanguage(), ...csrfHeaders() },
        body: JSON.stringify({ personIds: chosen, justification }),
      });
      if (!res.ok) throw new ApiError(res.status, `http_${res.status}`, t('common.errors.http', { status: res.status }));
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = 'data-subject-report.pdf';
      a.click();
      URL.revokeObjectURL(url);
    } catch (err) {
      fail(err);
    }
  };

  return (
    <div className="page">
      <div className="page-head"><h1>{L('title')}</h1></div>
      <p className="muted">{L('intro')}</p>
      {error && <p className="alert alert-error" role="alert">{error}</p>}
      <form className="card" onSubmit={(e) => void search(e)} data-testid="ds-search">
        <Field path="name" label={L('name')} error={errors.name} required>
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field path="justification" label={L('justification')} help={L('justificationHint')} error={errors.justification} required>
          {(p) => <input {...p} value={justification} onChange={(e) => setJustification(e.target.value)} />}
        </Field>
        <div className="form-actions"><button type="submit" className="button">{L('search')}</button></div>
      </form>

      {candidates && (
        <section aria-labelledby="ds-candidates">
          <h2 id="ds-candidates">{L('candidates')}</h2>
          {candidates.items.length + candidates.wanted.length === 0 ? <p className="empty">{L('noCandidates')}</p> : (
            <>
              <table className="queue-table" data-testid="ds-candidates">
                <thead>
                  <tr>
                    <th scope="col">{L('choose')}</th>
                    {['name', 'dateOfBirth', 'category', 'reference', 'nextReview'].map((k) => <th scope="col" key={k}>{L(`columns.${k}`)}</th>)}
                  </tr>
                </thead>
                <tbody>
                  {candidates.items.map((p) => (
                    <tr key={p.id}>
                      <td>{choose(p.id, p.fullName)}</td>
                      <td>{[p.fullName, ...p.aliases].join(' / ')}</td>
                      <td>{p.dateOfBirth ?? '–'}</td>
                      <td>{t(`domain.subjectCategories.${p.category}`, { defaultValue: p.category })}</td>
                      <td>{p.reference}</td>
                      <td>{formatDateTime(p.nextReviewAt, i18n.language)}</td>
                    </tr>
                  ))}
                  {candidates.wanted.map((w) => (
                    <tr key={w.id}>
                      <td>{choose(w.id, w.fullName)}</td>
                      <td>{[w.fullName, ...w.otherScriptNames, ...w.aliases].join(' / ')}</td>
                      <td>{w.dateOfBirth ?? '–'}</td>
                      <td>{L('wantedCandidates')}</td>
                      <td>{w.reference}</td>
                      <td>–</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="form-actions">
                <button type="button" className="button" disabled={!chosen.length} onClick={() => void produce()} data-testid="ds-produce">{L('produce')}</button>
              </div>
            </>
          )}
        </section>
      )}

      {report && (
        <section className="card" aria-labelledby="ds-report" data-testid="ds-report">
          <h2 id="ds-report">{L('report.title')}</h2>
          <p className="alert alert-warning">{L('draftNotice')}</p>
          <p>{L('summary', { persons: report.persons.length + report.wanted.length, requests: report.requests.length, disclosures: report.disclosures.length, other: report.otherProcessing.length })}</p>
          <h3>{L('report.disclosures')}</h3>
          {report.disclosures.length === 0 ? <p>{L('report.none')}</p> : (
            <ul>
              {report.disclosures.map((d) => <li key={d.seq}>{formatDateTime(d.at, i18n.language)} · {d.recipient ?? '–'} · <code>{d.action}</code></li>)}
            </ul>
          )}
          <button type="button" className="button" onClick={() => void downloadPdf()} data-testid="ds-pdf">{L('downloadPdf')}</button>
        </section>
      )}
    </div>
  );
}
