import { sql } from 'drizzle-orm';
import { type AnyPgColumn, bigint, boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../platform/db/bytea.ts';
import { appUser } from '../identity/identity.schema.ts';

/** An EU working group or institution Sweden takes part in: LEWP, COSI, Europol MB, an EMPACT priority or OAP. */
export const strategicGroup = pgTable(
  'strategic_group',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    /** An EMPACT operational action plan's priority. */
    parentId: uuid('parent_id').references((): AnyPgColumn => strategicGroup.id),
    description: text('description'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('strategic_group_code_idx').on(sql`lower(${t.code})`), index('strategic_group_parent_idx').on(t.parentId)],
);

/** Who represents Sweden in a group: delegates and their substitutes. */
export const strategicMember = pgTable(
  'strategic_member',
  {
    groupId: uuid('group_id').notNull().references(() => strategicGroup.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => appUser.id),
    role: text('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index('strategic_member_user_idx').on(t.userId)],
);

export const strategicMeeting = pgTable(
  'strategic_meeting',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id').notNull().references(() => strategicGroup.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    place: text('place').notNull(),
    placeDetail: text('place_detail'),
    /** The report back after the meeting (once it has started). */
    reportBody: text('report_body'),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    reportedBy: uuid('reported_by').references(() => appUser.id),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('strategic_meeting_group_idx').on(t.groupId, t.startsAt), index('strategic_meeting_starts_idx').on(t.startsAt)],
);

export const strategicAgendaItem = pgTable(
  'strategic_agenda_item',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id').notNull().references(() => strategicMeeting.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    note: text('note'),
  },
  (t) => [uniqueIndex('strategic_agenda_meeting_idx').on(t.meetingId, t.position)],
);

/**
 * The national position (instruction) for a meeting. A draft is approved by a supervisor other than the drafter;
 * an approved instruction never changes — a new version is a new draft, which supersedes it once approved.
 */
export const strategicInstruction = pgTable(
  'strategic_instruction',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id').notNull().references(() => strategicMeeting.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    status: text('status').notNull(),
    body: text('body').notNull(),
    classification: text('classification').notNull().default('none'),
    restricted: boolean('restricted').notNull().default(false),
    draftedBy: uuid('drafted_by').notNull().references(() => appUser.id),
    approvedBy: uuid('approved_by').references(() => appUser.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('strategic_instruction_number_idx').on(t.meetingId, t.number),
    // At most one draft per meeting at a time.
    uniqueIndex('strategic_instruction_draft_idx').on(t.meetingId).where(sql`status = 'draft'`),
  ],
);

export const strategicActionItem = pgTable(
  'strategic_action_item',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id').notNull().references(() => strategicMeeting.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    ownerId: uuid('owner_id').notNull().references(() => appUser.id),
    /** A calendar day in Europe/Stockholm. */
    dueDate: text('due_date').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by').references(() => appUser.id),
    doneNote: text('done_note'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('strategic_action_meeting_idx').on(t.meetingId), index('strategic_action_owner_idx').on(t.ownerId, t.dueDate)],
);

export const strategicAttachment = pgTable(
  'strategic_attachment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id').notNull().references(() => strategicMeeting.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('strategic_attachment_meeting_idx').on(t.meetingId)],
);
