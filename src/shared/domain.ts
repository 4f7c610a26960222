/**
 * The shared vocabulary of Polsam: coded lists from the legal acts, used by server, web and CLI.
 * Labels live in the i18n catalogs under `domain.<list>.<code>`; here are only the codes and their sources.
 */

/** Channels (Dir. (EU) 2023/977 Art 13; SIS Reg 2018/1862; Interpol; PTN; Ameripol observer). */
export const CHANNELS = ['siena', 'sirene', 'interpol', 'ptn', 'ameripol', 'bilateral'] as const;
export type Channel = (typeof CHANNELS)[number];
/** SIENA is the default channel (Art 13(1)). */
export const DEFAULT_CHANNEL: Channel = 'siena';

/** Art 13(2): reasons for using a channel other than SIENA. */
export const CHANNEL_REASONS = [
  'a_third_country', // (a) third countries or international organisations involved
  'b_urgency', // (b) urgency requires another channel temporarily
  'c_incident', // (c) unexpected technical or operational incident
] as const;
export type ChannelReason = (typeof CHANNEL_REASONS)[number];

/** Art 4(4): the only reasons that make a request urgent. */
export const URGENCY_REASONS = [
  'public_security', // immediate and serious threat to public security
  'life_or_integrity', // imminent threat to life or physical integrity
  'restrictive_measure', // needed for a decision that may involve restrictive measures up to deprivation of liberty
  'loss_of_relevance', // imminent risk that the information loses relevance
] as const;
export type UrgencyReason = (typeof URGENCY_REASONS)[number];

/** Art 5(1): whether the information is directly or indirectly accessible to the requested SPOC. */
export const ACCESS_KINDS = ['direct', 'indirect'] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];

/** Art 6(1) refusal grounds (a)–(h). */
export const REFUSAL_GROUNDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

/** SIENA handling codes (Council doc 6243/18). H3 carries free text. */
export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const;
export type HandlingCode = (typeof HANDLING_CODES)[number];

/** Source reliability (Europol Reg 2016/794 Art 29(1)). */
export const SOURCE_RELIABILITY = ['A', 'B', 'C', 'X'] as const;
export type SourceReliability = (typeof SOURCE_RELIABILITY)[number];

/** Information accuracy (Europol Reg 2016/794 Art 29(2)). */
export const INFO_ACCURACY = ['1', '2', '3', '4'] as const;
export type InfoAccuracy = (typeof INFO_ACCURACY)[number];

/** LED (EU) 2016/680 Art 6: data-subject categories. */
export const SUBJECT_CATEGORIES = ['suspect', 'convicted', 'victim', 'witness_informant_contact', 'other'] as const;
export type SubjectCategory = (typeof SUBJECT_CATEGORIES)[number];

/** LED Art 7(1): fact or personal assessment. */
export const ITEM_NATURES = ['fact', 'assessment'] as const;
export type ItemNature = (typeof ITEM_NATURES)[number];

export const DIRECTIONS = ['incoming', 'outgoing'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const REQUEST_STATUSES = [
  'draft', // outgoing only, before it is sent
  'received',
  'assigned',
  'in_progress',
  'awaiting_clarification',
  'awaiting_judicial_authorisation',
  'answered',
  'refused',
  'sent', // outgoing, waiting for the answer
  'withdrawn', // the requester withdrew it: ended without an answer or a refusal
  'closed',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Statuses that keep a request on the duty queue (outgoing drafts and sent requests awaiting an answer too). */
export const OPEN_STATUSES: readonly RequestStatus[] = [
  'draft',
  'sent',
  'received',
  'assigned',
  'in_progress',
  'awaiting_clarification',
  'awaiting_judicial_authorisation',
];

/** Named actions on a request; each is one endpoint `POST /api/requests/:id/<action>`. */
export const REQUEST_ACTIONS = [
  'assign',
  'start',
  'request_clarification',
  'receive_clarification',
  'delay_judicial',
  'resume_judicial',
  'answer',
  'refuse',
  'send',
  'record_answer',
  'withdraw',
  'reclassify',
  'close',
  'add_message',
  'add_attachment',
  'add_person',
  'view_persons',
  'edit',
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

export const ROLES = ['duty_officer', 'case_officer', 'supervisor', 'auditor', 'administrator', 'fast_officer', 'peace_ops_officer', 'strategic_officer', 'development_officer'] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ['sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Languages a request may be written in (Art 5(3): answer in the same language). ISO 639-1. */
export const REQUEST_LANGUAGES = [
  'sv', 'en', 'da', 'no', 'fi', 'is', 'de', 'fr', 'es', 'it', 'nl', 'pl', 'pt', 'et', 'lv', 'lt', 'cs', 'sk', 'sl',
  'hu', 'ro', 'bg', 'hr', 'el', 'mt', 'ga', 'ru', 'uk', 'ar', 'tr',
] as const;
export type RequestLanguage = (typeof REQUEST_LANGUAGES)[number];

/** Document kinds on a person. */
export const DOCUMENT_KINDS = ['passport', 'national_id', 'residence_permit', 'driving_licence', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const GENDERS = ['female', 'male', 'unknown'] as const;
export type Gender = (typeof GENDERS)[number];

/** ISO 3166-1 alpha-2 codes; names come from Intl.DisplayNames in the user's language. */
export const COUNTRY_CODES = (
  'AD AE AF AG AI AL AM AO AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BW BY BZ CA CD ' +
  'CF CG CH CI CK CL CM CN CO CR CU CV CW CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE ' +
  'GF GG GH GI GL GM GN GP GQ GR GT GU GW GY HK HN HR HT HU ID IE IL IM IN IQ IR IS IT JE JM JO JP KE KG KH KI KM KN ' +
  'KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY ' +
  'MZ NA NC NE NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG ' +
  'SH SI SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TG TH TJ TL TM TN TO TR TT TV TW TZ UA UG US UY UZ VA VC VE VG VI ' +
  'VN VU WS XK YE YT ZA ZM ZW'
).split(' ');

/** EU Member States bound by Dir. (EU) 2023/977 (Schengen-associated states apply it via their agreements). */
export const EU_MEMBER_STATES = 'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' ');
/**
 * The states whose SPOCs exchange under Dir. (EU) 2023/977: the Member States and the Schengen-associated states
 * (the Directive develops the Schengen acquis). Any other country is a third country: its requests fall outside
 * the Directive's time limits and its Art 18 statistics.
 */
export const DIRECTIVE_STATES: readonly string[] = [...EU_MEMBER_STATES, 'CH', 'IS', 'LI', 'NO'];

/** A country's name in the given language. */
export function countryName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
