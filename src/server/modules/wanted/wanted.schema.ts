import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, customType, index, integer, jsonb, pgSequence, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../identity/identity.schema.ts';
import { request } from '../exchange/exchange.schema.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/** Behind the register's references FAST-0000001 (one sequence; bulk imports draw from it too). */
export const wantedReferenceSeq = pgSequence('wanted_reference_seq', { startWith: 1 });

/** An internationally wanted person in the FAST register, with the arrest that ends the search (if any). */
export const wantedPerson = pgTable(
  'wanted_person',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique().default(sql`'FAST-' || lpad(nextval('wanted_reference_seq')::text, 7, '0')`),
    /** manual | interpol (imported public Red Notice) */
    source: text('source').notNull(),
    /** Interpol entity id of an imported notice: the key that makes imports idempotent. */
    interpolEntityId: text('interpol_entity_id'),
    fullName: text('full_name').notNull(),
    otherScriptNames: text('other_script_names').array().notNull().default([]),
    aliases: text('aliases').array().notNull().default([]),
    dateOfBirth: text('date_of_birth'),
    placeOfBirth: text('place_of_birth'),
    gender: text('gender').notNull().default('unknown'),
    nationalities: text('nationalities').array().notNull().default([]),
    documents: jsonb('documents').notNull().default([]),
    description: text('description'),
    requestingAuthority: text('requesting_authority').notNull(),
    authorityReference: text('authority_reference').notNull(),
    legalBasis: text('legal_basis').notNull(),
    offence: text('offence').notNull(),
    offenceSummary: text('offence_summary'),
    dangerWarnings: text('danger_warnings'),
    handlingWarnings: text('handling_warnings'),
    status: text('status').notNull(),
    /** The arrest: the warrant executed, where and when, consent, and the facts the legal clocks turn on. */
    arrestWarrantId: uuid('arrest_warrant_id'),
    arrestCountry: text('arrest_country'),
    arrestPlace: text('arrest_place'),
    arrestedAt: timestamp('arrested_at', { withTimezone: true }),
    consent: boolean('consent'),
    consentAt: timestamp('consent_at', { withTimezone: true }),
    exceptional: boolean('exceptional').notNull().default(false),
    finalDecisionAt: timestamp('final_decision_at', { withTimezone: true }),
    agreedSurrenderAt: timestamp('agreed_surrender_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    published: boolean('published').notNull().default(false),
    officerId: uuid('officer_id').references(() => appUser.id),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('wanted_person_interpol_idx').on(t.interpolEntityId),
    index('wanted_person_status_idx').on(t.status),
    index('wanted_person_published_idx').on(t.published),
  ],
);

/** A warrant or alert behind the search: EAW, Nordic arrest warrant, SIS Art 26 alert, Red Notice or diffusion. */
export const wantedWarrant = pgTable(
  'wanted_warrant',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => wantedPerson.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    issuingCountry: text('issuing_country').notNull(),
    issuingAuthority: text('issuing_authority').notNull(),
    issuedAt: text('issued_at').notNull(),
    validUntil: text('valid_until'),
    reviewAt: text('review_at'),
    channelReference: text('channel_reference'),
    eaw: jsonb('eaw'),
    article3Status: text('article3_status'),
    article3Reason: text('article3_reason'),
    status: text('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('wanted_warrant_person_idx').on(t.personId)],
);

export const wantedPhoto = pgTable(
  'wanted_photo',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => wantedPerson.id, { onDelete: 'cascade' }),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    /** Whether the photo may be shown on the public appeal once the person is published. */
    isPublic: boolean('is_public').notNull().default(false),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('wanted_photo_person_idx').on(t.personId)],
);

/** Leads and tips: from officers, foreign FAST teams and the public (never readable by the public). */
export const wantedLead = pgTable(
  'wanted_lead',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => wantedPerson.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    sourceCountry: text('source_country'),
    body: text('body').notNull(),
    contact: text('contact'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => appUser.id),
  },
  (t) => [index('wanted_lead_person_idx').on(t.personId, t.receivedAt)],
);

export const wantedTask = pgTable(
  'wanted_task',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => wantedPerson.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    assigneeId: uuid('assignee_id').references(() => appUser.id),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('wanted_task_person_idx').on(t.personId)],
);

export const wantedLocation = pgTable(
  'wanted_location',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => wantedPerson.id, { onDelete: 'cascade' }),
    countryCode: text('country_code').notNull(),
    place: text('place'),
    fromDate: text('from_date'),
    toDate: text('to_date'),
    source: text('source'),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('wanted_location_person_idx').on(t.personId)],
);

/** Requests to and from foreign FAST teams, held by the exchange module and linked here. */
export const wantedRequestLink = pgTable(
  'wanted_request_link',
  {
    personId: uuid('person_id').notNull().references(() => wantedPerson.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id').notNull().references(() => request.id, { onDelete: 'cascade' }),
    direction: text('direction').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.requestId] })],
);

/** The timeline of the search: every action, lead, location and clock point. */
export const wantedEvent = pgTable(
  'wanted_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => wantedPerson.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** Insertion order, to order events that share a timestamp. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    note: text('note'),
    actorId: uuid('actor_id').references(() => appUser.id),
  },
  (t) => [index('wanted_event_person_idx').on(t.personId, t.at)],
);

/** Recorded supervisor decisions to publish a person on the public appeal, and unpublications. */
export const wantedPublicationDecision = pgTable(
  'wanted_publication_decision',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => wantedPerson.id, { onDelete: 'cascade' }),
    decision: text('decision').notNull(),
    reason: text('reason'),
    decidedBy: uuid('decided_by').references(() => appUser.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('wanted_publication_person_idx').on(t.personId, t.decidedAt)],
);
