/** Form controls bound to the field errors of a form (looked up by API path). */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRY_CODES, countryName } from '../../../shared/domain.ts';
import { currentLanguage } from '../../i18n.ts';
import { Field } from '../../ui/field.tsx';

export const FieldErrors = createContext<Record<string, string>>({});

export function useFieldError(path: string): string | undefined {
  return useContext(FieldErrors)[path];
}

interface Common {
  path: string;
  label: string;
  help?: string;
  required?: boolean;
  className?: string;
}

export function TextInput({
  value,
  onChange,
  type = 'text',
  inputMode,
  ...c
}: Common & { value: string; onChange(v: string): void; type?: string; inputMode?: 'numeric' | 'text' }) {
  const error = useFieldError(c.path);
  return (
    <Field {...c} error={error}>
      {(p) => <input {...p} type={type} inputMode={inputMode} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

export function TextArea({ value, onChange, rows = 4, ...c }: Common & { value: string; onChange(v: string): void; rows?: number }) {
  const error = useFieldError(c.path);
  return (
    <Field {...c} error={error}>
      {(p) => <textarea {...p} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

/** A select over a coded list, labelled from `<labelPrefix>.<code>` in the catalogs. */
export function CodeSelect<T extends string>({
  value,
  onChange,
  codes,
  labelPrefix,
  placeholder,
  optionLabel,
  ...c
}: Common & {
  value: T | '';
  onChange(v: T | ''): void;
  codes: readonly T[];
  labelPrefix: string;
  placeholder?: boolean;
  optionLabel?: (code: T) => string;
}) {
  const { t } = useTranslation();
  const error = useFieldError(c.path);
  return (
    <Field {...c} error={error}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value as T | '')}>
          {placeholder && <option value="">{t('common.choose')}</option>}
          {codes.map((code) => (
            <option key={code} value={code}>
              {optionLabel ? optionLabel(code) : t(`${labelPrefix}.${String(code)}` as string)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function useSortedCountries() {
  const lang = currentLanguage();
  return useMemo(
    () =>
      COUNTRY_CODES.map((code) => ({ code, name: countryName(code, lang) })).sort((a, b) =>
        a.name.localeCompare(b.name, lang),
      ),
    [lang],
  );
}

export function CountrySelect({ value, onChange, ...c }: Common & { value: string; onChange(v: string): void }) {
  const { t } = useTranslation();
  const error = useFieldError(c.path);
  const countries = useSortedCountries();
  return (
    <Field {...c} error={error}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('common.choose')}</option>
          {countries.map((x) => (
            <option key={x.code} value={x.code}>
              {x.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A fieldset with a legend; used for the form's sections and repeatable groups. */
export function Section({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  return (
    <fieldset className={`section${className ? ` ${className}` : ''}`}>
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}
