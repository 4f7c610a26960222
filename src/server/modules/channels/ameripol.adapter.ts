/**
 * Ameripol: Sweden is an observer (polisen.se, "Internationellt samarbete"; requirements §7), so the channel
 * has no data-exchange obligations and no deadlines. Information can be received and recorded; nothing can be
 * sent through it. `polsam.ameripol/1` is Polsam's own JSON form for what arrives (e.g. via SIPA or a liaison).
 */
import { z } from 'zod';
import { REQUEST_LANGUAGES } from '../../../shared/domain.ts';
import { countryCode } from '../../../shared/exchange.schemas.ts';
import { DomainError } from '../../platform/errors.ts';
import { assertNotSeen, compact, parseOrThrow, type ChannelAdapter, type FromWireOptions } from './channel.ts';
import { nullableText, utcInstant } from './message.schemas.ts';

export const AMERIPOL_WIRE_FORMAT = 'polsam.ameripol/1';
/** A regime with no obligations and no deadlines: the deadline engine must start no clock for it. */
export const AMERIPOL_DEADLINE_REGIME_ID = 'ameripol';

const text = (max: number) => z.string().trim().min(1).max(max);

/** Information received through Ameripol, as recorded in Polsam. */
export const ameripolInformation = z.strictObject({
  direction: z.literal('incoming', { error: 'channels.ameripol_send_refused' }),
  reference: text(100), // the sender's reference
  sentAt: utcInstant,
  from: z.strictObject({ country: countryCode, organisation: text(300) }),
  subject: text(300),
  body: text(50000),
  language: z.enum(REQUEST_LANGUAGES).nullable().default(null),
  note: nullableText(2000), // how it reached us (e.g. SIPA, liaison officer)
});
export type AmeripolInformationInput = z.input<typeof ameripolInformation>;
export type AmeripolInformation = z.output<typeof ameripolInformation>;

export const ameripolWire = z.strictObject({
  format: z.literal(AMERIPOL_WIRE_FORMAT),
  reference: text(100),
  sent_at: utcInstant,
  sender_country: countryCode,
  sender_organisation: text(300),
  subject: text(300),
  body: text(50000),
  language: z.enum(REQUEST_LANGUAGES).optional(),
  note: text(2000).optional(),
});
export type AmeripolWire = z.output<typeof ameripolWire>;

/** The refusal for any attempt to send through the observer channel. */
export function ameripolSendRefused(): DomainError {
  return new DomainError('validation', 'channels.ameripol_send_refused', { channel: 'ameripol' });
}

/**
 * Serialises a received record back to its wire form (for archive or export); anything that would be
 * outgoing — a request, an answer, any record not marked incoming — is refused.
 */
export function toAmeripolWire(input: AmeripolInformationInput | AmeripolInformation): AmeripolWire {
  const candidate = input as { direction?: unknown; kind?: unknown };
  if (candidate?.direction !== 'incoming' || candidate.kind !== undefined) throw ameripolSendRefused();
  const r = parseOrThrow(ameripolInformation, input, 'channels.invalid_message', { channel: 'ameripol' });
  const wire = compact({
    format: AMERIPOL_WIRE_FORMAT,
    reference: r.reference,
    sent_at: r.sentAt,
    sender_country: r.from.country,
    sender_organisation: r.from.organisation,
    subject: r.subject,
    body: r.body,
    language: r.language,
    note: r.note,
  });
  return parseOrThrow(ameripolWire, wire, 'channels.invalid_wire', { channel: 'ameripol' });
}

/** Records information received through Ameripol. */
export function fromAmeripolWire(raw: unknown, options?: FromWireOptions): AmeripolInformation {
  const w = parseOrThrow(ameripolWire, raw, 'channels.invalid_wire', { channel: 'ameripol' });
  assertNotSeen(w.reference, 'reference', options, 'ameripol');
  return parseOrThrow(
    ameripolInformation,
    {
      direction: 'incoming',
      reference: w.reference,
      sentAt: w.sent_at,
      from: { country: w.sender_country, organisation: w.sender_organisation },
      subject: w.subject,
      body: w.body,
      language: w.language ?? null,
      note: w.note ?? null,
    },
    'channels.invalid_message',
    { channel: 'ameripol' },
  );
}

/** The Ameripol observer-channel adapter: receive only. */
export const ameripolAdapter: ChannelAdapter<AmeripolInformation, AmeripolWire> = {
  channel: 'ameripol',
  wireFormat: AMERIPOL_WIRE_FORMAT,
  deadlineRegimeId: AMERIPOL_DEADLINE_REGIME_ID,
  canSend: false,
  toWire: toAmeripolWire,
  fromWire: fromAmeripolWire,
};
