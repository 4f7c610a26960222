/** How stored facts are presented in the record: a clock with its flags, and a timeline event's coded facts. */
import { eventParams, type EventParams } from '../../../shared/wanted.schemas.ts';
import type { arrestClocks } from './wanted.clocks.ts';

/** The coded facts of a stored event; an event written before they were coded keeps its text note. */
export function eventParamsOf(note: string | null): EventParams | null {
  if (!note?.startsWith('{')) return null;
  try {
    const parsed = eventParams.safeParse(JSON.parse(note));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The clocks whose Nordic time limit was recorded as exceeded for special reasons (`naw_overrun` events). */
export function overrunClocks(timeline: { kind: string; params: EventParams | null }[]): string[] {
  return timeline.filter((e) => e.kind === 'naw_overrun').map((e) => String(e.params?.clock ?? ''));
}

export function clockViewOf(c: ReturnType<typeof arrestClocks>[number], overrun: string[] = []) {
  const d = c.deadline;
  return {
    clock: c.clock, regimeId: d.regimeId, ruleId: d.ruleId, legalBasis: d.legalBasis, startAt: d.startAt.toISOString(), dueAt: d.dueAt?.toISOString() ?? null,
    remainingMs: c.done ? null : d.remainingMs, overdue: !c.done && d.overdue, done: c.done, extensions: d.extensions.map((e) => e.id),
    flags: [...c.flags, ...(overrun.includes(c.clock) ? ['overrun_special_reasons'] : [])],
  };
}
