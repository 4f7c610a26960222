/**
 * PTN (Polis och Tull i Norden): joint Nordic police and customs liaison officers, where one Nordic country's
 * officer can represent the others abroad (polisen.se, "Regionalt samarbete i Sveriges närområde"). This file
 * holds the liaison-officer directory, routing to the officer covering a country on a date, and the adapter:
 * a Polsam message plus the officer it is routed through (`polsam.ptn/1`, Polsam's own form).
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { countryCode } from '../../../shared/exchange.schemas.ts';
import { DomainError } from '../../platform/errors.ts';
import { assertNotSeen, parseOrThrow, type ChannelAdapter, type FromWireOptions } from './channel.ts';
import { nullableText, parsePolsamMessage, polsamMessage, type PolsamMessage } from './message.schemas.ts';

export const PTN_WIRE_FORMAT = 'polsam.ptn/1';
/** PTN has no deadline of its own; the request's own regime applies (Dir. 2023/977 Art 5 towards EU counterparts). */
export const PTN_DEADLINE_REGIME_ID = null;

/** The Nordic countries that post PTN officers. */
export const NORDIC_COUNTRIES = ['SE', 'DK', 'NO', 'FI', 'IS'] as const;
/** The directory's own country: a Swedish officer is preferred when several cover a country equally well. */
const HOME_COUNTRY = 'SE';

const isoDate = z.iso.date({ error: 'channels.ptn_date_invalid' });

/** One PTN liaison officer's posting. */
export const liaisonOfficer = z
  .strictObject({
    id: z.string().trim().min(1).max(100),
    name: z.string().trim().min(1).max(300),
    homeCountry: z.enum(NORDIC_COUNTRIES), // the Nordic country that seconded the officer
    agency: z.enum(['police', 'customs']), // PTN: police and customs
    postedIn: countryCode,
    covers: z.array(countryCode).min(1).max(60), // countries the officer covers, normally including postedIn
    from: isoDate, // first day of the posting
    to: isoDate.nullable().default(null), // last day, inclusive; null = open-ended
    contact: z.strictObject({ email: z.email().nullable().default(null), phone: nullableText(50) }),
  })
  .superRefine((o, ctx) => {
    if (o.to !== null && o.to < o.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'channels.ptn_period_invalid' });
  });
export type LiaisonOfficerInput = z.input<typeof liaisonOfficer>;
export type LiaisonOfficer = z.output<typeof liaisonOfficer>;

/** Validates a liaison-officer directory (throws DomainError 'channels.ptn_directory_invalid'). */
export function parseDirectory(raw: unknown): LiaisonOfficer[] {
  return parseOrThrow(z.array(liaisonOfficer), raw, 'channels.ptn_directory_invalid');
}

export type RouteResult =
  | { ok: true; officer: LiaisonOfficer; basis: 'posted_in' | 'covers' }
  | { ok: false; code: 'channels.ptn_no_officer'; country: string; date: string };

/**
 * Picks the PTN officer covering a country on a date (the calendar day in Europe/Stockholm when an instant is
 * given); ties are broken by: posted in the country, Swedish, latest posting start, then id.
 */
export function routeVia(directory: readonly LiaisonOfficer[], targetCountry: string, at: Date | string): RouteResult {
  const day =
    typeof at === 'string' && isoDate.safeParse(at).success
      ? at
      : DateTime.fromJSDate(new Date(at)).setZone('Europe/Stockholm').toISODate();
  if (day === null) throw new DomainError('validation', 'channels.ptn_date_invalid', {}, [{ path: 'at', code: 'channels.ptn_date_invalid' }]);
  const candidates = directory.filter(
    (o) => o.from <= day && (o.to === null || day <= o.to) && (o.postedIn === targetCountry || o.covers.includes(targetCountry)),
  );
  if (candidates.length === 0) return { ok: false, code: 'channels.ptn_no_officer', country: targetCountry, date: day };
  const rank = (o: LiaisonOfficer) => [o.postedIn === targetCountry ? 0 : 1, o.homeCountry === HOME_COUNTRY ? 0 : 1] as const;
  candidates.sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    return ra[0] - rb[0] || ra[1] - rb[1] || b.from.localeCompare(a.from) || a.id.localeCompare(b.id);
  });
  const officer = candidates[0];
  return { ok: true, officer, basis: officer.postedIn === targetCountry ? 'posted_in' : 'covers' };
}

const via = z.strictObject({ officerId: z.string().trim().min(1).max(100), postedIn: countryCode });

/** A message routed through a PTN liaison officer. */
export interface PtnMessage {
  via: { officerId: string; postedIn: string };
  message: PolsamMessage;
}

export const ptnWire = z.strictObject({ format: z.literal(PTN_WIRE_FORMAT), via, message: polsamMessage });
export type PtnWire = z.output<typeof ptnWire>;

/** Maps a routed message to the PTN JSON form. */
export function toPtnWire(input: PtnMessage): PtnWire {
  const message = parsePolsamMessage(input.message, 'ptn');
  return parseOrThrow(ptnWire, { format: PTN_WIRE_FORMAT, via: input.via, message }, 'channels.invalid_wire', { channel: 'ptn' });
}

/** Reads an untrusted PTN JSON message. */
export function fromPtnWire(raw: unknown, options?: FromWireOptions): PtnMessage {
  const w = parseOrThrow(ptnWire, raw, 'channels.invalid_wire', { channel: 'ptn' });
  assertNotSeen(w.message.reference, 'message.reference', options, 'ptn');
  return { via: w.via, message: w.message };
}

/** The PTN channel adapter. */
export const ptnAdapter: ChannelAdapter<PtnMessage, PtnWire> = {
  channel: 'ptn',
  wireFormat: PTN_WIRE_FORMAT,
  deadlineRegimeId: PTN_DEADLINE_REGIME_ID,
  canSend: true,
  toWire: toPtnWire,
  fromWire: fromPtnWire,
};
