/** The signed-in user, loaded from `GET /api/auth/me`, and the guard for desk pages. */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../shared/domain.ts';
import { api, ApiError, setCsrfToken, setUnauthenticatedHandler } from './api.ts';
import { currentLanguage, publicPath, setLanguage, storedLanguage } from './i18n.ts';

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  unit: { id: string; name: string };
  locale: Locale;
  /** A temporary password: only the password page is shown until the user chooses their own. */
  mustChangePassword?: boolean;
  /** Two-factor authentication: in force, required by the role but not yet set up, and whether it may be turned off. */
  totpEnabled?: boolean;
  secondFactorRequired?: boolean;
  secondFactorMandatory?: boolean;
  /** Minutes without activity after which the server ends the session. */
  idleMinutes?: number;
}

interface SessionResponse {
  user: CurrentUser;
  csrfToken: string;
  /** How long the session lasts if it is not used again. */
  idleRemainingMs?: number;
}

interface AuthState {
  loading: boolean;
  user: CurrentUser | null;
  login(input: { username: string; password: string; totp?: string }): Promise<CurrentUser>;
  logout(): Promise<void>;
  /** After the user changed their password: the desk opens. */
  passwordChanged(): void;
  /** Reloads the signed-in user (after the second factor changed, or to keep an idle session alive). */
  refresh(): Promise<void>;
  /** Asks the server how long the session has left without extending it (a 401 marks it expired). */
  check(): Promise<void>;
  /** When the session ends if it is not used (this browser's clock), as last reported by the server. */
  idleEndsAt: number | null;
  /** The session ended while a user was signed in: the page is kept, hidden, until they sign in again. */
  expired: boolean;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [loading, setLoading] = useState(true);
  const [user, setUser] = useState<CurrentUser | null>(null);
  const [idleEndsAt, setIdleEndsAt] = useState<number | null>(null);
  const [expired, setExpired] = useState(false);
  const userRef = useRef<CurrentUser | null>(null);
  userRef.current = user;

  const accept = useCallback((s: SessionResponse) => {
    // Another user signing in where a session ended: nothing of the previous user's page may stay.
    if (userRef.current && userRef.current.id !== s.user.id) {
      window.location.replace('/desk');
      return;
    }
    setCsrfToken(s.csrfToken);
    setUser(s.user);
    setExpired(false);
    setIdleEndsAt(s.idleRemainingMs == null ? null : Date.now() + s.idleRemainingMs);
    // A language chosen on this device wins; otherwise follow the user's profile.
    if (!storedLanguage() && (s.user.locale === 'sv' || s.user.locale === 'en')) void setLanguage(s.user.locale, false);
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      // Signed in until now: keep the page (and whatever was being written on it) and ask for the password again.
      if (userRef.current) setExpired(true);
      else setUser(null);
    });
    const ctrl = new AbortController();
    api<SessionResponse>('/api/auth/me', { signal: ctrl.signal })
      .then(accept)
      .catch((err: unknown) => {
        if (err instanceof DOMException && err.name === 'AbortError') return;
        if (!(err instanceof ApiError) || err.status !== 401) console.error(err);
        setUser(null);
      })
      .finally(() => {
        if (!ctrl.signal.aborted) setLoading(false);
      });
    return () => {
      ctrl.abort();
      setUnauthenticatedHandler(null);
    };
  }, [accept]);

  const login = useCallback(
    async (input: { username: string; password: string; totp?: string }) => {
      const s = await api<SessionResponse>('/api/auth/login', { method: 'POST', body: input });
      accept(s);
      return s.user;
    },
    [accept],
  );

  const logout = useCallback(async () => {
    try {
      await api('/api/auth/logout', { method: 'POST', body: {} });
    } catch {
      // The session is dropped locally either way.
    }
    // A full load of the public page, not a client-side route change: nothing read while signed in (cases, persons)
    // stays in the page's memory, and no signed-in page gets the chance to redirect to the login form first.
    setCsrfToken(null);
    window.location.replace(publicPath('/', currentLanguage()));
  }, []);

  const passwordChanged = useCallback(() => setUser((u) => (u ? { ...u, mustChangePassword: false } : u)), []);

  const refresh = useCallback(async () => {
    accept(await api<SessionResponse>('/api/auth/me'));
  }, [accept]);

  const check = useCallback(async () => {
    try {
      const s = await api<SessionResponse>('/api/auth/me', { background: true });
      setIdleEndsAt(s.idleRemainingMs == null ? null : Date.now() + s.idleRemainingMs);
    } catch (err) {
      // Ended on the server: keep the page and ask for the password. A network error leaves things as they are.
      if (err instanceof ApiError && err.status === 401 && userRef.current) setExpired(true);
    }
  }, []);

  const value = useMemo(
    () => ({ loading, user, login, logout, passwordChanged, refresh, check, idleEndsAt, expired }),
    [loading, user, login, logout, passwordChanged, refresh, check, idleEndsAt, expired],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/**
 * Desk pages: redirect to /login (and back afterwards) when nobody is signed in, to the password page
 * while the password is temporary, and to the second-factor page while a required second factor is missing.
 */
export function RequireAuth({ children, allowTemporaryPassword = false, allowSecondFactorSetup = false }: {
  children: ReactNode;
  allowTemporaryPassword?: boolean;
  allowSecondFactorSetup?: boolean;
}) {
  const { loading, user } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();
  if (loading) {
    return (
      <p className="muted" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (!user) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (user.mustChangePassword && !allowTemporaryPassword) {
    const next = location.pathname + location.search;
    return <Navigate to={`/account/password?next=${encodeURIComponent(next)}`} replace />;
  }
  // A role that requires a second factor sees only the enrolment page until one is set up (the server refuses the rest).
  if (user.secondFactorRequired && !user.mustChangePassword && !allowSecondFactorSetup) {
    const next = location.pathname + location.search;
    return <Navigate to={`/account/second-factor?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

/** Only same-app paths are followed after login (no open redirect). */
export function safeNext(next: string | null): string {
  if (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')) return next;
  return '/desk';
}
