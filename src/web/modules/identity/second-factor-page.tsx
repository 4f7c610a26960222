/**
 * Two-factor authentication (TOTP, RFC 6238): set up an authenticator app, replace it, or turn it off. Each
 * change needs the password and, while a factor is in force, a current code from it — a session alone is not
 * enough. Where the role requires a second factor this is the only page the desk shows until one is set up.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import { api, ApiError, errorMessage } from '../../api.ts';
import { safeNext, useAuth } from '../../auth.tsx';
import { Field, fieldId } from '../../ui/field.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';

type Key = 'password' | 'code' | 'newCode';
type Errors = Partial<Record<Key, string>>;
interface Enrolment { secret: string; uri: string }

export function SecondFactorPage() {
  const { t } = useTranslation();
  const { user, refresh } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  useDocumentTitle(t('identity.factor.title'));
  const [values, setValues] = useState<Record<Key, string>>({ password: '', code: '', newCode: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [alert, setAlert] = useState('');
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [qr, setQr] = useState('');
  const forced = !!user?.secondFactorRequired;
  const enabled = !!user?.totpEnabled;

  useEffect(() => {
    if (!enrolment) return setQr('');
    let live = true;
    void QRCode.toDataURL(enrolment.uri, { margin: 1, width: 220 }).then((url) => live && setQr(url));
    return () => {
      live = false;
    };
  }, [enrolment]);

  const fail = (err: unknown, map: Partial<Record<string, Key>>) => {
    const errs: Errors = {};
    if (err instanceof ApiError) for (const f of err.fields) if (map[f.path]) errs[map[f.path]!] = f.message;
    setErrors(errs);
    setAlert(errorMessage(err));
    focusFirst(errs);
  };

  const check = (keys: Key[]) => {
    const errs: Errors = {};
    if (keys.includes('password') && !values.password) errs.password = t('identity.factor.errors.passwordRequired');
    for (const k of ['code', 'newCode'] as const) {
      if (keys.includes(k) && !/^\d{6,8}$/.test(values[k].trim())) errs[k] = t('identity.login.errors.totpFormat');
    }
    setErrors(errs);
    if (Object.keys(errs).length) {
      setAlert(t('identity.password.errors.fix'));
      focusFirst(errs);
      return false;
    }
    setAlert('');
    return true;
  };

  const run = async (work: () => Promise<void>, map: Partial<Record<string, Key>>) => {
    setBusy(true);
    setNotice('');
    try {
      await work();
    } catch (err) {
      fail(err, map);
    } finally {
      setBusy(false);
    }
  };

  const begin = (e: FormEvent) => {
    e.preventDefault();
    if (!check(enabled ? ['password', 'code'] : ['password'])) return;
    void run(async () => {
      const body = { password: values.password, ...(enabled ? { code: values.code.trim() } : {}) };
      setEnrolment(await api<Enrolment>('/api/auth/totp/begin', { method: 'POST', body }));
      setValues({ password: '', code: '', newCode: '' });
      requestAnimationFrame(() => document.getElementById(fieldId('newCode'))?.focus());
    }, { password: 'password', code: 'code' });
  };

  const confirm = (e: FormEvent) => {
    e.preventDefault();
    if (!check(['newCode'])) return;
    void run(async () => {
      await api('/api/auth/totp/confirm', { method: 'POST', body: { code: values.newCode.trim() } });
      setEnrolment(null);
      setValues({ password: '', code: '', newCode: '' });
      await refresh();
      if (forced) navigate(safeNext(params.get('next')), { replace: true });
      else setNotice(t('identity.factor.enabledNotice'));
    }, { code: 'newCode' });
  };

  const disable = () => {
    if (!check(['password', 'code'])) return;
    void run(async () => {
      await api('/api/auth/totp/disable', { method: 'POST', body: { password: values.password, code: values.code.trim() } });
      setValues({ password: '', code: '', newCode: '' });
      await refresh();
      setNotice(t('identity.factor.disabledNotice'));
    }, { password: 'password', code: 'code' });
  };

  const input = (key: Key, type: 'password' | 'code') => (p: object) => (
    <input
      {...p}
      name={key}
      type={type === 'password' ? 'password' : 'text'}
      inputMode={type === 'code' ? 'numeric' : undefined}
      autoComplete={type === 'password' ? 'current-password' : 'one-time-code'}
      value={values[key]}
      onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
    />
  );
  const passwordField = <Field path="password" label={t('identity.login.password')} error={errors.password} required>{input('password', 'password')}</Field>;
  const codeField = (
    <Field path="code" label={t('identity.factor.currentCode')} help={t('identity.login.totpHelp')} error={errors.code} required>
      {input('code', 'code')}
    </Field>
  );

  return (
    <section className="page narrow" aria-labelledby="factor-title">
      <h1 id="factor-title">{t('identity.factor.title')}</h1>
      <p>{forced ? t('identity.factor.introForced') : t('identity.factor.intro')}</p>
      <p data-testid="factor-status">
        <strong>{enabled ? t('identity.factor.statusOn') : t('identity.factor.statusOff')}</strong>
        {user?.secondFactorMandatory ? ` ${t('identity.factor.mandatory')}` : ''}
      </p>
      <div role="alert" className={alert ? 'alert alert-error' : 'alert-empty'}>
        {alert}
      </div>
      <div role="status" className={notice ? 'alert alert-success' : 'alert-empty'}>
        {notice}
      </div>
      {!enrolment ? (
        <form onSubmit={begin} noValidate className="form card" data-testid="factor-begin">
          <h2>{enabled ? t('identity.factor.replaceTitle') : t('identity.factor.setUpTitle')}</h2>
          {passwordField}
          {enabled && codeField}
          {enabled && !user?.secondFactorMandatory && <p className="help">{t('identity.factor.disableIntro')}</p>}
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>
              {enabled ? t('identity.factor.replace') : t('identity.factor.setUp')}
            </button>
            {enabled && !user?.secondFactorMandatory && (
              <button type="button" className="button button-secondary" data-testid="factor-disable" disabled={busy} onClick={disable}>
                {t('identity.factor.disable')}
              </button>
            )}
          </div>
        </form>
      ) : (
        <form onSubmit={confirm} noValidate className="form card" data-testid="factor-confirm">
          <h2>{t('identity.factor.scanTitle')}</h2>
          <p>{t('identity.factor.scan')}</p>
          {qr && <img src={qr} width={220} height={220} alt={t('identity.factor.qrAlt')} data-testid="totp-qr" />}
          <p>
            {t('identity.factor.manual')}{' '}
            <code className="break-anywhere" data-testid="totp-secret">
              {enrolment.secret}
            </code>
          </p>
          <Field path="newCode" label={t('identity.factor.newCode')} help={t('identity.login.totpHelp')} error={errors.newCode} required>
            {input('newCode', 'code')}
          </Field>
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>
              {t('identity.factor.confirm')}
            </button>
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => setEnrolment(null)}>
              {t('identity.factor.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function focusFirst(errs: Errors) {
  const first = (['password', 'code', 'newCode'] as const).find((k) => errs[k]);
  if (first) requestAnimationFrame(() => document.getElementById(fieldId(first))?.focus());
}
