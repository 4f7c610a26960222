import { bigint, bigserial, boolean, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { appUser, unit } from '../identity/identity.schema.ts';
import { nationalAuthority } from '../reference/reference.schema.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/** A request for information, incoming or outgoing (Dir. (EU) 2023/977 Art 4–6, 16(1)(a)). */
export const request = pgTable(
  'request',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique(),
    direction: text('direction').notNull(),
    channel: text('channel').notNull(),
    channelReason: text('channel_reason'),
    countryCode: text('country_code').notNull(),
    counterpartAuthority: text('counterpart_authority').notNull(),
    counterpartReference: text('counterpart_reference'),
    nationalAuthorityId: uuid('national_authority_id').references(() => nationalAuthority.id),
    urgent: boolean('urgent').notNull(),
    urgencyReason: text('urgency_reason'),
    access: text('access').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    language: text('language').notNull(),
    handlingCode: text('handling_code').notNull(),
    handlingText: text('handling_text'),
    europolCopy: boolean('europol_copy').notNull(),
    europolCopyReason: text('europol_copy_reason'),
    /** Dir. (EU) 2023/977 Art 12: whether the offence falls within Europol's objectives (only then is copying assessed). */
    europolMandate: boolean('europol_mandate').notNull().default(true),
    subject: text('subject').notNull(),
    informationSought: text('information_sought').notNull(),
    purpose: text('purpose').notNull(),
    offence: text('offence'),
    status: text('status').notNull(),
    unitId: uuid('unit_id').notNull().references(() => unit.id),
    regimeId: text('regime_id').notNull(),
    /** Effective legal due time (clock stops included); null while paused or when the regime has none. */
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** Art 5(2): expected time of the answer when judicial authorisation delays it. */
    expectedAt: timestamp('expected_at', { withTimezone: true }),
    pausedSince: timestamp('paused_since', { withTimezone: true }),
    /** Time left when the clock stopped, shown frozen while paused. */
    pausedRemainingMs: bigint('paused_remaining_ms', { mode: 'number' }),
    /** Facts the deadline rule matched on, e.g. { urgent, access }; and the instant the clock started. */
    clockStartAt: timestamp('clock_start_at', { withTimezone: true }),
    refusalGrounds: text('refusal_grounds').array().notNull().default([]),
    refusalReason: text('refusal_reason'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Dir. (EU) 2023/977 Art 16(4)–(5): first retention review no later than 6 months after the exchange ends. */
    nextReviewAt: timestamp('next_review_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // The duty queue: open requests of a unit by time left.
    index('request_queue_idx').on(t.unitId, t.dueAt).where(sql`status IN ('draft','sent','received','assigned','in_progress','awaiting_clarification','awaiting_judicial_authorisation')`),
    index('request_open_due_idx').on(t.dueAt).where(sql`status IN ('draft','sent','received','assigned','in_progress','awaiting_clarification','awaiting_judicial_authorisation')`),
    index('request_country_idx').on(t.countryCode, t.receivedAt),
    // Case search lists the newest first and reads the newest few thousand through this order.
    index('request_received_idx').on(t.receivedAt.desc().nullsLast(), t.reference.desc().nullsFirst()),
    // Queue filters by country or channel keep their order by time left.
    index('request_open_country_due_idx').on(t.countryCode, t.dueAt).where(sql`status IN ('draft','sent','received','assigned','in_progress','awaiting_clarification','awaiting_judicial_authorisation')`),
    index('request_open_channel_due_idx').on(t.channel, t.dueAt).where(sql`status IN ('draft','sent','received','assigned','in_progress','awaiting_clarification','awaiting_judicial_authorisation')`),
  ],
);

export const requestAssignee = pgTable(
  'request_assignee',
  {
    requestId: uuid('request_id').notNull().references(() => request.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => appUser.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
    assignedBy: uuid('assigned_by').references(() => appUser.id),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.userId] }), index('request_assignee_user_idx').on(t.userId)],
);

/** A person named in a request, with LED Art 6 category and Art 7 fact/assessment grading. */
export const requestPerson = pgTable(
  'request_person',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id').notNull().references(() => request.id, { onDelete: 'cascade' }),
    fullName: text('full_name').notNull(),
    aliases: text('aliases').array().notNull().default([]),
    dateOfBirth: text('date_of_birth'),
    gender: text('gender').notNull().default('unknown'),
    nationalities: text('nationalities').array().notNull().default([]),
    documents: jsonb('documents').notNull().default([]),
    category: text('category').notNull(),
    nature: text('nature').notNull(),
    reliability: text('reliability').notNull(),
    accuracy: text('accuracy').notNull(),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('request_person_request_idx').on(t.requestId)],
);

/** An information item, flagged fact or assessment and graded (Europol Reg Art 29; LED Art 7). */
export const requestItem = pgTable(
  'request_item',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id').notNull().references(() => request.id, { onDelete: 'cascade' }),
    content: text('content').notNull(),
    nature: text('nature').notNull(),
    reliability: text('reliability').notNull(),
    accuracy: text('accuracy').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('request_item_request_idx').on(t.requestId)],
);

/** The thread: every communication on a request (Art 16(1)(a)–(b)). */
export const requestMessage = pgTable(
  'request_message',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id').notNull().references(() => request.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    direction: text('direction').notNull(),
    body: text('body').notNull(),
    authorId: uuid('author_id').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('request_message_request_idx').on(t.requestId, t.createdAt)],
);

export const attachment = pgTable(
  'attachment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id').notNull().references(() => request.id, { onDelete: 'cascade' }),
    messageId: uuid('message_id').references(() => requestMessage.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('attachment_request_idx').on(t.requestId)],
);

/** A stopped clock: from the clarification request until the answer (Art 6(3)). */
export const clockStop = pgTable(
  'clock_stop',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id').notNull().references(() => request.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    fromAt: timestamp('from_at', { withTimezone: true }).notNull(),
    toAt: timestamp('to_at', { withTimezone: true }),
  },
  (t) => [index('clock_stop_request_idx').on(t.requestId)],
);

/** The deadline history shown to officers: started, paused, resumed, delay notified, reminders, escalations. */
export const deadlineEvent = pgTable(
  'deadline_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id').notNull().references(() => request.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** Insertion order, to order events that share a timestamp. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    note: text('note'),
    actorId: uuid('actor_id').references(() => appUser.id),
  },
  (t) => [index('deadline_event_request_idx').on(t.requestId, t.at)],
);

/** Per-year counter behind human-readable references such as SE-2026-000123. */
export const referenceCounter = pgTable(
  'reference_counter',
  { scope: text('scope').primaryKey(), value: bigint('value', { mode: 'number' }).notNull() },
);

export const exchangeSettings = pgTable('exchange_setting', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});
