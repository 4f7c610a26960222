/** Sign-in: username and password, then a one-time code when the account has two-factor login. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../api.ts';
import { safeNext, useAuth } from '../../auth.tsx';
import { Field, fieldId } from '../../ui/field.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';

type Errors = Partial<Record<'username' | 'password' | 'totp', string>>;

export function LoginPage() {
  const { t } = useTranslation();
  const { user, loading } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t('identity.login.title'));

  if (!loading && user && !busy) return <Navigate to={next} replace />;
  return (
    <section className="page narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t('identity.login.title')}</h1>
      <p>{t('identity.login.intro')}</p>
      <SignInForm onBusy={setBusy} onSignedIn={() => navigate(next, { replace: true })} />
    </section>
  );
}

/**
 * The sign-in form: on the login page, and in place on any page after the session ended (`username` fixed, so
 * the page is only handed back to the user who left it).
 */
export function SignInForm({ username: fixedUsername, onSignedIn, onBusy }: { username?: string; onSignedIn(): void; onBusy?(busy: boolean): void }) {
  const { t } = useTranslation();
  const { login } = useAuth();
  const [username, setUsername] = useState(fixedUsername ?? '');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needTotp, setNeedTotp] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [alert, setAlert] = useState('');
  const [busy, setBusyState] = useState(false);
  const setBusy = (b: boolean) => {
    setBusyState(b);
    onBusy?.(b);
  };
  const totpRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (needTotp) totpRef.current?.focus();
  }, [needTotp]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs: Errors = {};
    if (!username.trim()) errs.username = t('identity.login.errors.usernameRequired');
    if (!password) errs.password = t('identity.login.errors.passwordRequired');
    if (needTotp && !/^\d{6,8}$/.test(totp.trim())) errs.totp = t('identity.login.errors.totpFormat');
    setErrors(errs);
    if (Object.keys(errs).length) {
      setAlert(t('identity.login.errors.fix'));
      focusFirst(errs);
      return;
    }
    setBusy(true);
    setAlert('');
    try {
      await login({ username: username.trim(), password, ...(needTotp ? { totp: totp.trim() } : {}) });
      onSignedIn();
      setBusy(false);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.code === 'identity.totp_required') {
        if (needTotp) {
          setErrors({ totp: err.message });
          setAlert(err.message);
          totpRef.current?.focus();
        } else {
          setNeedTotp(true);
          setAlert(t('identity.login.totpNeeded'));
        }
        return;
      }
      const fieldErrs: Errors = {};
      if (err instanceof ApiError) {
        for (const f of err.fields) {
          if (f.path === 'username' || f.path === 'password' || f.path === 'totp') fieldErrs[f.path] = f.message;
        }
        if (!Object.keys(fieldErrs).length && err.status === 401) {
          // A wrong code or wrong password: say it next to the field that was being tried.
          if (needTotp && /totp/.test(err.code)) fieldErrs.totp = err.message;
          else fieldErrs.password = err.message;
        }
      }
      setErrors(fieldErrs);
      setAlert(errorMessage(err));
      focusFirst(fieldErrs);
    }
  };

  return (
    <>
      <div role="alert" className={alert ? 'alert alert-error' : 'alert-empty'}>
        {alert}
      </div>
      <form onSubmit={(e) => void submit(e)} noValidate className="form card">
        <Field path="username" label={t('identity.login.username')} error={errors.username} required>
          {(p) => (
            <input
              {...p}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              readOnly={fixedUsername !== undefined}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          )}
        </Field>
        <Field path="password" label={t('identity.login.password')} error={errors.password} required>
          {(p) => (
            <input
              {...p}
              name="password"
              type="password"
              data-autofocus={fixedUsername !== undefined ? true : undefined}
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        {needTotp && (
          <Field
            path="totp"
            label={t('identity.login.totp')}
            help={t('identity.login.totpHelp')}
            error={errors.totp}
            required
          >
            {(p) => (
              <input
                {...p}
                ref={totpRef}
                name="totp"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]*"
                maxLength={8}
                value={totp}
                onChange={(e) => setTotp(e.target.value)}
              />
            )}
          </Field>
        )}
        <div className="form-actions">
          <button type="submit" className="button" data-testid="submit" disabled={busy}>
            {busy ? t('identity.login.signingIn') : t('identity.login.submit')}
          </button>
        </div>
      </form>
    </>
  );
}

function focusFirst(errs: Errors) {
  const first = (['username', 'password', 'totp'] as const).find((k) => errs[k]);
  if (first) requestAnimationFrame(() => document.getElementById(fieldId(first))?.focus());
}
