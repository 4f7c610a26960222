/** The duty queue at /desk: what runs out first, live, refreshed every 30 seconds. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api.ts';
import { currentLanguage } from '../../i18n.ts';
import { browserZone, formatDateTime } from '../../ui/format.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { FastClocksPanel } from '../wanted/fast-clocks-panel.tsx';
import { NotificationsPanel } from './notifications-panel.tsx';
import { FILTER_KEYS, QueueFilters, type FilterKey } from './queue-filters.tsx';
import { QueueTable } from './queue-table.tsx';
import { syncServerTime } from './server-clock.ts';
import type { RequestList } from './types.ts';
import { useReference } from './use-reference.ts';

const REFRESH_MS = 30_000;
const PAGE_SIZE = 50;

export function QueuePage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  useDocumentTitle(t('exchange.queue.title'));
  const reference = useReference();
  const [params, setParams] = useSearchParams();
  const [data, setData] = useState<RequestList | null>(null);
  const [error, setError] = useState('');
  const [loadedAt, setLoadedAt] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const values = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as Record<FilterKey, string>;
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const queryKey = params.toString();
  const reqSeq = useRef(0);

  const load = useCallback(async () => {
    const seq = ++reqSeq.current;
    setBusy(true);
    const p = new URLSearchParams(queryKey);
    const status = p.get('status') || 'open';
    try {
      const res = await api<RequestList>('/api/requests', {
        query: {
          status,
          channel: p.get('channel'),
          country: p.get('country'),
          assignee: p.get('assignee'),
          direction: p.get('direction'),
          limit: PAGE_SIZE,
          offset: Math.max(0, Number(p.get('offset')) || 0),
        },
      });
      if (seq !== reqSeq.current) return; // a newer load has started
      syncServerTime(res.serverTime);
      setData(res);
      setError('');
      setLoadedAt(res.serverTime);
    } catch (err) {
      if (seq === reqSeq.current) setError(errorMessage(err));
    } finally {
      if (seq === reqSeq.current) setBusy(false);
    }
  }, [queryKey]);

  useEffect(() => {
    void load();
    const id = setInterval(() => void load(), REFRESH_MS);
    const onVisible = () => document.visibilityState === 'visible' && void load();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(id);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [load, lang]);

  const setFilter = (key: FilterKey, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('offset');
    setParams(next, { replace: true });
  };
  const setOffset = (o: number) => {
    const next = new URLSearchParams(params);
    if (o > 0) next.set('offset', String(o));
    else next.delete('offset');
    setParams(next);
  };

  const items = data?.items ?? [];
  const overdue = items.filter((r) => r.overdue).length;
  const urgent = items.filter((r) => r.urgent).length;

  return (
    <div className="page queue-layout">
      <section className="queue-main" aria-labelledby="queue-title">
        <div className="page-head">
          <h1 id="queue-title">{t('exchange.queue.title')}</h1>
          <div className="page-head-actions">
            <Link to="/desk/requests/new?direction=incoming" className="button" data-testid="new-incoming">
              {t('exchange.queue.newIncoming')}
            </Link>
            <Link to="/desk/requests/new?direction=outgoing" className="button button-secondary" data-testid="new-outgoing">
              {t('exchange.queue.newOutgoing')}
            </Link>
          </div>
        </div>

        <QueueFilters
          values={values}
          onChange={setFilter}
          onReset={() => setParams(new URLSearchParams(), { replace: true })}
          reference={reference}
        />

        <div className="queue-status">
          {data && (
            <p className="queue-summary">
              <strong>{t('exchange.queue.total', { count: data.total })}</strong>
              {overdue > 0 && <span className="summary-overdue">{t('exchange.queue.overdueCount', { count: overdue })}</span>}
              {urgent > 0 && <span className="summary-urgent">{t('exchange.queue.urgentCount', { count: urgent })}</span>}
            </p>
          )}
          <p className="muted small">
            {loadedAt && t('exchange.queue.updatedAt', { time: formatDateTime(loadedAt, lang, browserZone()) })}{' '}
            <button type="button" className="button-link" onClick={() => void load()} disabled={busy}>
              {busy ? t('common.loading') : t('exchange.queue.refresh')}
            </button>
          </p>
        </div>

        {error && (
          <p className="alert alert-error" role="alert">
            {error}
          </p>
        )}
        {!data && !error && <p className="muted">{t('common.loading')}</p>}
        {data && items.length === 0 && <p className="empty">{t('exchange.queue.empty')}</p>}
        {items.length > 0 && <QueueTable items={items} caption={t('exchange.queue.caption')} />}

        {data && data.total > PAGE_SIZE && (
          <nav className="pager" aria-label={t('exchange.queue.pager.label')}>
            <button type="button" className="button button-secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
              {t('exchange.queue.pager.previous')}
            </button>
            <span>
              {t('exchange.queue.pager.range', {
                from: offset + 1,
                to: Math.min(offset + PAGE_SIZE, data.total),
                total: data.total,
              })}
            </span>
            <button type="button" className="button button-secondary" disabled={offset + PAGE_SIZE >= data.total} onClick={() => setOffset(offset + PAGE_SIZE)}>
              {t('exchange.queue.pager.next')}
            </button>
          </nav>
        )}
      </section>
      <div className="desk-side">
        <FastClocksPanel />
        <NotificationsPanel />
      </div>
    </div>
  );
}
