/**
 * The peace-operations API contract (the Police's utlandsstyrka): missions, calls for contributions, the roster of
 * pre-identified candidates, nominations and tours of duty. Modelled on the EEAS Goalkeeper platform (Registrar:
 * roster, Schoolmaster: training, Headhunter: calls) and UN AMS/SAAT practice. Labels live under `peace.*`.
 */
import { z } from 'zod';
import { GENDERS } from './domain.ts';
import { countryCode } from './exchange.schemas.ts';
import { justification } from './accountability.schemas.ts';

export const ORGANISATIONS = ['un', 'eu', 'osce', 'other'] as const;
export type Organisation = (typeof ORGANISATIONS)[number];

/** Common European Framework of Reference for Languages. */
export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type CefrLevel = (typeof CEFR_LEVELS)[number];
/** Languages missions ask for (English required; French and Spanish also wanted: svenskpolis.se 2022 nr 4). */
export const LANGUAGES = ['en', 'fr', 'es', 'ar', 'ru', 'pt', 'de', 'sv'] as const;

/** UN AMS parts as a SAAT tests them (DPO/DOS SOP 2019.19): language, driving, computer, interview; firearms (older). */
export const ASSESSMENT_PARTS = ['english', 'french', 'driving', 'firearms', 'computer', 'interview'] as const;
/** eHEST is required before ESDC pre-deployment training; UN missions have their own PDT. */
export const CERTIFICATE_KINDS = ['ehest', 'esdc_pdt', 'un_pdt', 'hostile_environment', 'first_aid'] as const;
export const CALL_STATUSES = ['open', 'closed'] as const;
export const NOMINATION_STATUSES = ['proposed', 'nominated', 'rejected', 'selected', 'not_selected'] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];
export const DEPLOYMENT_STATUSES = ['active', 'ended'] as const;
export const MEDICAL_STATUSES = ['pending', 'fit', 'fit_with_restrictions', 'unfit'] as const;
export const END_REASONS = ['completed', 'repatriated', 'mission_closed', 'personal'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).optional().nullable().transform((v) => (v ? v : null));
const version = z.number().int().min(1);

/** A calendar date (YYYY-MM-DD) that exists. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'peace.date_format' }).refine((s) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= '1950-01-01' && s <= '2100-12-31';
}, { message: 'peace.date_invalid' });

/** A later date must not come before an earlier one: the issue is put on the later field, in both languages. */
const ordered = <T extends Record<string, unknown>>(from: keyof T & string, to: keyof T & string) => (v: T, ctx: z.RefinementCtx) => {
  const a = v[from];
  const b = v[to];
  if (typeof a === 'string' && typeof b === 'string' && b < a) ctx.addIssue({ code: 'custom', path: [to], message: 'peace.dates_out_of_order' });
};

// ---- missions and calls ----

export const missionInput = z.object({
  code: text(40),
  name: text(200),
  organisation: z.enum(ORGANISATIONS),
  countryCode,
  mandate: text(4000),
  startDate: isoDate,
  endDate: isoDate.optional().nullable(),
}).superRefine(ordered('startDate', 'endDate'));
export type MissionInput = z.infer<typeof missionInput>;

export const postInput = z.object({
  title: text(200),
  profile: optText(2000),
  positions: z.number().int().min(1).max(50),
  language: z.enum(LANGUAGES).optional().nullable(),
  languageLevel: z.enum(CEFR_LEVELS).optional().nullable(),
});

export const callInput = z.object({
  reference: text(60),
  title: text(200),
  deadline: isoDate,
  posts: z.array(postInput).min(1).max(30),
});
export type CallInput = z.infer<typeof callInput>;

export const missionSummary = z.object({
  id: z.uuid(), code: z.string(), name: z.string(), organisation: z.enum(ORGANISATIONS), countryCode: z.string(),
  startDate: z.string(), endDate: z.string().nullable(), openCalls: z.number(), activeDeployments: z.number(),
});
export const missionList = z.object({ items: z.array(missionSummary) });

