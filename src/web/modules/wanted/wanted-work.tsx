/** The search work on a record: leads and tips, tasks, locations, and requests to and from foreign FAST teams. */
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../shared/domain.ts';
import { ARTICLE3_REVIEW } from '../../../shared/wanted.schemas.ts';
import { api } from '../../api.ts';
import { Checkbox, ErrorSummary, Field } from '../../ui/field.tsx';
import { currentLanguage } from '../../i18n.ts';
import { formatDateTime, localInputToIso } from '../../ui/format.ts';
import { CodeSelect, CountrySelect, FieldErrors, TextArea, TextInput, useFieldError } from '../exchange/form-controls.tsx';
import { formErrorsOf, type FormErrors } from './form-errors.ts';
import { Panel } from './panel.tsx';
import type { WantedDetail } from './types.ts';
import { eawErrorPath, EMPTY_WARRANT, warrantBody, WarrantFields } from './warrant-fields.tsx';

interface WorkProps {
  p: WantedDetail;
  onChange(next: WantedDetail): void;
}

/** A small add-form: posts its body, hands the updated record back, shows field errors in place. */
export function AddForm({ id, submitLabel, post, children, alias = (path) => path }: { id: string; submitLabel: string; post(): Promise<void>; children: ReactNode; alias?(path: string): string }) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FormErrors>({ map: {}, list: [] });
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await post();
      setErrors({ map: {}, list: [] });
    } catch (err) {
      // The controls' paths carry the form's id (several forms on one page): `add-lead.body`.
      setErrors(formErrorsOf(err, (path) => alias(`${id}.${path}`)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form noValidate className="work-form" onSubmit={(e) => void submit(e)} data-testid={id}>
      <ErrorSummary title={t('wanted.form.errorsTitle')} errors={errors.list} />
      <FieldErrors.Provider value={errors.map}>{children}</FieldErrors.Provider>
      <button type="submit" className="button button-secondary" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}

const LEAD_SOURCES = ['officer', 'foreign_fast'] as const;

/** Records Interpol's Article 3 review of a notice or diffusion (a refusal needs its reason). */
export function Article3Form({ p, warrantId, onChange }: WorkProps & { warrantId: string }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ status: '' as (typeof ARTICLE3_REVIEW)[number] | '', reason: '' });
  const id = `article3-${warrantId}`;
  return (
    <AddForm id={id} submitLabel={t('wanted.work.recordArticle3')} post={async () => {
      onChange(await api<WantedDetail>(`/api/wanted/${p.id}/warrants/${warrantId}/article3`, { body: { status: v.status, reason: v.reason || null } }));
    }}>
      <CodeSelect path={`${id}.status`} label={t('wanted.form.article3Status')} value={v.status} onChange={(status) => setV({ ...v, status })} codes={ARTICLE3_REVIEW} labelPrefix="wanted.article3" placeholder required />
      <TextInput path={`${id}.reason`} label={t('wanted.form.article3Reason')} value={v.reason} onChange={(reason) => setV({ ...v, reason })} />
    </AddForm>
  );
}

export function LeadsPanel({ p, onChange }: WorkProps) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [v, setV] = useState({ source: 'officer' as (typeof LEAD_SOURCES)[number] | '', sourceCountry: '', body: '' });
  return (
    <Panel id="wanted-leads" title={t('wanted.detail.leads')}>
      {p.leads.length === 0 && <p className="muted">{t('wanted.detail.none')}</p>}
      <ul className="plain-list">
        {p.leads.map((l) => (
          <li key={l.id}>
            <span className="badge">{t(`wanted.leadSource.${l.source}`)}</span>
            {l.sourceCountry && <span className="muted small">{countryName(l.sourceCountry, lang)} </span>}
            <span className="muted small">{formatDateTime(l.receivedAt, lang)}</span>
            <p className="prose">{l.body}</p>
            {l.contact && <p className="muted small">{t('wanted.detail.contact', { contact: l.contact })}</p>}
          </li>
        ))}
      </ul>
      <AddForm id="add-lead" submitLabel={t('wanted.work.addLead')} post={async () => {
        onChange(await api<WantedDetail>(`/api/wanted/${p.id}/leads`, { body: { source: v.source, sourceCountry: v.sourceCountry || null, body: v.body } }));
        setV({ ...v, body: '' });
      }}>
          <>
            <CodeSelect path="add-lead.source" label={t('wanted.work.source')} value={v.source} onChange={(source) => setV({ ...v, source })} codes={LEAD_SOURCES} labelPrefix="wanted.leadSource" />
            {v.source === 'foreign_fast' && <CountrySelect path="add-lead.sourceCountry" label={t('wanted.work.sourceCountry')} value={v.sourceCountry} onChange={(sourceCountry) => setV({ ...v, sourceCountry })} />}
            <TextArea path="add-lead.body" label={t('wanted.work.leadBody')} value={v.body} onChange={(body) => setV({ ...v, body })} rows={3} required />
          </>
      </AddForm>
    </Panel>
  );
}

