/** Registering a development cooperation project at /development/new; it waits for a supervisor's start approval. */
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ProjectDetail } from '../../../shared/development.schemas.ts';
import { api } from '../../api.ts';
import { ErrorSummary } from '../../ui/field.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { FieldErrors } from '../exchange/form-controls.tsx';
import { focusFirstError, formErrorsOf, type FormErrors } from '../wanted/form-errors.ts';
import { FieldControls, initialValues } from './action-form.tsx';
import { PROJECT_FIELDS } from './fields.ts';

export function ProjectFormPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('development.form.title'));
  const navigate = useNavigate();
  const [v, setV] = useState(() => initialValues(PROJECT_FIELDS));
  const [errors, setErrors] = useState<FormErrors>({ map: {}, list: [] });
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const body = Object.fromEntries(PROJECT_FIELDS.map((f) => [f.name, typeof v[f.name] === 'string' && (v[f.name] as string).trim() ? (v[f.name] as string).trim() : null]));
    try {
      const created = await api<ProjectDetail>('/api/development/projects', { body });
      navigate(`/development/${created.id}`);
    } catch (err) {
      setBusy(false);
      setErrors(formErrorsOf(err));
      focusFirstError();
    }
  };

  return (
    <section className="page" aria-labelledby="dev-form-title">
      <p className="breadcrumb"><Link to="/development">{t('development.title')}</Link></p>
      <h1 id="dev-form-title">{t('development.form.title')}</h1>
      <p>{t('development.form.intro')}</p>
      <ErrorSummary title={t('development.form.errorsTitle')} errors={errors.list} />
      <FieldErrors.Provider value={errors.map}>
        <form noValidate onSubmit={(e) => void submit(e)}>
          <FieldControls fields={PROJECT_FIELDS} v={v} set={(name, x) => setV((cur) => ({ ...cur, [name]: x }))} />
          <p>
            <button type="submit" className="button" data-testid="submit" disabled={busy}>
              {busy ? t('common.saving') : t('development.form.submit')}
            </button>
          </p>
        </form>
      </FieldErrors.Provider>
    </section>
  );
}
