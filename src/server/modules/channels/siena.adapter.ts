/**
 * SIENA (Europol's Secure Information Exchange Network Application), the default channel for requests,
 * answers and own-initiative provision (Dir. (EU) 2023/977 Art 13(1)).
 *
 * There is no public SIENA message schema. The wire form below, `polsam.siena/1`, is Polsam's own documented
 * JSON form (docs/channels.md) carrying what the public sources say a SIENA message holds: case and message
 * references, handling codes H0–H3 (Council doc 6243/18), the 4x4 evaluation per item (Europol Reg 2016/794
 * Art 29) and the Europol-copy decision (Dir. 2023/977 Art 12). Correct it here when the real field list is known.
 */
import { z } from 'zod';
import {
  ACCESS_KINDS, CHANNEL_REASONS, DOCUMENT_KINDS, GENDERS, HANDLING_CODES, INFO_ACCURACY, ITEM_NATURES,
  REFUSAL_GROUNDS, REQUEST_LANGUAGES, SOURCE_RELIABILITY, SUBJECT_CATEGORIES, URGENCY_REASONS,
} from '../../../shared/domain.ts';
import { countryCode, partialDate } from '../../../shared/exchange.schemas.ts';
import { assertNotSeen, compact, parseOrThrow, type ChannelAdapter } from './channel.ts';
import {
  MESSAGE_KINDS, parsePolsamMessage, utcInstant, type MessagePerson, type PolsamMessage, type PolsamMessageInput,
} from './message.schemas.ts';

export const SIENA_WIRE_FORMAT = 'polsam.siena/1';
/** Traffic on SIENA follows the Directive's answer deadlines (Dir. (EU) 2023/977 Art 5). */
export const SIENA_DEADLINE_REGIME_ID = 'eu-2023-977'; // the id in platform/deadlines/regimes.ts

const text = (max: number) => z.string().trim().min(1).max(max);

// Europol Reg 2016/794 Art 29(1)-(2): source reliability A/B/C/X and information accuracy 1-4, on every item.
const evaluation = z.strictObject({
  sourceReliability: z.enum(SOURCE_RELIABILITY, { error: 'channels.siena_reliability_invalid' }),
  informationAccuracy: z.enum(INFO_ACCURACY, { error: 'channels.siena_accuracy_invalid' }),
});

const party = z.strictObject({ country: countryCode, unit: text(300), officer: text(200).optional() });

const sienaPerson = z.strictObject({
  fullName: text(300),
  aliases: z.array(text(300)).max(50).optional(),
  dateOfBirth: partialDate.optional(),
  gender: z.enum(GENDERS),
  nationalities: z.array(countryCode).max(10).optional(),
  documents: z
    .array(z.strictObject({ kind: z.enum(DOCUMENT_KINDS), number: text(64), country: countryCode.optional() }))
    .max(20)
    .optional(),
  category: z.enum(SUBJECT_CATEGORIES), // LED Art 6
  nature: z.enum(ITEM_NATURES), // LED Art 7(1)
  evaluation,
  notes: text(5000).optional(),
});

const sienaItem = z.strictObject({ content: text(10000), nature: z.enum(ITEM_NATURES), evaluation });

export const sienaWire = z
  .strictObject({
    format: z.literal(SIENA_WIRE_FORMAT),
    messageType: z.enum(MESSAGE_KINDS),
    messageRef: text(100),
    caseRef: text(100).optional(),
    replyTo: text(100).optional(),
    createdAt: utcInstant,
    sender: party,
    recipient: party,
    language: z.enum(REQUEST_LANGUAGES),
    subject: text(300),
    body: text(50000).optional(),
    priority: z.strictObject({ urgent: z.boolean(), reason: z.enum(URGENCY_REASONS).optional() }),
    handling: z.strictObject({
      code: z.enum(HANDLING_CODES, { error: 'channels.siena_handling_code_invalid' }),
      text: text(2000).optional(),
    }),
    europolCopy: z.strictObject({ copy: z.boolean(), reason: text(2000).optional(), mandate: z.boolean().optional() }),
    request: z
      .strictObject({
        access: z.enum(ACCESS_KINDS).optional(),
        informationSought: text(20000).optional(),
        purpose: text(20000).optional(),
        offence: text(500).optional(),
      })
      .optional(),
    channelReason: z.enum(CHANNEL_REASONS).optional(),
    refusalGrounds: z.array(z.enum(REFUSAL_GROUNDS)).max(8).optional(),
    persons: z.array(sienaPerson).max(100).optional(),
    items: z.array(sienaItem).max(200).optional(),
  })
  .superRefine((w, ctx) => {
    // Council doc 6243/18: H3 is "other restrictions" and must say which; H0-H2 are fixed texts.
    if (w.handling.code === 'H3' && !w.handling.text)
      ctx.addIssue({ code: 'custom', path: ['handling', 'text'], message: 'channels.siena_h3_text_required' });
    if (w.handling.code !== 'H3' && w.handling.text)
      ctx.addIssue({ code: 'custom', path: ['handling', 'text'], message: 'channels.handling_text_only_h3' });
  });
export type SienaWire = z.output<typeof sienaWire>;

