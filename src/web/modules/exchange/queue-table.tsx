/** The duty queue table: the server has sorted it (overdue first, then least time left). */
import { Link, useNavigate } from 'react-router';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../shared/domain.ts';
import { currentLanguage } from '../../i18n.ts';
import { Countdown } from './countdown.tsx';
import type { RequestSummary } from './types.ts';

export function QueueTable({ items, caption }: { items: RequestSummary[]; caption: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const navigate = useNavigate();
  // The whole row opens the request for mouse users; keyboard and screen-reader users use the reference link.
  const openRow = (e: MouseEvent, id: string) => {
    if ((e.target as HTMLElement).closest('a, button') || window.getSelection()?.toString()) return;
    navigate(`/desk/requests/${id}`);
  };
  const col = (k: string) => t(`exchange.queue.columns.${k}`);
  return (
    <table className="queue-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{col('timeLeft')}</th>
          <th scope="col">{col('reference')}</th>
          <th scope="col">{col('urgency')}</th>
          <th scope="col">{col('direction')}</th>
          <th scope="col">{col('channel')}</th>
          <th scope="col">{col('country')}</th>
          <th scope="col">{col('subject')}</th>
          <th scope="col">{col('status')}</th>
          <th scope="col">{col('assignees')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr
            key={r.id}
            data-testid="queue-row"
            onClick={(e) => openRow(e, r.id)}
            data-overdue={r.overdue || undefined}
            data-urgent={r.urgent || undefined}
            className={[r.overdue ? 'row-overdue' : '', r.urgent ? 'row-urgent' : ''].filter(Boolean).join(' ') || undefined}
          >
            <td data-label={col('timeLeft')}>
              <Countdown dueAt={r.dueAt} paused={r.paused} remainingMs={r.remainingMs} />
            </td>
            <th scope="row" data-label={col('reference')}>
              <Link to={`/desk/requests/${r.id}`} className="ref-link">
                {r.reference}
              </Link>
            </th>
            <td data-label={col('urgency')}>
              {r.urgent ? (
                <span className="badge badge-urgent">
                  <span aria-hidden="true">● </span>
                  {t('exchange.urgency.urgent')}
                </span>
              ) : (
                <span className="badge badge-normal">{t('exchange.urgency.normal')}</span>
              )}
              {r.openHitCount > 0 && (
                <span className="badge badge-hit">{t('exchange.queue.openHits', { count: r.openHitCount })}</span>
              )}
            </td>
            <td data-label={col('direction')}>{t(`domain.directions.${r.direction}`)}</td>
            <td data-label={col('channel')}>
              <abbr title={t(`domain.channels.${r.channel}`)}>{t(`domain.channelsShort.${r.channel}`)}</abbr>
            </td>
            <td data-label={col('country')}>{countryName(r.countryCode, lang)}</td>
            <td data-label={col('subject')} className="cell-subject">
              {r.subject}
            </td>
            <td data-label={col('status')}>
              <span className={`status status-${r.status}`}>{t(`domain.statuses.${r.status}`)}</span>
            </td>
            <td data-label={col('assignees')}>
              {r.assignees.length ? (
                r.assignees.map((a) => a.displayName).join(', ')
              ) : (
                <span className="muted">{t('exchange.queue.unassigned')}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
