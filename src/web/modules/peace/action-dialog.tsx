/** The dialog of a named action (nominate, record outcome, deploy, extend, end): its fields, then one call. */
import { useTranslation } from 'react-i18next';
import { END_REASONS } from '../../../shared/peace.schemas.ts';
import { ErrorSummary } from '../../ui/field.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { CodeSelect, FieldErrors, TextArea, TextInput } from '../exchange/form-controls.tsx';
import { usePeaceForm } from './use-form.ts';

export type PeaceAction = 'nominate' | 'reject' | 'record_outcome' | 'deploy' | 'extend' | 'end';

const FIELDS: Record<PeaceAction, string[]> = {
  nominate: ['note'], reject: ['note'], record_outcome: ['outcome', 'outcomeOn'], deploy: ['startDate', 'endDate'],
  extend: ['endDate', 'reason'], end: ['endedOn', 'reason'],
};

export function ActionDialog({ action, onClose, send }: { action: PeaceAction; onClose(): void; send(body: Record<string, string | null>): Promise<void> }) {
  const { t } = useTranslation();
  const f = usePeaceForm({ note: '', outcome: 'selected', outcomeOn: '', startDate: '', endDate: '', reason: action === 'end' ? 'completed' : '', endedOn: '' }, async (v) => {
    const body: Record<string, string | null> = {};
    for (const k of FIELDS[action]) body[k] = k === 'note' ? (v.note.trim() || null) : v[k as keyof typeof v];
    await send(body);
    onClose();
  });
  const A = (k: string) => t(`peace.action.${k}`);
  const has = (k: string) => FIELDS[action].includes(k);
  return (
    <Dialog title={A(action)} onClose={onClose}>
      <ErrorSummary title={t('peace.common.errorsTitle')} errors={f.errors.list} />
      <FieldErrors.Provider value={f.errors.map}>
        <form noValidate onSubmit={(e) => void f.submit(e)}>
          {has('note') && <TextArea path="note" label={t('peace.call.note')} value={f.v.note} onChange={f.set('note')} rows={2} />}
          {has('outcome') && <CodeSelect path="outcome" label={A('outcome')} value={f.v.outcome} onChange={(x) => f.set('outcome')(x)} codes={['selected', 'not_selected']} labelPrefix="peace.nominationStatus" required />}
          {has('outcomeOn') && <TextInput path="outcomeOn" type="date" label={A('outcomeOn')} value={f.v.outcomeOn} onChange={f.set('outcomeOn')} required />}
          {has('startDate') && <TextInput path="startDate" type="date" label={A('startDate')} value={f.v.startDate} onChange={f.set('startDate')} required />}
          {has('endDate') && <TextInput path="endDate" type="date" label={A(action === 'extend' ? 'newEndDate' : 'endDate')} value={f.v.endDate} onChange={f.set('endDate')} required />}
          {has('endedOn') && <TextInput path="endedOn" type="date" label={A('endedOn')} value={f.v.endedOn} onChange={f.set('endedOn')} required />}
          {action === 'extend' && <TextArea path="reason" label={A('reason')} value={f.v.reason} onChange={f.set('reason')} rows={2} required />}
          {action === 'end' && <CodeSelect path="reason" label={A('reason')} value={f.v.reason} onChange={(x) => f.set('reason')(x)} codes={END_REASONS} labelPrefix="peace.endReason" required />}
          <p><button type="submit" className="button" data-testid="action-submit" disabled={f.busy}>{f.busy ? t('peace.common.saving') : A('confirm')}</button></p>
        </form>
      </FieldErrors.Provider>
    </Dialog>
  );
}
