/**
 * Cross-check hits on the request's persons; an officer confirms or rejects each, with a note, and may undo the
 * merge a confirmation made. Each target shows the other records it is known to be. The hits name persons, so
 * until the officer has stated a justification (persons-panel.tsx) only their counts show.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, errorMessage } from '../../api.ts';
import { currentLanguage } from '../../i18n.ts';
import { browserZone, formatDateTime } from '../../ui/format.ts';
import { Dialog } from '../../ui/dialog.tsx';
import { Field } from '../../ui/field.tsx';
import { LinkedRecords } from '../matching/linked-records.tsx';
import { WantedClockFlag } from '../matching/wanted-clock-flag.tsx';
import type { Hit, RequestDetail } from './types.ts';

type Verdict = 'confirm' | 'reject' | 'unmerge';

/** Message keys of each action on a hit: the dialog's title, its button, and what the page says afterwards. */
const KEYS: Record<Verdict, { title: string; submit: string; done: string }> = {
  confirm: { title: 'exchange.detail.hits.confirmTitle', submit: 'exchange.detail.hits.confirm', done: 'exchange.detail.hits.confirmed' },
  reject: { title: 'exchange.detail.hits.rejectTitle', submit: 'exchange.detail.hits.reject', done: 'exchange.detail.hits.rejected' },
  // Undoing a merge needs a reason (sent as `reason`, required by the server); the hit then shows as rejected.
  unmerge: { title: 'matching.hits.unmergeTitle', submit: 'matching.hits.unmerge', done: 'matching.hits.unmerged' },
};

