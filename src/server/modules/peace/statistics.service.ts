/**
 * Deployment and gender-balance statistics per calendar year: tours by organisation and mission, and nominations
 * with their outcome, by the officers' gender (CoE-Civ: track gender balance). One view for the API, the charts
 * and the CSV/XLSX exports; counts only, no names.
 */
import ExcelJS from 'exceljs';
import { GENDERS } from '../../../shared/domain.ts';
import { ORGANISATIONS, type Organisation, type PeaceStatistics } from '../../../shared/peace.schemas.ts';
import type { Ctx } from '../../platform/context.ts';
import { t } from '../../platform/i18n.ts';
import { toCsv } from '../accountability/index.ts';
import { requirePeace, type ActorCtx } from './peace.context.ts';
import * as repo from './peace.repository.ts';

type Split = { total: number; female: number; male: number; unknown: number };

function split(rows: { gender: string; n: number }[]): Split {
  const s: Split = { total: 0, female: 0, male: 0, unknown: 0 };
  for (const r of rows) {
    const g = (GENDERS as readonly string[]).includes(r.gender) ? (r.gender as keyof Split) : 'unknown';
    s[g] += Number(r.n);
    s.total += Number(r.n);
  }
  return s;
}

/** Tours that share a day with the year and nominations to calls whose deadline fell in it. */
export async function peaceStatistics(ctx: ActorCtx, year: number): Promise<PeaceStatistics> {
  requirePeace(ctx);
  const [tours, nominations] = [await repo.toursInYear(ctx.db, year), await repo.nominationsInYear(ctx.db, year)];
  const missions = [...new Map(tours.map((r) => [r.mission_code, r.organisation])).entries()];
  return {
    year,
    deployments: split(tours),
    byOrganisation: ORGANISATIONS.filter((o) => tours.some((r) => r.organisation === o)).map((o) => ({ organisation: o, ...split(tours.filter((r) => r.organisation === o)) })),
    byMission: missions.map(([code, org]) => ({ missionCode: code, organisation: org as Organisation, ...split(tours.filter((r) => r.mission_code === code)) })),
    nominations: GENDERS.map((g) => {
      const of = (s: string) => nominations.filter((r) => r.gender === g && r.status === s).reduce((a, r) => a + Number(r.n), 0);
      return { gender: g, nominated: of('nominated') + of('selected') + of('not_selected'), selected: of('selected'), notSelected: of('not_selected') };
    }),
  };
}

/** The figures as flat rows (section, breakdown, total, women, men, unknown): one shape for CSV and XLSX. */
export function statisticsRows(s: PeaceStatistics, locale: Ctx['locale']): (string | number)[][] {
  const L = (k: string) => t(locale, `peace.statistics.${k}`);
  const row = (section: string, label: string, x: Split) => [section, label, x.total, x.female, x.male, x.unknown];
  return [
    row(L('deployments'), L('total'), s.deployments),
    ...s.byOrganisation.map((o) => row(L('byOrganisation'), t(locale, `peace.organisation.${o.organisation}`), o)),
    ...s.byMission.map((m) => row(L('byMission'), m.missionCode, m)),
    ...(['nominated', 'selected', 'notSelected'] as const).map((k) => {
      const by = (g: string) => s.nominations.find((n) => n.gender === g)?.[k] ?? 0;
      return [L('nominationsSection'), L(k), by('female') + by('male') + by('unknown'), by('female'), by('male'), by('unknown')];
    }),
  ];
}

const header = (locale: Ctx['locale']) => ['section', 'breakdown', 'total', 'female', 'male', 'unknown'].map((k) => t(locale, `peace.statistics.columns.${k}`));

export function statisticsCsv(s: PeaceStatistics, locale: Ctx['locale']): string {
  return toCsv(header(locale), statisticsRows(s, locale));
}

export async function statisticsXlsx(s: PeaceStatistics, locale: Ctx['locale']): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Polsam';
  const sheet = wb.addWorksheet(`${t(locale, 'peace.statistics.title')} ${s.year}`.slice(0, 31));
  sheet.columns = header(locale).map((h, i) => ({ header: h, width: i < 2 ? 32 : 12 }));
  for (const r of statisticsRows(s, locale)) sheet.addRow(r);
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
