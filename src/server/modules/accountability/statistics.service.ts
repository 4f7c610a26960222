/**
 * The yearly statistics (Dir. (EU) 2023/977 Art 18, reported by 1 March for the previous calendar year)
 * and operational figures, as one view that the API, the charts and the CSV/XLSX exports all share.
 */
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import type { StatisticsView } from '../../../shared/accountability.schemas.ts';
import { CHANNELS, REFUSAL_GROUNDS, type Channel, type RefusalGround } from '../../../shared/domain.ts';
import type { Ctx } from '../../platform/context.ts';
import { t } from '../../platform/i18n.ts';
import * as repo from './statistics.repository.ts';

/** The calendar year in Swedish time (a request received at 00:30 on 1 January in Stockholm counts in the new year). */
export function yearWindow(year: number, now: Date): repo.YearWindow {
  const start = DateTime.fromObject({ year, month: 1, day: 1 }, { zone: 'Europe/Stockholm' });
  return { from: start.toUTC().toISO()!, to: start.plus({ years: 1 }).toUTC().toISO()!, now: now.toISOString() };
}

/** Every Art 18 figure and the operational ones for a calendar year; a year without data gives zeros. */
export async function statisticsForYear(ctx: Ctx, year: number): Promise<StatisticsView> {
  const w = yearWindow(year, ctx.clock.now());
  const [sent, received, answered, refused, grounds, partial, judicial, timely, median, other] = [
    await repo.countSent(ctx.db, w), await repo.receivedBy(ctx.db, w), await repo.answeredBy(ctx.db, w),
    await repo.refusedByCountry(ctx.db, w), await repo.refusalGrounds(ctx.db, w, 'refused'),
    await repo.refusalGrounds(ctx.db, w, 'answered'), await repo.judicialDelaysExceeded(ctx.db, w),
    await repo.timeliness(ctx.db, w), await repo.medianByChannel(ctx.db, w), await repo.otherExchanges(ctx.db, w),
  ];
  const sum = (rows: { n: number }[]) => rows.reduce((a, r) => a + Number(r.n), 0);
  const split = (rows: repo.CountryUrgency[]) => ({
    total: sum(rows), urgent: sum(rows.filter((r) => r.urgent)), nonUrgent: sum(rows.filter((r) => !r.urgent)),
  });
  const countries = [...new Set([...received, ...answered, ...refused, ...judicial].map((r) => r.country))].sort();
  const of = (rows: { country: string; n: number }[], c: string, pred: (r: never) => boolean = () => true) =>
    sum(rows.filter((r) => r.country === c && pred(r as never)));
  const byGround = (rows: { ground: string; n: number }[]) => REFUSAL_GROUNDS
    .map((g) => ({ ground: g as RefusalGround, total: sum(rows.filter((r) => r.ground === g)) }));
  return {
    year,
    sent,
    received: split(received),
    answered: split(answered),
    byCountry: countries.map((c) => ({
      country: c,
      received: of(received, c), receivedUrgent: of(received, c, (r: repo.CountryUrgency) => r.urgent), receivedNonUrgent: of(received, c, (r: repo.CountryUrgency) => !r.urgent),
      answered: of(answered, c), answeredUrgent: of(answered, c, (r: repo.CountryUrgency) => r.urgent), answeredNonUrgent: of(answered, c, (r: repo.CountryUrgency) => !r.urgent),
      refused: of(refused, c), judicialDelayExceeded: of(judicial, c),
    })),
    refusals: {
      total: sum(refused),
      byCountry: refused.map((r) => ({ country: r.country, total: Number(r.n) })).sort((a, b) => a.country.localeCompare(b.country)),
      byGround: byGround(grounds),
      partialByGround: byGround(partial),
    },
    judicialDelays: {
      total: sum(judicial),
      byCountry: judicial.map((r) => ({ country: r.country, total: Number(r.n) })).sort((a, b) => a.country.localeCompare(b.country)),
    },
    otherExchanges: other.filter((o) => (CHANNELS as readonly string[]).includes(o.channel))
      .map((o) => ({ regime: o.regime, channel: o.channel as Channel, received: Number(o.received), sent: Number(o.sent) })),
    operational: {
      answeredWithinDeadline: Number(timely.within), answeredLate: Number(timely.late), withoutDeadline: Number(timely.no_deadline),
      byChannel: median.filter((m) => (CHANNELS as readonly string[]).includes(m.channel)).map((m) => ({
        channel: m.channel as Channel, answered: Number(m.n),
        medianHoursToAnswer: m.median_hours === null ? null : Math.round(Number(m.median_hours) * 100) / 100,
      })),
    },
  };
}