export const callSummary = z.object({
  id: z.uuid(), missionId: z.uuid(), reference: z.string(), title: z.string(), deadline: z.string(), status: z.enum(CALL_STATUSES),
  posts: z.number(), nominations: z.number(),
});
export const missionDetail = missionSummary.extend({ mandate: z.string(), version: z.number(), calls: z.array(callSummary) });

export const postView = z.object({
  id: z.uuid(), title: z.string(), profile: z.string().nullable(), positions: z.number(), language: z.string().nullable(), languageLevel: z.string().nullable(),
});

export const nominationActions = ['nominate', 'reject', 'record_outcome', 'deploy'] as const;
export const nominationView = z.object({
  id: z.uuid(), postId: z.uuid(), candidateId: z.uuid(), candidateName: z.string(), gender: z.enum(GENDERS), status: z.enum(NOMINATION_STATUSES),
  note: z.string().nullable(), outcomeOn: z.string().nullable(), version: z.number(), deploymentId: z.uuid().nullable(),
  actions: z.array(z.enum(nominationActions)),
});
export const applicationView = z.object({
  id: z.uuid(), postId: z.uuid(), candidateId: z.uuid(), candidateName: z.string(), receivedOn: z.string(), note: z.string().nullable(),
});
/** A call with its posts, applications and nominations (names of officers: read with a justification). */
export const callDetail = callSummary.extend({
  version: z.number(), mission: z.object({ id: z.uuid(), code: z.string(), name: z.string(), organisation: z.enum(ORGANISATIONS) }),
  postList: z.array(postView), applications: z.array(applicationView), nominationList: z.array(nominationView),
  mayDecide: z.boolean(),
});

export const consultQuery = z.object({ justification });
export const versionBody = z.object({ version });

// ---- the roster ----

export const languageInput = z.object({ language: z.enum(LANGUAGES), level: z.enum(CEFR_LEVELS) });
export const assessmentInput = z.object({ part: z.enum(ASSESSMENT_PARTS), date: isoDate, passed: z.boolean() });
export const earlierMissionInput = z.object({
  mission: text(200), organisation: z.enum(ORGANISATIONS), from: isoDate, to: isoDate,
}).superRefine(ordered('from', 'to'));
export const certificateInput = z.object({
  kind: z.enum(CERTIFICATE_KINDS), issuedOn: isoDate, expiresOn: isoDate.optional().nullable(),
}).superRefine(ordered('issuedOn', 'expiresOn'));

export const candidateInput = z.object({
  employeeNumber: z.string().trim().regex(/^[A-Za-z0-9-]{3,20}$/, { message: 'peace.employee_number_format' }),
  fullName: text(200),
  gender: z.enum(GENDERS),
  homeUnit: text(200),
  languages: z.array(languageInput).max(10).default([]),
  drivingLicence: z.boolean().default(false),
  assessments: z.array(assessmentInput).max(30).default([]),
  earlierMissions: z.array(earlierMissionInput).max(30).default([]),
  certificates: z.array(certificateInput).max(20).default([]),
});
export type CandidateInput = z.infer<typeof candidateInput>;

export const rosterQuery = z.object({
  justification,
  q: z.string().trim().max(100).optional(),
  language: z.enum(LANGUAGES).optional(),
  minLevel: z.enum(CEFR_LEVELS).optional(),
});

export const certificateView = z.object({ id: z.uuid(), kind: z.enum(CERTIFICATE_KINDS), issuedOn: z.string(), expiresOn: z.string().nullable(), expired: z.boolean() });
export const candidateSummary = z.object({
  id: z.uuid(), employeeNumber: z.string(), fullName: z.string(), gender: z.enum(GENDERS), homeUnit: z.string(),
  languages: z.array(languageInput), drivingLicence: z.boolean(), samPassed: z.boolean(),
  certificates: z.array(certificateView), deployed: z.boolean(),
});
export const rosterList = z.object({ items: z.array(candidateSummary) });
export const candidateDetail = candidateSummary.extend({
  version: z.number(),
  assessments: z.array(assessmentInput), earlierMissions: z.array(z.object({ mission: z.string(), organisation: z.enum(ORGANISATIONS), from: z.string(), to: z.string() })),
  deployments: z.array(z.object({ id: z.uuid(), missionCode: z.string(), postTitle: z.string(), startDate: z.string(), endDate: z.string(), status: z.enum(DEPLOYMENT_STATUSES) })),
});

