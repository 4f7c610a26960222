/** The dialog for one named action on a wanted person: its fields (see `wantedActionBodies`) and the POST. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api.ts';
import { Dialog } from '../../ui/dialog.tsx';
import { ErrorSummary } from '../../ui/field.tsx';
import { localInputToIso, localInputValue } from '../../ui/format.ts';
import { CodeSelect, CountrySelect, FieldErrors, TextArea, TextInput } from '../exchange/form-controls.tsx';
import { focusFirstError, formErrorsOf, type FormErrors } from './form-errors.ts';
import type { WantedActionName, WantedDetail } from './types.ts';

interface Props {
  p: WantedDetail;
  action: WantedActionName;
  onClose(): void;
  onDone(next: WantedDetail): void;
  onStale(message: string): void;
}

const YES_NO = ['yes', 'no'] as const;

function initial(p: WantedDetail) {
  const now = localInputValue();
  return {
    countryCode: '', place: '', at: now, warrantId: p.warrants.find((w) => w.status === 'active')?.id ?? '',
    consent: '' as '' | 'yes' | 'no', consentAt: now, reason: '', note: '', decidedAt: now, agreedAt: now, decision: '',
  };
}
type Values = ReturnType<typeof initial>;

function bodyFor(action: WantedActionName, v: Values, version: number): Record<string, unknown> {
  const opt = (s: string) => (s.trim() ? s.trim() : null);
  const iso = (s: string) => localInputToIso(s) ?? s;
  switch (action) {
    case 'locate': return { version, countryCode: v.countryCode, place: opt(v.place), at: iso(v.at) };
    case 'arrest': return {
      version, warrantId: v.warrantId, countryCode: v.countryCode, place: opt(v.place), arrestedAt: iso(v.at),
      consent: v.consent ? v.consent === 'yes' : null, consentAt: v.consent === 'yes' ? iso(v.consentAt) : null,
    };
    case 'record_consent': return { version, consent: v.consent === 'yes', consentAt: iso(v.consentAt) };
    case 'extend_exceptional': case 'withdraw': case 'record_overrun': return { version, reason: v.reason };
    case 'record_final_decision': return { version, decidedAt: iso(v.decidedAt) };
    case 'agree_surrender_date': return { version, agreedAt: iso(v.agreedAt), reason: v.reason };
    case 'surrender': return { version, at: iso(v.at) };
    case 'return': return { version, note: v.note };
    case 'lose_track': case 'expire': return { version, note: opt(v.note) };
    case 'publish': return { version, decision: v.decision };
    case 'unpublish': return { version, reason: opt(v.reason) };
  }
}

/** A dialog form's submit (showing that it saves) and cancel buttons. */
export function DialogButtons({ testId, label, busy, onCancel }: { testId: string; label: string; busy: boolean; onCancel(): void }) {
  const { t } = useTranslation();
  return (
    <p className="form-actions">
      <button type="submit" className="button" data-testid={testId} disabled={busy}>
        {busy ? t('common.saving') : label}
      </button>{' '}
      <button type="button" className="button button-secondary" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </p>
  );
}

export function WantedActionDialog({ p, action, onClose, onDone, onStale }: Props) {
  const { t } = useTranslation();
  const [v, setV] = useState<Values>(() => initial(p));
  const [errors, setErrors] = useState<FormErrors>({ map: {}, list: [] });
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Values>(k: K) => (val: Values[K]) => setV((cur) => ({ ...cur, [k]: val }));
  const L = (k: string) => t(`wanted.actionFields.${k}`);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      onDone(await api<WantedDetail>(`/api/wanted/${p.id}/${action.replace(/_/g, '-')}`, { body: bodyFor(action, v, p.version) }));
    } catch (err) {
      setBusy(false);
      // 409: someone else changed the record (stale version, or the action is no longer possible): reload it.
      if (err instanceof ApiError && err.status === 409) {
        onStale(err.message);
        return;
      }
      // The arrest's time is entered in the shared `at` control.
      setErrors(formErrorsOf(err, (path) => (path === 'arrestedAt' ? 'at' : path)));
      focusFirstError('dialog');
    }
  };

  const needsCountry = action === 'locate' || action === 'arrest';
  const needsAt = action === 'locate' || action === 'arrest' || action === 'surrender';
  return (
    <Dialog title={t(`wanted.actions.${action}`)} onClose={onClose}>
      <ErrorSummary title={t('wanted.form.errorsTitle')} errors={errors.list} />
      <FieldErrors.Provider value={errors.map}>
        <form noValidate onSubmit={(e) => void submit(e)}>
          {action === 'arrest' && (
            <CodeSelect
              path="warrantId" label={L('warrant')} value={v.warrantId} onChange={set('warrantId')} required
              codes={p.warrants.filter((w) => w.status === 'active').map((w) => w.id)} labelPrefix=""
              optionLabel={(id) => { const w = p.warrants.find((x) => x.id === id)!; return `${t(`wanted.warrant.${w.kind}`)} (${w.issuedAt})`; }}
            />
          )}
          {needsCountry && <CountrySelect path="countryCode" label={L('country')} value={v.countryCode} onChange={set('countryCode')} required />}
          {needsCountry && <TextInput path="place" label={L('place')} value={v.place} onChange={set('place')} />}
          {needsAt && <TextInput path="at" type="datetime-local" label={L(action === 'arrest' ? 'arrestedAt' : 'at')} value={v.at} onChange={set('at')} required />}
          {(action === 'arrest' || action === 'record_consent') && (
            <CodeSelect path="consent" label={L('consent')} value={v.consent} onChange={set('consent')} codes={YES_NO} labelPrefix="common" placeholder={action === 'arrest'} required={action === 'record_consent'} />
          )}
          {(action === 'record_consent' || (action === 'arrest' && v.consent === 'yes')) && (
            <TextInput path="consentAt" type="datetime-local" label={L('consentAt')} value={v.consentAt} onChange={set('consentAt')} required />
          )}
          {action === 'record_final_decision' && <TextInput path="decidedAt" type="datetime-local" label={L('decidedAt')} value={v.decidedAt} onChange={set('decidedAt')} required />}
          {action === 'agree_surrender_date' && <TextInput path="agreedAt" type="datetime-local" label={L('agreedAt')} value={v.agreedAt} onChange={set('agreedAt')} required />}
          {['extend_exceptional', 'withdraw', 'agree_surrender_date', 'unpublish', 'record_overrun'].includes(action) && (
            <TextArea path="reason" label={L(action === 'record_overrun' ? 'overrunReason' : 'reason')} value={v.reason} onChange={set('reason')} rows={3} required={action !== 'unpublish'} />
          )}
          {['return', 'lose_track', 'expire'].includes(action) && (
            <TextArea path="note" label={L('note')} value={v.note} onChange={set('note')} rows={3} required={action === 'return'} />
          )}
          {action === 'publish' && !p.offenceSummary && (
            <p className="alert alert-error" data-testid="publish-missing-summary">{L('missingSummary')}</p>
          )}
          {action === 'publish' && (
            <TextArea path="decision" label={L('decision')} help={L('decisionHelp')} value={v.decision} onChange={set('decision')} rows={3} required />
          )}
          <DialogButtons testId="action-submit" label={t(`wanted.actions.${action}`)} busy={busy} onCancel={onClose} />
        </form>
      </FieldErrors.Provider>
    </Dialog>
  );
}
