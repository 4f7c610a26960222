/** The dialog for one named action on a request: its fields (see `actionBodies`) and the POST. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCESS_KINDS, REFUSAL_GROUNDS, URGENCY_REASONS, type AccessKind, type RefusalGround, type UrgencyReason } from '../../../shared/domain.ts';
import { api, ApiError, errorMessage } from '../../api.ts';
import { Dialog } from '../../ui/dialog.tsx';
import { Checkbox, ErrorSummary, fieldId, fieldLabel } from '../../ui/field.tsx';
import { localInputToIso, localInputValue } from '../../ui/format.ts';
import { CodeSelect, FieldErrors, TextArea, TextInput } from './form-controls.tsx';
import { actionPath, type ActionName, type RequestDetail } from './types.ts';
import { useReference } from './use-reference.ts';

interface Props {
  r: RequestDetail;
  action: ActionName;
  onClose(): void;
  onDone(): void;
  onStale(message: string): void;
}

interface Values {
  assigneeId: string;
  question: string;
  answer: string;
  receivedAt: string;
  expectedAt: string;
  reason: string;
  authorised: '' | 'yes' | 'no';
  note: string;
  body: string;
  grounds: RefusalGround[];
  urgent: boolean;
  urgencyReason: UrgencyReason | '';
  access: AccessKind;
}

function bodyFor(action: ActionName, v: Values, version: number): Record<string, unknown> {
  const opt = (s: string) => (s.trim() ? s.trim() : null);
  switch (action) {
    case 'assign': return { version, assigneeId: v.assigneeId };
    case 'request_clarification': return { version, question: v.question };
    case 'receive_clarification': return { version, answer: v.answer, receivedAt: localInputToIso(v.receivedAt) ?? undefined };
    case 'delay_judicial': return { version, expectedAt: localInputToIso(v.expectedAt), reason: v.reason };
    case 'resume_judicial': return { version, authorised: v.authorised === 'yes', note: opt(v.note) };
    case 'answer': return { version, body: v.body, partialRefusalGrounds: v.grounds, refusalReason: v.grounds.length ? opt(v.reason) : null };
    case 'refuse': return { version, grounds: v.grounds, reason: v.reason };
    case 'record_answer': return { version, body: v.body, receivedAt: localInputToIso(v.receivedAt) ?? undefined };
    case 'close': return { version, note: opt(v.note) };
    case 'withdraw': return { version, note: v.note };
    case 'reclassify': return { version, urgent: v.urgent, urgencyReason: v.urgent ? v.urgencyReason || null : null, access: v.access, reason: v.reason };
    default: return { version };
  }
}

/** What can be checked before posting; the server checks everything again. */
function validate(action: ActionName, v: Values, t: (k: string) => string): Record<string, string> {
  const e: Record<string, string> = {};
  const need = (path: string, value: string) => {
    if (!value.trim()) e[path] = t('exchange.actions.required');
  };
  if (action === 'assign') need('assigneeId', v.assigneeId);
  if (action === 'request_clarification') need('question', v.question);
  if (action === 'receive_clarification') need('answer', v.answer);
  if (action === 'delay_judicial') {
    const at = localInputToIso(v.expectedAt);
    if (!at || Date.parse(at) <= Date.now()) e.expectedAt = t('exchange.actions.expectedAtFuture');
    need('reason', v.reason);
  }
  if (action === 'resume_judicial' && !v.authorised) e.authorised = t('exchange.actions.authorisedRequired');
  if (action === 'answer' || action === 'record_answer') need('body', v.body);
  if (action === 'answer' && v.grounds.length) need('refusalReason', v.reason);
  if (action === 'refuse') {
    if (!v.grounds.length) e.grounds = t('exchange.actions.groundsRequired');
    need('reason', v.reason);
  }
  if (action === 'withdraw') need('note', v.note);
  if (action === 'reclassify') {
    if (v.urgent) need('urgencyReason', v.urgencyReason);
    need('reason', v.reason);
  }
  return e;
}

