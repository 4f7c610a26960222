/**
 * The yearly statistics (Dir. (EU) 2023/977 Art 18) and the desk's own follow-up, as figures, charts and tables
 * (the tables are the charts' text alternative), with the CSV and XLSX downloads of the same numbers.
 */
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { StatisticsView } from '../../../shared/accountability.schemas.ts';
import { countryName } from '../../../shared/domain.ts';
import { api, downloadHref, errorMessage } from '../../api.ts';
import { currentLanguage } from '../../i18n.ts';
import { fieldId } from '../../ui/field.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';

const URGENT = '#b3261e';
const NORMAL = '#1f5fa8';

export function StatisticsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('accountability.statistics.title'));
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [s, setS] = useState<StatisticsView | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let live = true;
    setS(null);
    api<StatisticsView>('/api/statistics', { query: { year } })
      .then((v) => { if (live) { setS(v); setError(''); } })
      .catch((err) => { if (live) setError(errorMessage(err)); });
    return () => { live = false; };
  }, [year]);

  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  // A link cannot set Accept-Language: the download names the UI's language itself.
  const exportHref = (format: 'csv' | 'xlsx') => downloadHref(`/api/statistics/export.${format}`, { year });
  const empty = s && s.otherExchanges.length === 0 && s.sent === 0 && s.received.total === 0 && s.answered.total === 0 && s.refusals.total === 0;

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('accountability.statistics.title')}</h1>
        <div className="page-head-actions">
          <label htmlFor={fieldId('stat-year')}>{t('accountability.statistics.year')}</label>
          <select id={fieldId('stat-year')} value={year} onChange={(e) => setYear(Number(e.target.value))} data-testid="stat-year">
            {years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
          <a className="button button-secondary" href={exportHref('csv')} download data-testid="stat-csv">{t('accountability.statistics.exportCsv')}</a>
          <a className="button button-secondary" href={exportHref('xlsx')} download data-testid="stat-xlsx">{t('accountability.statistics.exportXlsx')}</a>
        </div>
      </div>
      <p className="muted">{t('accountability.statistics.intro')}</p>
      {error && <p className="alert alert-error" role="alert">{error}</p>}
      {!s && !error && <p className="muted">{t('common.loading')}</p>}
      {empty && <p className="empty">{t('accountability.statistics.noData', { year })}</p>}
      {s && (
        <>
          <section className="card" aria-labelledby="stat-art18" data-testid="stat-figures">
            <h2 id="stat-art18">{t('accountability.statistics.art18', { year: s.year })}</h2>
            <dl className="facts-list">
              <dt>{t('accountability.statistics.sent')}</dt><dd data-testid="stat-sent">{s.sent}</dd>
              <dt>{t('accountability.statistics.received')}</dt>
              <dd data-testid="stat-received">{t('accountability.statistics.split', { total: s.received.total, urgent: s.received.urgent, nonUrgent: s.received.nonUrgent })}</dd>
              <dt>{t('accountability.statistics.answered')}</dt>
              <dd>{t('accountability.statistics.split', { total: s.answered.total, urgent: s.answered.urgent, nonUrgent: s.answered.nonUrgent })}</dd>
              <dt>{t('accountability.statistics.refused')}</dt><dd>{s.refusals.total}</dd>
              <dt>{t('accountability.statistics.judicialDelays')}</dt><dd>{s.judicialDelays.total}</dd>
            </dl>
          </section>
          <ByCountry s={s} />
          <Grounds s={s} />
          <OtherExchanges s={s} />
          <section className="card" aria-labelledby="stat-operational" data-testid="stat-operational">
            <h2 id="stat-operational">{t('accountability.statistics.operational')}</h2>
            <dl className="facts-list">
              <dt>{t('accountability.statistics.withinDeadline')}</dt><dd>{s.operational.answeredWithinDeadline}</dd>
              <dt>{t('accountability.statistics.late')}</dt><dd>{s.operational.answeredLate}</dd>
              <dt>{t('accountability.statistics.withoutDeadline')}</dt><dd>{s.operational.withoutDeadline}</dd>
            </dl>
          </section>
          <Channels s={s} />
        </>
      )}
    </div>
  );
}

/** A chart, hidden from assistive technology: the table next to it carries the same figures. */
function Chart({ children, label }: { children: ReactElement; label: string }) {
  return (
    <figure className="chart" aria-hidden="true" title={label} style={{ width: '100%', height: 260, margin: '0 0 1rem' }}>
      <ResponsiveContainer width="100%" height="100%">{children}</ResponsiveContainer>
    </figure>
  );
}

