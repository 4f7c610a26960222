/**
 * The legal clocks after an arrest and the lapse dates of warrants, computed by the one deadline engine
 * (platform/deadlines) and followed up by durable jobs planned in the caller's transaction.
 */
import { z } from 'zod';
import type { WarrantKind } from '../../../shared/wanted.schemas.ts';
import {
  computeDeadline, createRegimeRegistry, reminderTimes, type Deadline, type Regime, type ReminderPolicy,
} from '../../platform/deadlines/index.ts';
import type { Ctx } from '../../platform/context.ts';
import { cancelJobs, scheduleJob } from '../../platform/jobs/job.service.ts';
import type { PersonRow, WarrantRow } from './wanted.repository.ts';

export const CLOCK_JOB = 'wanted.clock_point';
export const LAPSE_JOB = 'wanted.lapse_point';
export const clockJobPayload = z.object({ personId: z.uuid(), clock: z.enum(['decision', 'surrender']), dueAt: z.string(), kind: z.enum(['reminder', 'escalation']), key: z.string() });
export const lapseJobPayload = z.object({ warrantId: z.uuid(), field: z.enum(['validUntil', 'reviewAt']), date: z.string(), kind: z.enum(['reminder', 'escalation']), daysBefore: z.number().int() });

/**
 * Extradition on an Interpol Red Notice or diffusion has no EU clock: the European Convention on Extradition
 * (1957) Art 16(4) lets a provisional arrest end after 18 days without the request, and never run past 40.
 * Loaded as data beside the built-in regimes, as the engine intends for further regimes.
 */
const PROVISIONAL_ARREST: Regime = {
  id: 'extradition-provisional-arrest',
  label: { sv: 'Utlämning – provisoriskt gripande', en: 'Extradition – provisional arrest' },
  source: 'European Convention on Extradition (1957), Art. 16(4)',
  rules: [{
    id: 'arrest', when: {}, startsAt: 'arrest', duration: { amount: 18, unit: 'calendar_days' },
    legalBasis: 'European Convention on Extradition Art. 16(4)',
    extensions: [{ id: 'exceptional', when: { exceptional: true }, duration: { amount: 22, unit: 'calendar_days' }, legalBasis: 'European Convention on Extradition Art. 16(4): 40 days at most' }],
  }],
};
const REGISTRY = createRegimeRegistry([PROVISIONAL_ARREST]);

/** The decision and surrender regimes of each warrant kind (an SIS Art 26 alert carries an EAW: SIRENE Manual §3.1). */
export const REGIMES_BY_WARRANT: Record<WarrantKind, { decision: string; surrender: string | null }> = {
  eaw: { decision: 'eaw-decision', surrender: 'eaw-surrender' },
  sis_art26: { decision: 'eaw-decision', surrender: 'eaw-surrender' },
  naw: { decision: 'naw-decision', surrender: 'naw-surrender' },
  red_notice: { decision: 'extradition-provisional-arrest', surrender: null },
  diffusion: { decision: 'extradition-provisional-arrest', surrender: null },
};

export const CLOCK_REMINDERS: ReminderPolicy = { fractionsLeft: [0.5, 0.2], before: [{ hours: 24 }], escalateAtDue: true };
/** Lapse reminders: 30 and 7 days before a warrant's validity ends or its review falls due, escalation on the day. */
export const LAPSE_REMINDER_DAYS = [30, 7] as const;

export interface ArrestClock {
  clock: 'decision' | 'surrender';
  deadline: Deadline;
  /** The clock has been met: the decision was taken, or the person surrendered. */
  done: boolean;
  /** Facts the officer must notice about this clock (see `clockView.flags`). */
  flags: string[];
}

