/** What every peace-operations use case starts from: the area's access rule and today's date in Sweden. */
import { DateTime } from 'luxon';
import type { Actor, Ctx } from '../../platform/context.ts';
import { peaceErrors as E } from './peace.errors.ts';
import { maySeePeace } from './peace.policy.ts';

export type ActorCtx = Ctx & { actor: Actor };

/** Only peace-operations officers see the area; for anybody else it does not exist. */
export function requirePeace(ctx: ActorCtx): void {
  if (!maySeePeace(ctx.actor)) throw E.notFound();
}

/** Today's calendar date in Stockholm (tours and deadlines are Swedish calendar days). */
export function today(ctx: Ctx): string {
  return dateIn(ctx.clock.now());
}

/** The Stockholm calendar date of an instant. */
export function dateIn(at: Date): string {
  return DateTime.fromJSDate(at).setZone('Europe/Stockholm').toISODate()!;
}

/** A calendar date moved by whole days. */
export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}
