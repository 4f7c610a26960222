/**
 * The header's notification bell: the unread count, live from the server, announced to screen readers when it
 * grows, with an optional sound (off by default, remembered in this browser) for a duty officer away from the screen.
 */
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useNotificationState } from './notification-stream.ts';

const SOUND_KEY = 'polsam.notificationSound';

function chime() {
  const Ctx = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctx) return;
  const ctx = new Ctx();
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.frequency.value = 880;
  gain.gain.setValueAtTime(0.2, ctx.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + 0.6);
  osc.connect(gain).connect(ctx.destination);
  osc.start();
  osc.stop(ctx.currentTime + 0.6);
  osc.onended = () => void ctx.close();
}

export function NotificationBell() {
  const { t } = useTranslation();
  const state = useNotificationState();
  const [sound, setSound] = useState(() => localStorage.getItem(SOUND_KEY) === 'on');
  const [announce, setAnnounce] = useState('');
  const previous = useRef<{ unread: number; latestAt: string | null } | null>(null);

  useEffect(() => {
    if (!state) return;
    const before = previous.current;
    previous.current = state;
    if (!before || !state.latestAt || state.latestAt === before.latestAt || state.unread <= before.unread) return;
    setAnnounce(t('desk.bell.news', { count: state.unread - before.unread }));
    if (sound) chime();
  }, [state, sound, t]);

  const toggle = () => {
    setSound((on) => {
      localStorage.setItem(SOUND_KEY, on ? 'off' : 'on');
      return !on;
    });
  };
  const unread = state?.unread ?? 0;
  return (
    <div className="bell" data-testid="notification-bell">
      <Link to="/desk#notif-title" className="bell-link" aria-label={t('desk.bell.label', { count: unread })}>
        <span aria-hidden="true">🔔</span>
        {unread > 0 && (
          <span className="badge badge-count" aria-hidden="true" data-testid="bell-count">
            {unread}
          </span>
        )}
      </Link>
      <button type="button" className="button-link small" aria-pressed={sound} title={t('desk.bell.soundToggle')} onClick={toggle}>
        {sound ? t('desk.bell.soundOn') : t('desk.bell.soundOff')}
      </button>
      <span className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </span>
    </div>
  );
}