export function TasksPanel({ p, onChange }: WorkProps) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [v, setV] = useState({ title: '', dueAt: '' });
  const complete = async (taskId: string) => onChange(await api<WantedDetail>(`/api/wanted/${p.id}/tasks/${taskId}/complete`, { method: 'POST' }));
  return (
    <Panel id="wanted-tasks" title={t('wanted.detail.tasks')}>
      {p.tasks.length === 0 && <p className="muted">{t('wanted.detail.none')}</p>}
      <ul className="plain-list">
        {p.tasks.map((task) => (
          <li key={task.id}>
            {task.doneAt ? <s>{task.title}</s> : task.title}
            {task.dueAt && <span className="muted small"> · {t('wanted.work.due', { at: formatDateTime(task.dueAt, lang) })}</span>}{' '}
            {!task.doneAt && (
              <button type="button" className="button-link" onClick={() => void complete(task.id)}>
                {t('wanted.work.complete')}<span className="visually-hidden">: {task.title}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      <AddForm id="add-task" submitLabel={t('wanted.work.addTask')} post={async () => {
        onChange(await api<WantedDetail>(`/api/wanted/${p.id}/tasks`, { body: { title: v.title, dueAt: localInputToIso(v.dueAt) } }));
        setV({ title: '', dueAt: '' });
      }}>
          <>
            <TextInput path="add-task.title" label={t('wanted.work.taskTitle')} value={v.title} onChange={(title) => setV({ ...v, title })} required />
            <TextInput path="add-task.dueAt" type="datetime-local" label={t('wanted.work.dueAt')} value={v.dueAt} onChange={(dueAt) => setV({ ...v, dueAt })} />
          </>
      </AddForm>
    </Panel>
  );
}

export function LocationsPanel({ p, onChange }: WorkProps) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [v, setV] = useState({ countryCode: '', place: '', fromDate: '', toDate: '' });
  return (
    <Panel id="wanted-locations" title={t('wanted.detail.locations')}>
      {p.locations.length === 0 && <p className="muted">{t('wanted.detail.none')}</p>}
      <ul className="plain-list">
        {p.locations.map((l) => (
          <li key={l.id}>
            <strong>{countryName(l.countryCode, lang)}</strong>{l.place && <>, {l.place}</>}
            {(l.fromDate || l.toDate) && <span className="muted small"> {l.fromDate ?? '…'} – {l.toDate ?? '…'}</span>}
            {l.source && <span className="muted small"> ({l.source})</span>}
          </li>
        ))}
      </ul>
      <AddForm id="add-location" submitLabel={t('wanted.work.addLocation')} post={async () => {
        onChange(await api<WantedDetail>(`/api/wanted/${p.id}/locations`, { body: { countryCode: v.countryCode, place: v.place || null, fromDate: v.fromDate || null, toDate: v.toDate || null } }));
        setV({ countryCode: '', place: '', fromDate: '', toDate: '' });
      }}>
          <>
            <CountrySelect path="add-location.countryCode" label={t('wanted.actionFields.country')} value={v.countryCode} onChange={(countryCode) => setV({ ...v, countryCode })} required />
            <TextInput path="add-location.place" label={t('wanted.actionFields.place')} value={v.place} onChange={(place) => setV({ ...v, place })} />
            <TextInput path="add-location.fromDate" type="date" label={t('wanted.work.fromDate')} value={v.fromDate} onChange={(fromDate) => setV({ ...v, fromDate })} />
            <TextInput path="add-location.toDate" type="date" label={t('wanted.work.toDate')} value={v.toDate} onChange={(toDate) => setV({ ...v, toDate })} />
          </>
      </AddForm>
    </Panel>
  );
}

export function RequestsPanel({ p, onChange }: WorkProps) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [v, setV] = useState({ countryCode: '', counterpartAuthority: '', informationSought: '' });
  return (
    <Panel id="wanted-requests" title={t('wanted.detail.requests')}>
      {p.requests.length === 0 && <p className="muted">{t('wanted.detail.none')}</p>}
      <ul className="plain-list">
        {p.requests.map((r) => (
          <li key={r.requestId}>
            <Link to={`/desk/requests/${r.requestId}`}>{t(`domain.directions.${r.direction}`, { defaultValue: r.direction })}</Link>
            <span className="muted small"> {formatDateTime(r.createdAt, lang)}</span>
          </li>
        ))}
      </ul>
      <AddForm id="draft-request" submitLabel={t('wanted.work.draftRequest')} post={async () => {
        const r = await api<{ requestId: string; detail: WantedDetail }>(`/api/wanted/${p.id}/requests`, { body: { ...v, language: 'en' } });
        onChange(r.detail);
        setV({ countryCode: '', counterpartAuthority: '', informationSought: '' });
      }}>
          <>
            <CountrySelect path="draft-request.countryCode" label={t('wanted.work.requestCountry')} value={v.countryCode} onChange={(countryCode) => setV({ ...v, countryCode })} required />
            <TextInput path="draft-request.counterpartAuthority" label={t('wanted.work.counterpart')} value={v.counterpartAuthority} onChange={(counterpartAuthority) => setV({ ...v, counterpartAuthority })} required />
            <TextArea path="draft-request.informationSought" label={t('wanted.work.informationSought')} value={v.informationSought} onChange={(informationSought) => setV({ ...v, informationSought })} rows={3} required />
          </>
      </AddForm>
    </Panel>
  );
}

/**
 * Each photo is fetched with the justification the record was opened with (the server refuses it without one and
 * logs it with the view). A record shown straight after registration has none yet: the officer gives it here.
 */
export function PhotosPanel({ p, onChange, justification, onJustify }: WorkProps & { justification: string; onJustify(j: string): void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [isPublic, setIsPublic] = useState(false);
  const [draft, setDraft] = useState('');
  const [failed, setFailed] = useState<string[]>([]);
  const id = 'add-photo';
  const usable = justification.trim().length >= 10;
  return (
    <Panel id="wanted-photos" title={t('wanted.detail.photos')}>
      {p.photos.length === 0 && <p className="muted">{t('wanted.detail.none')}</p>}
      {p.photos.length > 0 && !usable && (
        <form className="work-form" data-testid="photo-justification" onSubmit={(e) => { e.preventDefault(); setFailed([]); onJustify(draft.trim()); }}>
          <p>{t('wanted.work.photosNeedJustification')}</p>
          <TextInput path="photo-justification" label={t('wanted.desk.justification')} value={draft} onChange={setDraft} required />
          <button type="submit" className="button button-secondary">{t('wanted.work.showPhotos')}</button>
        </form>
      )}
      {usable && (
        <ul className="photo-list">
          {p.photos.map((ph, i) => (
            <li key={ph.id}>
              {failed.includes(ph.id)
                ? <p className="alert alert-error">{t('wanted.work.photoFailed')}</p>
                : <img src={`/api/wanted/${p.id}/photos/${ph.id}?justification=${encodeURIComponent(justification)}`} alt={t('wanted.detail.photoAlt', { name: p.fullName, n: i + 1 })} className="wanted-photo" onError={() => setFailed((f) => [...f, ph.id])} />}
              {ph.isPublic && <span className="badge">{t('wanted.work.photoPublic')}</span>}
            </li>
          ))}
        </ul>
      )}
      <AddForm id={id} submitLabel={t('wanted.work.addPhoto')} post={async () => {
        const form = new FormData();
        if (file) form.append('file', file);
        onChange(await api<WantedDetail>(`/api/wanted/${p.id}/photos`, { method: 'POST', body: form, query: { public: isPublic } }));
        setFile(null);
      }}>
        <PhotoInput path={`${id}.file`} onChange={setFile} />
        <Checkbox path={`${id}.public`} label={t('wanted.work.photoPublic')} checked={isPublic} onChange={setIsPublic} />
      </AddForm>
    </Panel>
  );
}

/** Adds a warrant or alert to a person still sought, against the version of the record the officer saw. */
export function AddWarrantForm({ p, onChange }: WorkProps) {
  const { t } = useTranslation();
  const [v, setV] = useState({ ...EMPTY_WARRANT, kind: '' as typeof EMPTY_WARRANT.kind });
  const id = 'add-warrant';
  return (
    <>
      <h3>{t('wanted.addWarrant.title')}</h3>
      <AddForm id={id} submitLabel={t('wanted.addWarrant.submit')} alias={eawErrorPath(id)} post={async () => {
        onChange(await api<WantedDetail>(`/api/wanted/${p.id}/warrants`, { body: { ...warrantBody(v), version: p.version } }));
        setV({ ...EMPTY_WARRANT, kind: '' });
      }}>
        <WarrantFields prefix={id} v={v} onChange={setV} />
      </AddForm>
    </>
  );
}

/** The file control, inside the form's error context so that a refused file shows its error in place. */
function PhotoInput({ path, onChange }: { path: string; onChange(f: File | null): void }) {
  const { t } = useTranslation();
  return (
    <Field path={path} label={t('wanted.work.photoFile')} help={t('wanted.work.photoHelp')} error={useFieldError(path)}>
      {(c) => <input {...c} type="file" accept="image/jpeg,image/png,image/webp" onChange={(e) => onChange(e.target.files?.[0] ?? null)} />}
    </Field>
  );
}
