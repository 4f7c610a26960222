import { sql } from 'drizzle-orm';
import { bigint, boolean, doublePrecision, index, integer, pgSequence, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appUser, unit } from '../identity/identity.schema.ts';

/** Entry order of a project's results, indicators and risks: the clock may give two entries the same instant. */
const entryOrder = () => bigint('entry_order', { mode: 'number' }).generatedAlwaysAsIdentity();

/** Behind the project references DEV-00001. */
export const developmentReferenceSeq = pgSequence('development_reference_seq', { startWith: 1 });

/** A development cooperation project with a partner-country organisation, owned by one unit (need-to-know). */
export const developmentProject = pgTable(
  'development_project',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique().default(sql`'DEV-' || lpad(nextval('development_reference_seq')::text, 5, '0')`),
    unitId: uuid('unit_id').notNull().references(() => unit.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    partnerCountry: text('partner_country').notNull(),
    partnerName: text('partner_name').notNull(),
    partnerRef: text('partner_ref'),
    /** IATI OrganisationType code. */
    partnerType: text('partner_type').notNull(),
    /** OECD DAC 5-digit purpose code. */
    sector: text('sector').notNull(),
    /** IATI PolicySignificance 0–2 of the gender equality marker (policy-marker vocabulary 1, code 1). */
    genderMarker: text('gender_marker').notNull(),
    /** 0–2 of the unit's own human-rights marker (vocabulary 99: the DAC list has no such marker). */
    humanRightsMarker: text('human_rights_marker').notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    currency: text('currency').notNull().default('SEK'),
    status: text('status').notNull(),
    approvedBy: uuid('approved_by').references(() => appUser.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvalDecision: text('approval_decision'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('development_project_unit_idx').on(t.unitId, t.status)],
);

const projectRef = () => uuid('project_id').notNull().references(() => developmentProject.id, { onDelete: 'cascade' });
const createdBy = () => uuid('created_by').references(() => appUser.id);
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull();

/** A budget line for one period (IATI budget: at most a year each). */
export const developmentBudget = pgTable('development_budget', {
  id: uuid('id').primaryKey().defaultRandom(),
  projectId: projectRef(),
  periodStart: text('period_start').notNull(),
  periodEnd: text('period_end').notNull(),
  amount: bigint('amount', { mode: 'number' }).notNull(),
  status: text('status').notNull(),
  createdBy: createdBy(),
  createdAt: createdAt(),
}, (t) => [index('development_budget_project_idx').on(t.projectId)]);

/** A disbursement to the partner (IATI transaction type 3). */
export const developmentDisbursement = pgTable('development_disbursement', {
  id: uuid('id').primaryKey().defaultRandom(),
  projectId: projectRef(),
  date: text('date').notNull(),
  amount: bigint('amount', { mode: 'number' }).notNull(),
  description: text('description'),
  createdBy: createdBy(),
  createdAt: createdAt(),
}, (t) => [index('development_disbursement_project_idx').on(t.projectId)]);

/** An objective of the results framework (output, outcome or impact). */
export const developmentResult = pgTable('development_result', {
  id: uuid('id').primaryKey().defaultRandom(),
  projectId: projectRef(),
  type: text('type').notNull(),
  title: text('title').notNull(),
  description: text('description'),
  entryOrder: entryOrder(),
  createdAt: createdAt(),
}, (t) => [index('development_result_project_idx').on(t.projectId)]);

export const developmentIndicator = pgTable('development_indicator', {
  id: uuid('id').primaryKey().defaultRandom(),
  projectId: projectRef(),
  resultId: uuid('result_id').notNull().references(() => developmentResult.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  measure: text('measure').notNull(),
  ascending: boolean('ascending').notNull().default(true),
  baselineYear: integer('baseline_year').notNull(),
  baselineValue: doublePrecision('baseline_value').notNull(),
  entryOrder: entryOrder(),
  createdAt: createdAt(),
}, (t) => [index('development_indicator_result_idx').on(t.resultId)]);

/** Target and actual of an indicator for one period. */
export const developmentIndicatorPeriod = pgTable('development_indicator_period', {
  id: uuid('id').primaryKey().defaultRandom(),
  indicatorId: uuid('indicator_id').notNull().references(() => developmentIndicator.id, { onDelete: 'cascade' }),
  periodStart: text('period_start').notNull(),
  periodEnd: text('period_end').notNull(),
  target: doublePrecision('target'),
  actual: doublePrecision('actual'),
  createdAt: createdAt(),
}, (t) => [index('development_indicator_period_idx').on(t.indicatorId, t.periodStart)]);

export const developmentActivity = pgTable('development_activity', {
  id: uuid('id').primaryKey().defaultRandom(),
  projectId: projectRef(),
  title: text('title').notNull(),
  startDate: text('start_date').notNull(),
  endDate: text('end_date').notNull(),
  status: text('status').notNull(),
  createdAt: createdAt(),
}, (t) => [index('development_activity_project_idx').on(t.projectId)]);

export const developmentRisk = pgTable('development_risk', {
  id: uuid('id').primaryKey().defaultRandom(),
  projectId: projectRef(),
  description: text('description').notNull(),
  likelihood: text('likelihood').notNull(),
  impact: text('impact').notNull(),
  mitigation: text('mitigation').notNull(),
  entryOrder: entryOrder(),
  createdAt: createdAt(),
}, (t) => [index('development_risk_project_idx').on(t.projectId)]);

export const developmentLesson = pgTable('development_lesson', {
  id: uuid('id').primaryKey().defaultRandom(),
  projectId: projectRef(),
  lesson: text('lesson').notNull(),
  createdBy: createdBy(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
}, (t) => [index('development_lesson_project_idx').on(t.projectId)]);

/** Contact persons at the partner: personal data, read only with a justification. */
export const developmentContact = pgTable('development_contact', {
  id: uuid('id').primaryKey().defaultRandom(),
  projectId: projectRef(),
  fullName: text('full_name').notNull(),
  organisation: text('organisation').notNull(),
  role: text('role'),
  email: text('email'),
  phone: text('phone'),
  createdBy: createdBy(),
  createdAt: createdAt(),
}, (t) => [index('development_contact_project_idx').on(t.projectId)]);
