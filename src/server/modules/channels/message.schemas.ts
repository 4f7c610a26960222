/**
 * The channel-neutral Polsam message: what the exchange module hands to a channel adapter and gets back.
 * It is direction-neutral (from/to instead of "counterpart"), so one message maps to the wire and back
 * unchanged; requestFromMessage/messageFromRequest bridge it to the request contract (createRequestInput).
 */
import { z } from 'zod';
import { REFUSAL_GROUNDS, type Channel } from '../../../shared/domain.ts';
import {
  countryCode, createRequestInput, documentInput, personInput, type CreateRequestInput,
} from '../../../shared/exchange.schemas.ts';
import { parseOrThrow } from './channel.ts';

const req = createRequestInput.shape;
const text = (max: number) => z.string().trim().min(1).max(max);
/** Optional text, canonically null when absent (so a round trip compares equal). */
export const nullableText = (max: number) => text(max).nullable().default(null);

/** An instant in UTC ("Z"); channel headers are exchanged in UTC (SIRENE field 001, STYLE rule 6). */
export const utcInstant = z.iso.datetime({ error: 'channels.time_not_utc' });

/** Kinds of message on a channel (Dir. (EU) 2023/977 Arts 4–7 and Art 16(1)(a): requests, answers, refusals, clarifications, own-initiative provision). */
export const MESSAGE_KINDS = [
  'request',
  'answer',
  'refusal',
  'clarification_request',
  'clarification',
  'own_initiative',
  'information',
  'acknowledgement',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

// Art 12: the Europol-copy decision is assessed for each request, answer and own-initiative provision.
const ART12_KINDS: readonly MessageKind[] = ['request', 'answer', 'own_initiative'];

export const channelParty = z.strictObject({
  country: countryCode,
  authority: text(300),
  officer: nullableText(200),
});
export type ChannelParty = z.output<typeof channelParty>;

// The shared person and item schemas, with absent optionals made canonical (null) for lossless round trips.
const canonicalDocument = documentInput.transform((d) => ({ ...d, country: d.country ?? null }));
export const messagePerson = personInput
  .extend({ documents: z.array(canonicalDocument).max(20).default([]) })
  .transform((p) => ({ ...p, dateOfBirth: p.dateOfBirth ?? null, notes: p.notes ?? null }));
export type MessagePerson = z.output<typeof messagePerson>;

export const polsamMessage = z
  .strictObject({
    kind: z.enum(MESSAGE_KINDS),
    reference: text(100), // the sender's own reference of this message
    caseReference: nullableText(100), // the thread on the channel (SIENA case, SIRENE file, Interpol file)
    inReplyTo: nullableText(100),
    sentAt: utcInstant,
    from: channelParty,
    to: channelParty,
    language: req.language,
    subject: req.subject,
    body: nullableText(50000),
    urgent: z.boolean().default(false),
    urgencyReason: req.urgencyReason.unwrap().unwrap().nullable().default(null),
    access: req.access.nullable().default(null),
    informationSought: nullableText(20000),
    purpose: nullableText(20000),
    offence: nullableText(500),
    handlingCode: req.handlingCode,
    handlingText: nullableText(2000),
    /** Art 12: whether the offence is within Europol's objectives; null when the sender did not say. */
    europolMandate: z.boolean().nullable().default(null),
    europolCopy: z.boolean().default(false),
    europolCopyReason: nullableText(2000),
    channelReason: req.channelReason.unwrap().unwrap().nullable().default(null),
    refusalGrounds: z.array(z.enum(REFUSAL_GROUNDS)).max(8).default([]),
    persons: z.array(messagePerson).max(100).default([]),
    items: req.items,
  })
  .superRefine((m, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    // Art 4(4): urgency needs one of the listed reasons.
    if (m.urgent && !m.urgencyReason) issue('urgencyReason', 'channels.urgency_reason_required');
    // SIENA handling codes (Council doc 6243/18): only H3 carries free text.
    if (m.handlingCode === 'H3' && !m.handlingText) issue('handlingText', 'channels.handling_text_required');
    if (m.handlingCode !== 'H3' && m.handlingText) issue('handlingText', 'channels.handling_text_only_h3');
    // Art 4(5): the minimum content of a request.
    if (m.kind === 'request') {
      if (!m.access) issue('access', 'channels.request_field_required');
      if (!m.informationSought) issue('informationSought', 'channels.request_field_required');
      if (!m.purpose) issue('purpose', 'channels.request_field_required');
    }
    // Art 6: a refusal names its grounds.
    if (m.kind === 'refusal' && m.refusalGrounds.length === 0) issue('refusalGrounds', 'channels.refusal_grounds_required');
    // Art 12: copying is assessed only for an offence within Europol's objectives; a decision not to copy is reasoned.
    if (ART12_KINDS.includes(m.kind) && m.europolMandate === true && !m.europolCopy && !m.europolCopyReason) issue('europolCopyReason', 'channels.europol_reason_required');
    if (m.europolMandate === false && m.europolCopy) issue('europolCopy', 'channels.europol_copy_outside_mandate');
  });
export type PolsamMessageInput = z.input<typeof polsamMessage>;
export type PolsamMessage = z.output<typeof polsamMessage>;

/** Validates a Polsam message (throws DomainError 'channels.invalid_message' with field issues). */
export function parsePolsamMessage(raw: unknown, channel: Channel): PolsamMessage {
  return parseOrThrow(polsamMessage, raw, 'channels.invalid_message', { channel });
}

/** Builds the outgoing channel message for a Polsam request, given our own party and the message header. */
export function messageFromRequest(
  request: CreateRequestInput,
  header: { reference: string; sentAt: string; from: z.input<typeof channelParty>; caseReference?: string | null },
): PolsamMessage {
  return parsePolsamMessage(
    {
      kind: 'request',
      reference: header.reference,
      caseReference: header.caseReference ?? null,
      sentAt: header.sentAt,
      from: header.from,
      to: { country: request.countryCode, authority: request.counterpartAuthority },
      language: request.language,
      subject: request.subject,
      urgent: request.urgent,
      urgencyReason: request.urgencyReason ?? null,
      access: request.access,
      informationSought: request.informationSought,
      purpose: request.purpose,
      offence: request.offence || null,
      handlingCode: request.handlingCode,
      handlingText: request.handlingText || null,
      europolMandate: request.europolMandate,
      europolCopy: request.europolCopy,
      europolCopyReason: request.europolCopyReason || null,
      channelReason: request.channelReason ?? null,
      persons: request.persons,
      items: request.items,
    },
    request.channel,
  );
}

/** Turns a received request message into the Polsam request contract (incoming; the Art 5 clock starts at receivedAt). */
export function requestFromMessage(message: PolsamMessage, channel: Channel, receivedAt: string): CreateRequestInput {
  return parseOrThrow(
    createRequestInput,
    {
      direction: 'incoming',
      channel,
      channelReason: message.channelReason,
      countryCode: message.from.country,
      counterpartAuthority: message.from.authority,
      counterpartReference: message.reference,
      urgent: message.urgent,
      urgencyReason: message.urgencyReason,
      access: message.access,
      receivedAt,
      language: message.language,
      handlingCode: message.handlingCode,
      handlingText: message.handlingText,
      // A sender that does not state the mandate question but gives a reason or a copy has assessed it.
      europolMandate: message.europolMandate ?? (message.europolCopy || !!message.europolCopyReason),
      europolCopy: message.europolCopy,
      europolCopyReason: message.europolCopyReason,
      subject: message.subject,
      informationSought: message.informationSought,
      purpose: message.purpose,
      offence: message.offence,
      persons: message.persons,
      items: message.items,
    },
    'channels.invalid_request',
    { channel },
  );
}
