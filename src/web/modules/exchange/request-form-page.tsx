/** Register an incoming request or draft an outgoing one (`POST /api/requests`), or edit a draft (`POST /api/requests/:id/edit`). */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  ACCESS_KINDS, CHANNELS, CHANNEL_REASONS, DIRECTIONS, HANDLING_CODES, REQUEST_LANGUAGES, URGENCY_REASONS,
  type Direction,
} from '../../../shared/domain.ts';
import { api, ApiError, errorMessage } from '../../api.ts';
import { browserZone } from '../../ui/format.ts';
import { Checkbox, ErrorSummary, fieldId, fieldLabel } from '../../ui/field.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { CodeSelect, CountrySelect, FieldErrors, Section, TextArea, TextInput } from './form-controls.tsx';
import { emptyForm, emptyItem, emptyPerson, formFromDetail, needsChannelReason, toBody, toEditBody, type RequestFormState } from './form-state.ts';
import { ItemFields } from './item-fields.tsx';
import { PersonFields } from './person-fields.tsx';
import type { RequestDetail } from './types.ts';
import { useReference } from './use-reference.ts';

/** The closest path that has a control on the page (`persons.0.aliases.2` → `persons.0.aliases`). */
function resolvePath(path: string): string | null {
  const parts = path.split('.');
  while (parts.length) {
    const p = parts.join('.');
    if (document.getElementById(fieldId(p))) return p;
    parts.pop();
  }
  return null;
}