function ByCountry({ s }: { s: StatisticsView }) {
  const { t } = useTranslation();
  const L = (k: string) => t(`accountability.statistics.${k}`);
  const lang = currentLanguage();
  if (!s.byCountry.length) return null;
  const rows = s.byCountry.map((c) => ({ ...c, name: countryName(c.country, lang) }));
  return (
    <section aria-labelledby="stat-country">
      <h2 id="stat-country">{L('byCountry')}</h2>
      <Chart label={L('byCountry')}>
        <BarChart data={rows} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar dataKey="receivedUrgent" stackId="r" name={`${L('received')} – ${L('urgent')}`} fill={URGENT} />
          <Bar dataKey="receivedNonUrgent" stackId="r" name={`${L('received')} – ${L('nonUrgent')}`} fill={NORMAL} />
          <Bar dataKey="refused" name={L('refused')} fill="#6b6b6b" />
        </BarChart>
      </Chart>
      <table className="queue-table" data-testid="stat-country-table">
        <thead>
          <tr>
            {['country', 'received', 'urgent', 'nonUrgent', 'answered', 'refused', 'judicialDelays'].map((k) => <th scope="col" key={k}>{L(k)}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.country}>
              <th scope="row">{c.name}</th>
              <td>{c.received}</td><td>{c.receivedUrgent}</td><td>{c.receivedNonUrgent}</td>
              <td>{c.answered}</td><td>{c.refused}</td><td>{c.judicialDelayExceeded}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Grounds({ s }: { s: StatisticsView }) {
  const { t } = useTranslation();
  const L = (k: string) => t(`accountability.statistics.${k}`);
  if (!s.refusals.total && !s.refusals.partialByGround.some((g) => g.total)) return null;
  const rows = s.refusals.byGround.map((g, i) => ({ ground: `6(1)(${g.ground})`, refused: g.total, partial: s.refusals.partialByGround[i]?.total ?? 0 }));
  return (
    <section aria-labelledby="stat-grounds">
      <h2 id="stat-grounds">{L('byGround')}</h2>
      <Chart label={L('byGround')}>
        <BarChart data={rows} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="ground" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar dataKey="refused" name={L('refused')} fill={URGENT} />
          <Bar dataKey="partial" name={L('partialByGround')} fill={NORMAL} />
        </BarChart>
      </Chart>
      <table className="queue-table">
        <thead><tr><th scope="col">{L('ground')}</th><th scope="col">{L('refused')}</th><th scope="col">{L('partialByGround')}</th></tr></thead>
        <tbody>
          {rows.map((r) => <tr key={r.ground}><th scope="row">{r.ground}</th><td>{r.refused}</td><td>{r.partial}</td></tr>)}
        </tbody>
      </table>
    </section>
  );
}

/** Exchanges outside Art 18 (other channels, third countries, own-initiative information), counted apart. */
function OtherExchanges({ s }: { s: StatisticsView }) {
  const { t } = useTranslation();
  const L = (k: string) => t(`accountability.statistics.${k}`);
  return (
    <section className="card" aria-labelledby="stat-other" data-testid="stat-other">
      <h2 id="stat-other">{L('other')}</h2>
      <p className="muted">{L('otherIntro')}</p>
      {s.otherExchanges.length === 0 ? (
        <p className="empty">{t('accountability.statistics.noOther', { year: s.year })}</p>
      ) : (
        <table className="queue-table" data-testid="stat-other-table">
          <thead>
            <tr><th scope="col">{L('regime')}</th><th scope="col">{L('channel')}</th><th scope="col">{L('otherReceived')}</th><th scope="col">{L('otherSent')}</th></tr>
          </thead>
          <tbody>
            {s.otherExchanges.map((o) => (
              <tr key={`${o.regime}/${o.channel}`}>
                <th scope="row">{t(`deadline.regimes.${o.regime}`, { defaultValue: o.regime })}</th>
                <td>{t(`domain.channels.${o.channel}`)}</td><td>{o.received}</td><td>{o.sent}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Channels({ s }: { s: StatisticsView }) {
  const { t } = useTranslation();
  const L = (k: string) => t(`accountability.statistics.${k}`);
  if (!s.operational.byChannel.length) return null;
  const rows = s.operational.byChannel.map((c) => ({ ...c, label: t(`domain.channelsShort.${c.channel}`, { defaultValue: c.channel }) }));
  return (
    <section aria-labelledby="stat-channels">
      <h2 id="stat-channels">{L('medianByChannel')}</h2>
      <Chart label={L('medianByChannel')}>
        <BarChart data={rows} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" />
          <YAxis />
          <Tooltip />
          <Bar dataKey="medianHoursToAnswer" name={L('medianHours')} fill={NORMAL} />
        </BarChart>
      </Chart>
      <table className="queue-table">
        <thead><tr><th scope="col">{L('channel')}</th><th scope="col">{L('answered')}</th><th scope="col">{L('medianHours')}</th></tr></thead>
        <tbody>
          {rows.map((c) => <tr key={c.channel}><th scope="row">{c.label}</th><td>{c.answered}</td><td>{c.medianHoursToAnswer ?? '–'}</td></tr>)}
        </tbody>
      </table>
    </section>
  );
}
