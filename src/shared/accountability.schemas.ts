/**
 * The accountability API contract: audit search and verification, retention reviews, data-subject
 * reports and the Art 18 statistics, shared by the server's routes and the web app.
 */
import { z } from 'zod';
import { CHANNELS, LOCALES, REFUSAL_GROUNDS } from './domain.ts';

const isoInstant = z.iso.datetime({ offset: true });
/** LED Art 25(2): a consultation's justification is a sentence, not a token. */
export const justification = z.string().trim().min(10).max(2000);

export const AUDIT_CATEGORIES = ['collection', 'alteration', 'consultation', 'disclosure', 'combination', 'erasure', 'security', 'admin'] as const;

export const auditSearchQuery = z.object({
  personId: z.uuid().optional(),
  /** An officer: user id or username. */
  actor: z.string().trim().min(1).max(200).optional(),
  /** A request: id or reference (SE-2026-000123). */
  request: z.string().trim().min(1).max(100).optional(),
  /** An action name or its prefix, e.g. `exchange.persons` or `exchange.persons.view`. */
  action: z.string().trim().min(1).max(200).optional(),
  category: z.enum(AUDIT_CATEGORIES).optional(),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type AuditSearchQuery = z.infer<typeof auditSearchQuery>;

export const auditEntryView = z.object({
  seq: z.number().int(),
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  category: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  personIds: z.array(z.string()),
  justification: z.string().nullable(),
  recipient: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntryView = z.infer<typeof auditEntryView>;

export const auditSearchResult = z.object({ total: z.number().int(), items: z.array(auditEntryView) });
export type AuditSearchResult = z.infer<typeof auditSearchResult>;

export const verifyResult = z.object({
  ok: z.boolean(),
  /** Sealed entries (chain positions) verified. */
  entries: z.number().int(),
  lastSeq: z.number().int(),
  headSeq: z.number().int().nullable(),
  /** Entries written by the application and not linked into the chain yet. */
  unsealed: z.number().int(),
  checkpoints: z.number().int(),
  lastCheckpointSeq: z.number().int().nullable(),
  keyFingerprint: z.string().nullable(),
  /** The auditor's checkpoint file, when one was given (`polsam audit verify --checkpoint`). */
  anchor: z.object({ seq: z.number().int(), matched: z.boolean(), keyFingerprint: z.string() }).nullable(),
  durationMs: z.number(),
  problem: z.object({
    kind: z.enum(['altered', 'removed', 'inserted', 'checkpoint_invalid', 'head_missing']),
    /** Chain position; null for an entry outside the chain. */
    seq: z.number().int().nullable(),
    toSeq: z.number().int().nullable(),
    /** The audit entry's number, when the entry is still there. */
    entry: z.number().int().nullable(),
    reason: z.string(),
    message: z.string(),
  }).nullable(),
  message: z.string(),
});
export type VerifyResult = z.infer<typeof verifyResult>;

export const reviewTaskView = z.object({
  id: z.uuid(),
  requestId: z.uuid(),
  reference: z.string(),
  countryCode: z.string(),
  direction: z.string(),
  status: z.string(),
  subject: z.string(),
  closedAt: z.string().nullable(),
  dueAt: z.string(),
  queuedAt: z.string(),
  personCount: z.number().int(),
});
export const reviewQueue = z.object({ items: z.array(reviewTaskView) });
export type ReviewQueue = z.infer<typeof reviewQueue>;

export const reviewDecisionInput = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('keep'), reason: z.string().trim().min(10).max(2000), nextReviewAt: isoInstant }),
  z.object({
    decision: z.literal('erase'),
    reason: z.string().trim().max(2000).optional().nullable(),
    /** Erase only these persons and keep the rest of the request until nextReviewAt (both then required). */
    personIds: z.array(z.uuid()).min(1).max(100).optional(),
    nextReviewAt: isoInstant.optional(),
  }),
]);
export type ReviewDecisionInput = z.infer<typeof reviewDecisionInput>;

export const reviewDecisionResult = z.object({
  id: z.uuid(),
  status: z.enum(['kept', 'erased']),
  erasedPersons: z.number().int(),
  nextReviewAt: z.string().nullable(),
});

