/**
 * Interpol (I-24/7 between NCBs and the General Secretariat): notice requests and diffusions, each with the
 * General Secretariat's Article 3 review (Interpol Constitution Art 3: no political, military, religious or
 * racial character). I-link's message format is not public; `polsam.interpol/1` is Polsam's documented JSON form
 * (docs/channels.md). The import of published notices (the public notices API) is in interpol-notices.ts.
 */
import { z } from 'zod';
import { GENDERS, REQUEST_LANGUAGES } from '../../../shared/domain.ts';
import { countryCode, partialDate } from '../../../shared/exchange.schemas.ts';
import { DomainError } from '../../platform/errors.ts';
import { assertNotSeen, compact, parseOrThrow, type ChannelAdapter, type FromWireOptions } from './channel.ts';
import { nullableText, utcInstant } from './message.schemas.ts';

export const INTERPOL_WIRE_FORMAT = 'polsam.interpol/1';
/** No legal answer deadline attaches to the channel itself; a request's own regime applies (Dir. 2023/977 Art 5 for EU counterparts). */
export const INTERPOL_DEADLINE_REGIME_ID = null;

/** Interpol notice colours and kinds (requirements §5; Silver is a pilot). */
export const NOTICE_KINDS = ['red', 'yellow', 'blue', 'black', 'green', 'orange', 'purple', 'un_special', 'silver'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** What a diffusion (NCB-to-NCB request, recorded in Interpol's databases at the same time) asks for. */
export const DIFFUSION_PURPOSES = ['arrest', 'locate', 'identify', 'information'] as const;
export type DiffusionPurpose = (typeof DIFFUSION_PURPOSES)[number];

/** Article 3 review by the General Secretariat of every notice and diffusion. */
export const ARTICLE3_STATUSES = ['pending', 'approved', 'refused'] as const;
export type Article3Status = (typeof ARTICLE3_STATUSES)[number];

/** Interpol entity id "YYYY/N…" (the public API uses 4–6 digits after the year; 1–6 accepted). */
export const ENTITY_ID_RE = /^(\d{4})\/(\d{1,6})$/;
const URL_ID_RE = /^(\d{4})-(\d{1,6})$/;

/** Tells whether a string is a valid Interpol entity id ("2019/12345"). */
export function isEntityId(id: string): boolean {
  const m = ENTITY_ID_RE.exec(id);
  return m !== null && Number(m[1]) >= 1900 && Number(m[1]) <= 2100;
}

/** Converts an entity id to its URL form ("2019/12345" → "2019-12345"). */
export function entityIdToUrl(id: string): string {
  if (!isEntityId(id)) {
    throw new DomainError('validation', 'channels.interpol_entity_id_invalid', { id }, [{ path: 'entityId', code: 'channels.interpol_entity_id_invalid' }]);
  }
  return id.replace('/', '-');
}

/** Converts the URL form of an entity id back ("2019-12345" → "2019/12345"), or returns null when malformed. */
export function entityIdFromUrl(urlId: string): string | null {
  if (!URL_ID_RE.test(urlId)) return null;
  const id = urlId.replace('-', '/');
  return isEntityId(id) ? id : null;
}

const text = (max: number) => z.string().trim().min(1).max(max);
const entityId = z.string().refine(isEntityId, { message: 'channels.interpol_entity_id_invalid' });
const SEX_TO_GENDER = { F: 'female', M: 'male', U: 'unknown' } as const;
const GENDER_TO_SEX = { female: 'F', male: 'M', unknown: 'U' } as const;

const review = z
  .strictObject({
    status: z.enum(ARTICLE3_STATUSES),
    reason: nullableText(2000),
    decidedAt: utcInstant.nullable().default(null),
  })
  .superRefine((r, ctx) => {
    if (r.status === 'refused' && !r.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'channels.interpol_review_reason_required' });
    if (r.status !== 'pending' && !r.decidedAt)
      ctx.addIssue({ code: 'custom', path: ['decidedAt'], message: 'channels.interpol_review_date_required' });
  });

const charge = z.strictObject({ country: countryCode, charge: text(5000), translation: nullableText(5000) });

/** A notice request or diffusion in Polsam's names. */
export const interpolMessage = z
  .strictObject({
    type: z.enum(['notice', 'diffusion']),
    reference: text(100), // the NCB's own reference
    createdAt: utcInstant,
    issuingCountry: countryCode, // the issuing NCB
    noticeKind: z.enum(NOTICE_KINDS, { error: 'channels.interpol_notice_kind_invalid' }).nullable().default(null),
    diffusionPurpose: z.enum(DIFFUSION_PURPOSES).nullable().default(null),
    recipients: z.array(countryCode).max(200).default([]), // diffusions only; notices go to all member countries
    entityId: entityId.nullable().default(null), // assigned by the General Secretariat once recorded
    language: z.enum(REQUEST_LANGUAGES),
    person: z.strictObject({
      forename: nullableText(300),
      name: text(300),
      dateOfBirth: partialDate.nullable().default(null),
      nationalities: z.array(countryCode).max(10).default([]),
      gender: z.enum(GENDERS).default('unknown'),
    }),
    charges: z.array(charge).max(50).default([]),
    body: nullableText(50000),
    review,
  })
  .superRefine((m, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (m.type === 'notice') {
      if (!m.noticeKind) issue('noticeKind', 'channels.interpol_notice_kind_invalid');
      if (m.diffusionPurpose) issue('diffusionPurpose', 'channels.interpol_field_not_on_type');
      if (m.recipients.length) issue('recipients', 'channels.interpol_field_not_on_type');
      // RPD Arts 82-83: a Red Notice rests on an arrest warrant or judgment for an ordinary-law crime.
      if (m.noticeKind === 'red' && m.charges.length === 0) issue('charges', 'channels.interpol_red_requires_charge');
    } else {
      if (!m.diffusionPurpose) issue('diffusionPurpose', 'channels.interpol_diffusion_purpose_required');
      if (m.noticeKind) issue('noticeKind', 'channels.interpol_field_not_on_type');
      if (m.recipients.length === 0) issue('recipients', 'channels.interpol_diffusion_recipients_required');
    }
  });
export type InterpolMessageInput = z.input<typeof interpolMessage>;
export type InterpolMessage = z.output<typeof interpolMessage>;

/** The wire form, close to the public notices API's snake_case names so both read alike. */
export const interpolWire = z.strictObject({
  format: z.literal(INTERPOL_WIRE_FORMAT),
  type: z.enum(['notice', 'diffusion']),
  reference: text(100),
  created_at: utcInstant,
  issuing_country_id: countryCode,
  notice_type: z.enum(NOTICE_KINDS, { error: 'channels.interpol_notice_kind_invalid' }).optional(),
  diffusion_purpose: z.enum(DIFFUSION_PURPOSES).optional(),
  recipient_country_ids: z.array(countryCode).max(200).optional(),
  entity_id: entityId.optional(),
  language: z.enum(REQUEST_LANGUAGES),
  forename: text(300).optional(),
  name: text(300),
  date_of_birth: z.string().refine((d) => interpolDateToPartial(d) !== null, { message: 'channels.interpol_date_invalid' }).optional(),
  nationalities: z.array(countryCode).max(10).optional(),
  sex_id: z.enum(['F', 'M', 'U']),
  arrest_warrants: z
    .array(z.strictObject({ issuing_country_id: countryCode, charge: text(5000), charge_translation: text(5000).optional() }))
    .max(50)
    .optional(),
  body: text(50000).optional(),
  article3_review: z.strictObject({
    status: z.enum(ARTICLE3_STATUSES),
    reason: text(2000).optional(),
    decided_at: utcInstant.optional(),
  }),
});
export type InterpolWire = z.output<typeof interpolWire>;

/** Converts a partial date "1980", "1980-05", "1980-05-17" to Interpol's "1980/00/00" style. */
export function partialDateToInterpol(date: string): string {
  const [y, m = '00', d = '00'] = date.split('-');
  return `${y}/${m}/${d}`;
}

/** Converts Interpol's "YYYY/MM/DD" (00 = unknown) to a partial date, or null when it is not a real date. */
export function interpolDateToPartial(raw: string): string | null {
  const m = /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(raw);
  if (!m) return null;
  const date = m[2] === '00' ? m[1] : m[3] === '00' ? `${m[1]}-${m[2]}` : `${m[1]}-${m[2]}-${m[3]}`;
  if (m[2] === '00' && m[3] !== '00') return null; // a day without a month is not a date
  return partialDate.safeParse(date).success ? date : null;
}

/** Maps a notice request or diffusion to the Interpol JSON form. */
export function toInterpolWire(input: InterpolMessageInput | InterpolMessage): InterpolWire {
  const m = parseOrThrow(interpolMessage, input, 'channels.invalid_message', { channel: 'interpol' });
  const wire = compact({
    format: INTERPOL_WIRE_FORMAT,
    type: m.type,
    reference: m.reference,
    created_at: m.createdAt,
    issuing_country_id: m.issuingCountry,
    notice_type: m.noticeKind,
    diffusion_purpose: m.diffusionPurpose,
    recipient_country_ids: m.recipients.length ? m.recipients : undefined,
    entity_id: m.entityId,
    language: m.language,
    forename: m.person.forename,
    name: m.person.name,
    date_of_birth: m.person.dateOfBirth ? partialDateToInterpol(m.person.dateOfBirth) : undefined,
    nationalities: m.person.nationalities.length ? m.person.nationalities : undefined,
    sex_id: GENDER_TO_SEX[m.person.gender],
    arrest_warrants: m.charges.length
      ? m.charges.map((c) => compact({ issuing_country_id: c.country, charge: c.charge, charge_translation: c.translation }))
      : undefined,
    body: m.body,
    article3_review: compact({ status: m.review.status, reason: m.review.reason, decided_at: m.review.decidedAt }),
  });
  return parseOrThrow(interpolWire, wire, 'channels.invalid_wire', { channel: 'interpol' });
}

/** Reads an untrusted Interpol JSON message into a notice request or diffusion. */
export function fromInterpolWire(raw: unknown, options?: FromWireOptions): InterpolMessage {
  const w = parseOrThrow(interpolWire, raw, 'channels.invalid_wire', { channel: 'interpol' });
  assertNotSeen(w.reference, 'reference', options, 'interpol');
  const dob = w.date_of_birth === undefined ? null : interpolDateToPartial(w.date_of_birth);
  return parseOrThrow(
    interpolMessage,
    {
      type: w.type,
      reference: w.reference,
      createdAt: w.created_at,
      issuingCountry: w.issuing_country_id,
      noticeKind: w.notice_type ?? null,
      diffusionPurpose: w.diffusion_purpose ?? null,
      recipients: w.recipient_country_ids ?? [],
      entityId: w.entity_id ?? null,
      language: w.language,
      person: {
        forename: w.forename ?? null,
        name: w.name,
        dateOfBirth: dob,
        nationalities: w.nationalities ?? [],
        gender: SEX_TO_GENDER[w.sex_id],
      },
      charges: (w.arrest_warrants ?? []).map((a) => ({
        country: a.issuing_country_id,
        charge: a.charge,
        translation: a.charge_translation ?? null,
      })),
      body: w.body ?? null,
      review: { status: w.article3_review.status, reason: w.article3_review.reason ?? null, decidedAt: w.article3_review.decided_at ?? null },
    },
    'channels.invalid_message',
    { channel: 'interpol' },
  );
}

/** The Interpol channel adapter (notice requests and diffusions over I-24/7). */
export const interpolAdapter: ChannelAdapter<InterpolMessage, InterpolWire> = {
  channel: 'interpol',
  wireFormat: INTERPOL_WIRE_FORMAT,
  deadlineRegimeId: INTERPOL_DEADLINE_REGIME_ID,
  canSend: true,
  toWire: toInterpolWire,
  fromWire: fromInterpolWire,
};
