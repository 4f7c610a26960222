/** Cross-check hits on the request's persons; an officer confirms or rejects each, with a note. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api.ts';
import { currentLanguage } from '../../i18n.ts';
import { browserZone, formatDateTime } from '../../ui/format.ts';
import { Dialog } from '../../ui/dialog.tsx';
import type { RequestDetail } from './types.ts';

type Hit = RequestDetail['hits'][number];

export function HitsPanel({ r, onChanged }: { r: RequestDetail; onChanged(message: string): void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [deciding, setDeciding] = useState<{ hit: Hit; verdict: 'confirm' | 'reject' } | null>(null);
  const pct = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <section className="card hits" aria-labelledby="hits-title">
      <h2 id="hits-title">{t('exchange.detail.hits.title')}</h2>
      {r.hits.length === 0 ? (
        <p className="muted">{t('exchange.detail.hits.empty')}</p>
      ) : (
        <ul className="hit-list">
          {r.hits.map((h) => (
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
            onChanged(t(deciding.verdict === 'confirm' ? 'exchange.detail.hits.confirmed' : 'exchange.detail.hits.rejected'));
          }}
        />
      )}
    </section>
  );
}

function HitDialog({ hit, verdict, onClose, onDone }: { hit: Hit; verdict: 'confirm' | 'reject'; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await api(`/api/hits/${encodeURIComponent(hit.id)}/${verdict}`, { method: 'POST', body: { version: hit.version, note } });
      onDone();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <Dialog title={t(verdict === 'confirm' ? 'exchange.detail.hits.confirmTitle' : 'exchange.detail.hits.rejectTitle', { target: hit.targetLabel })} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate className="form">
        {error && (
          <p className="alert alert-error" role="alert">
            {error}
          </p>
        )}
        <div className="field">
          <label htmlFor="hit-note">{t('exchange.detail.hits.note')}</label>
          <textarea id="hit-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy} data-testid="hit-decide-submit">
            {t(verdict === 'confirm' ? 'exchange.detail.hits.confirm' : 'exchange.detail.hits.reject')}
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
