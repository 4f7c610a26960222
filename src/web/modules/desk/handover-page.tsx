/**
 * Shift handover at /desk/handover: open cases, overdue, due within the chosen hours and new since the unit's last
 * handover; printable as PDF; recording the handover (with a note to the next shift) starts the next "new since".
 */
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../shared/domain.ts';
import type { HandoverCase, HandoverReport } from '../../../shared/desk.schemas.ts';
import { api, downloadHref, errorMessage } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { currentLanguage } from '../../i18n.ts';
import { Field } from '../../ui/field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';

const HOURS = [8, 12, 24];
const RECORDERS = ['duty_officer', 'case_officer', 'supervisor'];

export function HandoverPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { user } = useAuth();
  const L = (k: string, p: Record<string, unknown> = {}) => t(`desk.handover.${k}`, p);
  useDocumentTitle(L('title'));
  const [hours, setHours] = useState(12);
  const [report, setReport] = useState<HandoverReport | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setReport(await api<HandoverReport>('/api/desk/handover', { query: { hours } }));
      setError('');
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [hours]);
  useEffect(() => void load(), [load, lang]);

  const record = async () => {
    setBusy(true);
    try {
      await api<HandoverReport>('/api/desk/handover', { body: { note: note.trim() || null } });
      setNote('');
      setDone(L('recorded'));
      await load();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page">
      <div className="page-head">
        <h1>{L('title')}</h1>
        <a className="button button-secondary" href={downloadHref('/api/desk/handover.pdf', { hours })} data-testid="handover-pdf">
          {L('print')}
        </a>
      </div>
      <p className="muted">{L('intro')}</p>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <div className="filter">
        <label htmlFor="handover-hours">{L('hours')}</label>
        <select id="handover-hours" value={hours} onChange={(e) => setHours(Number(e.target.value))}>
          {HOURS.map((h) => (
            <option key={h} value={h}>
              {L('hoursOption', { hours: h })}
            </option>
          ))}
        </select>
      </div>
      {report && (
        <>
          <dl className="facts-list" data-testid="handover-facts">
            <dt>{L('openCount')}</dt>
            <dd>{report.openCount}</dd>
            <dt>{L('previous')}</dt>
            <dd>{report.previous ? `${formatDateTime(report.previous.at, lang)} · ${report.previous.by}` : L('noPrevious')}</dd>
            {report.previous?.note && (
              <>
                <dt>{L('previousNote')}</dt>
                <dd className="break-anywhere">{report.previous.note}</dd>
              </>
            )}
          </dl>
          <CaseTable id="handover-overdue" title={L('overdue')} cases={report.overdue} />
          <CaseTable id="handover-due" title={L('dueSoon', { hours: report.horizonHours })} cases={report.dueSoon} />
          <CaseTable id="handover-new" title={L('newSince')} cases={report.newSincePrevious} />
        </>
      )}
      {user?.roles.some((r) => RECORDERS.includes(r)) && (
        <section className="card" aria-labelledby="handover-record">
          <h2 id="handover-record">{L('record')}</h2>
          {done && (
            <p className="alert alert-success" role="status">
              {done}
            </p>
          )}
          <Field path="note" label={L('note')}>
            {(p) => <textarea {...p} rows={3} maxLength={5000} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          <div className="form-actions">
            <button type="button" className="button" disabled={busy} onClick={() => void record()}>
              {L('record')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}

function CaseTable({ id, title, cases }: { id: string; title: string; cases: HandoverCase[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const L = (k: string) => t(`desk.handover.${k}`);
  return (
    <section aria-labelledby={id} data-testid={id}>
      <h2 id={id}>
        {title} ({cases.length})
      </h2>
      {cases.length === 0 ? (
        <p className="muted">{L('none')}</p>
      ) : (
        <table className="queue-table">
          <thead>
            <tr>
              {['reference', 'foreignReference', 'channel', 'country', 'status', 'due', 'assignees', 'subject'].map((k) => (
                <th scope="col" key={k}>
                  {L(`columns.${k}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/desk/requests/${c.id}`}>{c.reference}</Link>
                  {c.urgent && <span className="badge badge-urgent"> {L('urgent')}</span>}
                </td>
                <td className="break-anywhere">{c.foreignReference ?? '–'}</td>
                <td>{t(`domain.channelsShort.${c.channel}`)}</td>
                <td>{countryName(c.countryCode, lang)}</td>
                <td>{t(`domain.statuses.${c.status}`)}</td>
                <td>{c.paused ? L('paused') : formatDateTime(c.dueAt, lang)}</td>
                <td>{c.assignees.join(', ') || '–'}</td>
                <td className="break-anywhere">{c.subject}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
