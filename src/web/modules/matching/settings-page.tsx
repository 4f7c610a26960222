/**
 * Administrators set the cross-check's thresholds at /admin/matching: the score at which a hit raises an alert
 * and at which it is listed for review. The server validates (0..1, review not above alert) and audits the change.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchingSettingsInput } from '../../../shared/matching.schemas.ts';
import { api, ApiError, errorMessage } from '../../api.ts';
import { ErrorSummary, Field, fieldLabel } from '../../ui/field.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';

type Key = keyof MatchingSettingsInput;
const KEYS: Key[] = ['alertThreshold', 'reviewThreshold'];

/** An empty or unreadable entry is sent as null, so the server answers with its own translated message. */
const numberOrNull = (s: string): number | null => {
  const n = Number(s.trim().replace(',', '.'));
  return s.trim() && Number.isFinite(n) ? n : null;
};

export function MatchingSettingsPage() {
  const { t } = useTranslation();
  const L = (k: string) => t(`matching.settings.${k}`);
  useDocumentTitle(L('title'));
  const [values, setValues] = useState<Record<Key, string> | null>(null);
  const [errors, setErrors] = useState<{ path: string; message: string; label?: string }[]>([]);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<MatchingSettingsInput>('/api/matching/settings')
      .then((s) => setValues({ alertThreshold: String(s.alertThreshold), reviewThreshold: String(s.reviewThreshold) }))
      .catch((err: unknown) => setError(errorMessage(err)));
  }, []);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!values) return;
    setBusy(true);
    setNotice('');
    try {
      const body = { alertThreshold: numberOrNull(values.alertThreshold), reviewThreshold: numberOrNull(values.reviewThreshold) };
      const s = await api<MatchingSettingsInput>('/api/matching/settings', { method: 'PUT', body });
      setValues({ alertThreshold: String(s.alertThreshold), reviewThreshold: String(s.reviewThreshold) });
      setErrors([]);
      setError('');
      setNotice(L('saved'));
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) {
        setErrors(err.fields.map((f) => ({ ...f, label: fieldLabel(f.path) })));
        setError('');
      } else {
        setErrors([]);
        setError(errorMessage(err));
      }
    } finally {
      setBusy(false);
    }
  };

  const errorOf = (k: Key) => errors.find((x) => x.path === k)?.message;
  return (
    <div className="page">
      <div className="page-head">
        <h1>{L('title')}</h1>
      </div>
      <p className="muted">{L('intro')}</p>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p className="alert" role="status" data-testid="settings-saved">
          {notice}
        </p>
      )}
      <ErrorSummary title={L('errorTitle')} errors={errors} />
      {values && (
        <form className="card" onSubmit={(e) => void save(e)} noValidate data-testid="matching-settings">
          {KEYS.map((k) => (
            <Field key={k} path={k} label={L(k)} help={L(k === 'alertThreshold' ? 'alertHint' : 'reviewHint')} error={errorOf(k)} required>
              {(p) => <input {...p} inputMode="decimal" value={values[k]} onChange={(e) => setValues({ ...values, [k]: e.target.value })} />}
            </Field>
          ))}
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy} data-testid="settings-save">
              {L('save')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
