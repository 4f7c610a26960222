/** The parts of a wanted person's record: identity, warrants, arrest and clocks, search work, timeline. */
import type { ReactNode } from 'react';
import { Panel } from './panel.tsx';
import { AddWarrantForm, Article3Form } from './wanted-work.tsx';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { countryName } from '../../../shared/domain.ts';
import { currentLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../ui/format.ts';
import { Countdown } from '../exchange/countdown.tsx';
import type { WantedDetail } from './types.ts';

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="facts-list">
      {rows.filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function IdentityPanel({ p }: { p: WantedDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const F = (k: string) => t(`wanted.form.${k}`);
  return (
    <Panel id="wanted-identity" title={F('identity')}>
      <Facts rows={[
        [F('fullName'), p.fullName],
        [F('otherScriptNames'), p.otherScriptNames.join(' · ')],
        [F('aliases'), p.aliases.join(' · ')],
        [F('dateOfBirth'), p.dateOfBirth],
        [F('placeOfBirth'), p.placeOfBirth],
        [F('nationalities'), p.nationalities.map((c) => countryName(c, lang)).join(', ')],
        [F('documents'), p.documents.map((d) => `${t(`domain.documentKinds.${d.kind}`)} ${d.number}${d.country ? ` (${d.country})` : ''}`).join('; ')],
        [F('description'), p.description],
        [F('requestingAuthority'), `${t(`wanted.authority.${p.requestingAuthority}`)} · ${p.authorityReference}`],
        [F('legalBasis'), t(`wanted.basis.${p.legalBasis}`)],
        [F('offence'), p.offence],
        [F('offenceSummary'), p.offenceSummary],
      ]} />
    </Panel>
  );
}

export function WarrantsPanel({ p, onChange }: { p: WantedDetail; onChange(next: WantedDetail): void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const F = (k: string) => t(`wanted.form.${k}`);
  return (
    <Panel id="wanted-warrants" title={t('wanted.detail.warrants')}>
      {p.warrants.length === 0 && <p className="muted">{t('wanted.detail.none')}</p>}
      {p.warrants.map((w) => (
        <div key={w.id} className="warrant">
          <h3>
            {t(`wanted.warrant.${w.kind}`)} <span className="badge">{t(`wanted.warrantStatus.${w.status}`, { defaultValue: w.status })}</span>
          </h3>
          <Facts rows={[
            [F('issuingAuthority'), `${w.issuingAuthority} (${countryName(w.issuingCountry, lang)})`],
            [F('issuedAt'), w.issuedAt],
            [F('validUntil'), w.validUntil],
            [F('reviewAt'), w.reviewAt],
            [F('channelReference'), w.channelReference],
            ...Object.entries(w.eaw ?? {}).map(([k, x]) => [t(`wanted.form.eaw.${k}`), x] as [string, ReactNode]),
            [t('wanted.detail.article3Title'), w.article3Status ? `${t(`wanted.article3.${w.article3Status}`)}${w.article3Reason ? ` – ${w.article3Reason}` : ''}` : null],
          ]} />
          {(w.kind === 'red_notice' || w.kind === 'diffusion') && w.status === 'active' && <Article3Form p={p} warrantId={w.id} onChange={onChange} />}
        </div>
      ))}
      {['wanted', 'located'].includes(p.status) && <AddWarrantForm p={p} onChange={onChange} />}
    </Panel>
  );
}

type Clock = WantedDetail['clocks'][number];

/**
 * The legal basis of a clock in the reader's language, from its regime and rule (the server's citation is English
 * and only shown for a regime this catalogue does not know), with the extension when one applies.
 */
function clockBasis(t: TFunction, c: Clock): string {
  const basis = t(`deadline.bases.${c.regimeId}.${c.ruleId}`, { defaultValue: c.legalBasis });
  if (c.extensions.length === 0) return basis;
  return `${basis} (${t(`deadline.bases.extended.${c.regimeId}`, { defaultValue: c.extensions.join(', ') })})`;
}

export function ArrestPanel({ p }: { p: WantedDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const D = (k: string) => t(`wanted.detail.${k}`);
  if (!p.arrest) return null;
  const a = p.arrest;
  return (
    <Panel id="wanted-arrest" title={D('arrest')}>
      <Facts rows={[
        [t('wanted.actionFields.warrant'), t(`wanted.warrant.${a.warrantKind}`)],
        [D('arrestCountry'), [a.countryCode ? countryName(a.countryCode, lang) : '', a.place].filter(Boolean).join(', ')],
        [D('arrestedAt'), formatDateTime(a.arrestedAt, lang)],
        [D('consent'), a.consent === null ? t('wanted.detail.unknown') : t(a.consent ? 'common.yes' : 'common.no')],
        [D('consentAt'), a.consentAt ? formatDateTime(a.consentAt, lang) : null],
        [D('exceptional'), a.exceptional ? t('common.yes') : null],
        [D('finalDecisionAt'), a.finalDecisionAt ? formatDateTime(a.finalDecisionAt, lang) : null],
        [D('agreedSurrenderAt'), a.agreedSurrenderAt ? formatDateTime(a.agreedSurrenderAt, lang) : null],
      ]} />
      <h3>{D('clocks')}</h3>
      <ul className="plain-list">
        {p.clocks.map((c) => (
          <li key={c.clock} data-testid={`clock-${c.clock}`}>
            <strong>{t(`wanted.clock.${c.clock}`)}</strong>: {formatDateTime(c.dueAt, lang)}{' '}
            {c.done ? <span className="badge">{t('wanted.clock.done')}</span> : <Countdown dueAt={c.dueAt} paused={false} remainingMs={c.remainingMs} soonMs={24 * 3600_000} />}
            <br />
            <span className="muted small" data-testid={`clock-basis-${c.clock}`}>{clockBasis(t, c)}</span>
            {c.flags.map((f) => (
              <p key={f} className="alert alert-error" role="note" data-testid={`clock-flag-${f}`}>{t(`wanted.clockFlags.${f}`)}</p>
            ))}
          </li>
        ))}
      </ul>
    </Panel>
  );
}

export function PublicationPanel({ p }: { p: WantedDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const pub = p.publication;
  return (
    <Panel id="wanted-publication" title={t('wanted.detail.publication')}>
      <p data-testid="publication-state">
        <strong>{pub.published ? t('wanted.detail.published') : t('wanted.detail.notPublished')}</strong>
      </p>
      {pub.decidedAt && (
        <p className="muted small">
          {t('wanted.detail.lastDecision', { at: formatDateTime(pub.decidedAt, lang), by: pub.decidedBy ?? '–' })}
          {pub.decision && <> – {pub.decision}</>}
        </p>
      )}
    </Panel>
  );
}
