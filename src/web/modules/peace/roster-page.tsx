/** The roster of pre-identified candidates at /peace/roster: search by name, number or language level; logged. */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CEFR_LEVELS, LANGUAGES } from '../../../shared/peace.schemas.ts';
import { api, errorMessage } from '../../api.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { CodeSelect, TextInput } from '../exchange/form-controls.tsx';
import { JustificationField, useJustification } from './justification.tsx';
import type { RosterList } from './types.ts';

export function RosterPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('peace.roster.title'));
  const justification = useJustification();
  const [q, setQ] = useState({ q: '', language: '', minLevel: '' });
  const [data, setData] = useState<RosterList | null>(null);
  const [error, setError] = useState('');
  const search = (e: FormEvent) => {
    e.preventDefault();
    if (!justification) return setError(t('peace.common.justificationRequired'));
    api<RosterList>('/api/peace/candidates', { query: { justification, ...q } }).then((d) => { setData(d); setError(''); }, (err) => setError(errorMessage(err)));
  };
  const L = (k: string) => t(`peace.roster.${k}`);
  return (
    <div className="page">
      <p className="breadcrumb"><Link to="/peace">{t('peace.common.back')}</Link></p>
      <div className="page-head">
        <h1>{L('title')}</h1>
        <div className="page-head-actions"><Link to="/peace/roster/new" className="button" data-testid="new-candidate">{L('new')}</Link></div>
      </div>
      <JustificationField />
      <form className="card filters" role="search" aria-label={L('title')} onSubmit={search}>
        <TextInput path="roster-q" label={L('search')} value={q.q} onChange={(v) => setQ({ ...q, q: v })} />
        <CodeSelect path="roster-language" label={L('language')} value={q.language} onChange={(v) => setQ({ ...q, language: v })} codes={LANGUAGES} labelPrefix="peace.language" placeholder />
        <CodeSelect path="roster-level" label={L('minLevel')} value={q.minLevel} onChange={(v) => setQ({ ...q, minLevel: v })} codes={CEFR_LEVELS} labelPrefix="" optionLabel={(c) => c} placeholder />
        <button type="submit" className="button" data-testid="roster-search">{L('searchButton')}</button>
      </form>
      {error && <p className="alert alert-error" role="alert">{error}</p>}
      {data && data.items.length === 0 && <p className="empty">{L('empty')}</p>}
      {data && data.items.length > 0 && (
        <table className="queue-table" data-testid="roster">
          <thead><tr>{['officer', 'employeeNumber', 'gender', 'homeUnit', 'languages', 'ams', 'certificates'].map((k) => <th scope="col" key={k}>{t(`peace.columns.${k}`)}</th>)}</tr></thead>
          <tbody>
            {data.items.map((c) => (
              <tr key={c.id}>
                <td><Link to={`/peace/roster/${c.id}`}>{c.fullName}</Link>{c.deployed && <span className="badge"> {L('deployed')}</span>}</td>
                <td>{c.employeeNumber}</td>
                <td>{t(`domain.genders.${c.gender}`)}</td>
                <td>{c.homeUnit}</td>
                <td>{c.languages.map((l) => `${t(`peace.language.${l.language}`)} ${l.level}`).join(', ')}</td>
                <td>{t(`peace.passed.${c.samPassed}`)}</td>
                <td>{c.certificates.map((x) => `${t(`peace.certificate.${x.kind}`)}${x.expiresOn ? ` (${x.expired ? L('expired') : t('peace.roster.validUntil', { date: x.expiresOn })})` : ''}`).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
