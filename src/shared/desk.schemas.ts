/**
 * The duty desk's tools over all cases a user may see: case search and the shift handover report.
 * Shared by the server's routes and the web app.
 */
import { z } from 'zod';
import { CHANNELS, DIRECTIONS, REQUEST_STATUSES } from './domain.ts';
import { countryCode, partialDate } from './exchange.schemas.ts';

export const SEARCH_FIELDS = ['reference', 'foreign_reference', 'subject', 'thread'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** Case search: free text over references, subject and thread; filters narrow it. */
export const caseSearchQuery = z.object({
  q: z.string().trim().min(2, { message: 'desk.query_too_short' }).max(200, { message: 'desk.query_too_long' }),
  status: z.enum(['open', 'all', ...REQUEST_STATUSES]).default('all'),
  channel: z.enum(CHANNELS).optional(),
  country: countryCode.optional(),
  direction: z.enum(DIRECTIONS).optional(),
  receivedFrom: partialDate.optional(),
  receivedTo: partialDate.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type CaseSearchQuery = z.infer<typeof caseSearchQuery>;

export const caseSearchItem = z.object({
  id: z.uuid(),
  reference: z.string(),
  foreignReference: z.string().nullable(),
  direction: z.enum(DIRECTIONS),
  channel: z.enum(CHANNELS),
  countryCode: z.string(),
  status: z.enum(REQUEST_STATUSES),
  urgent: z.boolean(),
  subject: z.string(),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  matchedIn: z.array(z.enum(SEARCH_FIELDS)),
});
export type CaseSearchItem = z.infer<typeof caseSearchItem>;

export const caseSearchResponse = z.object({ items: z.array(caseSearchItem), total: z.number().int(), totalCapped: z.boolean() });
export type CaseSearchResponse = z.infer<typeof caseSearchResponse>;

const handoverCase = z.object({
  id: z.uuid(), reference: z.string(), foreignReference: z.string().nullable(), channel: z.enum(CHANNELS), countryCode: z.string(),
  direction: z.enum(DIRECTIONS), status: z.enum(REQUEST_STATUSES), urgent: z.boolean(), subject: z.string(),
  receivedAt: z.string().nullable(), dueAt: z.string().nullable(), paused: z.boolean(), assignees: z.array(z.string()),
});
export type HandoverCase = z.infer<typeof handoverCase>;

/** The shift handover: what the next shift must know, for the cases of the user's scope. */
export const handoverReport = z.object({
  generatedAt: z.string(),
  horizonHours: z.number().int(),
  /** The previous handover of this unit (its time and who handed over), or null for the first. */
  previous: z.object({ at: z.string(), by: z.string(), note: z.string().nullable() }).nullable(),
  openCount: z.number().int(),
  overdue: z.array(handoverCase),
  dueSoon: z.array(handoverCase),
  newSincePrevious: z.array(handoverCase),
});
export type HandoverReport = z.infer<typeof handoverReport>;

export const recordHandoverInput = z.object({ note: z.string().trim().max(5000).optional().nullable() });
export type RecordHandoverInput = z.infer<typeof recordHandoverInput>;

export const handoverQuery = z.object({ hours: z.coerce.number().int().min(1).max(72).default(12) });
