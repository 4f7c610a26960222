/**
 * The IATI activity export (IATI Standard 2.03, https://iatistandard.org/en/iati-standard/203/activity-standard/):
 * one <iati-activity> per project, written with an XML builder (escaping is the library's job, not ours).
 * The element order is the schema's sequence. Codelists used: ActivityStatus, ActivityDateType, OrganisationRole,
 * OrganisationType, Sector vocabulary 1 (DAC 5-digit), PolicyMarker vocabulary 1 code 1 (gender equality) with
 * PolicySignificance, BudgetType/BudgetStatus, TransactionType 3 (disbursement), ResultType, IndicatorMeasure.
 * The DAC policy markers have no human-rights marker, so it is published in the reporting organisation's own
 * vocabulary (99) as code HR with a narrative. Contact persons are never exported (personal data): only the
 * organisation is named in contact-info.
 */
import { create } from 'xmlbuilder2';
import { IATI_ACTIVITY_STATUS, IATI_RESULT_TYPE, type ProjectDetail } from '../../../shared/development.schemas.ts';

type XMLBuilder = ReturnType<typeof create>;

export interface ReportingOrg {
  ref: string;
  name: string;
  type: string;
}

export interface IatiProject {
  detail: ProjectDetail;
  lastUpdated: Date;
  closedAt: Date | null;
}

const narrative = (parent: XMLBuilder, text: string, lang?: string) => parent.ele('narrative', lang ? { 'xml:lang': lang } : {}).txt(text).up();
const num = (n: number) => String(n);
const day = (d: Date) => d.toISOString().slice(0, 10);

/** The activity identifier: the reporting organisation's identifier, a hyphen, the project reference. */
export const iatiIdentifier = (org: ReportingOrg, reference: string) => `${org.ref}-${reference}`;

function activity(root: XMLBuilder, org: ReportingOrg, { detail: p, lastUpdated, closedAt }: IatiProject): void {
  const a = root.ele('iati-activity', { 'last-updated-datetime': lastUpdated.toISOString(), 'xml:lang': 'sv', 'default-currency': p.currency });
  a.ele('iati-identifier').txt(iatiIdentifier(org, p.reference));
  narrative(a.ele('reporting-org', { ref: org.ref, type: org.type }), org.name);
  narrative(a.ele('title'), p.title);
  narrative(a.ele('description', { type: '1' }), p.description);
  // OrganisationRole 3 extending (the police run the cooperation), 4 implementing (the partner).
  narrative(a.ele('participating-org', { ref: org.ref, type: org.type, role: '3' }), org.name);
  narrative(a.ele('participating-org', { ...(p.partnerRef ? { ref: p.partnerRef } : {}), type: p.partnerType, role: '4' }), p.partnerName);
  a.ele('activity-status', { code: IATI_ACTIVITY_STATUS[p.status] });
  // ActivityDateType 1 planned start, 2 actual start, 3 planned end, 4 actual end.
  a.ele('activity-date', { type: '1', 'iso-date': p.startDate });
  if (p.approvedAt) a.ele('activity-date', { type: '2', 'iso-date': p.approvedAt.slice(0, 10) > p.startDate ? p.approvedAt.slice(0, 10) : p.startDate });
  a.ele('activity-date', { type: '3', 'iso-date': p.endDate });
  if (closedAt && p.status === 'closed') a.ele('activity-date', { type: '4', 'iso-date': day(closedAt) });
  narrative(a.ele('contact-info', { type: '1' }).ele('organisation'), org.name);
  a.ele('recipient-country', { code: p.partnerCountry, percentage: '100' });
  a.ele('sector', { vocabulary: '1', code: p.sector, percentage: '100' });
  a.ele('policy-marker', { vocabulary: '1', code: '1', significance: p.genderMarker });
  narrative(a.ele('policy-marker', { vocabulary: '99', code: 'HR', significance: p.humanRightsMarker }), 'Mänskliga rättigheter');
  // CollaborationType 1 bilateral, FlowType 10 ODA, FinanceType 110 standard grant, AidType C01 project-type, TiedStatus 5 untied.
  a.ele('collaboration-type', { code: '1' });
  a.ele('default-flow-type', { code: '10' });
  a.ele('default-finance-type', { code: '110' });
  a.ele('default-aid-type', { code: 'C01', vocabulary: '1' });
  a.ele('default-tied-status', { code: '5' });
  for (const b of p.budgets) {
    // BudgetType 1 original; BudgetStatus 1 indicative, 2 committed.
    const el = a.ele('budget', { type: '1', status: b.status === 'committed' ? '2' : '1' });
    el.ele('period-start', { 'iso-date': b.periodStart });
    el.ele('period-end', { 'iso-date': b.periodEnd });
    el.ele('value', { currency: p.currency, 'value-date': b.periodStart }).txt(num(b.amount));
  }
  for (const d of p.disbursements) {
    const tr = a.ele('transaction');
    tr.ele('transaction-type', { code: '3' });
    tr.ele('transaction-date', { 'iso-date': d.date });
    tr.ele('value', { currency: p.currency, 'value-date': d.date }).txt(num(d.amount));
    if (d.description) narrative(tr.ele('description'), d.description);
    narrative(tr.ele('provider-org', { ref: org.ref, type: org.type }), org.name);
    narrative(tr.ele('receiver-org', { ...(p.partnerRef ? { ref: p.partnerRef } : {}), type: p.partnerType }), p.partnerName);
  }
  // IATI requires at least one indicator per result: an objective without indicators is not exported yet.
  for (const r of p.results.filter((x) => x.indicators.length > 0)) {
    const res = a.ele('result', { type: IATI_RESULT_TYPE[r.type], 'aggregation-status': 'false' });
    narrative(res.ele('title'), r.title);
    if (r.description) narrative(res.ele('description'), r.description);
    for (const i of r.indicators) {
      const ind = res.ele('indicator', { measure: i.measure === 'percentage' ? '2' : '1', ascending: i.ascending ? '1' : '0' });
      narrative(ind.ele('title'), i.title);
      ind.ele('baseline', { year: String(i.baselineYear), value: num(i.baselineValue) });
      for (const per of i.periods) {
        const el = ind.ele('period');
        el.ele('period-start', { 'iso-date': per.periodStart });
        el.ele('period-end', { 'iso-date': per.periodEnd });
        if (per.target != null) el.ele('target', { value: num(per.target) });
        if (per.actual != null) el.ele('actual', { value: num(per.actual) });
      }
    }
  }
}

/** An <iati-activities> document (version 2.03) with one activity per project. */
export function iatiDocument(org: ReportingOrg, projects: IatiProject[], generatedAt: Date): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('iati-activities', { version: '2.03', 'generated-datetime': generatedAt.toISOString() });
  for (const p of projects) activity(root, org, p);
  return root.end({ prettyPrint: true });
}
