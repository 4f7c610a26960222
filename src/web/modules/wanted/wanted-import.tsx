/**
 * Importing Interpol's public Red Notices into the register (`POST /api/wanted/import/interpol`): the file is read
 * in the browser and sent as the JSON the public notices API gives; the server imports each notice once.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../shared/wanted.schemas.ts';
import { api } from '../../api.ts';
import { ErrorSummary, Field } from '../../ui/field.tsx';
import { FieldErrors } from '../exchange/form-controls.tsx';
import { formErrorsOf, type FormErrors } from './form-errors.ts';

const PATH = 'import-file';

export function WantedImportPanel() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FormErrors>({ map: {}, list: [] });
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);

  const fail = (message: string) => setErrors({ map: { [PATH]: message }, list: [{ path: PATH, message, label: t('wanted.import.file') }] });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    if (!file) return fail(t('wanted.import.fileRequired'));
    let doc: unknown;
    try {
      doc = JSON.parse(await file.text());
    } catch {
      return fail(t('wanted.import.notJson'));
    }
    setBusy(true);
    try {
      setResult(await api<ImportResult>('/api/wanted/import/interpol', { body: doc }));
      setErrors({ map: {}, list: [] });
    } catch (err) {
      // The server's refusal of the document as a whole belongs to the file control.
      const e2 = formErrorsOf(err);
      if (!Object.keys(e2.map).length && e2.list[0]) fail(e2.list[0].message);
      else setErrors(e2);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="wanted-import-title" data-testid="wanted-import">
      <h2 id="wanted-import-title">{t('wanted.import.title')}</h2>
      <form noValidate className="work-form" onSubmit={(e) => void submit(e)}>
        <ErrorSummary title={t('wanted.form.errorsTitle')} errors={errors.list} />
        <FieldErrors.Provider value={errors.map}>
          <Field path={PATH} label={t('wanted.import.file')} help={t('wanted.import.help')} error={errors.map[PATH]}>
            {(c) => <input {...c} type="file" accept="application/json,.json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
          </Field>
        </FieldErrors.Provider>
        <button type="submit" className="button button-secondary" disabled={busy}>
          {busy ? t('common.loading') : t('wanted.import.submit')}
        </button>
      </form>
      {result && (
        <p className="alert" role="status" data-testid="import-result">
          {t('wanted.import.result', { ...result, errors: result.errors.length })}
        </p>
      )}
    </section>
  );
}
