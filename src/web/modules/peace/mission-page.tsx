/** A mission at /peace/missions/:id: its mandate, its calls for contributions, and a form to publish a call. */
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../shared/domain.ts';
import { CEFR_LEVELS, LANGUAGES } from '../../../shared/peace.schemas.ts';
import { api, errorMessage } from '../../api.ts';
import { currentLanguage } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/field.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { CodeSelect, FieldErrors, Section, TextInput } from '../exchange/form-controls.tsx';
import type { MissionDetail } from './types.ts';
import { opt, usePeaceForm } from './use-form.ts';

export function MissionPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [m, setM] = useState<MissionDetail | null>(null);
  const [error, setError] = useState('');
  useDocumentTitle(m ? `${m.code} – ${t('peace.title')}` : t('peace.title'));
  const load = useCallback(() => api<MissionDetail>(`/api/peace/missions/${id}`).then(setM, (e) => setError(errorMessage(e))), [id]);
  useEffect(() => { void load(); }, [load]);
  if (error) return <div className="page"><p className="alert alert-error" role="alert">{error}</p></div>;
  if (!m) return <div className="page"><p className="muted">{t('common.loading')}</p></div>;
  const L = (k: string) => t(`peace.mission.${k}`);
  return (
    <div className="page">
      <p className="breadcrumb"><Link to="/peace">{t('peace.common.back')}</Link></p>
      <h1>{m.code} – {m.name}</h1>
      <dl className="facts-list card">
        <dt>{L('organisation')}</dt><dd>{t(`peace.organisation.${m.organisation}`)}</dd>
        <dt>{L('country')}</dt><dd>{countryName(m.countryCode, currentLanguage())}</dd>
        <dt>{L('startDate')}</dt><dd>{m.startDate}</dd>
        <dt>{L('endDate')}</dt><dd>{m.endDate ?? '–'}</dd>
        <dt>{L('mandate')}</dt><dd>{m.mandate}</dd>
      </dl>
      <section aria-labelledby="mission-calls">
        <h2 id="mission-calls">{L('calls')}</h2>
        {m.calls.length === 0 ? <p className="empty">{L('noCalls')}</p> : (
          <table className="queue-table" data-testid="calls">
            <thead><tr>{['reference', 'name', 'deadline', 'status', 'posts', 'nominations'].map((k) => <th scope="col" key={k}>{t(`peace.columns.${k}`)}</th>)}</tr></thead>
            <tbody>
              {m.calls.map((c) => (
                <tr key={c.id}>
                  <td><Link to={`/peace/calls/${c.id}`}>{c.reference}</Link></td>
                  <td>{c.title}</td><td>{c.deadline}</td><td>{t(`peace.callStatus.${c.status}`)}</td><td>{c.posts}</td><td>{c.nominations}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <CallForm missionId={m.id} />
    </div>
  );
}

const alias = (p: string) => p.replace(/^posts\.0\./, 'post.');

function CallForm({ missionId }: { missionId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const f = usePeaceForm({ reference: '', title: '', deadline: '', postTitle: '', profile: '', positions: '1', language: 'en' as string, languageLevel: 'B2' as string }, async (v) => {
    const created = await api<{ id: string }>(`/api/peace/missions/${missionId}/calls`, {
      body: {
        reference: v.reference, title: v.title, deadline: v.deadline,
        posts: [{ title: v.postTitle, profile: opt(v.profile), positions: Number(v.positions) || 0, language: v.language || null, languageLevel: v.languageLevel || null }],
      },
    });
    navigate(`/peace/calls/${created.id}`);
  }, alias);
  const L = (k: string) => t(`peace.call.${k}`);
  return (
    <section aria-labelledby="call-form-title">
      <h2 id="call-form-title">{L('formTitle')}</h2>
      <ErrorSummary title={t('peace.common.errorsTitle')} errors={f.errors.list} />
      <FieldErrors.Provider value={f.errors.map}>
        <form noValidate onSubmit={(e) => void f.submit(e)} data-testid="call-form">
          <TextInput path="reference" label={L('reference')} value={f.v.reference} onChange={f.set('reference')} required />
          <TextInput path="title" label={L('title')} value={f.v.title} onChange={f.set('title')} required />
          <TextInput path="deadline" type="date" label={L('deadline')} value={f.v.deadline} onChange={f.set('deadline')} required />
          <Section title={L('posts')}>
            <TextInput path="post.title" label={L('postTitle')} value={f.v.postTitle} onChange={f.set('postTitle')} required />
            <TextInput path="post.profile" label={L('profile')} value={f.v.profile} onChange={f.set('profile')} />
            <TextInput path="post.positions" type="number" inputMode="numeric" label={L('positions')} value={f.v.positions} onChange={f.set('positions')} required />
            <CodeSelect path="post.language" label={L('language')} value={f.v.language} onChange={f.set('language')} codes={LANGUAGES} labelPrefix="peace.language" placeholder />
            <CodeSelect path="post.languageLevel" label={L('languageLevel')} value={f.v.languageLevel} onChange={f.set('languageLevel')} codes={CEFR_LEVELS} labelPrefix="" optionLabel={(c) => c} placeholder />
          </Section>
          <p><button type="submit" className="button" data-testid="call-submit" disabled={f.busy}>{f.busy ? t('peace.common.saving') : L('submit')}</button></p>
        </form>
      </FieldErrors.Provider>
    </section>
  );
}
