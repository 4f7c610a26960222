/** The legal deadline: basis, due time (Stockholm and the browser's zone), live countdown, history. */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n.ts';
import { browserZone, formatDateTime, LEGAL_ZONE } from '../../ui/format.ts';
import { Countdown } from './countdown.tsx';
import type { RequestDetail } from './types.ts';

export function DeadlineBox({ r }: { r: RequestDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const d = r.deadline;
  const zone = browserZone();
  const otherZone = zone !== LEGAL_ZONE;
  const state = d.paused ? 'paused' : d.overdue ? 'overdue' : d.dueAt ? 'running' : 'none';
  return (
    <section className={`card deadline deadline-${state}`} aria-labelledby="deadline-title">
      <h2 id="deadline-title">{t('exchange.detail.deadline.title')}</h2>
      <p className="deadline-countdown">
        <Countdown dueAt={d.dueAt} paused={d.paused} remainingMs={d.remainingMs} large />
      </p>
      <dl className="facts-list">
        <div className="fact">
          <dt>{t('exchange.detail.deadline.legalBasis')}</dt>
          <dd>{d.legalBasis ?? t('exchange.detail.deadline.noBasis')}</dd>
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

      <h3>{t('exchange.detail.deadline.history')}</h3>
      {r.deadlineEvents.length === 0 ? (
        <p className="muted">{t('exchange.detail.deadline.noEvents')}</p>
      ) : (
        <ol className="timeline">
          {r.deadlineEvents.map((e) => (
            <li key={e.id}>
              <span className="timeline-time">{formatDateTime(e.at, lang, zone)}</span>{' '}
              <strong>{t(`exchange.detail.deadline.events.${e.kind}`, { defaultValue: e.kind })}</strong>
              {e.actor && <span className="muted"> · {e.actor.displayName}</span>}
              {e.note && <p className="prose small">{pointLabel(e.note, t)}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * A reminder point's key (`<regime>/<rule>/left/0.5`, `…/before/PT1H`, `…/due`) in words; any other note as it is.
 */
function pointLabel(note: string, t: TFunction): string {
  const left = /\/left\/([0-9.]+)$/.exec(note);
  if (left) return t('exchange.detail.deadline.points.left', { percent: Math.round(Number(left[1]) * 100) });
  const before = /\/before\/PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(note);
  if (before) return t('exchange.detail.deadline.points.before', { hours: Number(before[1] ?? 0), minutes: Number(before[2] ?? 0) });
  if (/\/due$/.test(note)) return t('exchange.detail.deadline.points.due');
  return note;
}
