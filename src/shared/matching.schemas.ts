/**
 * The matching API contract: deciding cross-check hits and searching persons by name, shared by the server's
 * routes and the web app.
 */
import { z } from 'zod';
import { hitView, linkedRecord, partialDate } from './exchange.schemas.ts';

/** A confirm or reject names the version of the hit the officer saw. */
export const decideHitInput = z.object({
  version: z.number().int().min(1),
  note: z.string().trim().max(2000).optional().nullable(),
});
export type DecideHitInput = z.infer<typeof decideHitInput>;

/** A decided hit: its state only; the target's name and the explanation come with the justified consultation. */
export const hitDecision = z.object({
  hit: hitView.pick({ id: true, requestPersonId: true, targetKind: true, targetId: true, score: true, level: true, status: true, decidedBy: true, decidedAt: true, version: true, note: true }),
});

/** Longest query accepted (a name, not a document). */
export const SEARCH_MAX = 300;

// Control characters are refused at the edge: they are never part of a name and break logs and displays.
// eslint-disable-next-line no-control-regex
const noControl = (s: string) => !/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/.test(s);

/** LED Art 25: every search is a consultation and needs a justification, like viewing a request's persons. */
export const personSearchQuery = z.object({
  q: z.string().trim().min(1, { message: 'name_required' }).max(SEARCH_MAX, { message: 'name_too_long' }).refine(noControl, { message: 'control_characters' }),
  justification: z.string().trim().min(10).max(2000),
  dateOfBirth: partialDate.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type PersonSearchQuery = z.infer<typeof personSearchQuery>;

export const personSearchResult = z.object({
  kind: z.enum(['request_person', 'wanted_person']),
  id: z.uuid(),
  requestId: z.uuid().nullable(),
  reference: z.string(),
  name: z.string(),
  otherNames: z.array(z.string()),
  dateOfBirth: z.string().nullable(),
  nationalities: z.array(z.string()),
  score: z.number(),
  level: z.enum(['alert', 'review', 'none']),
  explanation: z.string(),
  /** Other records confirmed to be the same person (see hitView.linked). */
  linked: z.array(linkedRecord),
});
export type PersonSearchResult = z.infer<typeof personSearchResult>;

export const personSearchResponse = z.object({ items: z.array(personSearchResult) });

/** Undoing a merge names the version of the hit the officer saw and why the two records are not one person. */
export const unmergeHitInput = z.object({
  version: z.number().int().min(1),
  reason: z.string().trim().min(10, { message: 'matching.reason_too_short' }).max(2000),
});
export type UnmergeHitInput = z.infer<typeof unmergeHitInput>;

/** The cross-check's thresholds: the score at which a hit raises an alert, and at which it is listed for review. */
export const matchingSettings = z
  .object({
    /** Score at or above which a hit is shown as an alert (likely the same person). */
    alertThreshold: z.number().min(0).max(1),
    /** Score at or above which a hit is listed for a human to review. */
    reviewThreshold: z.number().min(0).max(1),
  })
  .refine((s) => s.reviewThreshold <= s.alertThreshold, { message: 'matching.review_above_alert', path: ['reviewThreshold'] });
export type MatchingSettingsInput = z.infer<typeof matchingSettings>;
export type LinkedRecord = z.infer<typeof linkedRecord>;