export function ActionDialog({ r, action, onClose, onDone, onStale }: Props) {
  const { t } = useTranslation();
  const reference = useReference();
  const [v, setV] = useState<Values>({
    assigneeId: '', question: '', answer: '', receivedAt: localInputValue(), expectedAt: '', reason: '',
    authorised: '', note: '', body: '', grounds: [],
    // A correction starts from the request's current assessment.
    urgent: r.urgent, urgencyReason: (r.urgencyReason ?? '') as UrgencyReason | '', access: r.access,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<{ path: string; message: string; label?: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Values>(k: K, val: Values[K]) => setV((cur) => ({ ...cur, [k]: val }));
  const A = (k: string) => t(`exchange.actions.fields.${k}`);

  const showErrors = (map: Record<string, string>, list: { path: string; message: string }[]) => {
    setErrors(map);
    setSummary(list.map((x) => ({ ...x, label: x.path ? fieldLabel(x.path) : undefined })));
    requestAnimationFrame(() => {
      const el = document.querySelector<HTMLElement>('dialog [aria-invalid="true"]') ?? document.querySelector<HTMLElement>('dialog .error-summary h2');
      el?.focus();
    });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local = validate(action, v, t);
    if (Object.keys(local).length) {
      showErrors(local, Object.entries(local).map(([path, message]) => ({ path, message })));
      return;
    }
    setBusy(true);
    try {
      await api(actionPath(r.id, action), { method: 'POST', body: bodyFor(action, v, r.version) });
      onDone();
    } catch (err) {
      setBusy(false);
      // 409: someone else changed the request (stale version, or a transition no longer allowed): reload it.
      if (err instanceof ApiError && err.status === 409) {
        onStale(err.message);
        return;
      }
      const map: Record<string, string> = {};
      const list: { path: string; message: string }[] = [];
      if (err instanceof ApiError && err.fields.length) {
        for (const f of err.fields) {
          const top = f.path.split('.')[0];
          const p = top === 'partialRefusalGrounds' ? 'grounds' : top;
          const has = !!document.getElementById(fieldId(p));
          if (has && !map[p]) map[p] = f.message;
          list.push({ path: has ? p : '', message: f.message });
        }
      } else list.push({ path: '', message: errorMessage(err) });
      showErrors(map, list);
    }
  };

  const groundsFieldset = (legend: string) => (
    <fieldset className="field checks" aria-describedby={errors.grounds ? `${fieldId('grounds')}-err` : undefined}>
      <legend>{legend}</legend>
      {REFUSAL_GROUNDS.map((g, i) => (
        <div key={g} className="field-check">
          <input
            type="checkbox"
            id={i === 0 ? fieldId('grounds') : `${fieldId('grounds')}-${g}`}
            checked={v.grounds.includes(g)}
            onChange={(e) => set('grounds', e.target.checked ? [...v.grounds, g] : v.grounds.filter((x) => x !== g))}
            aria-invalid={errors.grounds ? true : undefined}
          />
          <label htmlFor={i === 0 ? fieldId('grounds') : `${fieldId('grounds')}-${g}`}>{t(`domain.refusalGrounds.${g}`)}</label>
        </div>
      ))}
      {errors.grounds && <p id={`${fieldId('grounds')}-err`} className="field-error">{errors.grounds}</p>}
    </fieldset>
  );

  return (
    <Dialog title={t(`domain.actions.${action}`)} onClose={onClose} wide={action === 'answer' || action === 'refuse'}>
      <form onSubmit={(e) => void submit(e)} noValidate className="form">
        <p className="help">{t(`exchange.actions.help.${action}`)}</p>
        <ErrorSummary title={t('exchange.actions.errorsTitle')} errors={summary} />
        <FieldErrors.Provider value={errors}>
          {action === 'assign' && (
            <CodeSelect path="assigneeId" label={A('assignee')} required placeholder codes={reference.users.map((u) => u.id)} labelPrefix=""
              optionLabel={(id) => reference.users.find((u) => u.id === id)?.displayName ?? id} value={v.assigneeId} onChange={(x) => set('assigneeId', x)} />
          )}
          {action === 'request_clarification' && (
            <TextArea path="question" label={A('question')} required rows={5} value={v.question} onChange={(x) => set('question', x)} />
          )}
          {(action === 'receive_clarification' || action === 'record_answer') && (
            <TextInput path="receivedAt" type="datetime-local" label={A('receivedAt')} value={v.receivedAt} onChange={(x) => set('receivedAt', x)} />
          )}
          {action === 'receive_clarification' && (
            <TextArea path="answer" label={A('answer')} required rows={5} value={v.answer} onChange={(x) => set('answer', x)} />
          )}
          {action === 'delay_judicial' && (
            <>
              <TextInput path="expectedAt" type="datetime-local" label={A('expectedAt')} help={A('expectedAtHelp')} required value={v.expectedAt} onChange={(x) => set('expectedAt', x)} />
              <TextArea path="reason" label={A('delayReason')} required rows={4} value={v.reason} onChange={(x) => set('reason', x)} />
            </>
          )}
          {action === 'resume_judicial' && (
            <>
              <fieldset className="field checks" aria-describedby={errors.authorised ? `${fieldId('authorised')}-err` : undefined}>
                <legend>{A('authorised')}</legend>
                {(['yes', 'no'] as const).map((x, i) => (
                  <div key={x} className="field-check">
                    <input type="radio" name="authorised" id={i === 0 ? fieldId('authorised') : `${fieldId('authorised')}-no`} checked={v.authorised === x}
                      onChange={() => set('authorised', x)} aria-invalid={errors.authorised ? true : undefined} />
                    <label htmlFor={i === 0 ? fieldId('authorised') : `${fieldId('authorised')}-no`}>{A(x === 'yes' ? 'authorisedYes' : 'authorisedNo')}</label>
                  </div>
                ))}
                {errors.authorised && <p id={`${fieldId('authorised')}-err`} className="field-error">{errors.authorised}</p>}
              </fieldset>
              <TextArea path="note" label={A('note')} rows={3} value={v.note} onChange={(x) => set('note', x)} />
            </>
          )}
          {(action === 'answer' || action === 'record_answer') && (
            <TextArea path="body" label={A(action === 'answer' ? 'answerBody' : 'receivedAnswer')} required rows={8} value={v.body} onChange={(x) => set('body', x)} />
          )}
          {action === 'answer' && groundsFieldset(A('partialGrounds'))}
          {action === 'answer' && v.grounds.length > 0 && (
            <TextArea path="refusalReason" label={A('refusalReason')} required rows={3} value={v.reason} onChange={(x) => set('reason', x)} />
          )}
          {action === 'refuse' && groundsFieldset(A('grounds'))}
          {action === 'refuse' && <TextArea path="reason" label={A('refusalReason')} required rows={4} value={v.reason} onChange={(x) => set('reason', x)} />}
          {action === 'close' && <TextArea path="note" label={A('note')} rows={3} value={v.note} onChange={(x) => set('note', x)} />}
          {action === 'withdraw' && <TextArea path="note" label={A('withdrawalNote')} required rows={4} value={v.note} onChange={(x) => set('note', x)} />}
          {action === 'reclassify' && (
            <>
              <Checkbox path="urgent" label={A('urgent')} checked={v.urgent} onChange={(x) => set('urgent', x)} />
              {v.urgent && (
                <CodeSelect path="urgencyReason" label={A('urgencyReason')} required placeholder codes={URGENCY_REASONS} labelPrefix="domain.urgencyReasons"
                  value={v.urgencyReason} onChange={(x) => set('urgencyReason', x)} />
              )}
              <CodeSelect path="access" label={A('access')} required codes={ACCESS_KINDS} labelPrefix="domain.accessKinds" value={v.access}
                onChange={(x) => set('access', x || 'direct')} />
              <TextArea path="reason" label={A('reclassifyReason')} required rows={3} value={v.reason} onChange={(x) => set('reason', x)} />
            </>
          )}
        </FieldErrors.Provider>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy} data-testid="action-submit">
            {t(`domain.actions.${action}`)}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
