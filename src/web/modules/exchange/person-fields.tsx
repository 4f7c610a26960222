/** One person in the request form (LED Art 6 category, Art 7 fact/assessment, Europol Art 29 codes). */
import { useTranslation } from 'react-i18next';
import {
  DOCUMENT_KINDS,
  GENDERS,
  INFO_ACCURACY,
  ITEM_NATURES,
  SOURCE_RELIABILITY,
  SUBJECT_CATEGORIES,
} from '../../../shared/domain.ts';
import { CountryPicker } from './country-picker.tsx';
import { CodeSelect, CountrySelect, TextArea, TextInput } from './form-controls.tsx';
import { emptyDocument, type DocumentState, type PersonState } from './form-state.ts';

interface Props {
  index: number;
  person: PersonState;
  onChange(p: PersonState): void;
  onRemove(): void;
}

export function PersonFields({ index, person, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const base = `persons.${index}`;
  const f = (k: string) => t(`exchange.form.person.${k}`);
  const h = (k: string) => t(`exchange.form.person.help.${k}`);
  const set = <K extends keyof PersonState>(k: K, v: PersonState[K]) => onChange({ ...person, [k]: v });
  const setDoc = (i: number, d: DocumentState) => set('documents', person.documents.map((x, j) => (j === i ? d : x)));
  const title = t('exchange.form.person.title', { n: index + 1 });

  return (
    <fieldset className="repeat">
      <legend>{title}</legend>
      <div className="grid-2">
        <TextInput path={`${base}.fullName`} label={f('fullName')} help={h('fullName')} required value={person.fullName} onChange={(v) => set('fullName', v)} />
        <TextInput path={`${base}.dateOfBirth`} label={f('dateOfBirth')} help={h('dateOfBirth')} value={person.dateOfBirth} onChange={(v) => set('dateOfBirth', v)} inputMode="numeric" />
        <TextArea path={`${base}.aliases`} label={f('aliases')} help={h('aliases')} rows={2} value={person.aliases} onChange={(v) => set('aliases', v)} />
        <CodeSelect path={`${base}.gender`} label={f('gender')} codes={GENDERS} labelPrefix="domain.genders" value={person.gender} onChange={(v) => v && set('gender', v)} />
        <CountryPicker path={`${base}.nationalities`} label={f('nationalities')} help={h('nationalities')} value={person.nationalities} onChange={(v) => set('nationalities', v)} />
        <CodeSelect path={`${base}.category`} label={f('category')} help={h('category')} required placeholder codes={SUBJECT_CATEGORIES} labelPrefix="domain.subjectCategories" value={person.category} onChange={(v) => set('category', v)} />
        <CodeSelect path={`${base}.nature`} label={f('nature')} help={h('nature')} codes={ITEM_NATURES} labelPrefix="domain.itemNatures" value={person.nature} onChange={(v) => v && set('nature', v)} />
        <CodeSelect path={`${base}.reliability`} label={f('reliability')} codes={SOURCE_RELIABILITY} labelPrefix="domain.reliability" value={person.reliability} onChange={(v) => v && set('reliability', v)} />
        <CodeSelect path={`${base}.accuracy`} label={f('accuracy')} codes={INFO_ACCURACY} labelPrefix="domain.accuracy" value={person.accuracy} onChange={(v) => v && set('accuracy', v)} />
      </div>
      <TextArea path={`${base}.notes`} label={f('notes')} help={h('notes')} rows={3} value={person.notes} onChange={(v) => set('notes', v)} />

      <fieldset className="sub-repeat">
        <legend>{f('documents')}</legend>
        {person.documents.length === 0 && <p className="muted small">{f('noDocuments')}</p>}
        {person.documents.map((d, i) => (
          <div key={d.key} className="doc-row" role="group" aria-label={t('exchange.form.person.documentN', { n: i + 1 })}>
            <CodeSelect path={`${base}.documents.${i}.kind`} label={f('documentKind')} codes={DOCUMENT_KINDS} labelPrefix="domain.documentKinds" value={d.kind} onChange={(v) => v && setDoc(i, { ...d, kind: v })} />
            <TextInput path={`${base}.documents.${i}.number`} label={f('documentNumber')} required value={d.number} onChange={(v) => setDoc(i, { ...d, number: v })} />
            <CountrySelect path={`${base}.documents.${i}.country`} label={f('documentCountry')} value={d.country} onChange={(v) => setDoc(i, { ...d, country: v })} />
            <button type="button" className="button-link danger" onClick={() => set('documents', person.documents.filter((_, j) => j !== i))}>
              {t('exchange.form.person.removeDocument', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" className="button button-secondary" onClick={() => set('documents', [...person.documents, emptyDocument()])}>
          {f('addDocument')}
        </button>
      </fieldset>

      <p className="repeat-actions">
        <button type="button" className="button-link danger" onClick={onRemove}>
          {t('exchange.form.person.remove', { n: index + 1 })}
        </button>
      </p>
    </fieldset>
  );
}
