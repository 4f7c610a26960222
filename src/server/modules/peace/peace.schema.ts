import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, boolean } from 'drizzle-orm/pg-core';
import { appUser } from '../identity/identity.schema.ts';

/** A peace or security operation Sweden contributes police to (UN, EU CSDP, OSCE), with its mandate. */
export const peaceMission = pgTable(
  'peace_mission',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The mission's own short name, e.g. UNMISS, EUMM Georgia. */
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    /** un | eu | osce | other */
    organisation: text('organisation').notNull(),
    countryCode: text('country_code').notNull(),
    mandate: text('mandate').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
);

/** A call for contributions (EEAS CfC, UN vacancy announcement) with a deadline and the posts it offers. */
export const peaceCall = pgTable(
  'peace_call',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    missionId: uuid('mission_id').notNull().references(() => peaceMission.id),
    reference: text('reference').notNull(),
    title: text('title').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    /** open | closed */
    status: text('status').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('peace_call_mission_idx').on(t.missionId), uniqueIndex('peace_call_reference_idx').on(t.missionId, t.reference)],
);

/** One post or expert profile of a call (e.g. "Police Adviser – Community Policing", 2 positions). */
export const peaceCallPost = pgTable(
  'peace_call_post',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id').notNull().references(() => peaceCall.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    profile: text('profile'),
    positions: integer('positions').notNull(),
    /** The language the post requires (code), and the lowest CEFR level accepted. */
    language: text('language'),
    languageLevel: text('language_level'),
  },
  (t) => [index('peace_call_post_call_idx').on(t.callId)],
);

/**
 * A police employee on the roster of pre-identified candidates: languages, driving, AMS/SAAT results and earlier
 * missions. Certificates (with expiry) have their own table; next of kin and medical readiness live with the
 * deployment, apart, as special-category data.
 */
export const peaceCandidate = pgTable(
  'peace_candidate',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employeeNumber: text('employee_number').notNull().unique(),
    fullName: text('full_name').notNull(),
    gender: text('gender').notNull(),
    /** The police unit the officer serves in at home (free text: the Police's own organisation). */
    homeUnit: text('home_unit').notNull(),
    /** [{ language, level }] with CEFR levels A1–C2. */
    languages: jsonb('languages').notNull().default([]),
    drivingLicence: boolean('driving_licence').notNull().default(false),
    /** [{ part, date, passed }]: UN AMS/SAAT parts (English, French, driving, firearms, computer, interview). */
    assessments: jsonb('assessments').notNull().default([]),
    /** [{ mission, organisation, from, to }] served before Polsam kept the roster. */
    earlierMissions: jsonb('earlier_missions').notNull().default([]),
    /** active | withdrawn */
    status: text('status').notNull().default('active'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
);

/** Training certificates: eHEST, pre-deployment training (ESDC/UN PDT), hostile-environment, first aid … */
export const peaceCertificate = pgTable(
  'peace_certificate',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    candidateId: uuid('candidate_id').notNull().references(() => peaceCandidate.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    expiresOn: date('expires_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('peace_certificate_candidate_idx').on(t.candidateId), index('peace_certificate_expiry_idx').on(t.expiresOn)],
);

/** An officer's application for a post of a call. */
export const peaceApplication = pgTable(
  'peace_application',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postId: uuid('post_id').notNull().references(() => peaceCallPost.id, { onDelete: 'cascade' }),
    candidateId: uuid('candidate_id').notNull().references(() => peaceCandidate.id, { onDelete: 'cascade' }),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('peace_application_post_candidate_idx').on(t.postId, t.candidateId)],
);

/**
 * The seconding agency's nomination of a candidate to a post: proposed by a peace officer, decided by a
 * supervisor (nominated | rejected), then the organisation's outcome (selected | not_selected) is recorded.
 */
export const peaceNomination = pgTable(
  'peace_nomination',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postId: uuid('post_id').notNull().references(() => peaceCallPost.id, { onDelete: 'cascade' }),
    candidateId: uuid('candidate_id').notNull().references(() => peaceCandidate.id, { onDelete: 'cascade' }),
    /** proposed | nominated | rejected | selected | not_selected */
    status: text('status').notNull(),
    decidedBy: uuid('decided_by').references(() => appUser.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    outcomeOn: date('outcome_on', { mode: 'string' }),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('peace_nomination_post_candidate_idx').on(t.postId, t.candidateId), index('peace_nomination_candidate_idx').on(t.candidateId)],
);

/** A tour of duty: who serves where from when to when; extensions move the end and are kept as history. */
export const peaceDeployment = pgTable(
  'peace_deployment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    candidateId: uuid('candidate_id').notNull().references(() => peaceCandidate.id),
    missionId: uuid('mission_id').notNull().references(() => peaceMission.id),
    nominationId: uuid('nomination_id').references(() => peaceNomination.id),
    postTitle: text('post_title').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    /** The planned rotation-out date; moved by extensions, set to the real last day when the tour ends early. */
    endDate: date('end_date', { mode: 'string' }).notNull(),
    originalEndDate: date('original_end_date', { mode: 'string' }).notNull(),
    /** active | ended */
    status: text('status').notNull(),
    endReason: text('end_reason'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('peace_deployment_candidate_idx').on(t.candidateId, t.startDate),
    index('peace_deployment_mission_idx').on(t.missionId),
    uniqueIndex('peace_deployment_nomination_idx').on(t.nominationId),
  ],
);

export const peaceExtension = pgTable(
  'peace_extension',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deploymentId: uuid('deployment_id').notNull().references(() => peaceDeployment.id, { onDelete: 'cascade' }),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    decidedBy: uuid('decided_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('peace_extension_deployment_idx').on(t.deploymentId)],
);

/**
 * Special-category data of a tour (GDPR Art 9 health data; next of kin): kept apart, never in a list, read only
 * with a stated justification that is logged.
 */
export const peaceDeploymentWelfare = pgTable(
  'peace_deployment_welfare',
  {
    deploymentId: uuid('deployment_id').primaryKey().references(() => peaceDeployment.id, { onDelete: 'cascade' }),
    nextOfKinName: text('next_of_kin_name'),
    nextOfKinRelation: text('next_of_kin_relation'),
    nextOfKinPhone: text('next_of_kin_phone'),
    /** fit | fit_with_restrictions | unfit | pending */
    medicalStatus: text('medical_status').notNull(),
    medicalCheckedOn: date('medical_checked_on', { mode: 'string' }),
    medicalNote: text('medical_note'),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => appUser.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
);
