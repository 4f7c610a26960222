/** Reminders, escalations, hits and assignments for the signed-in user (`GET /api/notifications`). */
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api.ts';
import { currentLanguage } from '../../i18n.ts';
import { browserZone, formatDateTime } from '../../ui/format.ts';
import { noteRead, useNotificationState } from '../../ui/notification-stream.ts';
import type { NotificationItem } from './types.ts';

/** A slow safety net; news arrives over the live stream at once. */
const REFRESH_MS = 120_000;

export function NotificationsPanel() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [items, setItems] = useState<NotificationItem[] | null>(null);
  const [error, setError] = useState('');
  const live = useNotificationState();

  const load = useCallback(async () => {
    try {
      const res = await api<{ items: NotificationItem[] }>('/api/notifications');
      setItems(res.items);
      setError('');
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);

  useEffect(() => {
    void load();
    const id = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(id);
  }, [load, lang]);

  // The live stream says something new arrived (or was read elsewhere): fetch the list again.
  useEffect(() => {
    if (live) void load();
  }, [live?.latestAt, live?.unread, load]); // eslint-disable-line react-hooks/exhaustive-deps

  const markRead = async (n: NotificationItem) => {
    try {
      await api(`/api/notifications/${encodeURIComponent(n.id)}/read`, { method: 'POST', body: {} });
      setItems((cur) => cur?.map((x) => (x.id === n.id ? { ...x, readAt: new Date().toISOString() } : x)) ?? cur);
      noteRead();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const unread = items?.filter((n) => !n.readAt).length ?? 0;
  return (
    <aside className="card notifications" aria-labelledby="notif-title">
      <h2 id="notif-title">
        {t('exchange.notifications.title')}{' '}
        {unread > 0 && <span className="badge badge-count">{t('exchange.notifications.unread', { count: unread })}</span>}
      </h2>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {items === null && !error && <p className="muted">{t('common.loading')}</p>}
      {items && items.length === 0 && <p className="muted">{t('exchange.notifications.empty')}</p>}
      {items && items.length > 0 && (
        <ul className="notif-list">
          {items.map((n) => (
            <li key={n.id} className={`notif notif-${n.kind}${n.readAt ? ' notif-read' : ''}`}>
              <p className="notif-head">
                <span className={`badge badge-${n.kind}`}>{t(`exchange.notifications.kinds.${n.kind}`)}</span>
                {!n.readAt && <span className="badge badge-new">{t('exchange.notifications.new')}</span>}
                <span className="muted small">{formatDateTime(n.createdAt, lang, browserZone())}</span>
              </p>
              <p>{n.message}</p>
              <p className="notif-actions">
                {n.requestId && (
                  <Link to={`/desk/requests/${n.requestId}`}>
                    {t('exchange.notifications.open', { reference: n.reference ?? '' })}
                  </Link>
                )}
                {!n.readAt && (
                  <button type="button" className="button-link" onClick={() => void markRead(n)}>
                    {t('exchange.notifications.markRead')}
                  </button>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