function personToWire(p: MessagePerson): z.input<typeof sienaPerson> {
  return compact({
    fullName: p.fullName,
    aliases: p.aliases.length ? p.aliases : undefined,
    dateOfBirth: p.dateOfBirth,
    gender: p.gender,
    nationalities: p.nationalities.length ? p.nationalities : undefined,
    documents: p.documents.length ? p.documents.map((d) => compact(d)) : undefined,
    category: p.category,
    nature: p.nature,
    evaluation: { sourceReliability: p.reliability, informationAccuracy: p.accuracy },
    notes: p.notes,
  }) as z.input<typeof sienaPerson>;
}

function personFromWire(p: z.output<typeof sienaPerson>) {
  return {
    fullName: p.fullName,
    aliases: p.aliases ?? [],
    dateOfBirth: p.dateOfBirth ?? null,
    gender: p.gender,
    nationalities: p.nationalities ?? [],
    documents: (p.documents ?? []).map((d) => ({ ...d, country: d.country ?? null })),
    category: p.category,
    nature: p.nature,
    reliability: p.evaluation.sourceReliability,
    accuracy: p.evaluation.informationAccuracy,
    notes: p.notes ?? null,
  };
}

function requestBlock(m: PolsamMessage): SienaWire['request'] {
  const block = compact({ access: m.access, informationSought: m.informationSought, purpose: m.purpose, offence: m.offence });
  return Object.keys(block).length ? block : undefined;
}

/** Maps a Polsam message to the SIENA JSON form (validated on the way out). */
export function toSienaWire(input: PolsamMessageInput | PolsamMessage): SienaWire {
  const m = parsePolsamMessage(input, 'siena');
  const wire = compact({
    format: SIENA_WIRE_FORMAT,
    messageType: m.kind,
    messageRef: m.reference,
    caseRef: m.caseReference,
    replyTo: m.inReplyTo,
    createdAt: m.sentAt,
    sender: compact({ country: m.from.country, unit: m.from.authority, officer: m.from.officer }),
    recipient: compact({ country: m.to.country, unit: m.to.authority, officer: m.to.officer }),
    language: m.language,
    subject: m.subject,
    body: m.body,
    priority: compact({ urgent: m.urgent, reason: m.urgencyReason }),
    handling: compact({ code: m.handlingCode, text: m.handlingText }),
    europolCopy: compact({ copy: m.europolCopy, reason: m.europolCopyReason, mandate: m.europolMandate }),
    request: requestBlock(m),
    channelReason: m.channelReason,
    refusalGrounds: m.refusalGrounds.length ? m.refusalGrounds : undefined,
    persons: m.persons.length ? m.persons.map(personToWire) : undefined,
    items: m.items.length
      ? m.items.map((i) => ({ content: i.content, nature: i.nature, evaluation: { sourceReliability: i.reliability, informationAccuracy: i.accuracy } }))
      : undefined,
  });
  return parseOrThrow(sienaWire, wire, 'channels.invalid_wire', { channel: 'siena' });
}

/** Reads an untrusted SIENA JSON message into a Polsam message (rejects a reference the caller has seen). */
export function fromSienaWire(raw: unknown, options?: { seen?: (reference: string) => boolean }): PolsamMessage {
  const w = parseOrThrow(sienaWire, raw, 'channels.invalid_wire', { channel: 'siena' });
  assertNotSeen(w.messageRef, 'messageRef', options, 'siena');
  return parsePolsamMessage(
    {
      kind: w.messageType,
      reference: w.messageRef,
      caseReference: w.caseRef ?? null,
      inReplyTo: w.replyTo ?? null,
      sentAt: w.createdAt,
      from: { country: w.sender.country, authority: w.sender.unit, officer: w.sender.officer ?? null },
      to: { country: w.recipient.country, authority: w.recipient.unit, officer: w.recipient.officer ?? null },
      language: w.language,
      subject: w.subject,
      body: w.body ?? null,
      urgent: w.priority.urgent,
      urgencyReason: w.priority.reason ?? null,
      access: w.request?.access ?? null,
      informationSought: w.request?.informationSought ?? null,
      purpose: w.request?.purpose ?? null,
      offence: w.request?.offence ?? null,
      handlingCode: w.handling.code,
      handlingText: w.handling.text ?? null,
      europolMandate: w.europolCopy.mandate ?? null,
      europolCopy: w.europolCopy.copy,
      europolCopyReason: w.europolCopy.reason ?? null,
      channelReason: w.channelReason ?? null,
      refusalGrounds: w.refusalGrounds ?? [],
      persons: (w.persons ?? []).map(personFromWire),
      items: (w.items ?? []).map((i) => ({
        content: i.content,
        nature: i.nature,
        reliability: i.evaluation.sourceReliability,
        accuracy: i.evaluation.informationAccuracy,
      })),
    },
    'siena',
  );
}

/** The SIENA channel adapter. */
export const sienaAdapter: ChannelAdapter<PolsamMessage, SienaWire> = {
  channel: 'siena',
  wireFormat: SIENA_WIRE_FORMAT,
  deadlineRegimeId: SIENA_DEADLINE_REGIME_ID,
  canSend: true,
  toWire: toSienaWire,
  fromWire: fromSienaWire,
};
