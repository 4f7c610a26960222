/**
 * The deadline engine: one pure computation behind every legal clock in Polsam (STYLE rule 6).
 * No I/O and no reading of the system clock: `now` is always a parameter.
 *
 * Semantics, each chosen so that the clock Polsam shows is never later than the legal one:
 * - 'hours' is elapsed real time: 8 hours across the 02:00→03:00 spring-forward jump ends 9 wall-clock
 *   hours later (Dir. (EU) 2023/977 Art 5(1)(a) counts hours, not wall-clock readings).
 * - 'calendar_days' is the same Europe/Stockholm wall-clock time N days later, so a DST change does not
 *   move it by an hour (Art 5(1)(b)-(c) "calendar days"; FD 2002/584/JHA Arts 17 and 23 "days").
 *   When that wall-clock time does not exist (spring forward) or exists twice (fall back), the due time
 *   is the first instant at which a Stockholm clock shows that time or later: 03:00 for a missing
 *   02:30, and the first (summer-time) 02:30 for a repeated one.
 *   This reads "N days" as from the moment of the event, which is never later than counting whole days
 *   from the next midnight (Reg. (EEC, Euratom) 1182/71 Art 3); a regime needing the latter needs a new unit.
 * - Clock stops (e.g. awaiting clarification, Art 6(3)) push the due time back by the time the clock
 *   stood still. Stops are merged when they overlap, clipped to the start and to `now` (a clock cannot
 *   have stopped in the future), and a stop that begins after the time has run out does not revive it.
 *   While a stop is open the deadline is paused: the remaining time stays as it was when it paused.
 * - A judicial-authorisation delay (Art 5(2)) does not stop the clock: the deadline may be exceeded only
 *   as far as needed. The requester is told when the answer is expected — one instant, the same on both
 *   nodes, possibly less than a day away — which the engine gives back as `expectedAt` beside the legal
 *   `dueAt`; the legal due time still becomes overdue.
 * - The due instant itself is still in time; overdue means strictly after it.
 */
import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { deadlineError, zodFields } from './deadline.errors.ts';
import {
  BUILT_IN_REGISTRY,
  durationSchema,
  factValueSchema,
  type Duration,
  type FactValue,
  type Regime,
  type RegimeRegistry,
  type Rule,
} from './regimes.ts';

/** The zone of Swedish legal time. */
export const LEGAL_ZONE = 'Europe/Stockholm';
const zone = IANAZone.create(LEGAL_ZONE);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A point in time: a Date or an ISO 8601 string with an explicit offset or `Z`. */
export type Instant = Date | string;
/** The facts of a case; null or undefined means "not known" and matches no rule entry. */
export type Facts = Readonly<Record<string, FactValue | null | undefined>>;

export interface ClockStop {
  from: Instant;
  to: Instant | null; // null: still stopped
}

/** Art 5(2): when the answer is expected, as told to the requester, with the moment it was told. */
export interface ExpectedDelay {
  expectedAt: Instant;
  notifiedAt: Instant;
}

export interface DeadlineInput {
  regimeId: string;
  facts?: Facts;
  /** The instants a rule can start at, by name (`received`, `arrest`, `consent`, `finalDecision` …). */
  events: Readonly<Record<string, Instant>>;
  stops?: readonly ClockStop[];
  delay?: ExpectedDelay | null;
}

export interface Interval {
  from: Date;
  to: Date;
}

export interface AppliedExtension {
  id: string;
  legalBasis: string;
}

