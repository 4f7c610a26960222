/**
 * The reviewer's queue (retention reviews): requests whose personal data are due for review; keep them with a
 * reason and a new date, or erase their personal data for good.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewQueue } from '../../../shared/accountability.schemas.ts';
import { api, ApiError, errorMessage } from '../../api.ts';
import { Dialog } from '../../ui/dialog.tsx';
import { Field } from '../../ui/field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';

type Task = ReviewQueue['items'][number];
type Decision = { task: Task; kind: 'keep' | 'erase' };

export function ReviewsPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('accountability.reviews.title'));
  const [data, setData] = useState<ReviewQueue | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [deciding, setDeciding] = useState<Decision | null>(null);

  const load = useCallback(async () => {
    try {
      setData(await api<ReviewQueue>('/api/reviews'));
      setError('');
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);
  useEffect(() => void load(), [load]);

  return (
    <div className="page">
      <div className="page-head"><h1>{t('accountability.reviews.title')}</h1></div>
      <p className="muted">{t('accountability.reviews.intro')}</p>
      <p role="status" className={notice ? 'alert alert-success' : 'alert-empty'}>{notice}</p>
      {error && <p className="alert alert-error" role="alert">{error}</p>}
      {!data && !error && <p className="muted">{t('common.loading')}</p>}
      {data && data.items.length === 0 && <p className="empty" data-testid="reviews-empty">{t('accountability.reviews.empty')}</p>}
      {data && data.items.length > 0 && (
        <table className="queue-table" data-testid="reviews-table">
          <caption className="visually-hidden">{t('accountability.reviews.title')}</caption>
          <thead>
            <tr>
              {(['reference', 'country', 'status', 'closedAt', 'dueAt', 'persons', 'decision'] as const).map((c) => (
                <th scope="col" key={c}>{t(`accountability.reviews.columns.${c}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.items.map((task) => (
              <tr key={task.id}>
                <td>{task.reference}</td>
                <td>{task.countryCode}</td>
                <td>{t(`domain.statuses.${task.status}`, { defaultValue: task.status })}</td>
                <td>{formatDateTime(task.closedAt, i18n.language)}</td>
                <td>{formatDateTime(task.dueAt, i18n.language)}</td>
                <td>{task.personCount}</td>
                <td className="actions">
                  <button type="button" className="button button-secondary" onClick={() => setDeciding({ task, kind: 'keep' })}>
                    {t('accountability.reviews.keep')}<span className="visually-hidden"> {task.reference}</span>
                  </button>{' '}
                  <button type="button" className="button button-danger" onClick={() => setDeciding({ task, kind: 'erase' })}>
                    {t('accountability.reviews.erase')}<span className="visually-hidden"> {task.reference}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {deciding && (
        <DecisionDialog
          decision={deciding}
          onClose={() => setDeciding(null)}
          onDone={(message) => { setDeciding(null); setNotice(message); void load(); }}
        />
      )}
    </div>
  );
}

/** A date input value one review interval ahead (the default the reviewer may shorten). */
function inAYear(): string {
  const d = new Date();
  d.setFullYear(d.getFullYear() + 1);
  d.setDate(d.getDate() - 1);
  return d.toISOString().slice(0, 10);
}

function DecisionDialog({ decision, onClose, onDone }: { decision: Decision; onClose(): void; onDone(message: string): void }) {
  const { t, i18n } = useTranslation();
  const { task, kind } = decision;
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(inAYear());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const body = kind === 'keep'
        ? { decision: 'keep', reason, nextReviewAt: new Date(`${date}T12:00:00Z`).toISOString() }
        : { decision: 'erase', reason };
      const r = await api<{ erasedPersons: number; nextReviewAt: string | null }>(`/api/reviews/${task.id}/decide`, { method: 'POST', body });
      onDone(kind === 'keep'
        ? t('accountability.reviews.kept', { reference: task.reference, date: formatDateTime(r.nextReviewAt, i18n.language) })
        : t('accountability.reviews.erased', { reference: task.reference, count: r.erasedPersons }));
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) setErrors(Object.fromEntries(err.fields.map((f) => [f.path, f.message])));
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t(kind === 'keep' ? 'accountability.reviews.keepTitle' : 'accountability.reviews.eraseTitle', { reference: task.reference })} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} data-testid={`review-${kind}-form`}>
        {kind === 'erase' && <p className="alert alert-warning">{t('accountability.reviews.eraseWarning')}</p>}
        {error && <p className="alert alert-error" role="alert">{error}</p>}
        <Field path="reason" label={t('accountability.reviews.reason')} help={t(kind === 'keep' ? 'accountability.reviews.reasonHint' : 'accountability.reviews.eraseReasonHint')} error={errors.reason} required>
          {(p) => <textarea {...p} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        {kind === 'keep' && (
          <Field path="nextReviewAt" label={t('accountability.reviews.nextReviewAt')} error={errors.nextReviewAt} required>
            {(p) => <input {...p} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
          </Field>
        )}
        <div className="form-actions">
          <button type="submit" className={kind === 'keep' ? 'button' : 'button button-danger'} disabled={busy}>
            {t(kind === 'keep' ? 'accountability.reviews.confirmKeep' : 'accountability.reviews.confirmErase')}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>{t('accountability.reviews.cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}
