/** Registering a wanted person with the warrant behind the search, at /desk/wanted/new. */
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { GENDERS, type Gender } from '../../../shared/domain.ts';
import { LEGAL_BASES, REQUESTING_AUTHORITIES, type LegalBasis, type RequestingAuthority } from '../../../shared/wanted.schemas.ts';
import { api } from '../../api.ts';
import { ErrorSummary } from '../../ui/field.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { CodeSelect, FieldErrors, Section, TextArea, TextInput } from '../exchange/form-controls.tsx';
import { focusFirstError, formErrorsOf, type FormErrors } from './form-errors.ts';
import type { WantedDetail } from './types.ts';
import { eawErrorPath, EMPTY_WARRANT, warrantBody, WarrantFields } from './warrant-fields.tsx';

const EMPTY = {
  fullName: '', otherScriptNames: '', aliases: '', dateOfBirth: '', placeOfBirth: '', gender: 'unknown' as Gender | '',
  nationalities: '', description: '', requestingAuthority: 'aklagarmyndigheten' as RequestingAuthority | '', authorityReference: '',
  legalBasis: 'detention_in_absentia' as LegalBasis | '', offence: '', offenceSummary: '', dangerWarnings: '', handlingWarnings: '',
  warrant: EMPTY_WARRANT,
};
type Values = typeof EMPTY;

const lines = (s: string) => s.split('\n').map((x) => x.trim()).filter(Boolean);
const opt = (s: string) => (s.trim() ? s.trim() : null);

function bodyOf(v: Values) {
  return {
    fullName: v.fullName, otherScriptNames: lines(v.otherScriptNames), aliases: lines(v.aliases), dateOfBirth: opt(v.dateOfBirth),
    placeOfBirth: opt(v.placeOfBirth), gender: v.gender || 'unknown',
    nationalities: v.nationalities.split(/[\s,]+/).map((x) => x.trim().toUpperCase()).filter(Boolean),
    description: opt(v.description), requestingAuthority: v.requestingAuthority, authorityReference: v.authorityReference,
    legalBasis: v.legalBasis, offence: v.offence, offenceSummary: opt(v.offenceSummary), dangerWarnings: opt(v.dangerWarnings),
    handlingWarnings: opt(v.handlingWarnings),
    warrants: v.warrant.kind ? [warrantBody(v.warrant)] : [],
  };
}

// The EAW's Art 8 fields arrive as one path `warrants.0.eaw`: show it on the judgment field. A list entered one
// per line (`aliases.2`) is one control.
const alias = (p: string) => eawErrorPath('warrants.0')(p).replace(/^(nationalities|aliases|otherScriptNames)\.\d+$/, '$1');

export function WantedFormPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('wanted.form.title'));
  const navigate = useNavigate();
  const [v, setV] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<FormErrors>({ map: {}, list: [] });
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Values>(k: K) => (val: Values[K]) => setV((cur) => ({ ...cur, [k]: val }));
  const F = (k: string) => t(`wanted.form.${k}`);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const created = await api<WantedDetail>('/api/wanted', { body: bodyOf(v) });
      navigate(`/desk/wanted/${created.id}`, { state: { detail: created } });
    } catch (err) {
      setBusy(false);
      setErrors(formErrorsOf(err, alias));
      focusFirstError();
    }
  };

  return (
    <section className="page" aria-labelledby="wanted-form-title">
      <p className="breadcrumb">
        <Link to="/desk/wanted">{t('wanted.title')}</Link>
      </p>
      <h1 id="wanted-form-title">{t('wanted.form.title')}</h1>
      <ErrorSummary title={t('wanted.form.errorsTitle')} errors={errors.list} />
      <FieldErrors.Provider value={errors.map}>
        <form noValidate onSubmit={(e) => void submit(e)}>
          <Section title={F('identity')}>
            <TextInput path="fullName" label={F('fullName')} value={v.fullName} onChange={set('fullName')} required />
            <TextArea path="otherScriptNames" label={F('otherScriptNames')} value={v.otherScriptNames} onChange={set('otherScriptNames')} rows={2} />
            <TextArea path="aliases" label={F('aliases')} value={v.aliases} onChange={set('aliases')} rows={2} />
            <TextInput path="dateOfBirth" label={F('dateOfBirth')} help={F('dateHelp')} value={v.dateOfBirth} onChange={set('dateOfBirth')} />
            <TextInput path="placeOfBirth" label={F('placeOfBirth')} value={v.placeOfBirth} onChange={set('placeOfBirth')} />
            <CodeSelect path="gender" label={F('gender')} value={v.gender} onChange={set('gender')} codes={GENDERS} labelPrefix="domain.genders" />
            <TextInput path="nationalities" label={F('nationalities')} value={v.nationalities} onChange={set('nationalities')} />
            <TextArea path="description" label={F('description')} value={v.description} onChange={set('description')} rows={2} />
          </Section>
          <Section title={F('case')}>
            <CodeSelect path="requestingAuthority" label={F('requestingAuthority')} value={v.requestingAuthority} onChange={set('requestingAuthority')} codes={REQUESTING_AUTHORITIES} labelPrefix="wanted.authority" required />
            <TextInput path="authorityReference" label={F('authorityReference')} value={v.authorityReference} onChange={set('authorityReference')} required />
            <CodeSelect path="legalBasis" label={F('legalBasis')} value={v.legalBasis} onChange={set('legalBasis')} codes={LEGAL_BASES} labelPrefix="wanted.basis" required />
            <TextArea path="offence" label={F('offence')} value={v.offence} onChange={set('offence')} rows={2} required />
            <TextInput path="offenceSummary" label={F('offenceSummary')} value={v.offenceSummary} onChange={set('offenceSummary')} />
            <TextArea path="dangerWarnings" label={F('dangerWarnings')} value={v.dangerWarnings} onChange={set('dangerWarnings')} rows={2} />
            <TextArea path="handlingWarnings" label={F('handlingWarnings')} value={v.handlingWarnings} onChange={set('handlingWarnings')} rows={2} />
          </Section>
          <Section title={F('warrantTitle')}>
            <WarrantFields prefix="warrants.0" v={v.warrant} onChange={set('warrant')} />
          </Section>
          <p>
            <button type="submit" className="button" data-testid="submit" disabled={busy}>
              {busy ? F('saving') : F('submit')}
            </button>
          </p>
        </form>
      </FieldErrors.Provider>
    </section>
  );
}
