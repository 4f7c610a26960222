/**
 * The deadline engine's public surface: every legal clock in Polsam is computed here (STYLE rule 6).
 * Cross-cutting: it knows no domain module; modules pass facts and event instants in.
 */
export {
  LEGAL_ZONE,
  addDuration,
  computeDeadline,
  factsMatch,
  legalYear,
  matchRule,
  reminderTimes,
  type AppliedExtension,
  type ClockStop,
  type Deadline,
  type DeadlineInput,
  type ExpectedDelay,
  type Facts,
  type Instant,
  type Interval,
  type ReminderPoint,
  type ReminderPolicy,
} from './deadline.ts';
export {
  BUILT_IN_REGIMES,
  BUILT_IN_REGISTRY,
  DURATION_UNITS,
  createRegimeRegistry,
  parseRegimes,
  regimeSchema,
  type Duration,
  type DurationUnit,
  type Extension,
  type FactValue,
  type Regime,
  type RegimeRegistry,
  type Rule,
} from './regimes.ts';
export { DEADLINE_ERROR_CODES, type DeadlineErrorCode } from './deadline.errors.ts';
