/**
 * SIRENE: supplementary information exchanged on SIS alerts (Reg (EU) 2018/1862; SIRENE Manual 2008/334/JHA,
 * 2011/406/EU). The wire form `polsam.sirene/1` keys each form field by its SIRENE field number; the common
 * header (001–005, 307, 308, 311, 327, 345) follows the national G form in Romanian MAI Order 58/2024, the A and
 * M fields (044, 239, 272, 083) the SIRENE Manual. The full field lists of the forms are not public: see docs/channels.md.
 */
import { z } from 'zod';
import { countryCode } from '../../../shared/exchange.schemas.ts';
import { DomainError } from '../../platform/errors.ts';
import { assertNotSeen, compact, parseOrThrow, type ChannelAdapter, type FromWireOptions } from './channel.ts';
import { nullableText, utcInstant } from './message.schemas.ts';

export const SIRENE_WIRE_FORMAT = 'polsam.sirene/1';
/** SIRENE Manual 2011/406/EU §1.3.5: answer as soon as possible, within 12 hours at most (computed by the deadline engine). */
export const SIRENE_DEADLINE_REGIME_ID = 'sirene';

/** The SIS alert articles of Reg (EU) 2018/1862 that SIRENE forms refer to. */
export const SIS_ALERT_ARTICLES = ['26', '32', '34', '36', '38', '40'] as const;
export type SisAlertArticle = (typeof SIS_ALERT_ARTICLES)[number];

/** SIS alert categories, one per article (titles of Arts 34, 38, 40 unconfirmed, see requirements §4). */
export const SIS_ALERT_CATEGORIES = [
  'arrest_for_surrender', // Art 26: arrest for surrender or extradition (EAW)
  'missing_or_vulnerable', // Art 32: missing persons, vulnerable persons to be prevented from travelling
  'judicial_procedure', // Art 34: persons sought to assist with a judicial procedure
  'check', // Art 36: discreet, inquiry or specific checks (persons and objects)
  'seizure_or_evidence', // Art 38: objects for seizure or use as evidence
  'unknown_wanted_person', // Art 40: unknown wanted persons, for identification
] as const;
export type SisAlertCategory = (typeof SIS_ALERT_CATEGORIES)[number];

/** The category of an alert article. */
export function sisAlertCategory(article: SisAlertArticle): SisAlertCategory {
  return SIS_ALERT_CATEGORIES[SIS_ALERT_ARTICLES.indexOf(article)];
}

/** SIRENE forms. A, M, G, H, I, Q are confirmed by the SIRENE Manual; E, F, J, K, L are not (requirements §4). */
export const SIRENE_FORMS = ['A', 'M', 'G', 'H', 'I', 'Q', 'E', 'F', 'J', 'K', 'L'] as const;
export type SireneForm = (typeof SIRENE_FORMS)[number];
export const UNCONFIRMED_SIRENE_FORMS: readonly SireneForm[] = ['E', 'F', 'J', 'K', 'L'];

// --- 002: the form reference, unique within the Member State ---------------------------------------------------
// Polsam's format (the Manual requires uniqueness, not a syntax): CC-YYYY-F-NNNNNN, e.g. "SE-2026-A-000123".
// CC = issuing Member State, YYYY = UTC year of 001, F = form letter, NNNNNN = per-country sequence (6–9 digits).
const REFERENCE_RE = /^([A-Z]{2})-(\d{4})-([A-Z])-(\d{6,9})$/;

export interface SireneReferenceParts {
  country: string;
  year: number;
  form: SireneForm;
  sequence: number;
}

/** Formats a SIRENE form reference (field 002) from its parts. */
export function formatSireneReference(parts: SireneReferenceParts): string {
  if (!Number.isInteger(parts.sequence) || parts.sequence < 1 || parts.sequence > 999_999_999)
    throw new DomainError('validation', 'channels.sirene_reference_invalid', { reference: String(parts.sequence) });
  return `${parts.country}-${parts.year}-${parts.form}-${String(parts.sequence).padStart(6, '0')}`;
}

