/** Registering a mission at /peace/missions/new. */
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ORGANISATIONS, type Organisation } from '../../../shared/peace.schemas.ts';
import { api } from '../../api.ts';
import { ErrorSummary } from '../../ui/field.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { CodeSelect, CountrySelect, FieldErrors, TextArea, TextInput } from '../exchange/form-controls.tsx';
import type { MissionDetail } from './types.ts';
import { opt, usePeaceForm } from './use-form.ts';

export function MissionFormPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('peace.mission.formTitle'));
  const navigate = useNavigate();
  const f = usePeaceForm({ code: '', name: '', organisation: 'un' as Organisation | '', countryCode: '', mandate: '', startDate: '', endDate: '' }, async (v) => {
    const m = await api<MissionDetail>('/api/peace/missions', { body: { ...v, endDate: opt(v.endDate) } });
    navigate(`/peace/missions/${m.id}`);
  });
  const L = (k: string) => t(`peace.mission.${k}`);
  return (
    <section className="page" aria-labelledby="mission-form-title">
      <p className="breadcrumb"><Link to="/peace">{t('peace.common.back')}</Link></p>
      <h1 id="mission-form-title">{L('formTitle')}</h1>
      <ErrorSummary title={t('peace.common.errorsTitle')} errors={f.errors.list} />
      <FieldErrors.Provider value={f.errors.map}>
        <form noValidate onSubmit={(e) => void f.submit(e)}>
          <TextInput path="code" label={L('code')} value={f.v.code} onChange={f.set('code')} required />
          <TextInput path="name" label={L('name')} value={f.v.name} onChange={f.set('name')} required />
          <CodeSelect path="organisation" label={L('organisation')} value={f.v.organisation} onChange={f.set('organisation')} codes={ORGANISATIONS} labelPrefix="peace.organisation" required />
          <CountrySelect path="countryCode" label={L('country')} value={f.v.countryCode} onChange={f.set('countryCode')} required />
          <TextArea path="mandate" label={L('mandate')} value={f.v.mandate} onChange={f.set('mandate')} rows={3} required />
          <TextInput path="startDate" type="date" label={L('startDate')} value={f.v.startDate} onChange={f.set('startDate')} required />
          <TextInput path="endDate" type="date" label={L('endDate')} value={f.v.endDate} onChange={f.set('endDate')} />
          <p><button type="submit" className="button" data-testid="submit" disabled={f.busy}>{f.busy ? t('peace.common.saving') : L('submit')}</button></p>
        </form>
      </FieldErrors.Provider>
    </section>
  );
}
