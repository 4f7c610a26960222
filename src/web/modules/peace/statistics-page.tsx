/**
 * Peace-operations statistics at /peace/statistics: tours by organisation and mission and nominations by outcome,
 * split by gender, as charts and tables (the tables are the charts' text alternative), with CSV and XLSX downloads.
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PeaceStatistics } from '../../../shared/peace.schemas.ts';
import { api, downloadHref, errorMessage } from '../../api.ts';
import { fieldId } from '../../ui/field.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';

const COLOURS = { female: '#8a2a6b', male: '#1f5fa8', unknown: '#6b6b6b' } as const;
type Row = { label: string; total: number; female: number; male: number; unknown: number };

export function PeaceStatisticsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('peace.statistics.title'));
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [s, setS] = useState<PeaceStatistics | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let live = true;
    api<PeaceStatistics>('/api/peace/statistics', { query: { year } }).then((v) => live && setS(v), (e) => live && setError(errorMessage(e)));
    return () => { live = false; };
  }, [year]);
  const L = (k: string) => t(`peace.statistics.${k}`);
  const years = Array.from({ length: 8 }, (_, i) => thisYear + 1 - i);
  const nominations: Row[] = s ? (['nominated', 'selected', 'notSelected'] as const).map((k) => {
    const by = (g: string) => s.nominations.find((n) => n.gender === g)?.[k] ?? 0;
    return { label: L(k), female: by('female'), male: by('male'), unknown: by('unknown'), total: by('female') + by('male') + by('unknown') };
  }) : [];
  return (
    <div className="page">
      <p className="breadcrumb"><Link to="/peace">{t('peace.common.back')}</Link></p>
      <div className="page-head">
        <h1>{L('title')}</h1>
        <div className="page-head-actions">
          <label htmlFor={fieldId('peace-year')}>{L('year')}</label>
          <select id={fieldId('peace-year')} value={year} onChange={(e) => setYear(Number(e.target.value))} data-testid="peace-year">
            {years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
          <a className="button button-secondary" href={downloadHref('/api/peace/statistics/export.csv', { year })} download>{L('exportCsv')}</a>
          <a className="button button-secondary" href={downloadHref('/api/peace/statistics/export.xlsx', { year })} download>{L('exportXlsx')}</a>
        </div>
      </div>
      <p className="muted">{L('intro')}</p>
      {error && <p className="alert alert-error" role="alert">{error}</p>}
      {s && s.deployments.total === 0 && nominations.every((n) => !n.total) && <p className="empty">{t('peace.statistics.noData', { year })}</p>}
      {s && (
        <>
          <Split id="peace-stat-org" title={L('byOrganisation')} rows={[{ label: L('total'), ...s.deployments }, ...s.byOrganisation.map((o) => ({ label: t(`peace.organisation.${o.organisation}`), ...o }))]} />
          <Split id="peace-stat-mission" title={L('byMission')} rows={s.byMission.map((m) => ({ label: m.missionCode, ...m }))} />
          <Split id="peace-stat-nom" title={L('nominationsSection')} rows={nominations} />
        </>
      )}
    </div>
  );
}

/** A stacked bar chart by gender (hidden from assistive technology) and the table with the same figures. */
function Split({ id, title, rows }: { id: string; title: string; rows: Row[] }) {
  const { t } = useTranslation();
  if (!rows.length) return null;
  const G = (g: string) => t(`peace.gender.${g}`);
  return (
    <section aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{title}</h2>
      <figure className="chart" aria-hidden="true" title={title} style={{ width: '100%', height: 240, margin: '0 0 1rem' }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            {(['female', 'male', 'unknown'] as const).map((g) => <Bar key={g} dataKey={g} stackId="g" name={G(g)} fill={COLOURS[g]} />)}
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <table className="queue-table">
        <thead><tr><th scope="col">{title}</th>{['total', 'female', 'male', 'unknown'].map((k) => <th scope="col" key={k}>{t(`peace.statistics.columns.${k}`)}</th>)}</tr></thead>
        <tbody>{rows.map((r) => <tr key={r.label}><th scope="row">{r.label}</th><td>{r.total}</td><td>{r.female}</td><td>{r.male}</td><td>{r.unknown}</td></tr>)}</tbody>
      </table>
    </section>
  );
}
