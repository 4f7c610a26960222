/**
 * The exchange API contract (requests between countries), shared by the server's routes and the web app.
 * Request bodies are validated with these schemas; response schemas strip anything undeclared.
 */
import { z } from 'zod';
import {
  ACCESS_KINDS, CHANNELS, CHANNEL_REASONS, COUNTRY_CODES, DIRECTIONS, DOCUMENT_KINDS, GENDERS, HANDLING_CODES,
  INFO_ACCURACY, ITEM_NATURES, REFUSAL_GROUNDS, REQUEST_ACTIONS, REQUEST_LANGUAGES, REQUEST_STATUSES,
  SOURCE_RELIABILITY, SUBJECT_CATEGORIES, URGENCY_REASONS,
} from './domain.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).optional().nullable();
/** A calendar date YYYY-MM-DD that exists (2026-02-30 is refused). Partial dates allow YYYY or YYYY-MM. */
export const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { message: 'date_format' })
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number);
    if (y < 1900 || y > 2100) return false;
    if (m === undefined) return true;
    if (m < 1 || m > 12) return false;
    if (d === undefined) return true;
    const dt = new Date(Date.UTC(y, m - 1, d));
    return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
  }, { message: 'date_invalid' });

export const countryCode = z.enum(COUNTRY_CODES as [string, ...string[]]);
export const isoInstant = z.iso.datetime({ offset: true });

export const documentInput = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  number: text(64),
  country: countryCode.optional().nullable(),
});

export const personInput = z.object({
  fullName: text(300),
  aliases: z.array(text(300)).max(50).default([]),
  dateOfBirth: partialDate.optional().nullable(),
  gender: z.enum(GENDERS).default('unknown'),
  nationalities: z.array(countryCode).max(10).default([]),
  documents: z.array(documentInput).max(20).default([]),
  category: z.enum(SUBJECT_CATEGORIES),
  nature: z.enum(ITEM_NATURES).default('fact'),
  reliability: z.enum(SOURCE_RELIABILITY).default('X'),
  accuracy: z.enum(INFO_ACCURACY).default('4'),
  notes: optText(5000),
});
export type PersonInput = z.infer<typeof personInput>;

export const itemInput = z.object({
  content: text(10000),
  nature: z.enum(ITEM_NATURES),
  reliability: z.enum(SOURCE_RELIABILITY),
  accuracy: z.enum(INFO_ACCURACY),
});
export type ItemInput = z.infer<typeof itemInput>;

/**
 * Dir. (EU) 2023/977 Art 12: copying Europol is assessed case by case only where the offence falls within
 * Europol's objectives (Europol Reg 2016/794 Art 3, Annex I); only then is a decision not to copy reasoned.
 * Outside the mandate Europol may not receive the information, so no copy is sent.
 */
export function europolRules(v: { europolMandate: boolean; europolCopy: boolean; europolCopyReason?: string | null }, issue: (path: string, code: string) => void): void {
  if (v.europolCopy && !v.europolMandate) issue('europolCopy', 'europol_copy_outside_mandate');
  if (v.europolMandate && !v.europolCopy && !v.europolCopyReason) issue('europolCopyReason', 'europol_reason_required');
}

/** The fields of a request as an officer writes them. */
const requestFields = z.object({
  direction: z.enum(DIRECTIONS),
  channel: z.enum(CHANNELS).default('siena'),
  channelReason: z.enum(CHANNEL_REASONS).optional().nullable(),
  countryCode,
  counterpartAuthority: text(300),
  counterpartReference: optText(100),
  nationalAuthorityId: z.uuid().optional().nullable(),
  urgent: z.boolean(),
  urgencyReason: z.enum(URGENCY_REASONS).optional().nullable(),
  access: z.enum(ACCESS_KINDS),
  receivedAt: isoInstant.optional().nullable(),
  language: z.enum(REQUEST_LANGUAGES),
  handlingCode: z.enum(HANDLING_CODES).default('H0'),
  handlingText: optText(2000),
  europolMandate: z.boolean().default(false),
  europolCopy: z.boolean().default(false),
  europolCopyReason: optText(2000),
  subject: text(300),
  informationSought: text(20000),
  purpose: text(20000),
  offence: optText(500),
  persons: z.array(personInput).max(100).default([]),
  items: z.array(itemInput).max(200).default([]),
});

