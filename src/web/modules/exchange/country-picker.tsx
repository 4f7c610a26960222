/** Pick several countries (nationalities): a select to add, and a list of chosen ones to remove. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../shared/domain.ts';
import { currentLanguage } from '../../i18n.ts';
import { Field } from '../../ui/field.tsx';
import { useFieldError, useSortedCountries } from './form-controls.tsx';

interface Props {
  path: string;
  label: string;
  help?: string;
  value: string[];
  onChange(v: string[]): void;
  max?: number;
}

export function CountryPicker({ path, label, help, value, onChange, max = 10 }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const error = useFieldError(path);
  const countries = useSortedCountries();
  const [pick, setPick] = useState('');
  const add = (code: string) => {
    if (code && !value.includes(code) && value.length < max) onChange([...value, code]);
    setPick('');
  };
  return (
    <Field path={path} label={label} help={help} error={error}>
      {(p) => (
        <div className="picker">
          <div className="picker-row">
            <select {...p} value={pick} onChange={(e) => setPick(e.target.value)}>
              <option value="">{t('common.choose')}</option>
              {countries
                .filter((c) => !value.includes(c.code))
                .map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
            </select>
            <button type="button" className="button button-secondary" disabled={!pick} onClick={() => add(pick)}>
              {t('common.add')}
            </button>
          </div>
          {value.length > 0 && (
            <ul className="chips" aria-label={label}>
              {value.map((code) => (
                <li key={code} className="chip">
                  {countryName(code, lang)}
                  <button
                    type="button"
                    className="chip-remove"
                    onClick={() => onChange(value.filter((c) => c !== code))}
                    aria-label={t('common.removeItem', { item: countryName(code, lang) })}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Field>
  );
}
