/** Registering a wanted person with the warrant behind the search, at /desk/wanted/new. */
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { GENDERS, type Gender } from '../../../shared/domain.ts';
import {
  ARTICLE3_REVIEW, LEGAL_BASES, REQUESTING_AUTHORITIES, WARRANT_KINDS, type LegalBasis, type RequestingAuthority, type WarrantKind,
} from '../../../shared/wanted.schemas.ts';
import { api } from '../../api.ts';
import { ErrorSummary } from '../../ui/field.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { CodeSelect, CountrySelect, FieldErrors, Section, TextArea, TextInput } from '../exchange/form-controls.tsx';
import { focusFirstError, formErrorsOf, type FormErrors } from './form-errors.ts';
import type { WantedDetail } from './types.ts';

const EMPTY = {
  fullName: '', otherScriptNames: '', aliases: '', dateOfBirth: '', placeOfBirth: '', gender: 'unknown' as Gender | '',
  nationalities: '', description: '', requestingAuthority: 'aklagarmyndigheten' as RequestingAuthority | '', authorityReference: '',
  legalBasis: 'detention_in_absentia' as LegalBasis | '', offence: '', offenceSummary: '', dangerWarnings: '', handlingWarnings: '',
  kind: 'eaw' as WarrantKind | '', issuingCountry: 'SE', issuingAuthority: '', issuedAt: '', validUntil: '', reviewAt: '',
  channelReference: '', article3Status: '' as (typeof ARTICLE3_REVIEW)[number] | '', article3Reason: '',
  eaw: { a_identity: '', b_issuingAuthority: '', c_judgment: '', d_offence: '', e_circumstances: '', f_penalty: '', g_consequences: '' },
};
type Values = typeof EMPTY;

const INTERPOL: string[] = ['red_notice', 'diffusion'];
/** FD 2002/584/JHA Art 8(1)(a)–(g), in the order of the EAW form. */
const EAW_FIELDS = ['a_identity', 'b_issuingAuthority', 'c_judgment', 'd_offence', 'e_circumstances', 'f_penalty', 'g_consequences'] as const;
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
    warrants: v.kind ? [{
      kind: v.kind, issuingCountry: v.issuingCountry, issuingAuthority: v.issuingAuthority, issuedAt: v.issuedAt,
      validUntil: opt(v.validUntil), reviewAt: opt(v.reviewAt), channelReference: opt(v.channelReference),
      eaw: v.kind === 'eaw' ? Object.fromEntries(Object.entries(v.eaw).map(([k, x]) => [k, opt(x)])) : null,
      article3Status: INTERPOL.includes(v.kind) ? v.article3Status || null : null,
      article3Reason: INTERPOL.includes(v.kind) ? opt(v.article3Reason) : null,
    }] : [],
  };
}

// The EAW's Art 8 fields arrive as one path `warrants.0.eaw`: show it on the judgment field. A list entered one
// per line (`aliases.2`) is one control.
const alias = (p: string) => (p === 'warrants.0.eaw' ? 'warrants.0.eaw.c_judgment' : p.replace(/^(nationalities|aliases|otherScriptNames)\.\d+$/, '$1'));

export function WantedFormPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('wanted.form.title'));
  const navigate = useNavigate();
  const [v, setV] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<FormErrors>({ map: {}, list: [] });
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Values>(k: K) => (val: Values[K]) => setV((cur) => ({ ...cur, [k]: val }));
  const setEaw = (k: keyof Values['eaw']) => (val: string) => setV((cur) => ({ ...cur, eaw: { ...cur.eaw, [k]: val } }));
  const F = (k: string) => t(`wanted.form.${k}`);
  const w = 'warrants.0';

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
            <CodeSelect path={`${w}.kind`} label={F('warrantKind')} value={v.kind} onChange={set('kind')} codes={WARRANT_KINDS} labelPrefix="wanted.warrant" placeholder />
            <CountrySelect path={`${w}.issuingCountry`} label={F('issuingCountry')} value={v.issuingCountry} onChange={set('issuingCountry')} />
            <TextInput path={`${w}.issuingAuthority`} label={F('issuingAuthority')} value={v.issuingAuthority} onChange={set('issuingAuthority')} />
            <TextInput path={`${w}.issuedAt`} type="date" label={F('issuedAt')} value={v.issuedAt} onChange={set('issuedAt')} />
            <TextInput path={`${w}.validUntil`} type="date" label={F('validUntil')} value={v.validUntil} onChange={set('validUntil')} />
            <TextInput path={`${w}.reviewAt`} type="date" label={F('reviewAt')} value={v.reviewAt} onChange={set('reviewAt')} />
            <TextInput path={`${w}.channelReference`} label={F('channelReference')} value={v.channelReference} onChange={set('channelReference')} />
            {v.kind === 'eaw' && EAW_FIELDS.map((k) => (
              <TextArea key={k} path={`${w}.eaw.${k}`} label={t(`wanted.form.eaw.${k}`)} value={v.eaw[k]} onChange={setEaw(k)} rows={2} required={k === 'c_judgment' || k === 'd_offence'} />
            ))}
            {INTERPOL.includes(v.kind) && (
              <>
                <CodeSelect path={`${w}.article3Status`} label={F('article3Status')} value={v.article3Status} onChange={set('article3Status')} codes={ARTICLE3_REVIEW} labelPrefix="wanted.article3" placeholder />
                <TextInput path={`${w}.article3Reason`} label={F('article3Reason')} value={v.article3Reason} onChange={set('article3Reason')} />
              </>
            )}
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