/** Parses a SIRENE form reference (field 002), or returns null when it is not in Polsam's format. */
export function parseSireneReference(reference: string): SireneReferenceParts | null {
  const m = REFERENCE_RE.exec(reference);
  if (!m) return null;
  const form = m[3] as SireneForm;
  const sequence = Number(m[4]);
  if (!SIRENE_FORMS.includes(form) || sequence < 1 || !countryCode.safeParse(m[1]).success) return null;
  return { country: m[1], year: Number(m[2]), form, sequence };
}

/** Tells whether a string is a valid SIRENE form reference in Polsam's format. */
export function isSireneReference(reference: string): boolean {
  return parseSireneReference(reference) !== null;
}

/**
 * Returns a generator of form references for one country; `nextSequence` must be durable and unique per
 * country (a database sequence in production), which is what makes 002 unique within the Member State.
 */
export function createSireneReferenceGenerator(country: string, nextSequence: () => number) {
  return (form: SireneForm, at: Date): string =>
    formatSireneReference({ country, year: at.getUTCFullYear(), form, sequence: nextSequence() });
}

const sireneReference = z.string().refine(isSireneReference, { message: 'channels.sirene_reference_invalid' });
const text = (max: number) => z.string().trim().min(1).max(max);

// 311 "Important": URGENT with a reason, or a geographic search limited to ST001 country codes (ISO alpha-2 assumed).
const important = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('URGENT'), reason: text(1000) }),
  z.strictObject({ type: z.literal('GEOGRAPHIC_SEARCH'), countries: z.array(countryCode).min(1).max(40) }),
], { error: 'channels.sirene_important_invalid' });

const alertArticle = z.enum(SIS_ALERT_ARTICLES, { error: 'channels.sirene_unknown_article' });

/** The SIRENE wire form: form letter plus fields keyed by SIRENE field number. */
export const sireneWire = z.strictObject({
  format: z.literal(SIRENE_WIRE_FORMAT),
  form: z.enum(SIRENE_FORMS, { error: 'channels.sirene_unknown_form' }),
  fields: z.strictObject({
    '001': z.iso.datetime({
      error: (iss) => (iss.input === undefined ? 'channels.sirene_time_required' : 'channels.sirene_time_not_utc'),
    }), // date and time, UTC
    '002': sireneReference, // form reference
    '003': z.strictObject({ country: countryCode, bureau: text(200), officer: text(200) }), // sender (case officer)
    '004': z.strictObject({ country: countryCode, bureau: text(200).optional() }), // recipient
    '005': z.strictObject({ schengenId: text(64), article: alertArticle }).optional(), // Schengen id and alert article
    '307': text(200).optional(), // offence category
    '308': text(2000).optional(), // alert reason
    '311': important.optional(), // "Important"
    '327': z.array(text(100)).max(50).optional(), // keywords
    '345': text(50).optional(), // Europol dissemination code
    '044': text(20000).optional(), // A form: facts of the case (SIRENE Manual, A form)
    '239': text(20000).optional(), // A form: information only in the EAW
    '272': z.number().int().min(1).max(999).optional(), // A form: EAW sequence number (one A form per EAW, Manual §3.1)
    '083': text(50000).optional(), // M form: the message text
  }),
});
export type SireneWire = z.output<typeof sireneWire>;

