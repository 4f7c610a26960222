/**
 * Development cooperation ("utvecklingssamarbete"): partner-country projects, their budget and disbursements,
 * results framework, activities, risks, markers and lessons — the API contract shared by server and web.
 * Coded lists follow the IATI Standard 2.03 codelists so that the IATI export needs no translation table.
 */
import { z } from 'zod';
import { countryCode, partialDate } from './exchange.schemas.ts';
import { justification } from './accountability.schemas.ts';

/** Project statuses; each maps to one IATI ActivityStatus code (1 Pipeline, 2 Implementation, 4 Closed, 5 Cancelled). */
export const PROJECT_STATUSES = ['proposed', 'active', 'closed', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const IATI_ACTIVITY_STATUS: Record<ProjectStatus, string> = { proposed: '1', active: '2', closed: '4', cancelled: '5' };

/** OECD DAC 5-digit purpose codes (IATI Sector vocabulary 1) for police and justice cooperation. */
export const DAC_SECTORS = ['15110', '15130', '15160', '15170', '15180', '15210', '15220'] as const;
export type DacSector = (typeof DAC_SECTORS)[number];

/** IATI PolicySignificance 0 not targeted, 1 significant objective, 2 principal objective. */
export const MARKER_SIGNIFICANCE = ['0', '1', '2'] as const;
export type MarkerSignificance = (typeof MARKER_SIGNIFICANCE)[number];

/** IATI OrganisationType codes of partners this unit works with. */
export const PARTNER_TYPES = ['10', '15', '21', '22', '40', '80'] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

/** IATI ResultType 1 output, 2 outcome, 3 impact. */
export const RESULT_TYPES = ['output', 'outcome', 'impact'] as const;
export type ResultType = (typeof RESULT_TYPES)[number];
export const IATI_RESULT_TYPE: Record<ResultType, string> = { output: '1', outcome: '2', impact: '3' };

/** IATI IndicatorMeasure 1 unit, 2 percentage. */
export const INDICATOR_MEASURES = ['unit', 'percentage'] as const;
export type IndicatorMeasure = (typeof INDICATOR_MEASURES)[number];

/** IATI BudgetStatus 1 indicative, 2 committed. */
export const BUDGET_STATUSES = ['indicative', 'committed'] as const;
export type BudgetStatus = (typeof BUDGET_STATUSES)[number];

export const ACTIVITY_STATUSES = ['planned', 'ongoing', 'done'] as const;
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).optional().nullable();
/** A whole calendar date (YYYY-MM-DD). */
export const fullDate = partialDate.refine((s) => s.length === 10, { message: 'date_invalid' });
const optDate = fullDate.optional().nullable();
const version = z.number().int().min(1);
/** Amounts in whole units of the project's currency (SEK). */
const amount = z.number().int().min(1).max(10_000_000_000);

export const createProjectInput = z.object({
  title: text(300),
  description: text(5000),
  partnerCountry: countryCode,
  partnerName: text(300),
  /** The partner's IATI organisation identifier, when it has one (e.g. MD-COA-1234567). */
  partnerRef: optText(100),
  partnerType: z.enum(PARTNER_TYPES),
  sector: z.enum(DAC_SECTORS),
  genderMarker: z.enum(MARKER_SIGNIFICANCE),
  humanRightsMarker: z.enum(MARKER_SIGNIFICANCE),
  startDate: fullDate,
  endDate: fullDate,
});
export type CreateProjectInput = z.infer<typeof createProjectInput>;