export function RequestFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  // /desk/requests/:id/edit: an outgoing draft, edited at the version loaded.
  const { id: editId } = useParams();
  const [editing, setEditing] = useState<{ version: number; reference: string } | null>(null);
  const [loadError, setLoadError] = useState('');
  const direction: Direction = editId || params.get('direction') === 'outgoing' ? 'outgoing' : 'incoming';
  const reference = useReference();
  const [form, setForm] = useState<RequestFormState>(() => emptyForm(direction));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<{ path: string; message: string; label?: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const title = editId ? t('exchange.form.titleEdit', { reference: editing?.reference ?? '' }) : t(direction === 'incoming' ? 'exchange.form.titleIncoming' : 'exchange.form.titleOutgoing');
  useDocumentTitle(title);

  useEffect(() => {
    if (!editId) return;
    api<RequestDetail>(`/api/requests/${encodeURIComponent(editId)}`).then((r) => {
      setForm(formFromDetail(r));
      setEditing({ version: r.version, reference: r.reference });
    }, (err) => setLoadError(errorMessage(err)));
  }, [editId]);

  useEffect(() => setForm((f) => (f.direction === direction ? f : { ...f, direction })), [direction]);

  // Focus the first invalid control (in page order) after the errors have been rendered.
  useEffect(() => {
    if (!focusTick) return;
    const first = document.querySelector<HTMLElement>('form [aria-invalid="true"]');
    (first ?? summaryRef.current?.querySelector<HTMLElement>('h2'))?.focus();
  }, [focusTick]);

  const set = <K extends keyof RequestFormState>(k: K, v: RequestFormState[K]) => setForm((f) => ({ ...f, [k]: v }));
  const L = (k: string) => t(`exchange.form.fields.${k}`);
  const H = (k: string) => t(`exchange.form.help.${k}`);
  const zone = useMemo(() => browserZone(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const saved = editId && editing
        ? await api<RequestDetail>(`/api/requests/${encodeURIComponent(editId)}/edit`, { method: 'POST', body: toEditBody(form, editing.version) })
        : await api<RequestDetail>('/api/requests', { method: 'POST', body: toBody(form) });
      navigate(`/desk/requests/${saved.id}`);
    } catch (err) {
      setBusy(false);
      const map: Record<string, string> = {};
      const list: { path: string; message: string; label?: string }[] = [];
      if (err instanceof ApiError && err.fields.length) {
        for (const f of err.fields) {
          const p = resolvePath(f.path);
          if (p && !map[p]) map[p] = f.message;
          list.push({ path: p ?? '', message: f.message, label: p ? fieldLabel(p) : undefined });
        }
      } else {
        list.push({ path: '', message: errorMessage(err) });
      }
      setErrors(map);
      setSummary(list);
      setFocusTick((n) => n + 1);
    }
  };

  return (
    <section className="page" aria-labelledby="form-title">
      <h1 id="form-title">{title}</h1>
      <p className="lead">{t(editId ? 'exchange.form.introEdit' : direction === 'incoming' ? 'exchange.form.introIncoming' : 'exchange.form.introOutgoing')}</p>
      {loadError && <p className="alert alert-error" role="alert">{loadError}</p>}
      <div ref={summaryRef} className="summary-slot">
        <ErrorSummary title={t('exchange.form.errorsTitle')} errors={summary} />
      </div>
      <FieldErrors.Provider value={errors}>
        <form onSubmit={(e) => void submit(e)} noValidate className="form request-form">
          <Section title={t('exchange.form.sections.case')}>
            <div className="grid-2">
              {!editId && (
                <CodeSelect path="direction" label={L('direction')} help={H('direction')} codes={DIRECTIONS} labelPrefix="domain.directions" value={form.direction}
                  onChange={(v) => v && setParams({ direction: v }, { replace: true })} />
              )}
              <CodeSelect path="language" label={L('language')} help={H('language')} required placeholder codes={REQUEST_LANGUAGES} labelPrefix="domain.languages" value={form.language} onChange={(v) => set('language', v)} />
              <CodeSelect path="channel" label={L('channel')} help={H('channel')} codes={CHANNELS} labelPrefix="domain.channels" value={form.channel} onChange={(v) => v && set('channel', v)} />
              {needsChannelReason(form.channel) && (
                <CodeSelect path="channelReason" label={L('channelReason')} help={H('channelReason')} required placeholder codes={CHANNEL_REASONS} labelPrefix="domain.channelReasons" value={form.channelReason} onChange={(v) => set('channelReason', v)} />
              )}
              <CountrySelect path="countryCode" label={L(direction === 'incoming' ? 'countryFrom' : 'countryTo')} help={H('countryCode')} required value={form.countryCode} onChange={(v) => set('countryCode', v)} />
              <TextInput path="counterpartAuthority" label={L('counterpartAuthority')} help={H('counterpartAuthority')} required value={form.counterpartAuthority} onChange={(v) => set('counterpartAuthority', v)} />
              <TextInput path="counterpartReference" label={L('counterpartReference')} help={H('counterpartReference')} value={form.counterpartReference} onChange={(v) => set('counterpartReference', v)} />
              <CodeSelect path="nationalAuthorityId" label={L('nationalAuthority')} help={H('nationalAuthority')} placeholder
                codes={reference.authorities.map((a) => a.id)} labelPrefix="" value={form.nationalAuthorityId} onChange={(v) => set('nationalAuthorityId', v)}
                optionLabel={(id) => reference.authorities.find((a) => a.id === id)?.name ?? id} />
              {direction === 'incoming' && (
                <TextInput path="receivedAt" type="datetime-local" label={L('receivedAt')} help={t('exchange.form.help.receivedAt', { zone })} required value={form.receivedAt} onChange={(v) => set('receivedAt', v)} />
              )}
            </div>
          </Section>

          <Section title={t('exchange.form.sections.urgency')}>
            <Checkbox path="urgent" label={L('urgent')} help={H('urgent')} checked={form.urgent} onChange={(v) => set('urgent', v)} />
            {form.urgent && (
              <CodeSelect path="urgencyReason" label={L('urgencyReason')} help={H('urgencyReason')} required placeholder codes={URGENCY_REASONS} labelPrefix="domain.urgencyReasons" value={form.urgencyReason} onChange={(v) => set('urgencyReason', v)} />
            )}
            <CodeSelect path="access" label={L('access')} help={H('access')} required placeholder codes={ACCESS_KINDS} labelPrefix="domain.accessKinds" value={form.access} onChange={(v) => set('access', v)} />
          </Section>

          <Section title={t('exchange.form.sections.content')}>
            <TextInput path="subject" label={L('subject')} help={H('subject')} required value={form.subject} onChange={(v) => set('subject', v)} />
            <TextArea path="informationSought" label={L('informationSought')} help={H('informationSought')} required rows={5} value={form.informationSought} onChange={(v) => set('informationSought', v)} />
            <TextArea path="purpose" label={L('purpose')} help={H('purpose')} required rows={4} value={form.purpose} onChange={(v) => set('purpose', v)} />
            <TextInput path="offence" label={L('offence')} help={H('offence')} value={form.offence} onChange={(v) => set('offence', v)} />
          </Section>

          <Section title={t('exchange.form.sections.handling')}>
            <CodeSelect path="handlingCode" label={L('handlingCode')} help={H('handlingCode')} codes={HANDLING_CODES} labelPrefix="domain.handlingCodes" value={form.handlingCode} onChange={(v) => v && set('handlingCode', v)} />
            {form.handlingCode === 'H3' && (
              <TextArea path="handlingText" label={L('handlingText')} help={H('handlingText')} required rows={3} value={form.handlingText} onChange={(v) => set('handlingText', v)} />
            )}
            {/* Art 12: copying Europol is assessed only where the offence is within Europol's objectives. */}
            <Checkbox path="europolMandate" label={L('europolMandate')} help={H('europolMandate')} checked={form.europolMandate} onChange={(v) => set('europolMandate', v)} />
            {form.europolMandate && (
              <>
                <Checkbox path="europolCopy" label={L('europolCopy')} help={H('europolCopy')} checked={form.europolCopy} onChange={(v) => set('europolCopy', v)} />
                {!form.europolCopy && (
                  <TextArea path="europolCopyReason" label={L('europolCopyReason')} help={H('europolCopyReason')} required rows={3} value={form.europolCopyReason} onChange={(v) => set('europolCopyReason', v)} />
                )}
              </>
            )}
          </Section>

          {!editId && <Section title={t('exchange.form.sections.persons')}>
            <p className="help">{H('persons')}</p>
            {form.persons.map((p, i) => (
              <PersonFields key={p.key} index={i} person={p}
                onChange={(np) => set('persons', form.persons.map((x, j) => (j === i ? np : x)))}
                onRemove={() => set('persons', form.persons.filter((_, j) => j !== i))} />
            ))}
            <button type="button" className="button button-secondary" onClick={() => set('persons', [...form.persons, emptyPerson()])}>
              {t('exchange.form.person.add')}
            </button>
          </Section>}

          <Section title={t('exchange.form.sections.items')}>
            <p className="help">{H('items')}</p>
            {form.items.map((it, i) => (
              <ItemFields key={it.key} index={i} item={it}
                onChange={(ni) => set('items', form.items.map((x, j) => (j === i ? ni : x)))}
                onRemove={() => set('items', form.items.filter((_, j) => j !== i))} />
            ))}
            <button type="button" className="button button-secondary" onClick={() => set('items', [...form.items, emptyItem()])}>
              {t('exchange.form.item.add')}
            </button>
          </Section>

          <div className="form-actions">
            <button type="submit" className="button" data-testid="submit" disabled={busy || (!!editId && !editing)}>
              {busy ? t('common.saving') : t(editId ? 'exchange.form.submitEdit' : direction === 'incoming' ? 'exchange.form.submitIncoming' : 'exchange.form.submitOutgoing')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => navigate(editId ? `/desk/requests/${editId}` : '/desk')}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </FieldErrors.Provider>
    </section>
  );
}