export interface Deadline {
  regimeId: string;
  ruleId: string;
  legalBasis: string;
  startAt: Date;
  /** The legal due time, stops included; null when the regime sets no deadline. */
  dueAt: Date | null;
  /** The due time as if the clock had never stopped (extensions included). */
  baseDueAt: Date | null;
  paused: boolean;
  /** dueAt − now: negative when overdue, frozen while paused, null without a deadline. */
  remainingMs: number | null;
  overdue: boolean;
  totalStoppedMs: number;
  /** The stops that moved the due time: merged, clipped, in order; an open one ends at `now`. */
  stops: Interval[];
  extensions: AppliedExtension[];
  /** Art 5(2): when the answer is expected after a notified delay; never moves `dueAt`. */
  expectedAt?: Date;
  delayNotified: boolean;
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

const instantSchema = z.union([
  z.date(), // rejects Invalid Date
  z
    .string()
    .regex(ISO_WITH_OFFSET, 'expected an ISO 8601 instant with offset')
    .transform((s, ctx) => {
      const dt = DateTime.fromISO(s, { setZone: true });
      if (!dt.isValid) {
        ctx.addIssue({ code: 'custom', message: 'not a valid date' });
        return z.NEVER;
      }
      return dt.toJSDate();
    }),
]);

const stopSchema = z
  .strictObject({ from: instantSchema, to: instantSchema.nullable() })
  .refine((s) => s.to === null || s.to.getTime() >= s.from.getTime(), { path: ['to'], message: 'a stop ends before it starts' });

const inputSchema = z.strictObject({
  regimeId: z.string().min(1),
  facts: z.record(z.string(), factValueSchema.nullable().optional()).optional(),
  events: z.record(z.string(), instantSchema),
  stops: z.array(stopSchema).optional(),
  delay: z
    .strictObject({ expectedAt: instantSchema, notifiedAt: instantSchema })
    .refine((d) => d.expectedAt.getTime() > d.notifiedAt.getTime(), { path: ['expectedAt'], message: 'expected before it was told' })
    .nullable()
    .optional(),
});
type ParsedInput = z.infer<typeof inputSchema>;

const CODE_BY_FIELD = {
  events: 'deadline.invalid_start',
  stops: 'deadline.invalid_stop',
  delay: 'deadline.invalid_delay',
  facts: 'deadline.invalid_facts',
} as const;

function parseInput(input: DeadlineInput): ParsedInput {
  const parsed = inputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const field = String(first.path[0] ?? '');
  const code = Object.hasOwn(CODE_BY_FIELD, field) ? CODE_BY_FIELD[field as keyof typeof CODE_BY_FIELD] : 'deadline.invalid_input';
  const params: Record<string, string> = field === 'events' && first.path[1] !== undefined ? { event: String(first.path[1]) } : {};
  throw deadlineError(code, params, zodFields(parsed.error.issues));
}

function parseNow(now: Instant): Date {
  const parsed = instantSchema.safeParse(now);
  if (!parsed.success) throw deadlineError('deadline.invalid_now', {}, zodFields(parsed.error.issues));
  return parsed.data;
}

/** Whether every entry of a `when` equals the case's fact (the matching of rules, extensions and regime choices). */
export function factsMatch(when: Readonly<Record<string, FactValue>>, facts: Facts): boolean {
  return Object.entries(when).every(([key, value]) => facts[key] === value);
}

/** Returns the first rule of the regime whose `when` entries all equal the given facts. */
export function matchRule(regime: Regime, facts: Facts = {}): Rule | undefined {
  return regime.rules.find((rule) => factsMatch(rule.when, facts));
}

/** The calendar year of an instant in Swedish legal time (a reference or a statistic made at 00:30 on 1 January is the new year's). */
export function legalYear(at: Date): number {
  return DateTime.fromJSDate(at, { zone }).year;
}

/** Stockholm wall-clock fields of an instant, carried as a UTC DateTime so that day arithmetic has no DST. */
function toWall(ms: number): DateTime {
  return DateTime.fromMillis(ms, { zone }).setZone('UTC', { keepLocalTime: true });
}

function wallOf(ms: number): number {
  return ms + zone.offset(ms) * MINUTE;
}

/** The first instant at which a Stockholm clock shows the given wall time (as UTC fields) or later. */
function fromWall(wall: DateTime): number {
  const local = wall.toMillis();
  const offsets = [...new Set([zone.offset(local - DAY), zone.offset(local), zone.offset(local + DAY)])];
  const exact = offsets.map((o) => local - o * MINUTE).filter((ms) => wallOf(ms) === local);
  // Fall back: the wall time exists twice; take the earlier instant.
  if (exact.length > 0) return Math.min(...exact);
  // Spring forward: the wall time does not exist; find the end of the gap (a few dozen steps).
  let lo = local - Math.max(...offsets) * MINUTE; // the clock still shows an earlier time here
  let hi = local - Math.min(...offsets) * MINUTE; // the clock already shows a later time here
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallOf(mid) >= local) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Adds durations one after another; consecutive calendar days are counted on the wall clock together. */
function addDurations(start: number, durations: readonly Duration[]): number {
  let at = start;
  let wall: DateTime | null = null;
  for (const d of durations) {
    if (d.unit === 'hours') {
      at += d.amount * HOUR;
      wall = null;
    } else {
      wall = (wall ?? toWall(at)).plus({ days: d.amount });
      at = fromWall(wall);
    }
  }
  return at;
}

/** Adds a legal duration to an instant with the engine's semantics (hours elapsed, calendar days on the Stockholm wall clock). */
export function addDuration(at: Date, duration: Duration): Date {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw deadlineError('deadline.invalid_start');
  const parsed = durationSchema.safeParse(duration);
  if (!parsed.success) throw deadlineError('deadline.invalid_input', {}, zodFields(parsed.error.issues));
  return new Date(addDurations(at.getTime(), [parsed.data]));
}

interface OpenableInterval {
  from: number;
  to: number;
  open: boolean; // still running at `now`
}

/** Clips stops to [start, now], sorts and merges them; touching stops become one. */
function normaliseStops(stops: ParsedInput['stops'], start: number, now: number): OpenableInterval[] {
  const clipped = (stops ?? [])
    .map((s) => {
      const to = s.to === null ? Infinity : s.to.getTime();
      return { from: Math.max(s.from.getTime(), start), to: Math.min(to, now), open: to > now };
    })
    // An open stop that begins exactly now already pauses the clock; a closed empty one is nothing.
    .filter((s) => s.from < s.to || (s.open && s.from === s.to))
    .sort((a, b) => a.from - b.from);
  const merged: OpenableInterval[] = [];
  for (const s of clipped) {
    const last = merged[merged.length - 1];
    if (last && s.from <= last.to) {
      last.to = Math.max(last.to, s.to);
      last.open ||= s.open;
    } else {
      merged.push({ ...s });
    }
  }
  return merged;
}

/**
 * Walks the running clock: the wall instant at which `runningMs` of clock time has elapsed since
 * `start`, skipping the stops; a stop that starts once that time has run out is not counted.
 */
function runClock<T extends { from: number; to: number }>(start: number, runningMs: number, stops: readonly T[]): { at: number; counted: T[] } {
  let at = start;
  let left = runningMs;
  const counted: T[] = [];
  for (const stop of stops) {
    const running = stop.from - at;
    if (running >= left) break;
    left -= running;
    at = stop.to;
    counted.push(stop);
  }
  return { at: at + left, counted };
}

function resolveRule(input: ParsedInput, regimes: RegimeRegistry): { regime: Regime; rule: Rule; start: Date } {
  const regime = regimes.get(input.regimeId);
  if (!regime) throw deadlineError('deadline.unknown_regime', { regime: input.regimeId });
  const rule = matchRule(regime, input.facts);
  if (!rule) throw deadlineError('deadline.no_matching_rule', { regime: regime.id });
  const start = input.events[rule.startsAt];
  if (!start) throw deadlineError('deadline.missing_start', { event: rule.startsAt, rule: rule.id });
  return { regime, rule, start };
}

/** Computes the state of a legal clock at `now`: which rule applies, when it is due, and how much time is left. */
export function computeDeadline(input: DeadlineInput, now: Instant, regimes: RegimeRegistry = BUILT_IN_REGISTRY): Deadline {
  const at = parseNow(now).getTime();
  const parsed = parseInput(input);
  const { regime, rule, start } = resolveRule(parsed, regimes);
  const base = { regimeId: regime.id, ruleId: rule.id, legalBasis: rule.legalBasis, startAt: start };
  const delayNotified = !!parsed.delay && parsed.delay.notifiedAt.getTime() <= at;
  if (rule.duration === null) {
    const none = { dueAt: null, baseDueAt: null, paused: false, remainingMs: null, overdue: false, totalStoppedMs: 0 };
    return { ...base, ...none, stops: [], extensions: [], delayNotified };
  }
  const extensions = (rule.extensions ?? []).filter((e) => factsMatch(e.when, parsed.facts ?? {}));
  const startMs = start.getTime();
  const baseDue = addDurations(startMs, [rule.duration, ...extensions.map((e) => e.duration)]);
  const { at: due, counted } = runClock(startMs, baseDue - startMs, normaliseStops(parsed.stops, startMs, at));
  const last = counted[counted.length - 1];
  const remainingMs = due - at;
  return {
    ...base,
    dueAt: new Date(due),
    baseDueAt: new Date(baseDue),
    paused: !!last && last.open,
    remainingMs,
    overdue: remainingMs < 0,
    totalStoppedMs: counted.reduce((sum, s) => sum + (s.to - s.from), 0),
    stops: counted.map((s) => ({ from: new Date(s.from), to: new Date(s.to) })),
    extensions: extensions.map((e) => ({ id: e.id, legalBasis: e.legalBasis })),
    ...(parsed.delay ? { expectedAt: parsed.delay.expectedAt } : {}),
    delayNotified,
  };
}

const reminderPolicySchema = z.strictObject({
  /** Remind when this share of the legal time is left, e.g. 0.5 and 0.25. */
  fractionsLeft: z.array(z.number().gt(0).lt(1)).default([]),
  /** Remind this much elapsed time before the due time (hours and minutes, not calendar days). */
  before: z
    .array(z.strictObject({ hours: z.number().nonnegative().optional(), minutes: z.number().nonnegative().optional() }))
    .default([]),
  escalateAtDue: z.boolean().default(false),
});
export type ReminderPolicy = z.input<typeof reminderPolicySchema>;

export interface ReminderPoint {
  kind: 'reminder' | 'escalation';
  at: Date;
  /** Stable across recomputations of the same clock, for dedupe by the job runner. */
  key: string;
}

function isoHours(ms: number): string {
  const h = Math.floor(ms / HOUR);
  const m = Math.floor((ms % HOUR) / MINUTE);
  const s = (ms % MINUTE) / 1000;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}`;
}

/** Lists the reminder and escalation points of a deadline in time order, including points already past. */
export function reminderTimes(deadline: Deadline, policy: ReminderPolicy): ReminderPoint[] {
  // Past points are kept: the job runner fires them at once after a restart. Points sit on the running
  // clock, so one that would fall inside a pause moves on by the pause; while paused, points after the
  // pause began are provisional and must be planned again when the deadline changes.
  const parsed = reminderPolicySchema.safeParse(policy);
  if (!parsed.success) throw deadlineError('deadline.invalid_policy', {}, zodFields(parsed.error.issues));
  if (!deadline.dueAt || !deadline.baseDueAt) return [];
  const start = deadline.startAt.getTime();
  const total = deadline.baseDueAt.getTime() - start;
  const stops = deadline.stops.map((s) => ({ from: s.from.getTime(), to: s.to.getTime() }));
  const prefix = [deadline.regimeId, deadline.ruleId, ...deadline.extensions.map((e) => `+${e.id}`)].join('/');
  const points = new Map<string, ReminderPoint>();
  const remindWhenLeft = (leftMs: number, key: string) => {
    // A point before the clock started (e.g. "1 day before" an 8-hour clock) has no meaning.
    if (leftMs <= 0 || leftMs > total) return;
    points.set(key, { kind: 'reminder', at: new Date(runClock(start, total - leftMs, stops).at), key });
  };
  for (const f of parsed.data.fractionsLeft) remindWhenLeft(Math.round(total * f), `${prefix}/left/${f}`);
  for (const b of parsed.data.before) {
    const ms = Math.round(((b.hours ?? 0) * 60 + (b.minutes ?? 0)) * MINUTE);
    remindWhenLeft(ms, `${prefix}/before/${isoHours(ms)}`);
  }
  if (parsed.data.escalateAtDue) {
    points.set(`${prefix}/due`, { kind: 'escalation', at: new Date(deadline.dueAt), key: `${prefix}/due` });
  }
  return [...points.values()].sort((a, b) => a.at.getTime() - b.at.getTime() || a.key.localeCompare(b.key));
}
