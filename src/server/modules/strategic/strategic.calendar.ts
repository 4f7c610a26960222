/**
 * Meetings as iCalendar (RFC 5545) for the officers' own calendars: a group's meetings, or the meetings of the
 * groups one sits in. Times are UTC; each meeting keeps one UID, so a re-import updates the event (SEQUENCE is the
 * meeting's version). Only the agenda goes out — never the instruction or the report.
 */
import ical, { ICalCalendarMethod } from 'ical-generator';
import { t } from '../../platform/i18n.ts';
import { strategicErrors as E } from './strategic.errors.ts';
import * as repo from './strategic.repository.ts';
import { requireModule, type ActorCtx } from './strategic.service.ts';

/** The stable identifier of a meeting's calendar event. */
export const meetingUid = (meetingId: string) => `${meetingId}@strategic.polsam`;

async function render(ctx: ActorCtx, name: string, rows: Awaited<ReturnType<typeof repo.listMeetings>>): Promise<string> {
  const cal = ical({ name, prodId: { company: 'Polsam', product: 'strategic', language: ctx.locale.toUpperCase() }, method: ICalCalendarMethod.PUBLISH });
  for (const { m, groupCode } of rows) {
    const agenda = await repo.agendaOf(ctx.db, m.id);
    const place = t(ctx.locale, `strategic.place.${m.place}`);
    cal.createEvent({
      id: meetingUid(m.id), sequence: m.version - 1, stamp: m.updatedAt, start: m.startsAt, end: m.endsAt,
      summary: `${groupCode}: ${m.title}`, location: m.placeDetail ? `${place}, ${m.placeDetail}` : place,
      description: agenda.length ? agenda.map((a) => `${a.position}. ${a.title}`).join('\n') : null,
    });
  }
  return cal.toString();
}

/** A group's meetings as an iCalendar file. */
export async function groupCalendar(ctx: ActorCtx, groupId: string): Promise<string> {
  requireModule(ctx);
  const g = await repo.findGroup(ctx.db, groupId);
  if (!g) throw E.notFound();
  return render(ctx, `${g.code} – ${g.name}`, await repo.listMeetings(ctx.db, repo.meetingsOfGroup(g.id)));
}

/** The meetings of every group the reader sits in (as delegate or substitute), from 90 days back. */
export async function myCalendar(ctx: ActorCtx): Promise<string> {
  requireModule(ctx);
  const from = new Date(ctx.clock.now().getTime() - 90 * 86_400_000);
  return render(ctx, t(ctx.locale, 'strategic.calendar.mine'), await repo.listMeetings(ctx.db, repo.meetingsOfMember(ctx.actor.id, from)));
}