/** The clocks of an arrested (or since surrendered) person at `now`; none before an arrest. */
export function arrestClocks(p: PersonRow, warrantKind: WarrantKind | null, now: Date): ArrestClock[] {
  if (!p.arrestedAt || !warrantKind) return [];
  const regimes = REGIMES_BY_WARRANT[warrantKind];
  const facts = { consent: p.consent === true, exceptional: p.exceptional, arrested: true, newDateAgreed: !!p.agreedSurrenderAt };
  const events: Record<string, Date> = { arrest: p.arrestedAt };
  if (p.consentAt) events.consent = p.consentAt;
  if (p.finalDecisionAt) events.finalDecision = p.finalDecisionAt;
  if (p.agreedSurrenderAt) events.agreedDate = p.agreedSurrenderAt;
  const stillOpen = p.status === 'arrested';
  const out: ArrestClock[] = [];
  const decisionFacts = p.consent === true && !p.consentAt ? { ...facts, consent: false } : facts;
  const decision = computeDeadline({ regimeId: regimes.decision, facts: decisionFacts, events }, p.finalDecisionAt ?? now, REGISTRY);
  out.push({ clock: 'decision', deadline: decision, done: !!p.finalDecisionAt || !stillOpen, flags: lateConsent(regimes.decision, decisionFacts, events, decision, now) });
  if (regimes.surrender && p.finalDecisionAt) {
    const surrender = computeDeadline({ regimeId: regimes.surrender, facts, events }, stillOpen ? now : (p.closedAt ?? now), REGISTRY);
    out.push({ clock: 'surrender', deadline: surrender, done: !stillOpen, flags: [] });
  }
  return out;
}

/**
 * FD 2002/584/JHA Art 17(2)-(3): consent starts 10 days of its own; consent given after day 50 of the arrest makes
 * them end after the 60 days from the arrest. The engine counts the consent's 10 days; the officer is told that the
 * 60-day limit has been passed, so that the executing authority's reading is checked (and Art 17(4) notice given).
 */
function lateConsent(regimeId: string, facts: Record<string, boolean>, events: Record<string, Date>, decision: Deadline, now: Date): string[] {
  if (regimeId !== 'eaw-decision' || !facts.consent || !events.consent || !decision.dueAt) return [];
  const withoutConsent = computeDeadline({ regimeId, facts: { ...facts, consent: false }, events }, now, REGISTRY);
  return withoutConsent.dueAt && decision.dueAt > withoutConsent.dueAt ? ['consent_after_day_50'] : [];
}

/** Replans the reminder and escalation jobs of a person's running clocks (old points are cancelled). */
export async function refreshClockJobs(ctx: Ctx, p: PersonRow, warrantKind: WarrantKind | null): Promise<void> {
  await cancelJobs(ctx, `wanted:clock:${p.id}:`);
  for (const c of arrestClocks(p, warrantKind, ctx.clock.now())) {
    if (c.done || !c.deadline.dueAt) continue;
    const dueAt = c.deadline.dueAt.toISOString();
    for (const point of reminderTimes(c.deadline, CLOCK_REMINDERS)) {
      await scheduleJob(ctx, {
        kind: CLOCK_JOB, runAt: point.at,
        payload: { personId: p.id, clock: c.clock, dueAt, kind: point.kind, key: point.key },
        dedupeKey: `wanted:clock:${p.id}:${c.clock}:${dueAt}:${point.key}`,
      });
    }
  }
}

/** Midnight Stockholm-ish: a date-only lapse is taken as the start of that day in UTC, never later than the legal day. */
export function dateStart(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** Replans the lapse reminders of an active warrant's validity and review dates. */
export async function refreshLapseJobs(ctx: Ctx, w: WarrantRow): Promise<void> {
  await cancelJobs(ctx, `wanted:lapse:${w.id}:`);
  if (w.status !== 'active') return;
  for (const field of ['validUntil', 'reviewAt'] as const) {
    const date = w[field];
    if (!date) continue;
    const at = dateStart(date);
    for (const days of [...LAPSE_REMINDER_DAYS, 0]) {
      await scheduleJob(ctx, {
        kind: LAPSE_JOB, runAt: new Date(at.getTime() - days * 86_400_000),
        payload: { warrantId: w.id, field, date, kind: days === 0 ? 'escalation' : 'reminder', daysBefore: days },
        dedupeKey: `wanted:lapse:${w.id}:${field}:${date}:${days}`,
      });
    }
  }
}
