/** Labelled form controls with help text and an error tied to the control (aria-describedby). */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  'aria-required'?: true;
}

/** The DOM id of the control for an API field path (`persons.0.fullName` → `f-persons-0-fullName`). */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

interface FieldProps {
  path: string;
  label: string;
  help?: string;
  error?: string;
  required?: boolean;
  className?: string;
  children(props: ControlProps): ReactNode;
}

export function Field({ path, label, help, error, required, className, children }: FieldProps) {
  const { t } = useTranslation();
  const id = fieldId(path);
  const described = [help ? `${id}-help` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <span className="req"> ({t('common.required')})</span>}
      </label>
      {help && (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      )}
      {children({
        id,
        'aria-describedby': described || undefined,
        'aria-invalid': error ? true : undefined,
        'aria-required': required ? true : undefined,
      })}
      {error && <FieldErrorText id={`${id}-err`} message={error} />}
    </div>
  );
}

export function FieldErrorText({ id, message }: { id: string; message: string }) {
  const { t } = useTranslation();
  return (
    <p id={id} className="field-error">
      <span aria-hidden="true">⚠ </span>
      <span className="visually-hidden">{t('common.errorPrefix')} </span>
      {message}
    </p>
  );
}

interface CheckboxProps {
  path: string;
  label: string;
  help?: string;
  checked: boolean;
  onChange(v: boolean): void;
}

export function Checkbox({ path, label, help, checked, onChange }: CheckboxProps) {
  const id = fieldId(path);
  return (
    <div className="field field-check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={help ? `${id}-help` : undefined}
      />
      <label htmlFor={id}>{label}</label>
      {help && (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      )}
    </div>
  );
}

/** A list of errors at the top of a form; each links to its field. */
export function ErrorSummary({ title, errors }: { title: string; errors: { path: string; message: string; label?: string }[] }) {
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" role="alert">
      <h2 tabIndex={-1}>{title}</h2>
      <ul>
        {errors.map((e, i) => (
          <li key={`${e.path}-${i}`}>
            {e.path ? <a href={`#${fieldId(e.path)}`}>{e.label ? `${e.label}: ${e.message}` : e.message}</a> : e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The visible label of the control for a field path, prefixed by its repeat group ("Person 1 – Full name"). */
export function fieldLabel(path: string): string | undefined {
  const el = document.getElementById(fieldId(path));
  if (!el) return undefined;
  const label = document.querySelector(`label[for="${el.id}"]`)?.childNodes[0]?.textContent?.trim()
    ?? el.closest('fieldset')?.querySelector('legend')?.textContent?.trim();
  const group = el.closest('fieldset.repeat')?.querySelector('legend')?.textContent?.trim();
  return label ? (group && group !== label ? `${group} – ${label}` : label) : undefined;
}