/** Named actions on a project: each is `POST /api/development/projects/:id/<action>` with the version the user saw. */
export const projectActionBodies = {
  update: createProjectInput.partial().extend({ version }),
  approve_start: z.object({ version, decision: text(2000) }),
  close: z.object({ version, note: optText(2000) }),
  cancel: z.object({ version, reason: text(2000) }),
  add_budget: z.object({ version, periodStart: fullDate, periodEnd: fullDate, amount, status: z.enum(BUDGET_STATUSES) }),
  add_disbursement: z.object({ version, date: fullDate, amount, description: optText(500) }),
  add_result: z.object({ version, type: z.enum(RESULT_TYPES), title: text(300), description: optText(2000) }),
  add_indicator: z.object({
    version, resultId: z.uuid(), title: text(300), measure: z.enum(INDICATOR_MEASURES), ascending: z.boolean().default(true),
    baselineYear: z.number().int().min(1990).max(2100), baselineValue: z.number().min(0).max(1e12),
  }),
  /** A target and (when measured) the actual value of an indicator for one period; an actual needs its period. */
  record_period: z.object({
    version, indicatorId: z.uuid(), periodStart: optDate, periodEnd: optDate,
    target: z.number().min(0).max(1e12).optional().nullable(), actual: z.number().min(0).max(1e12).optional().nullable(),
  }),
  add_activity: z.object({ version, title: text(300), startDate: fullDate, endDate: fullDate, status: z.enum(ACTIVITY_STATUSES) }),
  add_risk: z.object({ version, description: text(2000), likelihood: z.enum(RISK_LEVELS), impact: z.enum(RISK_LEVELS), mitigation: text(2000) }),
  add_lesson: z.object({ version, lesson: text(4000) }),
  add_contact: z.object({ version, fullName: text(200), organisation: text(300), role: optText(200), email: z.email().max(200).optional().nullable(), phone: optText(50) }),
} as const;
export type ProjectActionName = keyof typeof projectActionBodies;
export const PROJECT_ACTIONS = Object.keys(projectActionBodies) as ProjectActionName[];

export const listProjectsQuery = z.object({ status: z.enum(PROJECT_STATUSES).optional() });
export const contactsQuery = z.object({ justification });

const period = z.object({ id: z.uuid(), periodStart: z.string(), periodEnd: z.string(), target: z.number().nullable(), actual: z.number().nullable() });
const indicator = z.object({
  id: z.uuid(), title: z.string(), measure: z.enum(INDICATOR_MEASURES), ascending: z.boolean(), baselineYear: z.number(),
  baselineValue: z.number(), periods: z.array(period),
});

export const projectSummary = z.object({
  id: z.uuid(), reference: z.string(), title: z.string(), partnerCountry: z.string(), partnerName: z.string(), sector: z.enum(DAC_SECTORS),
  status: z.enum(PROJECT_STATUSES), startDate: z.string(), endDate: z.string(), budgetTotal: z.number(), disbursedTotal: z.number(),
});
export const projectList = z.object({ items: z.array(projectSummary) });

export const projectDetail = projectSummary.extend({
  version: z.number(), description: z.string(), partnerRef: z.string().nullable(), partnerType: z.enum(PARTNER_TYPES),
  genderMarker: z.enum(MARKER_SIGNIFICANCE), humanRightsMarker: z.enum(MARKER_SIGNIFICANCE), currency: z.string(),
  approvedBy: z.string().nullable(), approvedAt: z.string().nullable(), approvalDecision: z.string().nullable(),
  budgets: z.array(z.object({ id: z.uuid(), periodStart: z.string(), periodEnd: z.string(), amount: z.number(), status: z.enum(BUDGET_STATUSES) })),
  disbursements: z.array(z.object({ id: z.uuid(), date: z.string(), amount: z.number(), description: z.string().nullable() })),
  results: z.array(z.object({ id: z.uuid(), type: z.enum(RESULT_TYPES), title: z.string(), description: z.string().nullable(), indicators: z.array(indicator) })),
  activities: z.array(z.object({ id: z.uuid(), title: z.string(), startDate: z.string(), endDate: z.string(), status: z.enum(ACTIVITY_STATUSES) })),
  risks: z.array(z.object({ id: z.uuid(), description: z.string(), likelihood: z.enum(RISK_LEVELS), impact: z.enum(RISK_LEVELS), mitigation: z.string() })),
  lessons: z.array(z.object({ id: z.uuid(), lesson: z.string(), recordedAt: z.string() })),
  /** Contact persons are personal data: only their number here; names through the contacts call with a justification. */
  contactCount: z.number(),
  allowedActions: z.array(z.enum(PROJECT_ACTIONS as [ProjectActionName, ...ProjectActionName[]])),
});
export type ProjectDetail = z.infer<typeof projectDetail>;
export type ProjectSummary = z.infer<typeof projectSummary>;

export const contactList = z.object({
  items: z.array(z.object({ id: z.uuid(), fullName: z.string(), organisation: z.string(), role: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() })),
});
export type ContactList = z.infer<typeof contactList>;
