/** Adds a person to a registered request (`POST /api/requests/:id/persons`); the server cross-checks the person at once. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, errorMessage } from '../../api.ts';
import { Dialog } from '../../ui/dialog.tsx';
import { ErrorSummary, fieldLabel } from '../../ui/field.tsx';
import { FieldErrors } from './form-controls.tsx';
import { emptyPerson, toBody, emptyForm } from './form-state.ts';
import { PersonFields } from './person-fields.tsx';
import type { RequestDetail } from './types.ts';

interface Props {
  r: RequestDetail;
  onClose(): void;
  onDone(): void;
}

export function AddPersonDialog({ r, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [person, setPerson] = useState(emptyPerson);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<{ path: string; message: string; label?: string }[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    // The person's body as the request form builds it, so both forms send the same shape.
    const body = toBody({ ...emptyForm('incoming'), persons: [person] }).persons![0];
    try {
      await api(`/api/requests/${encodeURIComponent(r.id)}/persons`, { method: 'POST', body });
      onDone();
    } catch (err) {
      setBusy(false);
      // The form's fields are named persons.0.*; the API names the person's fields at the top level.
      const fields = err instanceof ApiError ? err.fields.map((f) => ({ ...f, path: `persons.0.${f.path}` })) : [];
      setErrors(Object.fromEntries(fields.map((f) => [f.path.split('.').slice(0, 3).join('.'), f.message])));
      setSummary(fields.length ? fields.map((f) => ({ path: f.path, message: f.message, label: fieldLabel(f.path) })) : [{ path: '', message: errorMessage(err) }]);
    }
  };

  return (
    <Dialog title={t('exchange.detail.addPerson.title', { reference: r.reference })} onClose={onClose} wide>
      <ErrorSummary title={t('exchange.form.errorsTitle')} errors={summary} />
      <p className="help">{t('exchange.detail.addPerson.intro')}</p>
      <FieldErrors.Provider value={errors}>
        <form onSubmit={(e) => void submit(e)} noValidate className="form">
          <PersonFields index={0} person={person} onChange={setPerson} onRemove={onClose} />
          <div className="form-actions">
            <button type="submit" className="button" data-testid="add-person-submit" disabled={busy}>
              {busy ? t('common.saving') : t('exchange.detail.addPerson.submit')}
            </button>
            <button type="button" className="button button-secondary" onClick={onClose}>{t('common.cancel')}</button>
          </div>
        </form>
      </FieldErrors.Provider>
    </Dialog>
  );
}