type RuleIssue = (path: string, code: string) => void;
/** The cross-field rules of a request (Art 13(2) channel reason, Art 4(4) urgency, H3 text, Art 12 Europol copy). */
function requestRules(v: Omit<z.infer<typeof requestFields>, 'persons' | 'direction' | 'receivedAt'> & { direction?: string; receivedAt?: string | null }, issue: RuleIssue): void {
  if (v.channel !== 'siena' && v.channel !== 'ameripol' && !v.channelReason) issue('channelReason', 'channel_reason_required');
  if (v.urgent && !v.urgencyReason) issue('urgencyReason', 'urgency_reason_required');
  if (v.handlingCode === 'H3' && !v.handlingText) issue('handlingText', 'handling_text_required');
  if (v.direction === 'incoming' && !v.receivedAt) issue('receivedAt', 'received_at_required');
  europolRules(v, issue);
}

export const createRequestInput = requestFields
  // `when`: run the cross-field rules even when other fields are invalid, so the form shows every error at once.
  .superRefine((v, ctx) => requestRules(v, (path, message) => ctx.addIssue({ code: 'custom', path: [path], message })), { when: () => true } as never);
export type CreateRequestInput = z.infer<typeof createRequestInput>;

/** Editing an outgoing draft: its fields as when it was drafted (persons are added one by one), at the version seen. */
export const editDraftInput = requestFields
  .omit({ direction: true, receivedAt: true, persons: true })
  .extend({ version: z.number().int().min(1) })
  .superRefine((v, ctx) => requestRules(v, (path, message) => ctx.addIssue({ code: 'custom', path: [path], message })), { when: () => true } as never);
export type EditDraftInput = z.infer<typeof editDraftInput>;

