/**
 * Administrators' view of Polsam-to-Polsam exchange: this node's identity, the peers (keys, endpoints), the
 * outbox with each message's delivery state and the peer's error, and the quarantine of refused input.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api.ts';
import { formatDateTime } from '../../ui/format.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { OutboxTable, PeersTable, QuarantineTable, type OutboxRow, type Peer, type QuarantineRow } from './federation-tables.tsx';

interface NodeInfo { nodeId: string; countryCode: string; publicKey: string; inboxPath: string }
interface Stats { outbox: Record<string, number>; inbox: { total: number; processed: number; duplicates: number } }
type OutboxFilter = '' | 'pending' | 'delivered' | 'failed_permanent';

export function FederationAdminPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('federation.admin.title'));
  const [node, setNode] = useState<NodeInfo | null>(null);
  const [stats, setStats] = useState<Stats | null>(null);
  const [peers, setPeers] = useState<Peer[]>([]);
  const [outbox, setOutbox] = useState<OutboxRow[]>([]);
  const [quarantine, setQuarantine] = useState<QuarantineRow[]>([]);
  const [filter, setFilter] = useState<OutboxFilter>('');
  const [alert, setAlert] = useState('');
  const [loadedAt, setLoadedAt] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [n, s, p, o, q] = await Promise.all([
        api<NodeInfo>('/api/federation/node'),
        api<Stats>('/api/federation/stats'),
        api<{ items: Peer[] }>('/api/federation/peers'),
        api<{ items: OutboxRow[] }>('/api/federation/outbox', { query: { limit: 50, status: filter } }),
        api<{ items: QuarantineRow[] }>('/api/federation/quarantine', { query: { limit: 50 } }),
      ]);
      setNode(n);
      setStats(s);
      setPeers(p.items);
      setOutbox(o.items);
      setQuarantine(q.items);
      setAlert('');
      setLoadedAt(new Date().toISOString());
    } catch (err) {
      setAlert(errorMessage(err));
    }
  }, [filter]);

  useEffect(() => {
    void load();
  }, [load]);

  const retry = async (id: string) => {
    try {
      await api(`/api/federation/outbox/${id}/retry`, { method: 'POST', body: {} });
      await load();
    } catch (err) {
      setAlert(errorMessage(err));
    }
  };

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('federation.admin.title')}</h1>
        <div className="page-head-actions">
          <button type="button" className="button button-secondary" onClick={() => void load()} data-testid="federation-refresh">
            {t('federation.admin.refresh')}
          </button>
        </div>
      </div>
      {alert && <p role="alert" className="alert alert-error">{alert}</p>}
      {loadedAt && <p className="muted" role="status">{t('federation.admin.loadedAt', { at: formatDateTime(loadedAt, i18n.language) })}</p>}

      <section className="card" aria-labelledby="fed-node">
        <h2 id="fed-node">{t('federation.admin.node.title')}</h2>
        {node && (
          <dl className="facts-list">
            <dt>{t('federation.admin.node.nodeId')}</dt>
            <dd data-testid="node-id">{node.nodeId}</dd>
            <dt>{t('federation.admin.node.country')}</dt>
            <dd>{node.countryCode}</dd>
            <dt>{t('federation.admin.node.publicKey')}</dt>
            <dd><code data-testid="node-public-key">{node.publicKey}</code></dd>
            <dt>{t('federation.admin.node.inbox')}</dt>
            <dd><code>{node.inboxPath}</code></dd>
          </dl>
        )}
        {stats && (
          <p data-testid="federation-stats">
            {t('federation.admin.stats', {
              pending: stats.outbox.pending ?? 0, delivered: stats.outbox.delivered ?? 0, failed: stats.outbox.failed_permanent ?? 0,
              received: stats.inbox.total, duplicates: stats.inbox.duplicates,
            })}
          </p>
        )}
      </section>

      <section aria-labelledby="fed-peers">
        <h2 id="fed-peers">{t('federation.admin.peers.title')}</h2>
        <PeersTable peers={peers} />
      </section>

      <section aria-labelledby="fed-outbox">
        <h2 id="fed-outbox">{t('federation.admin.outbox.title')}</h2>
        <label>
          {t('federation.admin.outbox.filter')}{' '}
          <select value={filter} onChange={(e) => setFilter(e.target.value as OutboxFilter)} data-testid="outbox-filter">
            <option value="">{t('federation.admin.outbox.all')}</option>
            {(['pending', 'delivered', 'failed_permanent'] as const).map((s) => (
              <option key={s} value={s}>{t(`federation.status.${s}`)}</option>
            ))}
          </select>
        </label>
        <OutboxTable rows={outbox} onRetry={(id) => void retry(id)} />
      </section>

      <section aria-labelledby="fed-quarantine">
        <h2 id="fed-quarantine">{t('federation.admin.quarantine.title')}</h2>
        <p className="muted">{t('federation.admin.quarantine.intro')}</p>
        <QuarantineTable rows={quarantine} onError={setAlert} />
      </section>
    </div>
  );
}
