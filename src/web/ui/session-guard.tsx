/**
 * The idle timeout as the user sees it. While they work on a page (typing a long answer makes no server call)
 * the session is kept alive; two minutes before it would end unused they are warned and can stay; once it has
 * ended the page is hidden behind an opaque dialog that asks for their password (and code) again, and whatever
 * was being written on the page is still there afterwards. Nothing is written to the browser's storage.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lastInputAt } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { SignInForm } from '../modules/identity/login-page.tsx';
import { Dialog } from './dialog.tsx';
import { formatDuration } from './format.ts';
import { reopenNotificationStream } from './notification-stream.ts';

const KEEP_ALIVE_EVERY_MS = 60_000;
const CHECK_EVERY_MS = 15_000;

export function SessionGuard() {
  const { t } = useTranslation();
  const { user, expired, idleEndsAt, refresh, check, logout } = useAuth();
  const [now, setNow] = useState(() => Date.now());
  const lastKeepAlive = useRef(Date.now());
  const lastCheck = useRef(0);

  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, []);

  const idleMs = (user?.idleMinutes ?? 0) * 60_000;
  // Warn two minutes before the end, or halfway for a very short timeout.
  const warnMs = Math.min(120_000, idleMs / 2);
  const remaining = idleEndsAt === null ? null : idleEndsAt - now;

  useEffect(() => {
    if (!user || expired || idleEndsAt === null || !idleMs) return;
    // Working on the page without server calls: tell the server once a minute that the user is here.
    if (lastInputAt() > lastKeepAlive.current && now - lastKeepAlive.current > KEEP_ALIVE_EVERY_MS) {
      lastKeepAlive.current = now;
      void refresh().catch(() => undefined);
      return;
    }
    // Near or past the end by this page's count: ask the server (another page may have used the session).
    if (remaining !== null && remaining <= warnMs && now - lastCheck.current > (remaining <= 0 ? 3_000 : CHECK_EVERY_MS)) {
      lastCheck.current = now;
      void check();
    }
  }, [now, user, expired, idleEndsAt, idleMs, warnMs, remaining, refresh, check]);

  if (!user) return null;
  if (expired) {
    return (
      <Dialog title={t('identity.session.expiredTitle')} onClose={() => undefined} closable={false} className="dialog-session-ended">
        <p data-testid="session-expired">{t('identity.session.expiredText', { minutes: user.idleMinutes ?? 0 })}</p>
        <SignInForm
          username={user.username}
          onSignedIn={() => {
            lastKeepAlive.current = Date.now();
            reopenNotificationStream();
          }}
        />
        <p>
          <button type="button" className="button button-secondary" data-testid="session-leave" onClick={() => void logout()}>
            {t('identity.session.leave')}
          </button>
        </p>
      </Dialog>
    );
  }
  if (remaining !== null && idleMs && remaining <= warnMs && remaining > 0) {
    const stay = () => {
      lastKeepAlive.current = Date.now();
      void refresh().catch(() => undefined);
    };
    return (
      <Dialog title={t('identity.session.warningTitle')} onClose={stay}>
        <p data-testid="session-warning">
          {t('identity.session.warningText', { left: formatDuration(remaining, t) })}
        </p>
        <div className="form-actions">
          <button type="button" className="button" data-testid="session-stay" onClick={stay}>
            {t('identity.session.stay')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => void logout()}>
            {t('identity.session.leave')}
          </button>
        </div>
      </Dialog>
    );
  }
  return null;
}
