/** Putting an officer on the roster at /peace/roster/new: languages, driving, UN AMS/SAAT results, certificates, earlier mission. */
import { useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { GENDERS } from '../../../shared/domain.ts';
import { CEFR_LEVELS, LANGUAGES, ORGANISATIONS } from '../../../shared/peace.schemas.ts';
import { api } from '../../api.ts';
import { Checkbox, ErrorSummary } from '../../ui/field.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { CodeSelect, FieldErrors, Section, TextInput } from '../exchange/form-controls.tsx';
import { usePeaceForm } from './use-form.ts';

const TESTED = ['english', 'driving', 'firearms'] as const;
const CERTS = ['ehest', 'esdc_pdt', 'un_pdt'] as const;
const RESULTS = ['true', 'false'] as const;

const EMPTY = {
  employeeNumber: '', fullName: '', gender: '' as string, homeUnit: '', drivingLicence: false,
  lang0: 'en', level0: '', lang1: '', level1: '',
  english: '', englishDate: '', driving: '', drivingDate: '', firearms: '', firearmsDate: '',
  ehestIssued: '', ehestExpires: '', esdc_pdtIssued: '', esdc_pdtExpires: '', un_pdtIssued: '', un_pdtExpires: '',
  earlierMission: '', earlierOrganisation: '', earlierFrom: '', earlierTo: '',
};
type V = typeof EMPTY;

function bodyOf(v: V) {
  const get = (k: string) => String(v[k as keyof V] ?? '');
  return {
    employeeNumber: v.employeeNumber, fullName: v.fullName, gender: v.gender, homeUnit: v.homeUnit, drivingLicence: v.drivingLicence,
    languages: [0, 1].filter((i) => get(`lang${i}`)).map((i) => ({ language: get(`lang${i}`), level: get(`level${i}`) })),
    assessments: TESTED.filter((p) => get(p) || get(`${p}Date`)).map((p) => ({ part: p, date: get(`${p}Date`), passed: get(p) === 'true' })),
    certificates: CERTS.filter((k) => get(`${k}Issued`) || get(`${k}Expires`)).map((k) => ({ kind: k, issuedOn: get(`${k}Issued`), expiresOn: get(`${k}Expires`) || null })),
    earlierMissions: v.earlierMission ? [{ mission: v.earlierMission, organisation: v.earlierOrganisation, from: v.earlierFrom, to: v.earlierTo }] : [],
  };
}

// The API names list entries by their index in the body sent; the form has one control per possible entry, so an
// error on, say, the first certificate sent belongs to the row of that certificate's kind.
function aliasFor(v: V) {
  const get = (k: string) => String(v[k as keyof V] ?? '');
  const sentAssessments = TESTED.filter((p) => get(p) || get(`${p}Date`));
  const sentCertificates = CERTS.filter((k) => get(`${k}Issued`) || get(`${k}Expires`));
  return (p: string): string => {
    const m = /^(languages|assessments|certificates|earlierMissions)\.(\d+)\.(\w+)$/.exec(p);
    if (!m) return p;
    const [, list, i, field] = m;
    if (list === 'languages') return `${field === 'level' ? 'level' : 'lang'}${[0, 1].filter((n) => get(`lang${n}`))[Number(i)] ?? i}`;
    if (list === 'earlierMissions') return `earlier${field[0].toUpperCase()}${field.slice(1)}`;
    if (list === 'assessments') return `assessments.${TESTED.indexOf(sentAssessments[Number(i)])}.${field}`;
    return `certificates.${CERTS.indexOf(sentCertificates[Number(i)])}.${field}`;
  };
}

export function CandidateFormPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('peace.candidate.formTitle'));
  const navigate = useNavigate();
  const sent = useRef(EMPTY);
  const f = usePeaceForm(EMPTY, async (v) => {
    sent.current = v;
    const r = await api<{ id: string }>('/api/peace/candidates', { body: bodyOf(v) });
    navigate(`/peace/roster/${r.id}`);
  }, (p) => aliasFor(sent.current)(p));
  const L = (k: string) => t(`peace.candidate.${k}`);
  const s = (k: keyof V) => f.set(k) as (x: string) => void;
  return (
    <section className="page" aria-labelledby="candidate-form-title">
      <p className="breadcrumb"><Link to="/peace/roster">{t('peace.roster.title')}</Link></p>
      <h1 id="candidate-form-title">{L('formTitle')}</h1>
      <ErrorSummary title={t('peace.common.errorsTitle')} errors={f.errors.list} />
      <FieldErrors.Provider value={f.errors.map}>
        <form noValidate onSubmit={(e) => void f.submit(e)}>
          <Section title={L('identity')}>
            <TextInput path="employeeNumber" label={L('employeeNumber')} value={f.v.employeeNumber} onChange={s('employeeNumber')} required />
            <TextInput path="fullName" label={L('fullName')} value={f.v.fullName} onChange={s('fullName')} required />
            <CodeSelect path="gender" label={L('gender')} value={f.v.gender} onChange={s('gender')} codes={GENDERS} labelPrefix="domain.genders" placeholder required />
            <TextInput path="homeUnit" label={L('homeUnit')} value={f.v.homeUnit} onChange={s('homeUnit')} required />
            <Checkbox path="drivingLicence" label={L('drivingLicence')} checked={f.v.drivingLicence} onChange={(x) => f.set('drivingLicence')(x)} />
          </Section>
          <Section title={L('languages')}>
            {[0, 1].map((i) => (
              <div key={i} className="field-row">
                <CodeSelect path={`lang${i}`} label={t('peace.candidate.languageN', { n: i + 1 })} value={f.v[`lang${i}` as keyof V] as string} onChange={s(`lang${i}` as keyof V)} codes={LANGUAGES} labelPrefix="peace.language" placeholder />
                <CodeSelect path={`level${i}`} label={`${L('level')} ${i + 1}`} value={f.v[`level${i}` as keyof V] as string} onChange={s(`level${i}` as keyof V)} codes={CEFR_LEVELS} labelPrefix="" optionLabel={(c) => c} placeholder />
              </div>
            ))}
          </Section>
          <Section title={L('assessments')}>
            {TESTED.map((p, i) => (
              <div key={p} className="field-row">
                <CodeSelect path={`assessments.${i}.passed`} label={t(`peace.assessment.${p}`)} value={f.v[p]} onChange={s(p)} codes={RESULTS} labelPrefix="peace.passed" placeholder />
                <TextInput path={`assessments.${i}.date`} type="date" label={`${t(`peace.assessment.${p}`)} – ${L('assessmentDate')}`} value={f.v[`${p}Date`]} onChange={s(`${p}Date`)} />
              </div>
            ))}
          </Section>
          <Section title={L('certificates')}>
            {CERTS.map((k, i) => (
              <div key={k} className="field-row">
                <TextInput path={`certificates.${i}.issuedOn`} type="date" label={`${t(`peace.certificate.${k}`)} – ${L('issuedOn')}`} value={f.v[`${k}Issued`]} onChange={s(`${k}Issued`)} />
                <TextInput path={`certificates.${i}.expiresOn`} type="date" label={`${t(`peace.certificate.${k}`)} – ${L('expiresOn')}`} value={f.v[`${k}Expires`]} onChange={s(`${k}Expires`)} />
              </div>
            ))}
          </Section>
          <Section title={L('earlier')}>
            <TextInput path="earlierMission" label={L('earlierMission')} value={f.v.earlierMission} onChange={s('earlierMission')} />
            <CodeSelect path="earlierOrganisation" label={L('earlierOrganisation')} value={f.v.earlierOrganisation} onChange={s('earlierOrganisation')} codes={ORGANISATIONS} labelPrefix="peace.organisation" placeholder />
            <TextInput path="earlierFrom" type="date" label={L('from')} value={f.v.earlierFrom} onChange={s('earlierFrom')} />
            <TextInput path="earlierTo" type="date" label={L('to')} value={f.v.earlierTo} onChange={s('earlierTo')} />
          </Section>
          <p><button type="submit" className="button" data-testid="submit" disabled={f.busy}>{f.busy ? t('peace.common.saving') : L('submit')}</button></p>
        </form>
      </FieldErrors.Provider>
    </section>
  );
}
