/**
 * What each kind of message between Polsam nodes carries (zod: messages from other nodes are untrusted).
 * `requestId` in follow-ups is always the requester's own request id; the responder keeps the link.
 */
import { z } from 'zod';
import {
  ACCESS_KINDS, CHANNELS, CHANNEL_REASONS, HANDLING_CODES, REFUSAL_GROUNDS, REQUEST_LANGUAGES, URGENCY_REASONS,
} from '../../../shared/domain.ts';
import { itemInput, personInput } from '../../../shared/exchange.schemas.ts';
import type { MessageKind } from './federation.signing.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).nullable().optional();

export const requestPayload = z.object({
  requestId: z.uuid(),
  reference: text(64),
  channel: z.enum(CHANNELS),
  channelReason: z.enum(CHANNEL_REASONS).nullable().optional(),
  counterpartAuthority: text(300),
  urgent: z.boolean(),
  urgencyReason: z.enum(URGENCY_REASONS).nullable().optional(),
  access: z.enum(ACCESS_KINDS),
  language: z.enum(REQUEST_LANGUAGES),
  handlingCode: z.enum(HANDLING_CODES),
  handlingText: optText(2000),
  /** Art 12: whether the offence is within Europol's objectives (absent from peers that predate the question). */
  europolMandate: z.boolean().optional(),
  europolCopy: z.boolean(),
  europolCopyReason: optText(2000),
  subject: text(300),
  informationSought: text(20000),
  purpose: text(20000),
  offence: optText(500),
  persons: z.array(personInput).max(100),
  items: z.array(itemInput).max(200),
});
export type RequestPayload = z.infer<typeof requestPayload>;

const ref = { requestId: z.uuid() };
export const clarificationRequestPayload = z.object({ ...ref, question: text(20000) });
export const clarificationAnswerPayload = z.object({ ...ref, answer: text(20000) });
export const answerPayload = z.object({
  ...ref, body: text(50000), partialRefusalGrounds: z.array(z.enum(REFUSAL_GROUNDS)).max(8), refusalReason: optText(5000),
});
export const refusalPayload = z.object({ ...ref, grounds: z.array(z.enum(REFUSAL_GROUNDS)).min(1).max(8), reason: text(5000) });
// Art 5(2): the expected answer time as one instant, so both nodes show the same (no day arithmetic on either side).
export const delayNoticePayload = z.object({ ...ref, expectedAt: z.iso.datetime({ offset: true }), reason: text(5000) });
/** Dir. (EU) 2023/977 Art 7: information provided on the SPOC's own initiative. */
export const informationPayload = z.object({
  informationId: z.uuid(), reference: text(64), subject: text(300), body: text(50000), language: z.enum(REQUEST_LANGUAGES),
  handlingCode: z.enum(HANDLING_CODES), handlingText: optText(2000), persons: z.array(personInput).max(100), items: z.array(itemInput).max(200),
});
export const ackReadPayload = z.object({ ...ref, readAt: z.iso.datetime({ offset: true }) });

export const payloadSchemas = {
  request: requestPayload,
  clarification_request: clarificationRequestPayload,
  clarification_answer: clarificationAnswerPayload,
  answer: answerPayload,
  refusal: refusalPayload,
  delay_notice: delayNoticePayload,
  information: informationPayload,
  ack_read: ackReadPayload,
} satisfies Record<MessageKind, z.ZodType>;

export type PayloadOf<K extends MessageKind> = z.infer<(typeof payloadSchemas)[K]>;
