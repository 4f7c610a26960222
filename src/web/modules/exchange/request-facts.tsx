/** The facts of a request: who asked what, through which channel, under which handling conditions. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../shared/domain.ts';
import { currentLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../ui/format.ts';
import type { RequestDetail } from './types.ts';

export function RequestFacts({ r }: { r: RequestDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const L = (k: string) => t(`exchange.detail.facts.${k}`);
  const dash = '–';
  const rows: [string, ReactNode][] = [
    [L('direction'), t(`domain.directions.${r.direction}`)],
    [L('status'), <span className={`status status-${r.status}`}>{t(`domain.statuses.${r.status}`)}</span>],
    [L('channel'), r.channelReason ? `${t(`domain.channels.${r.channel}`)} — ${t(`domain.channelReasons.${r.channelReason}`)}` : t(`domain.channels.${r.channel}`)],
    [L('country'), countryName(r.countryCode, lang)],
    [L('counterpartAuthority'), r.counterpartAuthority],
    [L('counterpartReference'), r.counterpartReference ?? dash],
    [L('nationalAuthority'), r.nationalAuthority?.name ?? dash],
    [L('urgency'), r.urgent ? `${t('exchange.urgency.urgent')}${r.urgencyReason ? ` — ${t(`domain.urgencyReasons.${r.urgencyReason}`)}` : ''}` : t('exchange.urgency.normal')],
    [L('access'), t(`domain.accessKinds.${r.access}`)],
    [L('language'), t(`domain.languages.${r.language}`, { defaultValue: r.language })],
    [L('handlingCode'), `${t(`domain.handlingCodes.${r.handlingCode}`)}${r.handlingText ? ` — ${r.handlingText}` : ''}`],
    [L('europolCopy'), `${r.europolCopy ? t('common.yes') : t('common.no')}${r.europolCopyReason ? ` — ${r.europolCopyReason}` : ''}`],
    [L('offence'), r.offence ?? dash],
    [L('unit'), r.unit.name],
    [L('assignees'), r.assignees.length ? r.assignees.map((a) => a.displayName).join(', ') : t('exchange.queue.unassigned')],
    [L('receivedAt'), formatDateTime(r.receivedAt, lang)],
    [L('createdAt'), formatDateTime(r.createdAt, lang)],
  ];
  if (r.refusalGrounds.length) {
    rows.push([L('refusalGrounds'), r.refusalGrounds.map((g) => t(`domain.refusalGrounds.${g}`, { defaultValue: g })).join('; ')]);
  }
  return (
    <section className="card facts" aria-labelledby="facts-title">
      <h2 id="facts-title">{t('exchange.detail.facts.title')}</h2>
      <dl className="facts-list">
        {rows.map(([k, v]) => (
          <div key={k} className="fact">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <h3>{L('informationSought')}</h3>
      <p className="prose">{r.informationSought}</p>
      <h3>{L('purpose')}</h3>
      <p className="prose">{r.purpose}</p>
    </section>
  );
}

export function ItemsPanel({ r }: { r: RequestDetail }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="items-title">
      <h2 id="items-title">{t('exchange.detail.items.title')}</h2>
      {r.items.length === 0 ? (
        <p className="muted">{t('exchange.detail.items.empty')}</p>
      ) : (
        <ol className="item-list">
          {r.items.map((i) => (
            <li key={i.id}>
              <p className="prose">{i.content}</p>
              <p className="muted small">
                {t(`domain.itemNatures.${i.nature}`)} · {t('exchange.detail.items.codes', { reliability: i.reliability, accuracy: i.accuracy })}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
