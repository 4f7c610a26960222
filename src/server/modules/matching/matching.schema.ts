import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../identity/identity.schema.ts';
import { request, requestPerson } from '../exchange/exchange.schema.ts';
import { wantedPerson } from '../wanted/wanted.schema.ts';

/**
 * A person the cross-check can find: a person named in a request, a wanted person, an imported notice.
 * Written in the same transaction as its source, so a person saved a second ago is found. The foreign keys
 * make the index forget a person when its source is erased (retention, LED Art 16).
 */
export const matchSubject = pgTable(
  'match_subject',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** request_person | wanted_person | external (bench and future sources without a table of their own) */
    kind: text('kind').notNull(),
    sourceId: uuid('source_id').notNull(),
    requestId: uuid('request_id').references(() => request.id, { onDelete: 'cascade' }),
    requestPersonId: uuid('request_person_id').references(() => requestPerson.id, { onDelete: 'cascade' }),
    wantedPersonId: uuid('wanted_person_id').references(() => wantedPerson.id, { onDelete: 'cascade' }),
    /** The request's or register's reference, shown with a hit. */
    reference: text('reference').notNull().default(''),
    /** Primary name first, then other scripts and aliases, as written. */
    names: text('names').array().notNull(),
    birthDate: text('birth_date'),
    nationalities: text('nationalities').array().notNull().default([]),
    gender: text('gender'),
    documents: jsonb('documents').notNull().default([]),
    /** The prepared person (scorer input), valid while `engine` equals the running engine's fingerprint. */
    prepared: jsonb('prepared'),
    engine: text('engine').notNull().default(''),
    /** Inactive subjects (a wanted person no longer sought) stay indexed but raise no hits. */
    active: boolean('active').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('match_subject_source_idx').on(t.kind, t.sourceId),
    index('match_subject_request_idx').on(t.requestId),
  ],
);

/**
 * Blocking keys (see keys.ts): candidates are the subjects sharing a key with the query. The birth year rides
 * along so that a very common key can be narrowed to plausible years by an index range scan.
 */
export const matchKey = pgTable(
  'match_key',
  {
    key: text('key').notNull(),
    birthYear: smallint('birth_year'),
    /** Month × 100 + day of the birth date when known: an exact date ranks first among a crowd of namesakes. */
    birthMd: smallint('birth_md'),
    subjectId: uuid('subject_id').notNull().references(() => matchSubject.id, { onDelete: 'cascade' }),
  },
  (t) => [index('match_key_lookup_idx').on(t.key, t.birthYear, t.birthMd, t.subjectId), index('match_key_subject_key_idx').on(t.subjectId, t.key)],
);

/**
 * How many subjects hold each common key (above a few dozen), refreshed by a recurring job like the planner's
 * statistics. Only weights and the choice to narrow a key by birth year come from here: a key missing (rare, or
 * new since the refresh) is counted at lookup, with a limit, so the index itself never waits for this table.
 */
export const matchKeyStat = pgTable('match_key_stat', {
  key: text('key').primaryKey(),
  n: integer('n').notNull(),
});

/** A cross-check hit: a request's person resembles a stored subject. The officer's judgement is kept for good. */
export const matchHit = pgTable(
  'match_hit',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id').notNull().references(() => request.id, { onDelete: 'cascade' }),
    requestPersonId: uuid('request_person_id').notNull().references(() => requestPerson.id, { onDelete: 'cascade' }),
    subjectId: uuid('subject_id').notNull().references(() => matchSubject.id, { onDelete: 'cascade' }),
    score: doublePrecision('score').notNull(),
    level: text('level').notNull(),
    /** The scorer's explanation: name part pairs and the birth date, nationality, gender and document effects. */
    explanation: jsonb('explanation').notNull(),
    /** open | confirmed | rejected */
    status: text('status').notNull().default('open'),
    note: text('note'),
    decidedBy: uuid('decided_by').references(() => appUser.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('match_hit_pair_idx').on(t.requestPersonId, t.subjectId),
    index('match_hit_request_idx').on(t.requestId, t.status),
    index('match_hit_subject_idx').on(t.subjectId),
  ],
);

/** Matching settings (the alert and review thresholds): stored by an administrator over the engine's defaults. */
export const matchingSetting = pgTable('matching_setting', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

/**
 * A merge of two person records: an officer confirmed that a hit's request person and its target are one person.
 * An identity is the connected component of active links. Undoing a merge marks the link undone; the row stays,
 * so who merged and who separated the records, when and why, is never lost.
 */
export const matchLink = pgTable(
  'match_link',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectA: uuid('subject_a').notNull().references(() => matchSubject.id, { onDelete: 'cascade' }),
    subjectB: uuid('subject_b').notNull().references(() => matchSubject.id, { onDelete: 'cascade' }),
    hitId: uuid('hit_id').notNull().references(() => matchHit.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    undoneBy: uuid('undone_by').references(() => appUser.id),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoReason: text('undo_reason'),
  },
  (t) => [
    uniqueIndex('match_link_hit_idx').on(t.hitId),
    // The identity walk follows active links from either end.
    index('match_link_a_idx').on(t.subjectA).where(sql`undone_at IS NULL`),
    index('match_link_b_idx').on(t.subjectB).where(sql`undone_at IS NULL`),
  ],
);