export const listRequestsQuery = z.object({
  /** `open` (the default): the duty queue; `all`: every status. */
  status: z.enum(['open', 'all', ...REQUEST_STATUSES]).optional(),
  channel: z.enum(CHANNELS).optional(),
  country: countryCode.optional(),
  assignee: z.union([z.uuid(), z.literal('me'), z.literal('none')]).optional(),
  direction: z.enum(DIRECTIONS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ListRequestsQuery = z.infer<typeof listRequestsQuery>;

const version = z.number().int().min(1);
export const actionBodies = {
  assign: z.object({ version, assigneeId: z.uuid() }),
  start: z.object({ version }),
  request_clarification: z.object({ version, question: text(20000) }),
  receive_clarification: z.object({ version, answer: text(20000), receivedAt: isoInstant.optional() }),
  // Art 5(2): the one definition of the expected delay, the same on both nodes: when the answer is expected.
  delay_judicial: z.object({ version, expectedAt: isoInstant, reason: text(5000) }),
  resume_judicial: z.object({ version, authorised: z.boolean(), note: optText(5000) }),
  answer: z.object({ version, body: text(50000), partialRefusalGrounds: z.array(z.enum(REFUSAL_GROUNDS)).max(8).default([]), refusalReason: optText(5000) }),
  refuse: z.object({ version, grounds: z.array(z.enum(REFUSAL_GROUNDS)).min(1).max(8), reason: text(5000) }),
  send: z.object({ version }),
  record_answer: z.object({ version, body: text(50000), receivedAt: isoInstant.optional() }),
  withdraw: z.object({ version, note: text(5000) }),
  reclassify: z
    .object({ version, urgent: z.boolean(), urgencyReason: z.enum(URGENCY_REASONS).optional().nullable(), access: z.enum(ACCESS_KINDS), reason: text(5000) })
    .superRefine((v, ctx) => {
      if (v.urgent && !v.urgencyReason) ctx.addIssue({ code: 'custom', path: ['urgencyReason'], message: 'urgency_reason_required' });
    }),
  close: z.object({ version, note: optText(5000) }),
} as const;
export type ActionName = keyof typeof actionBodies;

export const addMessageInput = z.object({ body: text(50000) });
export const consultInput = z.object({ justification: z.string().trim().min(10).max(2000) });
export const addPersonInput = personInput;

export const userRef = z.object({ id: z.uuid(), displayName: z.string() });

export const requestSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  direction: z.enum(DIRECTIONS),
  channel: z.enum(CHANNELS),
  countryCode: z.string(),
  status: z.enum(REQUEST_STATUSES),
  urgent: z.boolean(),
  subject: z.string(),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  paused: z.boolean(),
  remainingMs: z.number().nullable(),
  overdue: z.boolean(),
  assignees: z.array(userRef),
  personCount: z.number().int(),
  openHitCount: z.number().int(),
});
export type RequestSummary = z.infer<typeof requestSummary>;

/** `total` counts matching requests up to 1,000; `totalCapped` says there are more. */
export const requestList = z.object({ items: z.array(requestSummary), total: z.number().int(), totalCapped: z.boolean(), serverTime: z.string() });
export type RequestList = z.infer<typeof requestList>;

export const attachmentView = z.object({
  id: z.uuid(), filename: z.string(), contentType: z.string(), size: z.number().int(), createdAt: z.string(),
});
export const messageView = z.object({
  id: z.uuid(),
  kind: z.string(),
  direction: z.enum(['in', 'out', 'internal']),
  body: z.string(),
  author: userRef.nullable(),
  createdAt: z.string(),
  attachments: z.array(attachmentView),
});
export const deadlineEventView = z.object({
  id: z.uuid(), kind: z.string(), at: z.string(), note: z.string().nullable(), actor: userRef.nullable(),
});
export const deadlineView = z.object({
  regimeId: z.string(),
  /** The regime's rule that applies (the UI names the legal basis from regime and rule in its own language). */
  ruleId: z.string().nullable().default(null),
  legalBasis: z.string().nullable(),
  startAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  expectedAt: z.string().nullable(),
  paused: z.boolean(),
  remainingMs: z.number().nullable(),
  overdue: z.boolean(),
});
/** A record joined to a hit's target or a search result by officers' confirmed hits (matching's person links). */
export const linkedRecord = z.object({
  kind: z.string(),
  id: z.uuid(),
  requestId: z.uuid().nullable(),
  reference: z.string(),
  /** Withheld (null) under the same need-to-know rule as a hit's target name. */
  name: z.string().nullable(),
});
export const hitView = z.object({
  id: z.uuid(),
  requestPersonId: z.uuid(),
  targetKind: z.string(),
  targetId: z.uuid(),
  targetLabel: z.string(),
  score: z.number(),
  level: z.enum(['alert', 'review']),
  explanation: z.string(),
  status: z.enum(['open', 'confirmed', 'rejected']),
  decidedBy: userRef.nullable(),
  decidedAt: z.string().nullable(),
  /** Matching: the version a decision must name, the decision's note, and the explanation's parts for the UI. */
  version: z.number().int().default(1),
  note: z.string().nullable().default(null),
  parts: z.array(z.object({ a: z.string(), b: z.string(), kind: z.string(), similarity: z.number() })).default([]),
  factors: z.array(z.object({ factor: z.string(), effect: z.number(), detail: z.string() })).default([]),
  /** The other records the target is known to be (its identity through confirmed, not undone, hits). */
  linked: z.array(linkedRecord).default([]),
  /**
   * The target is a wanted person under a running arrest clock (decision on surrender or surrender): which clock and
   * when it falls due for FAST officers; for others both null — a FAST record exists, contact FAST.
   */
  wantedClock: z.object({ clock: z.enum(['decision', 'surrender']).nullable(), dueAt: z.string().nullable(), contact: z.literal('FAST') }).nullable().default(null),
});
/** A request's hits counted, without anything that names a person: enough for the desk to see there are hits to judge. */
export const hitSummary = z.object({ openAlerts: z.number().int(), openReviews: z.number().int(), decided: z.number().int() });
export type HitSummary = z.infer<typeof hitSummary>;
export const requestDetail = requestSummary.extend({
  version: z.number().int(),
  channelReason: z.string().nullable(),
  counterpartAuthority: z.string(),
  counterpartReference: z.string().nullable(),
  nationalAuthority: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  urgencyReason: z.string().nullable(),
  access: z.enum(ACCESS_KINDS),
  language: z.string(),
  handlingCode: z.enum(HANDLING_CODES),
  handlingText: z.string().nullable(),
  europolMandate: z.boolean(),
  europolCopy: z.boolean(),
  europolCopyReason: z.string().nullable(),
  informationSought: z.string(),
  purpose: z.string(),
  offence: z.string().nullable(),
  refusalGrounds: z.array(z.string()),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  createdAt: z.string(),
  deadline: deadlineView,
  deadlineEvents: z.array(deadlineEventView),
  messages: z.array(messageView),
  items: z.array(itemInput.extend({ id: z.uuid() })),
  /** Only how many hits there are: the hits name persons, so they come with the justified consultation (personsView). */
  hitSummary: hitSummary,
  allowedActions: z.array(z.enum(REQUEST_ACTIONS)),
});
export type RequestDetail = z.infer<typeof requestDetail>;

export const personView = personInput.extend({ id: z.uuid() });
/** LED Art 25: what a justified, logged consultation shows — the request's persons and the cross-check's hits on them. */
export const personsView = z.object({ items: z.array(personView), hits: z.array(hitView) });

/** The error body of every failed API call. */
export const errorBody = z.object({
  error: z.string(),
  message: z.string(),
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