export const personHeld = z.object({
  id: z.uuid(),
  requestId: z.uuid(),
  reference: z.string(),
  fullName: z.string(),
  aliases: z.array(z.string()),
  dateOfBirth: z.string().nullable(),
  nationalities: z.array(z.string()),
  documents: z.array(z.unknown()),
  category: z.string(),
  nature: z.string(),
  reliability: z.string(),
  accuracy: z.string(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  /** The person's next retention review: that of the request it is held in. */
  nextReviewAt: z.string().nullable(),
});

/** A person in the FAST register of wanted persons (the other place Polsam holds persons). */
export const wantedHeld = z.object({
  id: z.uuid(),
  reference: z.string(),
  fullName: z.string(),
  otherScriptNames: z.array(z.string()),
  aliases: z.array(z.string()),
  dateOfBirth: z.string().nullable(),
  nationalities: z.array(z.string()),
  status: z.string(),
  offence: z.string(),
  createdAt: z.string(),
});

export const dataSubjectSearchQuery = z.object({ name: z.string().trim().min(2).max(300), justification });
export const dataSubjectCandidates = z.object({ items: z.array(personHeld), wanted: z.array(wantedHeld) });

export const dataSubjectReportInput = z.object({ personIds: z.array(z.uuid()).min(1).max(50), justification });
export type DataSubjectReportInput = z.infer<typeof dataSubjectReportInput>;

export const dataSubjectReport = z.object({
  generatedAt: z.string(),
  generatedBy: z.string(),
  personIds: z.array(z.uuid()),
  persons: z.array(personHeld),
  wanted: z.array(wantedHeld),
  requests: z.array(z.object({
    id: z.uuid(), reference: z.string(), direction: z.string(), channel: z.string(), countryCode: z.string(),
    counterpartAuthority: z.string(), status: z.string(), purpose: z.string(), receivedAt: z.string().nullable(),
    answeredAt: z.string().nullable(), closedAt: z.string().nullable(), nextReviewAt: z.string().nullable(),
    items: z.array(z.object({ content: z.string(), nature: z.string(), reliability: z.string(), accuracy: z.string() })),
    messages: z.array(z.object({ kind: z.string(), direction: z.string(), body: z.string(), createdAt: z.string() })),
  })),
  disclosures: z.array(auditEntryView),
  otherProcessing: z.array(auditEntryView),
});
export type DataSubjectReport = z.infer<typeof dataSubjectReport>;

export const statisticsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  /** The language of a download (a link cannot set Accept-Language): the UI passes its own. */
  lang: z.enum(LOCALES).optional(),
});

const countryCount = z.object({ country: z.string(), total: z.number().int() });
export const statisticsView = z.object({
  year: z.number().int(),
  /** Art 18(a) */
  sent: z.number().int(),
  /** Art 18(b) */
  received: z.object({ total: z.number().int(), urgent: z.number().int(), nonUrgent: z.number().int() }),
  answered: z.object({ total: z.number().int(), urgent: z.number().int(), nonUrgent: z.number().int() }),
  byCountry: z.array(z.object({
    country: z.string(), received: z.number().int(), receivedUrgent: z.number().int(), receivedNonUrgent: z.number().int(),
    answered: z.number().int(), answeredUrgent: z.number().int(), answeredNonUrgent: z.number().int(),
    refused: z.number().int(), judicialDelayExceeded: z.number().int(),
  })),
  /** Art 18(c) */
  refusals: z.object({
    total: z.number().int(),
    byCountry: z.array(countryCount),
    byGround: z.array(z.object({ ground: z.enum(REFUSAL_GROUNDS), total: z.number().int() })),
    partialByGround: z.array(z.object({ ground: z.enum(REFUSAL_GROUNDS), total: z.number().int() })),
  }),
  /** Art 18(d) */
  judicialDelays: z.object({ total: z.number().int(), byCountry: z.array(countryCount) }),
  /** Not in Art 18: exchanges outside the Directive (SIRENE, third countries, Ameripol, own-initiative information), by regime and channel. */
  otherExchanges: z.array(z.object({ regime: z.string(), channel: z.enum(CHANNELS), received: z.number().int(), sent: z.number().int() })),
  operational: z.object({
    answeredWithinDeadline: z.number().int(),
    answeredLate: z.number().int(),
    withoutDeadline: z.number().int(),
    byChannel: z.array(z.object({ channel: z.enum(CHANNELS), answered: z.number().int(), medianHoursToAnswer: z.number().nullable() })),
  }),
});
export type StatisticsView = z.infer<typeof statisticsView>;

export const accountabilitySettings = z.object({
  firstReviewMonths: z.number().int().min(1).max(6),
  reviewIntervalMonths: z.number().int().min(1).max(12),
  checkpointEveryEntries: z.number().int().min(1).max(1_000_000),
  checkpointEveryMinutes: z.number().int().min(1).max(24 * 60),
});
export type AccountabilitySettings = z.infer<typeof accountabilitySettings>;
