/**
 * One named action on a project (`POST /api/development/projects/:id/<action>`) as a button and a dialog whose
 * fields are described as data: the fields' labels are `development.fields.<name>`, errors come back by path.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectActionName, ProjectDetail } from '../../../shared/development.schemas.ts';
import { api, ApiError } from '../../api.ts';
import { Dialog } from '../../ui/dialog.tsx';
import { Checkbox, ErrorSummary } from '../../ui/field.tsx';
import { CodeSelect, CountrySelect, FieldErrors, TextArea, TextInput } from '../exchange/form-controls.tsx';
import { focusFirstError, formErrorsOf, type FormErrors } from '../wanted/form-errors.ts';

export interface FieldSpec {
  name: string;
  kind: 'text' | 'textarea' | 'date' | 'number' | 'select' | 'checkbox' | 'country';
  codes?: readonly string[];
  labelPrefix?: string;
  required?: boolean;
  initial?: string | boolean;
}

type Values = Record<string, string | boolean>;

/** The JSON body from the form's values: empty texts are null, numbers are numbers. */
function bodyOf(fields: FieldSpec[], v: Values, extra: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = { ...extra };
  for (const f of fields) {
    const x = v[f.name];
    if (f.kind === 'checkbox') body[f.name] = !!x;
    else if (typeof x !== 'string' || !x.trim()) body[f.name] = null;
    else if (f.kind === 'number') body[f.name] = Number.isNaN(Number(x.replace(',', '.'))) ? x : Number(x.replace(',', '.'));
    else body[f.name] = x.trim();
  }
  return body;
}

/** The controls of a form described by `fields`, bound to values and to the form's field errors. */
export function FieldControls({ fields, v, set }: { fields: FieldSpec[]; v: Values; set(name: string, value: string | boolean): void }) {
  const { t } = useTranslation();
  return fields.map((f) => {
    const common = { key: f.name, path: f.name, label: t(`development.fields.${f.name}`), required: f.required };
    const value = typeof v[f.name] === 'string' ? (v[f.name] as string) : '';
    switch (f.kind) {
      case 'textarea': return <TextArea {...common} value={value} onChange={(x) => set(f.name, x)} rows={3} />;
      case 'select': return <CodeSelect {...common} value={value} onChange={(x) => set(f.name, x)} codes={f.codes ?? []} labelPrefix={f.labelPrefix ?? ''} placeholder />;
      case 'country': return <CountrySelect {...common} value={value} onChange={(x) => set(f.name, x)} />;
      case 'checkbox': return <Checkbox key={f.name} path={f.name} label={common.label} checked={!!v[f.name]} onChange={(x) => set(f.name, x)} />;
      default: return <TextInput {...common} type={f.kind === 'date' ? 'date' : 'text'} inputMode={f.kind === 'number' ? 'numeric' : undefined} value={value} onChange={(x) => set(f.name, x)} />;
    }
  });
}

export const initialValues = (fields: FieldSpec[]): Values => Object.fromEntries(fields.map((f) => [f.name, f.initial ?? (f.kind === 'checkbox' ? false : '')]));

interface ActionProps {
  p: ProjectDetail;
  action: ProjectActionName;
  fields: FieldSpec[];
  /** Values the form does not ask for (the indicator an actual belongs to). */
  fixed?: Record<string, unknown>;
  /** Label of the button when it differs from the dialog's title. */
  label?: string;
  testId?: string;
  onDone(next: ProjectDetail): void;
  onStale(message: string): void;
}

/** A button for an allowed action that opens its dialog; nothing when the action is not allowed. */
export function ActionButton({ p, action, fields, fixed = {}, label, testId, onDone, onStale }: ActionProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [v, setV] = useState<Values>(() => initialValues(fields));
  const [errors, setErrors] = useState<FormErrors>({ map: {}, list: [] });
  const [busy, setBusy] = useState(false);
  if (!p.allowedActions.includes(action)) return null;
  const title = t(`development.actions.${action}`);
  const close = () => {
    setOpen(false);
    setErrors({ map: {}, list: [] });
    setV(initialValues(fields));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const next = await api<ProjectDetail>(`/api/development/projects/${p.id}/${action.replace(/_/g, '-')}`, { body: bodyOf(fields, v, { ...fixed, version: p.version }) });
      setBusy(false);
      close();
      onDone(next);
    } catch (err) {
      setBusy(false);
      // 409: the project changed meanwhile (or the action is no longer possible): the page reloads it.
      if (err instanceof ApiError && err.status === 409) {
        close();
        onStale(err.message);
        return;
      }
      setErrors(formErrorsOf(err));
      focusFirstError('dialog');
    }
  };
  return (
    <>
      <button type="button" className="button button-secondary" data-testid={testId ?? `dev-action-${action}`} onClick={() => setOpen(true)}>
        {label ?? title}
      </button>
      {open && (
        <Dialog title={title} onClose={close}>
          <ErrorSummary title={t('development.form.errorsTitle')} errors={errors.list} />
          <FieldErrors.Provider value={errors.map}>
            <form noValidate onSubmit={(e) => void submit(e)}>
              <FieldControls fields={fields} v={v} set={(name, x) => setV((cur) => ({ ...cur, [name]: x }))} />
              <p className="form-actions">
                <button type="submit" className="button" data-testid="action-submit" disabled={busy}>
                  {busy ? t('common.saving') : title}
                </button>{' '}
                <button type="button" className="button button-secondary" onClick={close}>
                  {t('common.cancel')}
                </button>
              </p>
            </form>
          </FieldErrors.Provider>
        </Dialog>
      )}
    </>
  );
}