// ---- applications, nominations, deployments ----

export const applicationInput = z.object({ postId: z.uuid(), candidateId: z.uuid(), receivedOn: isoDate, note: optText(2000) });
export const nominationInput = z.object({ postId: z.uuid(), candidateId: z.uuid(), note: optText(2000) });
export const decideBody = z.object({ version, note: optText(2000) });
export const outcomeBody = z.object({ version, outcome: z.enum(['selected', 'not_selected']), outcomeOn: isoDate });
export const deployBody = z.object({ version, startDate: isoDate, endDate: isoDate }).superRefine(ordered('startDate', 'endDate'));
export const extendBody = z.object({ version, endDate: isoDate, reason: text(2000) });
export const endBody = z.object({ version, endedOn: isoDate, reason: z.enum(END_REASONS) });

export const deploymentSummary = z.object({
  id: z.uuid(), candidateId: z.uuid(), candidateName: z.string(), missionId: z.uuid(), missionCode: z.string(), organisation: z.enum(ORGANISATIONS),
  postTitle: z.string(), startDate: z.string(), endDate: z.string(), status: z.enum(DEPLOYMENT_STATUSES),
});
export const deploymentList = z.object({ items: z.array(deploymentSummary) });
export const deploymentsQuery = z.object({ justification, status: z.enum(DEPLOYMENT_STATUSES).optional() });
export const deploymentDetail = deploymentSummary.extend({
  originalEndDate: z.string(), endReason: z.string().nullable(), version: z.number(), hasWelfare: z.boolean(),
  extensions: z.array(z.object({ fromDate: z.string(), toDate: z.string(), reason: z.string(), createdAt: z.string() })),
  actions: z.array(z.enum(['extend', 'end'])),
});

/** Next of kin and medical readiness: special-category data, never in a list. */
export const welfareInput = z.object({
  version: z.number().int().min(0),
  nextOfKinName: optText(200), nextOfKinRelation: optText(100),
  nextOfKinPhone: z.preprocess((v) => (v === '' ? null : v), z.string().trim().regex(/^\+?[0-9 ()-]{5,30}$/, { message: 'peace.phone_format' }).nullable().optional()),
  medicalStatus: z.enum(MEDICAL_STATUSES), medicalCheckedOn: isoDate.optional().nullable(), medicalNote: optText(2000),
  justification,
});
export const welfareView = z.object({
  version: z.number(), nextOfKinName: z.string().nullable(), nextOfKinRelation: z.string().nullable(), nextOfKinPhone: z.string().nullable(),
  medicalStatus: z.enum(MEDICAL_STATUSES), medicalCheckedOn: z.string().nullable(), medicalNote: z.string().nullable(),
});

// ---- statistics ----

export const statisticsQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
const genderSplit = { total: z.number(), female: z.number(), male: z.number(), unknown: z.number() };
export const peaceStatistics = z.object({
  year: z.number(),
  deployments: z.object(genderSplit),
  byOrganisation: z.array(z.object({ organisation: z.enum(ORGANISATIONS), ...genderSplit })),
  byMission: z.array(z.object({ missionCode: z.string(), organisation: z.enum(ORGANISATIONS), ...genderSplit })),
  nominations: z.array(z.object({ gender: z.enum(GENDERS), nominated: z.number(), selected: z.number(), notSelected: z.number() })),
});
export type PeaceStatistics = z.infer<typeof peaceStatistics>;
