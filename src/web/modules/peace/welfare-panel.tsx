/** Next of kin and medical readiness of a tour: special-category data, fetched only on request with the justification. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEDICAL_STATUSES } from '../../../shared/peace.schemas.ts';
import { api, errorMessage } from '../../api.ts';
import { ErrorSummary } from '../../ui/field.tsx';
import { CodeSelect, FieldErrors, TextInput } from '../exchange/form-controls.tsx';
import { Panel } from '../wanted/panel.tsx';
import { useJustification } from './justification.tsx';
import type { WelfareView } from './types.ts';
import { opt, usePeaceForm } from './use-form.ts';

export function WelfarePanel({ deploymentId }: { deploymentId: string }) {
  const { t } = useTranslation();
  const justification = useJustification();
  const [w, setW] = useState<WelfareView | null | undefined>(undefined);
  const [error, setError] = useState('');
  const f = usePeaceForm({ nextOfKinName: '', nextOfKinRelation: '', nextOfKinPhone: '', medicalStatus: 'pending', medicalCheckedOn: '', medicalNote: '' }, async (v) => {
    setW(await api<WelfareView>(`/api/peace/deployments/${deploymentId}/welfare`, {
      body: {
        version: w?.version ?? 0, justification, medicalStatus: v.medicalStatus, nextOfKinName: opt(v.nextOfKinName), nextOfKinRelation: opt(v.nextOfKinRelation),
        nextOfKinPhone: opt(v.nextOfKinPhone), medicalCheckedOn: v.medicalCheckedOn || null, medicalNote: opt(v.medicalNote),
      },
    }));
  });
  const show = async () => {
    if (!justification) return setError(t('peace.common.justificationRequired'));
    try {
      const r = await api<{ welfare: WelfareView | null }>(`/api/peace/deployments/${deploymentId}/welfare`, { query: { justification } });
      setW(r.welfare);
      setError('');
      if (r.welfare) {
        const x = r.welfare;
        f.setV({ nextOfKinName: x.nextOfKinName ?? '', nextOfKinRelation: x.nextOfKinRelation ?? '', nextOfKinPhone: x.nextOfKinPhone ?? '', medicalStatus: x.medicalStatus, medicalCheckedOn: x.medicalCheckedOn ?? '', medicalNote: x.medicalNote ?? '' });
      }
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const L = (k: string) => t(`peace.deployment.${k}`);
  return (
    <Panel id="dep-welfare" title={L('welfare')}>
      <p className="muted">{L('welfareIntro')}</p>
      {error && <p className="alert alert-error" role="alert">{error}</p>}
      {w === undefined && <button type="button" className="button button-secondary" onClick={() => void show()} data-testid="show-welfare">{L('showWelfare')}</button>}
      {w === null && <p className="empty">{L('noWelfare')}</p>}
      {w && (
        <dl className="facts-list" data-testid="welfare">
          <dt>{L('nextOfKinName')}</dt><dd>{w.nextOfKinName ?? '–'} {w.nextOfKinRelation && `(${w.nextOfKinRelation})`} {w.nextOfKinPhone}</dd>
          <dt>{L('medicalStatus')}</dt><dd>{t(`peace.medical.${w.medicalStatus}`)} {w.medicalCheckedOn && `(${w.medicalCheckedOn})`}</dd>
          <dt>{L('medicalNote')}</dt><dd>{w.medicalNote ?? '–'}</dd>
        </dl>
      )}
      {w !== undefined && (
        <FieldErrors.Provider value={f.errors.map}>
          <form noValidate onSubmit={(e) => void f.submit(e)} aria-label={L('editWelfare')}>
            <ErrorSummary title={t('peace.common.errorsTitle')} errors={f.errors.list} />
            <TextInput path="nextOfKinName" label={L('nextOfKinName')} value={f.v.nextOfKinName} onChange={f.set('nextOfKinName')} />
            <TextInput path="nextOfKinRelation" label={L('nextOfKinRelation')} value={f.v.nextOfKinRelation} onChange={f.set('nextOfKinRelation')} />
            <TextInput path="nextOfKinPhone" type="tel" label={L('nextOfKinPhone')} value={f.v.nextOfKinPhone} onChange={f.set('nextOfKinPhone')} />
            <CodeSelect path="medicalStatus" label={L('medicalStatus')} value={f.v.medicalStatus} onChange={(x) => f.set('medicalStatus')(x)} codes={MEDICAL_STATUSES} labelPrefix="peace.medical" required />
            <TextInput path="medicalCheckedOn" type="date" label={L('medicalCheckedOn')} value={f.v.medicalCheckedOn} onChange={f.set('medicalCheckedOn')} />
            <TextInput path="medicalNote" label={L('medicalNote')} value={f.v.medicalNote} onChange={f.set('medicalNote')} />
            <button type="submit" className="button" data-testid="welfare-submit" disabled={f.busy}>{t('peace.common.save')}</button>
          </form>
        </FieldErrors.Provider>
      )}
    </Panel>
  );
}
