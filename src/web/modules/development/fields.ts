/** The forms of development cooperation described as data (labels: `development.fields.<name>`). */
import {
  ACTIVITY_STATUSES, BUDGET_STATUSES, DAC_SECTORS, INDICATOR_MEASURES, MARKER_SIGNIFICANCE, PARTNER_TYPES, RESULT_TYPES, RISK_LEVELS,
} from '../../../shared/development.schemas.ts';
import type { FieldSpec } from './action-form.tsx';

export const PROJECT_FIELDS: FieldSpec[] = [
  { name: 'title', kind: 'text', required: true },
  { name: 'description', kind: 'textarea', required: true },
  { name: 'partnerCountry', kind: 'country', required: true },
  { name: 'partnerName', kind: 'text', required: true },
  { name: 'partnerRef', kind: 'text' },
  { name: 'partnerType', kind: 'select', codes: PARTNER_TYPES, labelPrefix: 'development.partnerType', required: true, initial: '10' },
  { name: 'sector', kind: 'select', codes: DAC_SECTORS, labelPrefix: 'development.sector', required: true },
  { name: 'genderMarker', kind: 'select', codes: MARKER_SIGNIFICANCE, labelPrefix: 'development.marker', required: true },
  { name: 'humanRightsMarker', kind: 'select', codes: MARKER_SIGNIFICANCE, labelPrefix: 'development.marker', required: true },
  { name: 'startDate', kind: 'date', required: true },
  { name: 'endDate', kind: 'date', required: true },
];

export const FIELDS = {
  approve_start: [{ name: 'decision', kind: 'textarea', required: true }],
  close: [{ name: 'note', kind: 'textarea' }],
  cancel: [{ name: 'reason', kind: 'textarea', required: true }],
  add_budget: [
    { name: 'periodStart', kind: 'date', required: true }, { name: 'periodEnd', kind: 'date', required: true },
    { name: 'amount', kind: 'number', required: true },
    { name: 'status', kind: 'select', codes: BUDGET_STATUSES, labelPrefix: 'development.budgetStatus', required: true, initial: 'committed' },
  ],
  add_disbursement: [{ name: 'date', kind: 'date', required: true }, { name: 'amount', kind: 'number', required: true }, { name: 'description', kind: 'text' }],
  add_result: [
    { name: 'type', kind: 'select', codes: RESULT_TYPES, labelPrefix: 'development.resultType', required: true, initial: 'outcome' },
    { name: 'title', kind: 'text', required: true }, { name: 'description', kind: 'textarea' },
  ],
  add_indicator: [
    { name: 'title', kind: 'text', required: true },
    { name: 'measure', kind: 'select', codes: INDICATOR_MEASURES, labelPrefix: 'development.measure', required: true, initial: 'unit' },
    { name: 'ascending', kind: 'checkbox', initial: true },
    { name: 'baselineYear', kind: 'number', required: true }, { name: 'baselineValue', kind: 'number', required: true },
  ],
  record_period: [
    { name: 'periodStart', kind: 'date' }, { name: 'periodEnd', kind: 'date' }, { name: 'target', kind: 'number' }, { name: 'actual', kind: 'number' },
  ],
  add_activity: [
    { name: 'title', kind: 'text', required: true }, { name: 'startDate', kind: 'date', required: true }, { name: 'endDate', kind: 'date', required: true },
    { name: 'status', kind: 'select', codes: ACTIVITY_STATUSES, labelPrefix: 'development.activityStatus', required: true, initial: 'planned' },
  ],
  add_risk: [
    { name: 'description', kind: 'textarea', required: true },
    { name: 'likelihood', kind: 'select', codes: RISK_LEVELS, labelPrefix: 'development.level', required: true },
    { name: 'impact', kind: 'select', codes: RISK_LEVELS, labelPrefix: 'development.level', required: true },
    { name: 'mitigation', kind: 'textarea', required: true },
  ],
  add_lesson: [{ name: 'lesson', kind: 'textarea', required: true }],
  add_contact: [
    { name: 'fullName', kind: 'text', required: true }, { name: 'organisation', kind: 'text', required: true }, { name: 'role', kind: 'text' },
    { name: 'email', kind: 'text' }, { name: 'phone', kind: 'text' },
  ],
} satisfies Record<string, FieldSpec[]>;
