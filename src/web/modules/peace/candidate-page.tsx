/** One officer on the roster at /peace/roster/:id (read with the justification): tests, certificates, tours; add a certificate. */
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CERTIFICATE_KINDS } from '../../../shared/peace.schemas.ts';
import { api, errorMessage } from '../../api.ts';
import { ErrorSummary } from '../../ui/field.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { CodeSelect, FieldErrors, TextInput } from '../exchange/form-controls.tsx';
import { Panel } from '../wanted/panel.tsx';
import { JustificationField, useJustification } from './justification.tsx';
import type { CandidateDetail } from './types.ts';
import { usePeaceForm } from './use-form.ts';

export function CandidatePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const justification = useJustification();
  const [c, setC] = useState<CandidateDetail | null>(null);
  const [error, setError] = useState('');
  useDocumentTitle(c?.fullName ?? t('peace.roster.title'));
  useEffect(() => {
    if (justification) api<CandidateDetail>(`/api/peace/candidates/${id}`, { query: { justification } }).then(setC, (e) => setError(errorMessage(e)));
  }, [id, justification]);
  const f = usePeaceForm({ kind: 'ehest', issuedOn: '', expiresOn: '' }, async (v) => {
    setC(await api<CandidateDetail>(`/api/peace/candidates/${id}/certificates`, { body: { ...v, expiresOn: v.expiresOn || null }, query: { justification } }));
  });
  const L = (k: string) => t(`peace.candidate.${k}`);
  return (
    <div className="page">
      <p className="breadcrumb"><Link to="/peace/roster">{t('peace.roster.title')}</Link></p>
      <h1>{c ? `${c.fullName} (${c.employeeNumber})` : t('peace.roster.title')}</h1>
      <JustificationField />
      {error && <p className="alert alert-error" role="alert">{error}</p>}
      {c && (
        <>
          <dl className="facts-list card" data-testid="candidate-facts">
            <dt>{L('gender')}</dt><dd>{t(`domain.genders.${c.gender}`)}</dd>
            <dt>{L('homeUnit')}</dt><dd>{c.homeUnit}</dd>
            <dt>{L('drivingLicence')}</dt><dd>{t(`peace.passed.${c.drivingLicence}`)}</dd>
            <dt>{L('languages')}</dt><dd>{c.languages.map((l) => `${t(`peace.language.${l.language}`)} ${l.level}`).join(', ') || t('peace.common.none')}</dd>
            <dt>{t('peace.columns.ams')}</dt><dd>{t(`peace.passed.${c.samPassed}`)}</dd>
          </dl>
          <Panel id="cand-tests" title={L('assessments')}>
            <Items testId="assessments" none={t('peace.common.none')} items={c.assessments.map((a, i) => <li key={i}>{t(`peace.assessment.${a.part}`)} {a.date}: {t(`peace.passed.${a.passed}`)}</li>)} />
          </Panel>
          <Panel id="cand-certs" title={L('certificates')}>
            <Items testId="certificates" none={t('peace.common.none')} items={c.certificates.map((x) => <li key={x.id}>{t(`peace.certificate.${x.kind}`)} {x.issuedOn}{x.expiresOn && ` – ${x.expiresOn}`}{x.expired && ` (${t('peace.roster.expired')})`}</li>)} />
            <ErrorSummary title={t('peace.common.errorsTitle')} errors={f.errors.list} />
            <FieldErrors.Provider value={f.errors.map}>
              <form noValidate onSubmit={(e) => void f.submit(e)}>
                <CodeSelect path="kind" label={L('kind')} value={f.v.kind} onChange={(x) => f.set('kind')(x)} codes={CERTIFICATE_KINDS} labelPrefix="peace.certificate" required />
                <TextInput path="issuedOn" type="date" label={L('issuedOn')} value={f.v.issuedOn} onChange={f.set('issuedOn')} required />
                <TextInput path="expiresOn" type="date" label={L('expiresOn')} value={f.v.expiresOn} onChange={f.set('expiresOn')} />
                <button type="submit" className="button" data-testid="certificate-submit" disabled={f.busy}>{L('addCertificate')}</button>
              </form>
            </FieldErrors.Provider>
          </Panel>
          <Panel id="cand-earlier" title={L('earlier')}>
            <Items testId="earlier-missions" none={t('peace.common.none')} items={c.earlierMissions.map((m, i) => <li key={i}>{m.mission} ({t(`peace.organisation.${m.organisation}`)}) {m.from} – {m.to}</li>)} />
          </Panel>
          <Panel id="cand-tours" title={L('tours')}>
            <Items testId="tours" none={t('peace.common.none')} items={c.deployments.map((d) => <li key={d.id}><Link to={`/peace/deployments/${d.id}`}>{d.missionCode}</Link> {d.postTitle} {d.startDate} – {d.endDate} ({t(`peace.deploymentStatus.${d.status}`)})</li>)} />
          </Panel>
        </>
      )}
    </div>
  );
}

/** A list of the entry, or a visible "none" so that an empty part of the record is never a blank box. */
function Items({ testId, items, none }: { testId: string; items: ReactNode[]; none: string }) {
  return items.length === 0 ? <p className="muted" data-testid={testId}>{none}</p> : <ul data-testid={testId}>{items}</ul>;
}
