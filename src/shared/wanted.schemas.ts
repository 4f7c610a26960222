/**
 * The FAST register's API contract (internationally wanted persons), shared by the server's routes and the web app.
 * Coded lists carry their legal source; labels live under `wanted.*` in both catalogs.
 */
import { z } from 'zod';
import { DOCUMENT_KINDS, GENDERS } from './domain.ts';
import { countryCode, documentInput, isoInstant, partialDate } from './exchange.schemas.ts';
import { justification } from './accountability.schemas.ts';

/** The Swedish authorities FAST works for (polisen.se FAST page), and foreign authorities for imported notices. */
export const REQUESTING_AUTHORITIES = ['aklagarmyndigheten', 'kriminalvarden', 'socialstyrelsen', 'foreign'] as const;
export type RequestingAuthority = (typeof REQUESTING_AUTHORITIES)[number];

/**
 * The national decision an international search rests on. An international alert needs detention in
 * absentia (häktad i sin frånvaro); within the Nordics arrest in absentia (anhållen) is enough (polisen.se).
 */
export const LEGAL_BASES = ['detention_in_absentia', 'arrest_in_absentia', 'prison_sentence', 'lrv_care_decision', 'foreign_warrant'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** Warrants and alerts: FD 2002/584 EAW, Nordic arrest warrant (lag 2011:1165), SIS Reg 2018/1862 Art 26, Interpol. */
export const WARRANT_KINDS = ['eaw', 'naw', 'sis_art26', 'red_notice', 'diffusion'] as const;
export type WarrantKind = (typeof WARRANT_KINDS)[number];

export const WANTED_STATUSES = ['wanted', 'located', 'arrested', 'surrendered', 'returned', 'withdrawn', 'expired'] as const;
export type WantedStatus = (typeof WANTED_STATUSES)[number];
/** Statuses in which the person is still sought (and may be on the public appeal). */
export const SOUGHT_STATUSES: readonly WantedStatus[] = ['wanted', 'located'];

export const LEAD_SOURCES = ['officer', 'foreign_fast', 'public'] as const;
export const ARTICLE3_REVIEW = ['pending', 'approved', 'refused'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).optional().nullable();
const version = z.number().int().min(1);

/** A name as written, in any script (Cyrillic, Arabic, Han …), with the script left to the matcher to detect. */
export const nameInput = text(300);

/** FD 2002/584/JHA Art 8(1) fields (a)–(g) of a European arrest warrant. */
export const eawFieldsInput = z.object({
  a_identity: optText(2000), // (a) identity and nationality
  b_issuingAuthority: optText(2000), // (b) name, address, telephone, fax, e-mail of the issuing judicial authority
  c_judgment: optText(2000), // (c) the enforceable judgment, arrest warrant or other enforceable judicial decision
  d_offence: optText(2000), // (d) nature and legal classification of the offence
  e_circumstances: optText(5000), // (e) time, place and degree of participation
  f_penalty: optText(2000), // (f) penalty imposed, or the prescribed scale of penalties
  g_consequences: optText(2000), // (g) if possible, other consequences of the offence
});

export const warrantInput = z.object({
  kind: z.enum(WARRANT_KINDS),
  issuingCountry: countryCode.default('SE'),
  issuingAuthority: text(300),
  issuedAt: partialDate.refine((s) => s.length === 10, { message: 'date_invalid' }),
  validUntil: partialDate.refine((s) => s.length === 10, { message: 'date_invalid' }).optional().nullable(),
  reviewAt: partialDate.refine((s) => s.length === 10, { message: 'date_invalid' }).optional().nullable(),
  channelReference: optText(100),
  eaw: eawFieldsInput.optional().nullable(),
  article3Status: z.enum(ARTICLE3_REVIEW).optional().nullable(),
  article3Reason: optText(2000),
});
export type WarrantInput = z.infer<typeof warrantInput>;
/** Adding a warrant to a registered person: the warrant with the version of the record the officer saw. */
export const addWarrantInput = warrantInput.extend({ version: z.number().int().min(1) });
export type AddWarrantInput = z.infer<typeof addWarrantInput>;

export const createWantedInput = z.object({
  fullName: nameInput,
  /** The same name in other scripts (e.g. Иван Петров, إيفان). */
  otherScriptNames: z.array(nameInput).max(20).default([]),
  aliases: z.array(nameInput).max(50).default([]),
  dateOfBirth: partialDate.optional().nullable(),
  placeOfBirth: optText(300),
  gender: z.enum(GENDERS).default('unknown'),
  nationalities: z.array(countryCode).max(10).default([]),
  documents: z.array(documentInput).max(20).default([]),
  description: optText(5000),
  requestingAuthority: z.enum(REQUESTING_AUTHORITIES),
  authorityReference: text(100),
  legalBasis: z.enum(LEGAL_BASES),
  offence: text(2000),
  /** What a public appeal may say about the offence; never the case file. */
  offenceSummary: optText(500),
  dangerWarnings: optText(2000),
  handlingWarnings: optText(2000),
  warrants: z.array(warrantInput).max(10).default([]),
});
export type CreateWantedInput = z.infer<typeof createWantedInput>;

/** A correction of identity or case facts: only the fields sent change (no defaults, unlike registration). */
export const updateWantedInput = z.object({
  version,
  fullName: nameInput.optional(),
  otherScriptNames: z.array(nameInput).max(20).optional(),
  aliases: z.array(nameInput).max(50).optional(),
  dateOfBirth: partialDate.optional().nullable(),
  placeOfBirth: optText(300),
  gender: z.enum(GENDERS).optional(),
  nationalities: z.array(countryCode).max(10).optional(),
  documents: z.array(documentInput).max(20).optional(),
  description: optText(5000),
  authorityReference: text(100).optional(),
  offence: text(2000).optional(),
  offenceSummary: optText(500),
  dangerWarnings: optText(2000),
  handlingWarnings: optText(2000),
});
export type UpdateWantedInput = z.infer<typeof updateWantedInput>;

// LED Art 25(2): a consultation's justification is a sentence, not a token (the same rule as the desk's persons).
export const consultQuery = z.object({ justification });
export const listWantedQuery = consultQuery.extend({
  q: optText(200),
  status: z.enum(WANTED_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ListWantedQuery = z.infer<typeof listWantedQuery>;

/** Named actions on a wanted person; each is `POST /api/wanted/:id/<action>` with the version the user saw. */
export const wantedActionBodies = {
  locate: z.object({ version, countryCode, place: optText(300), at: isoInstant.optional() }),
  lose_track: z.object({ version, note: optText(2000) }),
  arrest: z.object({
    version, warrantId: z.uuid(), countryCode, place: optText(300), arrestedAt: isoInstant,
    consent: z.boolean().nullable().default(null), consentAt: isoInstant.optional().nullable(),
  }),
  record_consent: z.object({ version, consent: z.boolean(), consentAt: isoInstant }),
  extend_exceptional: z.object({ version, reason: text(2000) }),
  record_final_decision: z.object({ version, decidedAt: isoInstant }),
  agree_surrender_date: z.object({ version, agreedAt: isoInstant, reason: text(2000) }),
  surrender: z.object({ version, at: isoInstant.optional() }),
  return: z.object({ version, note: text(2000) }),
  withdraw: z.object({ version, reason: text(2000) }),
  expire: z.object({ version, note: optText(2000) }),
  publish: z.object({ version, decision: text(2000) }),
  unpublish: z.object({ version, reason: optText(2000) }),
  // Lag (2011:1165) om nordisk arresteringsorder: a time limit that cannot be kept for special reasons (särskilda skäl)
  // may be exceeded; the reasons are recorded and the issuing state told of them.
  record_overrun: z.object({ version, reason: text(2000) }),
} as const;
export type WantedActionName = keyof typeof wantedActionBodies;
export const WANTED_ACTIONS = Object.keys(wantedActionBodies) as WantedActionName[];

export const leadInput = z.object({
  source: z.enum(['officer', 'foreign_fast']),
  sourceCountry: countryCode.optional().nullable(),
  body: text(10000),
  receivedAt: isoInstant.optional(),
});
/** Interpol Constitution Art 3 (RPD Art 34): the General Secretariat's review of a notice or diffusion. */
export const article3Input = z.object({ status: z.enum(ARTICLE3_REVIEW), reason: optText(2000) });
export const taskInput = z.object({ title: text(500), dueAt: isoInstant.optional().nullable(), assigneeId: z.uuid().optional().nullable() });
export const locationInput = z.object({
  countryCode, place: optText(300), fromDate: partialDate.optional().nullable(), toDate: partialDate.optional().nullable(),
  source: optText(300),
});
export const foreignRequestInput = z.object({
  countryCode, counterpartAuthority: text(300), informationSought: text(20000), urgent: z.boolean().default(false),
  language: z.string().regex(/^[a-z]{2}$/).default('en'),
});
export const linkRequestInput = z.object({ requestId: z.uuid(), direction: z.enum(['incoming', 'outgoing']) });

/** A public tip: plain text only, a few thousand characters at most. */
export const publicTipInput = z.object({
  message: z.string().trim().min(10).max(4000),
  contact: z.string().trim().max(200).optional().nullable(),
  language: z.enum(['sv', 'en']).optional(),
});

// ---- responses ----

const iso = z.string();
export const eventParams = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]));
export type EventParams = z.infer<typeof eventParams>;
export const warrantView = z.object({
  id: z.uuid(), kind: z.enum(WARRANT_KINDS), issuingCountry: z.string(), issuingAuthority: z.string(), issuedAt: z.string(),
  validUntil: z.string().nullable(), reviewAt: z.string().nullable(), channelReference: z.string().nullable(),
  eaw: eawFieldsInput.nullable(), article3Status: z.enum(ARTICLE3_REVIEW).nullable(), article3Reason: z.string().nullable(),
  status: z.string(),
});
export const clockView = z.object({
  clock: z.enum(['decision', 'surrender']), regimeId: z.string(), ruleId: z.string(), legalBasis: z.string(), startAt: iso, dueAt: iso.nullable(),
  remainingMs: z.number().nullable(), overdue: z.boolean(), done: z.boolean(), extensions: z.array(z.string()),
  /** What the officer must notice: `consent_after_day_50` (EAW), `overrun_special_reasons` (NAW). */
  flags: z.array(z.string()),
});
export const arrestView = z.object({
  warrantId: z.uuid(), warrantKind: z.enum(WARRANT_KINDS), countryCode: z.string(), place: z.string().nullable(), arrestedAt: iso,
  consent: z.boolean().nullable(), consentAt: iso.nullable(), exceptional: z.boolean(), finalDecisionAt: iso.nullable(),
  agreedSurrenderAt: iso.nullable(),
}).nullable();

export const wantedSummary = z.object({
  id: z.uuid(), reference: z.string(), fullName: z.string(), dateOfBirth: z.string().nullable(), nationalities: z.array(z.string()),
  status: z.enum(WANTED_STATUSES), requestingAuthority: z.enum(REQUESTING_AUTHORITIES), warrantKinds: z.array(z.enum(WARRANT_KINDS)),
  published: z.boolean(), source: z.string(), hasWarnings: z.boolean(),
});
export const wantedList = z.object({ total: z.number(), items: z.array(wantedSummary) });

export const wantedDetail = wantedSummary.extend({
  version: z.number(), otherScriptNames: z.array(z.string()), aliases: z.array(z.string()), placeOfBirth: z.string().nullable(),
  gender: z.enum(GENDERS), documents: z.array(z.object({ kind: z.enum(DOCUMENT_KINDS), number: z.string(), country: z.string().nullable().optional() })),
  description: z.string().nullable(), authorityReference: z.string(), legalBasis: z.enum(LEGAL_BASES), offence: z.string(),
  offenceSummary: z.string().nullable(), dangerWarnings: z.string().nullable(), handlingWarnings: z.string().nullable(),
  interpolEntityId: z.string().nullable(),
  warrants: z.array(warrantView), arrest: arrestView, clocks: z.array(clockView),
  photos: z.array(z.object({ id: z.uuid(), contentType: z.string(), size: z.number(), isPublic: z.boolean() })),
  leads: z.array(z.object({ id: z.uuid(), source: z.string(), sourceCountry: z.string().nullable(), body: z.string(), contact: z.string().nullable(), receivedAt: iso })),
  tasks: z.array(z.object({ id: z.uuid(), title: z.string(), dueAt: iso.nullable(), doneAt: iso.nullable(), assigneeId: z.string().nullable() })),
  locations: z.array(z.object({ id: z.uuid(), countryCode: z.string(), place: z.string().nullable(), fromDate: z.string().nullable(), toDate: z.string().nullable(), source: z.string().nullable() })),
  requests: z.array(z.object({ requestId: z.uuid(), direction: z.string(), createdAt: iso })),
  /** Each event's facts as coded values (`country: 'ES'`, `warrant: 'eaw'`): the web app words them in the reader's language. */
  timeline: z.array(z.object({ id: z.uuid(), kind: z.string(), at: iso, note: z.string().nullable(), params: eventParams.nullable(), actorName: z.string().nullable() })),
  publication: z.object({ published: z.boolean(), decidedAt: iso.nullable(), decidedBy: z.string().nullable(), decision: z.string().nullable() }),
  allowedActions: z.array(z.string()),
});
export type WantedDetail = z.infer<typeof wantedDetail>;

export const clocksList = z.object({
  serverTime: iso,
  items: z.array(z.object({
    id: z.uuid(), reference: z.string(), status: z.enum(WANTED_STATUSES), warrantKind: z.enum(WARRANT_KINDS), arrestCountry: z.string(),
    arrestedAt: iso, clock: clockView,
  })),
  lapsing: z.array(z.object({ id: z.uuid(), reference: z.string(), warrantId: z.uuid(), warrantKind: z.enum(WARRANT_KINDS), field: z.enum(['validUntil', 'reviewAt']), date: z.string() })),
});

export const publicWanted = z.object({
  id: z.uuid(), fullName: z.string(), offenceSummary: z.string().nullable(), description: z.string().nullable(), photoUrl: z.string().nullable(),
});
export const publicWantedList = z.object({ items: z.array(publicWanted) });

export const importResult = z.object({ received: z.number(), inserted: z.number(), duplicates: z.number(), skipped: z.number(), errors: z.array(z.object({ index: z.number(), entityId: z.string().nullable(), path: z.string(), code: z.string() })) });
export type ImportResult = z.infer<typeof importResult>;
