/** The fields of a warrant or alert, shared by registration and by adding a warrant to a registered person. */
import { useTranslation } from 'react-i18next';
import { ARTICLE3_REVIEW, WARRANT_KINDS, type WarrantKind } from '../../../shared/wanted.schemas.ts';
import { CodeSelect, CountrySelect, TextArea, TextInput } from '../exchange/form-controls.tsx';

export const EMPTY_WARRANT = {
  kind: 'eaw' as WarrantKind | '', issuingCountry: 'SE', issuingAuthority: '', issuedAt: '', validUntil: '', reviewAt: '',
  channelReference: '', article3Status: '' as (typeof ARTICLE3_REVIEW)[number] | '', article3Reason: '',
  eaw: { a_identity: '', b_issuingAuthority: '', c_judgment: '', d_offence: '', e_circumstances: '', f_penalty: '', g_consequences: '' },
};
export type WarrantValues = typeof EMPTY_WARRANT;

const INTERPOL: string[] = ['red_notice', 'diffusion'];
/** FD 2002/584/JHA Art 8(1)(a)–(g), in the order of the EAW form. */
const EAW_FIELDS = ['a_identity', 'b_issuingAuthority', 'c_judgment', 'd_offence', 'e_circumstances', 'f_penalty', 'g_consequences'] as const;
const opt = (s: string) => (s.trim() ? s.trim() : null);

/** The warrant as the API takes it (`warrantInput`). */
export function warrantBody(v: WarrantValues) {
  return {
    kind: v.kind, issuingCountry: v.issuingCountry, issuingAuthority: v.issuingAuthority, issuedAt: v.issuedAt,
    validUntil: opt(v.validUntil), reviewAt: opt(v.reviewAt), channelReference: opt(v.channelReference),
    eaw: v.kind === 'eaw' ? Object.fromEntries(Object.entries(v.eaw).map(([k, x]) => [k, opt(x)])) : null,
    article3Status: INTERPOL.includes(v.kind) ? v.article3Status || null : null,
    article3Reason: INTERPOL.includes(v.kind) ? opt(v.article3Reason) : null,
  };
}

/** The EAW's Art 8 fields are refused as one path `<prefix>.eaw`: the error is shown on the judgment field. */
export const eawErrorPath = (prefix: string) => (p: string) => (p === `${prefix}.eaw` ? `${prefix}.eaw.c_judgment` : p);

/** The controls, their paths under `prefix` (`warrants.0` on registration) so that field errors land in place. */
export function WarrantFields({ prefix, v, onChange, kindPlaceholder = true }: { prefix: string; v: WarrantValues; onChange(next: WarrantValues): void; kindPlaceholder?: boolean }) {
  const { t } = useTranslation();
  const F = (k: string) => t(`wanted.form.${k}`);
  const set = <K extends keyof WarrantValues>(k: K) => (val: WarrantValues[K]) => onChange({ ...v, [k]: val });
  const setEaw = (k: keyof WarrantValues['eaw']) => (val: string) => onChange({ ...v, eaw: { ...v.eaw, [k]: val } });
  return (
    <>
      <CodeSelect path={`${prefix}.kind`} label={F('warrantKind')} value={v.kind} onChange={set('kind')} codes={WARRANT_KINDS} labelPrefix="wanted.warrant" placeholder={kindPlaceholder} required={!kindPlaceholder} />
      <CountrySelect path={`${prefix}.issuingCountry`} label={F('issuingCountry')} value={v.issuingCountry} onChange={set('issuingCountry')} />
      <TextInput path={`${prefix}.issuingAuthority`} label={F('issuingAuthority')} value={v.issuingAuthority} onChange={set('issuingAuthority')} />
      <TextInput path={`${prefix}.issuedAt`} type="date" label={F('issuedAt')} value={v.issuedAt} onChange={set('issuedAt')} />
      <TextInput path={`${prefix}.validUntil`} type="date" label={F('validUntil')} value={v.validUntil} onChange={set('validUntil')} />
      <TextInput path={`${prefix}.reviewAt`} type="date" label={F('reviewAt')} value={v.reviewAt} onChange={set('reviewAt')} />
      <TextInput path={`${prefix}.channelReference`} label={F('channelReference')} value={v.channelReference} onChange={set('channelReference')} />
      {v.kind === 'eaw' && EAW_FIELDS.map((k) => (
        <TextArea key={k} path={`${prefix}.eaw.${k}`} label={t(`wanted.form.eaw.${k}`)} value={v.eaw[k]} onChange={setEaw(k)} rows={2} required={k === 'c_judgment' || k === 'd_offence'} />
      ))}
      {INTERPOL.includes(v.kind) && (
        <>
          <CodeSelect path={`${prefix}.article3Status`} label={F('article3Status')} value={v.article3Status} onChange={set('article3Status')} codes={ARTICLE3_REVIEW} labelPrefix="wanted.article3" placeholder />
          <TextInput path={`${prefix}.article3Reason`} label={F('article3Reason')} value={v.article3Reason} onChange={set('article3Reason')} />
        </>
      )}
    </>
  );
}