/** The figures as flat rows (section, key, breakdown, value): one shape for CSV and XLSX. */
export function statisticsRows(s: StatisticsView, locale: Ctx['locale']): [string, string, string, number | string][] {
  const L = (k: string) => t(locale, `accountability.statistics.export.${k}`);
  const rows: [string, string, string, number | string][] = [
    [L('art18a'), L('sent'), '', s.sent],
    [L('art18b'), L('received'), L('total'), s.received.total],
    [L('art18b'), L('received'), L('urgent'), s.received.urgent],
    [L('art18b'), L('received'), L('nonUrgent'), s.received.nonUrgent],
    [L('art18b'), L('answered'), L('total'), s.answered.total],
    [L('art18b'), L('answered'), L('urgent'), s.answered.urgent],
    [L('art18b'), L('answered'), L('nonUrgent'), s.answered.nonUrgent],
  ];
  for (const c of s.byCountry) {
    rows.push([L('art18b'), L('receivedByCountry'), c.country, c.received]);
    rows.push([L('art18b'), L('receivedUrgentByCountry'), c.country, c.receivedUrgent]);
    rows.push([L('art18b'), L('receivedNonUrgentByCountry'), c.country, c.receivedNonUrgent]);
    rows.push([L('art18b'), L('answeredByCountry'), c.country, c.answered]);
    rows.push([L('art18b'), L('answeredUrgentByCountry'), c.country, c.answeredUrgent]);
    rows.push([L('art18b'), L('answeredNonUrgentByCountry'), c.country, c.answeredNonUrgent]);
  }
  rows.push([L('art18c'), L('refused'), L('total'), s.refusals.total]);
  for (const c of s.refusals.byCountry) rows.push([L('art18c'), L('refusedByCountry'), c.country, c.total]);
  for (const g of s.refusals.byGround) rows.push([L('art18c'), L('refusedByGround'), `6(1)(${g.ground})`, g.total]);
  for (const g of s.refusals.partialByGround) rows.push([L('art18c'), L('partialByGround'), `6(1)(${g.ground})`, g.total]);
  rows.push([L('art18d'), L('judicialDelays'), L('total'), s.judicialDelays.total]);
  for (const c of s.judicialDelays.byCountry) rows.push([L('art18d'), L('judicialDelaysByCountry'), c.country, c.total]);
  for (const o of s.otherExchanges) {
    const breakdown = `${t(locale, `deadline.regimes.${o.regime}`)} / ${t(locale, `domain.channels.${o.channel}`)}`;
    rows.push([L('other'), L('otherReceived'), breakdown, o.received]);
    rows.push([L('other'), L('otherSent'), breakdown, o.sent]);
  }
  rows.push([L('operational'), L('withinDeadline'), '', s.operational.answeredWithinDeadline]);
  rows.push([L('operational'), L('late'), '', s.operational.answeredLate]);
  rows.push([L('operational'), L('withoutDeadline'), '', s.operational.withoutDeadline]);
  for (const c of s.operational.byChannel) {
    const channel = t(locale, `domain.channelsShort.${c.channel}`);
    rows.push([L('operational'), L('answeredByChannel'), channel, c.answered]);
    rows.push([L('operational'), L('medianHours'), channel, c.medianHoursToAnswer ?? '']);
  }
  return rows;
}

const csvCell = (v: string | number) => {
  const s = String(v);
  // A leading =, +, - or @ would run as a formula in a spreadsheet (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** Renders rows as RFC 4180 CSV with a header, BOM-prefixed so spreadsheet programs read UTF-8. */
export function toCsv(header: string[], rows: (string | number)[][]): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The year's statistics as CSV. */
export function statisticsCsv(s: StatisticsView, locale: Ctx['locale']): string {
  const L = (k: string) => t(locale, `accountability.statistics.export.${k}`);
  return toCsv([L('section'), L('figure'), L('breakdown'), L('value')], statisticsRows(s, locale));
}

/** The year's statistics as an XLSX workbook: one sheet of all figures, one per country. */
export async function statisticsXlsx(s: StatisticsView, locale: Ctx['locale']): Promise<Buffer> {
  const L = (k: string) => t(locale, `accountability.statistics.export.${k}`);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Polsam';
  const all = wb.addWorksheet(`${L('sheetAll')} ${s.year}`);
  all.columns = [
    { header: L('section'), width: 28 }, { header: L('figure'), width: 44 }, { header: L('breakdown'), width: 16 }, { header: L('value'), width: 12 },
  ];
  for (const r of statisticsRows(s, locale)) all.addRow(r);
  all.getRow(1).font = { bold: true };
  const byCountry = wb.addWorksheet(L('sheetCountries'));
  byCountry.columns = [
    L('country'), L('received'), L('urgent'), L('nonUrgent'), L('answered'), L('answeredUrgent'), L('answeredNonUrgent'), L('refused'), L('judicialDelays'),
  ].map((header) => ({ header, width: 16 }));
  for (const c of s.byCountry) {
    byCountry.addRow([c.country, c.received, c.receivedUrgent, c.receivedNonUrgent, c.answered, c.answeredUrgent, c.answeredNonUrgent, c.refused, c.judicialDelayExceeded]);
  }
  byCountry.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
