/**
 * "FAST clocks" on the desk: the running decision and surrender deadlines of arrested persons (least time left
 * first) and warrants about to lapse. References only, no names; shown to FAST officers, nothing for others.
 */
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { Countdown } from '../exchange/countdown.tsx';
import { syncServerTime } from '../exchange/server-clock.ts';
import type { ClocksList } from './types.ts';

const REFRESH_MS = 30_000;
const SHOWN = 8;
// A legal clock of days: "soon" is the last day, not the last two hours.
const SOON_MS = 24 * 3600_000;

export function FastClocksPanel() {
  const { user } = useAuth();
  if (!user?.roles.includes('fast_officer')) return null;
  return <ClocksPanel />;
}

function ClocksPanel() {
  const { t } = useTranslation();
  const [data, setData] = useState<ClocksList | null>(null);
  const [error, setError] = useState('');

  const load = useCallback(async () => {
    try {
      const res = await api<ClocksList>('/api/wanted/clocks');
      syncServerTime(res.serverTime);
      setData(res);
      setError('');
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);

  useEffect(() => {
    void load();
    const id = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(id);
  }, [load]);

  return (
    <aside className="card fast-clocks" aria-labelledby="fast-clocks-title" data-testid="fast-clocks">
      <h2 id="fast-clocks-title">{t('wanted.desk.title')}</h2>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {!data && !error && <p className="muted">{t('common.loading')}</p>}
      {data && (
        <>
          <h3>{t('wanted.desk.clocks')}</h3>
          {data.items.length === 0 ? (
            <p className="muted">{t('wanted.desk.noClocks')}</p>
          ) : (
            <ul className="notif-list">
              {data.items.slice(0, SHOWN).map((c) => (
                <li key={`${c.id}-${c.clock.clock}`} className="notif" data-testid="fast-clock">
                  <p className="notif-head">
                    <Link to={`/desk/wanted/${c.id}`}>{c.reference}</Link>{' '}
                    <span className="badge">{t(`wanted.warrant.${c.warrantKind}`)}</span>
                  </p>
                  <p>
                    {t(`wanted.clock.${c.clock.clock}`)} · {t('wanted.desk.arrestedIn', { country: c.arrestCountry })}
                  </p>
                  <Countdown dueAt={c.clock.dueAt} paused={false} remainingMs={c.clock.remainingMs} soonMs={SOON_MS} />
                </li>
              ))}
            </ul>
          )}
          <h3>{t('wanted.desk.lapsing')}</h3>
          {data.lapsing.length === 0 ? (
            <p className="muted">{t('wanted.desk.noLapsing')}</p>
          ) : (
            <ul className="notif-list">
              {data.lapsing.slice(0, SHOWN).map((l) => (
                <li key={`${l.warrantId}-${l.field}`} className="notif">
                  <Link to={`/desk/wanted/${l.id}`}>{l.reference}</Link> {t(`wanted.warrant.${l.warrantKind}`)}:{' '}
                  {t(l.field === 'validUntil' ? 'wanted.desk.validUntil' : 'wanted.desk.reviewAt', { date: l.date })}
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link to="/desk/wanted">{t('wanted.desk.toRegister')}</Link>
          </p>
        </>
      )}
    </aside>
  );
}
