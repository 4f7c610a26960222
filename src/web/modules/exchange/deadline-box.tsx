/** The legal deadline: basis, due time (Stockholm and the browser's zone), live countdown, history. */
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n.ts';
import { browserZone, formatDateTime, LEGAL_ZONE } from '../../ui/format.ts';
import { Countdown } from './countdown.tsx';
import { deadlineNote } from './deadline-notes.ts';
import type { RequestDetail } from './types.ts';

export function DeadlineBox({ r }: { r: RequestDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const d = r.deadline;
  const zone = browserZone();
  const otherZone = zone !== LEGAL_ZONE;
  const state = d.paused ? 'paused' : d.overdue ? 'overdue' : d.dueAt ? 'running' : 'none';
  const ended = ['answered', 'refused', 'withdrawn', 'closed'].includes(r.status);
  // The basis in the reader's language from regime and rule; the server's citation only for a regime we do not know.
  const regime = t(`deadline.regimes.${d.regimeId}`, { defaultValue: d.regimeId });
  const basis = d.ruleId ? t(`exchange.detail.deadline.bases.${d.regimeId}.${d.ruleId}`, { defaultValue: d.legalBasis ?? '' }) : d.legalBasis;
  return (
    <section className={`card deadline deadline-${state}`} aria-labelledby="deadline-title">
      <h2 id="deadline-title">{t('exchange.detail.deadline.title')}</h2>
      <p className="deadline-countdown">
        <Countdown dueAt={d.dueAt} paused={d.paused} remainingMs={d.remainingMs} large />
      </p>
      <dl className="facts-list">
        <div className="fact">
          <dt>{t('exchange.detail.deadline.regime')}</dt>
          <dd data-testid="deadline-regime">{regime}</dd>
        </div>
        <div className="fact">
          <dt>{t('exchange.detail.deadline.legalBasis')}</dt>
          <dd data-testid="deadline-basis">{basis || t('exchange.detail.deadline.noBasis')}</dd>
        </div>
        <div className="fact">
          <dt>{t('exchange.detail.deadline.startAt')}</dt>
          <dd>{formatDateTime(d.startAt, lang)}</dd>
        </div>
        <div className="fact">
          <dt>{t('exchange.detail.deadline.dueAt', { zone: LEGAL_ZONE })}</dt>
          <dd>
            <strong>{formatDateTime(d.dueAt, lang, LEGAL_ZONE)}</strong>
          </dd>
        </div>
        {otherZone && (
          <div className="fact">
            <dt>{t('exchange.detail.deadline.dueAt', { zone })}</dt>
            <dd>{formatDateTime(d.dueAt, lang, zone)}</dd>
          </div>
        )}
        {d.expectedAt && (
          <div className="fact">
            <dt>{t('exchange.detail.deadline.expectedAt')}</dt>
            <dd>{formatDateTime(d.expectedAt, lang, LEGAL_ZONE)}</dd>
          </div>
        )}
      </dl>
      {d.paused && <p className="notice">{t('exchange.detail.deadline.pausedNote')}</p>}
      {ended && <p className="muted">{t('exchange.detail.deadline.ended')}</p>}

      <h3>{t('exchange.detail.deadline.history')}</h3>
      {r.deadlineEvents.length === 0 ? (
        <p className="muted">{t('exchange.detail.deadline.noEvents')}</p>
      ) : (
        <ol className="timeline" data-testid="deadline-history">
          {r.deadlineEvents.map((e) => (
            <li key={e.id}>
              <span className="timeline-time">{formatDateTime(e.at, lang, zone)}</span>{' '}
              <strong>{t(`exchange.detail.deadline.events.${e.kind}`, { defaultValue: t('exchange.detail.deadline.events.other') })}</strong>
              {e.actor && <span className="muted"> · {e.actor.displayName}</span>}
              {e.note && <p className="prose small">{deadlineNote(e.kind, e.note, t, lang)}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