/** A SIRENE form in Polsam's own names (the field number is in each comment). */
export const sireneMessage = z
  .strictObject({
    form: z.enum(SIRENE_FORMS, { error: 'channels.sirene_unknown_form' }),
    createdAt: utcInstant, // 001
    reference: sireneReference, // 002
    sender: z.strictObject({ country: countryCode, bureau: text(200), officer: text(200) }), // 003
    recipient: z.strictObject({ country: countryCode, bureau: nullableText(200) }), // 004
    alert: z.strictObject({ schengenId: text(64), article: alertArticle }).nullable().default(null), // 005
    offenceCategory: nullableText(200), // 307
    alertReason: nullableText(2000), // 308
    important: important.nullable().default(null), // 311
    keywords: z.array(text(100)).max(50).default([]), // 327
    europolDissemination: nullableText(50), // 345
    eaw: z
      .strictObject({ facts: text(20000), eawOnly: nullableText(20000), sequence: z.number().int().min(1).max(999) })
      .nullable()
      .default(null), // A form: 044, 239, 272
    text: nullableText(50000), // M form: 083
  })
  .superRefine((m, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const ref = parseSireneReference(m.reference);
    // 002 is unique within the Member State: the reference must be the sender's.
    if (ref && ref.country !== m.sender.country) issue('reference', 'channels.sirene_reference_country_mismatch');
    if (ref && ref.form !== m.form) issue('reference', 'channels.sirene_reference_form_mismatch');
    if (m.form === 'A') {
      // SIRENE Manual §3.1: the A form accompanies an Art 26 alert, one A form per EAW.
      if (!m.eaw) issue('eaw', 'channels.sirene_a_form_fields_required');
      if (!m.alert || m.alert.article !== '26') issue('alert', 'channels.sirene_a_form_needs_art26');
    } else if (m.eaw) issue('eaw', 'channels.sirene_field_not_on_form');
    if (m.form === 'M' && !m.text) issue('text', 'channels.sirene_m_form_text_required');
    if (m.form !== 'M' && m.text) issue('text', 'channels.sirene_field_not_on_form');
    // Forms other than M concern one alert: 005 is required.
    if (m.form !== 'M' && !m.alert) issue('alert', 'channels.sirene_alert_required');
  });
export type SireneMessageInput = z.input<typeof sireneMessage>;
export type SireneMessage = z.output<typeof sireneMessage>;

/** Maps a SIRENE form to its numbered wire form (validated both ways). */
export function toSireneWire(input: SireneMessageInput | SireneMessage): SireneWire {
  const m = parseOrThrow(sireneMessage, input, 'channels.invalid_message', { channel: 'sirene' });
  const wire = {
    format: SIRENE_WIRE_FORMAT,
    form: m.form,
    fields: compact({
      '001': m.createdAt,
      '002': m.reference,
      '003': m.sender,
      '004': compact({ country: m.recipient.country, bureau: m.recipient.bureau }),
      '005': m.alert,
      '307': m.offenceCategory,
      '308': m.alertReason,
      '311': m.important,
      '327': m.keywords.length ? m.keywords : undefined,
      '345': m.europolDissemination,
      '044': m.eaw?.facts,
      '239': m.eaw?.eawOnly,
      '272': m.eaw?.sequence,
      '083': m.text,
    }),
  };
  return parseOrThrow(sireneWire, wire, 'channels.invalid_wire', { channel: 'sirene' });
}

/** Reads an untrusted SIRENE form; a 002 reference the caller has already seen is rejected as a duplicate. */
export function fromSireneWire(raw: unknown, options?: FromWireOptions): SireneMessage {
  const w = parseOrThrow(sireneWire, raw, 'channels.invalid_wire', { channel: 'sirene' });
  const f = w.fields;
  assertNotSeen(f['002'], 'fields.002', options, 'sirene');
  const hasEaw = f['044'] !== undefined || f['239'] !== undefined || f['272'] !== undefined;
  return parseOrThrow(
    sireneMessage,
    {
      form: w.form,
      createdAt: f['001'],
      reference: f['002'],
      sender: f['003'],
      recipient: { country: f['004'].country, bureau: f['004'].bureau ?? null },
      alert: f['005'] ?? null,
      offenceCategory: f['307'] ?? null,
      alertReason: f['308'] ?? null,
      important: f['311'] ?? null,
      keywords: f['327'] ?? [],
      europolDissemination: f['345'] ?? null,
      // Partial A-form data is passed through so that the form rules report what is missing.
      eaw: hasEaw ? { facts: f['044'], eawOnly: f['239'] ?? null, sequence: f['272'] } : null,
      text: f['083'] ?? null,
    },
    'channels.invalid_message',
    { channel: 'sirene' },
  );
}

/** The SIRENE channel adapter. */
export const sireneAdapter: ChannelAdapter<SireneMessage, SireneWire> = {
  channel: 'sirene',
  wireFormat: SIRENE_WIRE_FORMAT,
  deadlineRegimeId: SIRENE_DEADLINE_REGIME_ID,
  canSend: true,
  toWire: toSireneWire,
  fromWire: fromSireneWire,
};