/** `hits` is null until the justified consultation has loaded them. */
export function HitsPanel({ r, hits, onChanged }: { r: RequestDetail; hits: Hit[] | null; onChanged(message: string): void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [deciding, setDeciding] = useState<{ hit: Hit; verdict: Verdict } | null>(null);
  const pct = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <section className="card hits" aria-labelledby="hits-title">
      <h2 id="hits-title">{t('exchange.detail.hits.title')}</h2>
      {!hits ? (
        <HitSummary r={r} />
      ) : hits.length === 0 ? (
        <p className="muted">{t('exchange.detail.hits.empty')}</p>
      ) : (
        <ul className="hit-list">
          {hits.map((h) => (
            <li key={h.id} className={`hit hit-${h.level} hit-${h.status}`} data-testid="hit">
              <p className="hit-head">
                <span className={`badge badge-${h.level}`}>
                  {h.level === 'alert' && <span aria-hidden="true">⚠ </span>}
                  {t(`exchange.detail.hits.levels.${h.level}`)}
                </span>{' '}
                <strong>{h.targetLabel}</strong>{' '}
                <span className="muted">
                  ({t(`exchange.detail.hits.targets.${h.targetKind}`, { defaultValue: h.targetKind })} ·{' '}
                  {t('exchange.detail.hits.score', { score: pct.format(h.score) })})
                </span>
              </p>
              <WantedClockFlag flag={h.wantedClock} />
              <LinkedRecords linked={h.linked} />
              <HitExplanation hit={h} pct={pct} />
              <p>
                <span className={`status status-hit-${h.status}`}>{t(`exchange.detail.hits.statuses.${h.status}`)}</span>
                {h.decidedBy && (
                  <span className="muted small">
                    {' '}
                    · {h.decidedBy.displayName} · {formatDateTime(h.decidedAt, lang, browserZone())}
                    {h.note && <> · {h.note}</>}
                  </span>
                )}
              </p>
              {h.status === 'open' && (
                <p className="button-row">
                  <button type="button" className="button" data-testid="hit-confirm" onClick={() => setDeciding({ hit: h, verdict: 'confirm' })}>
                    {t('exchange.detail.hits.confirm')}
                  </button>
                  <button type="button" className="button button-secondary" data-testid="hit-reject" onClick={() => setDeciding({ hit: h, verdict: 'reject' })}>
                    {t('exchange.detail.hits.reject')}
                  </button>
                </p>
              )}
              {h.status === 'confirmed' && (
                <p className="button-row">
                  <button type="button" className="button button-secondary" data-testid="hit-unmerge" onClick={() => setDeciding({ hit: h, verdict: 'unmerge' })}>
                    {t('matching.hits.unmerge')}
                  </button>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {deciding && (
        <HitDialog
          hit={deciding.hit}
          verdict={deciding.verdict}
          onClose={() => setDeciding(null)}
          onDone={() => {
            setDeciding(null);
            onChanged(t(KEYS[deciding.verdict].done));
          }}
        />
      )}
    </section>
  );
}

/** The hits counted, naming no one, and how to see them. */
function HitSummary({ r }: { r: RequestDetail }) {
  const { t } = useTranslation();
  const { openAlerts, openReviews, decided } = r.hitSummary;
  const open = openAlerts + openReviews;
  if (open + decided === 0) return <p className="muted">{t('exchange.detail.hits.empty')}</p>;
  return (
    <div data-testid="hit-summary">
      <p>
        {open > 0 && t('exchange.detail.hits.summaryOpen', { count: open, alerts: openAlerts })}
        {open > 0 && decided > 0 && ' '}
        {decided > 0 && t('exchange.detail.hits.summaryDecided', { count: decided })}
      </p>
      {r.allowedActions.includes('view_persons') && <p className="muted small">{t('exchange.detail.hits.justifyToSee')}</p>}
    </div>
  );
}

function HitDialog({ hit, verdict, onClose, onDone }: { hit: Hit; verdict: Verdict; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [reasonError, setReasonError] = useState('');
  const [busy, setBusy] = useState(false);
  const unmerge = verdict === 'unmerge';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const body = unmerge ? { version: hit.version, reason: note } : { version: hit.version, note };
      await api(`/api/hits/${encodeURIComponent(hit.id)}/${verdict}`, { method: 'POST', body });
      onDone();
    } catch (err) {
      const onReason = err instanceof ApiError ? err.fields.find((f) => f.path === 'reason') : undefined;
      setReasonError(onReason?.message ?? '');
      setError(onReason ? '' : errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <Dialog title={t(KEYS[verdict].title, { target: hit.targetLabel })} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate className="form">
        {error && (
          <p className="alert alert-error" role="alert">
            {error}
          </p>
        )}
        {unmerge ? (
          <>
            <p>{t('matching.hits.unmergeIntro')}</p>
            <Field path="unmerge-reason" label={t('matching.hits.reason')} help={t('matching.hits.reasonHint')} error={reasonError} required>
              {(p) => <textarea {...p} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />}
            </Field>
          </>
        ) : (
          <div className="field">
            <label htmlFor="hit-note">{t('exchange.detail.hits.note')}</label>
            <textarea id="hit-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy} data-testid="hit-decide-submit">
            {t(KEYS[verdict].submit)}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Why the engine thinks so: each name part pair and how it matched, then what the date of birth, nationality, gender and documents did. */
function HitExplanation({ hit, pct }: { hit: Hit; pct: Intl.NumberFormat }) {
  const { t } = useTranslation();
  const signed = (x: number) => `${x >= 0 ? '+' : '−'}${pct.format(Math.abs(x))}`;
  return (
    <>
      <p className="prose small" data-testid="hit-explanation">
        {hit.explanation}
      </p>
      {(hit.parts.length > 0 || hit.factors.length > 0) && (
        <details className="hit-why">
          <summary>{t('matching.hits.why')}</summary>
          <ul className="small">
            {hit.parts.map((p, i) => (
              <li key={`p${i}`}>
                <bdi>{p.a}</bdi> ↔ <bdi>{p.b}</bdi> — {t(`matching.kind.${p.kind}`, { defaultValue: p.kind })} ({pct.format(p.similarity)})
              </li>
            ))}
            {hit.factors.map((f, i) => (
              <li key={`f${i}`}>
                {t(`matching.factor.${f.factor}`, { defaultValue: f.factor })}: {f.detail} ({signed(f.effect)})
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
