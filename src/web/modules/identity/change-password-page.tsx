/**
 * Changing one's own password. With a temporary password (first start, or set by an administrator) this is
 * the only page the desk shows until a password of one's own is chosen — the server refuses everything else.
 */
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError, errorMessage } from '../../api.ts';
import { safeNext, useAuth } from '../../auth.tsx';
import { Field, fieldId } from '../../ui/field.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';

type Key = 'currentPassword' | 'newPassword' | 'confirm';
type Errors = Partial<Record<Key, string>>;
const MIN_LENGTH = 12;

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { user, passwordChanged } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  useDocumentTitle(t('identity.password.title'));
  const [values, setValues] = useState<Record<Key, string>>({ currentPassword: '', newPassword: '', confirm: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [alert, setAlert] = useState('');
  const [busy, setBusy] = useState(false);
  const forced = !!user?.mustChangePassword;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs: Errors = {};
    if (!values.currentPassword) errs.currentPassword = t('identity.password.errors.currentRequired');
    if (values.newPassword.length < MIN_LENGTH) errs.newPassword = t('identity.password.errors.tooShort');
    else if (values.confirm !== values.newPassword) errs.confirm = t('identity.password.errors.mismatch');
    setErrors(errs);
    if (Object.keys(errs).length) {
      setAlert(t('identity.password.errors.fix'));
      focusFirst(errs);
      return;
    }
    setBusy(true);
    setAlert('');
    try {
      await api('/api/auth/password', { method: 'POST', body: { currentPassword: values.currentPassword, newPassword: values.newPassword } });
      passwordChanged();
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (err) {
      setBusy(false);
      const fieldErrs: Errors = {};
      if (err instanceof ApiError) {
        for (const f of err.fields) if (f.path === 'newPassword' || f.path === 'currentPassword') fieldErrs[f.path] = f.message;
        if (err.code === 'identity.invalid_credentials') fieldErrs.currentPassword = err.message;
      }
      setErrors(fieldErrs);
      setAlert(errorMessage(err));
      focusFirst(fieldErrs);
    }
  };

  const input = (key: Key, autoComplete: string) => (p: object) => (
    <input
      {...p}
      name={key}
      type="password"
      autoComplete={autoComplete}
      value={values[key]}
      onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
    />
  );

  return (
    <section className="page narrow" aria-labelledby="password-title">
      <h1 id="password-title">{t('identity.password.title')}</h1>
      <p>{forced ? t('identity.password.introForced') : t('identity.password.intro')}</p>
      <div role="alert" className={alert ? 'alert alert-error' : 'alert-empty'}>
        {alert}
      </div>
      <form onSubmit={(e) => void submit(e)} noValidate className="form card">
        <Field path="currentPassword" label={t('identity.password.current')} error={errors.currentPassword} required>
          {input('currentPassword', 'current-password')}
        </Field>
        <Field path="newPassword" label={t('identity.password.new')} help={t('identity.password.newHelp')} error={errors.newPassword} required>
          {input('newPassword', 'new-password')}
        </Field>
        <Field path="confirm" label={t('identity.password.confirm')} error={errors.confirm} required>
          {input('confirm', 'new-password')}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button" data-testid="submit" disabled={busy}>
            {busy ? t('identity.password.saving') : t('identity.password.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function focusFirst(errs: Errors) {
  const first = (['currentPassword', 'newPassword', 'confirm'] as const).find((k) => errs[k]);
  if (first) requestAnimationFrame(() => document.getElementById(fieldId(first))?.focus());
}
