/** The tables of the federation administration page: peers, outbox, quarantine (with the raw body on demand). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api.ts';
import { formatDateTime } from '../../ui/format.ts';

export interface Peer { id: string; nodeId: string; countryCode: string; name: string; endpointUrl: string; publicKey: string; active: boolean }
export interface OutboxRow {
  id: string; peerNodeId: string; kind: string; status: string; attempts: number; createdAt: string; nextAttemptAt: string;
  lastError: string | null; ackedReceivedAt: string | null; ackedReadAt: string | null;
}
export interface QuarantineRow {
  id: string; reason: string; detail: string | null; peerClaimed: string | null; messageId: string | null; size: number;
  truncated: boolean; remoteAddress: string | null; receivedAt: string; resolvedAt: string | null;
}

export function PeersTable({ peers }: { peers: Peer[] }) {
  const { t } = useTranslation();
  if (!peers.length) return <p className="muted">{t('federation.admin.peers.none')}</p>;
  return (
    <table className="queue-table" data-testid="peers-table">
      <thead>
        <tr>
          <th scope="col">{t('federation.admin.peers.nodeId')}</th>
          <th scope="col">{t('federation.admin.peers.country')}</th>
          <th scope="col">{t('federation.admin.peers.name')}</th>
          <th scope="col">{t('federation.admin.peers.endpoint')}</th>
          <th scope="col">{t('federation.admin.peers.publicKey')}</th>
          <th scope="col">{t('federation.admin.peers.active')}</th>
        </tr>
      </thead>
      <tbody>
        {peers.map((p) => (
          <tr key={p.id}>
            <td>{p.nodeId}</td>
            <td>{p.countryCode}</td>
            <td>{p.name}</td>
            <td><code>{p.endpointUrl}</code></td>
            <td><code>{p.publicKey}</code></td>
            <td>{p.active ? t('federation.admin.yes') : t('federation.admin.no')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function OutboxTable({ rows, onRetry }: { rows: OutboxRow[]; onRetry: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const at = (iso: string | null) => formatDateTime(iso, i18n.language);
  if (!rows.length) return <p className="muted">{t('federation.admin.outbox.none')}</p>;
  return (
    <table className="queue-table" data-testid="outbox-table">
      <thead>
        <tr>
          <th scope="col">{t('federation.admin.outbox.created')}</th>
          <th scope="col">{t('federation.admin.outbox.peer')}</th>
          <th scope="col">{t('federation.admin.outbox.kind')}</th>
          <th scope="col">{t('federation.admin.outbox.status')}</th>
          <th scope="col">{t('federation.admin.outbox.acks')}</th>
          <th scope="col">{t('federation.admin.outbox.lastError')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((o) => (
          <tr key={o.id} data-status={o.status}>
            <td>{at(o.createdAt)}</td>
            <td>{o.peerNodeId}</td>
            <td>{t(`federation.kinds.${o.kind}`, { defaultValue: o.kind })}</td>
            <td>
              <span className={`status status-${o.status}`}>{t(`federation.status.${o.status}`, { defaultValue: o.status })}</span>{' '}
              <span className="muted">{t('federation.attempts', { count: o.attempts })}</span>
              {o.status === 'pending' && <div className="muted">{t('federation.admin.outbox.next', { at: at(o.nextAttemptAt) })}</div>}
            </td>
            <td>
              {o.ackedReceivedAt && <div>{t('federation.admin.outbox.received', { at: at(o.ackedReceivedAt) })}</div>}
              {o.ackedReadAt && <div>{t('federation.admin.outbox.read', { at: at(o.ackedReadAt) })}</div>}
            </td>
            <td>
              {o.lastError && <code>{o.lastError}</code>}
              {o.status !== 'delivered' && (
                <div>
                  <button type="button" className="button button-secondary" onClick={() => onRetry(o.id)}>
                    {t('federation.admin.outbox.retry')}
                  </button>
                </div>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function QuarantineTable({ rows, onError }: { rows: QuarantineRow[]; onError: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const [raw, setRaw] = useState<Record<string, string>>({});
  if (!rows.length) return <p className="muted">{t('federation.admin.quarantine.none')}</p>;
  const show = async (id: string) => {
    try {
      const d = await api<{ rawBody: string }>(`/api/federation/quarantine/${id}`);
      setRaw((r) => ({ ...r, [id]: d.rawBody }));
    } catch (err) {
      onError(errorMessage(err));
    }
  };
  return (
    <table className="queue-table" data-testid="quarantine-table">
      <thead>
        <tr>
          <th scope="col">{t('federation.admin.quarantine.received')}</th>
          <th scope="col">{t('federation.admin.quarantine.reason')}</th>
          <th scope="col">{t('federation.admin.quarantine.sender')}</th>
          <th scope="col">{t('federation.admin.quarantine.size')}</th>
          <th scope="col">{t('federation.admin.quarantine.content')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((q) => (
          <tr key={q.id}>
            <td>
              {formatDateTime(q.receivedAt, i18n.language)}
              {q.resolvedAt && <div className="muted">{t('federation.admin.quarantine.resolved', { at: formatDateTime(q.resolvedAt, i18n.language) })}</div>}
            </td>
            <td>
              <strong>{t(`federation.errors.${q.reason}`, { detail: q.detail ?? '', defaultValue: q.reason })}</strong>
              <div className="muted"><code>{q.reason}</code></div>
            </td>
            <td>{q.peerClaimed ?? '–'}{q.remoteAddress && <div className="muted">{q.remoteAddress}</div>}</td>
            <td>{q.size}{q.truncated && ` (${t('federation.admin.quarantine.truncated')})`}</td>
            <td>
              {raw[q.id] !== undefined ? (
                <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', maxHeight: '20rem', overflow: 'auto' }}>{raw[q.id]}</pre>
              ) : (
                <button type="button" className="button button-secondary" onClick={() => void show(q.id)}>
                  {t('federation.admin.quarantine.show')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
