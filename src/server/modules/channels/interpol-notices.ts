/**
 * Import of published Interpol notices in the JSON shape of the public notices API (ws-public.interpol.int,
 * OpenAPI description in bundesAPI/interpol-api `openapi.yaml`): list pages and red/yellow/UN details.
 *
 * Built for bulk imports: one record is checked by hand-written code (no per-record schema objects), a bad
 * record becomes an error with its index and reason instead of failing the import, and parseNoticeRecord /
 * parseNoticeStream take one record at a time so a streaming JSON reader can feed them.
 */
import type { Gender } from '../../../shared/domain.ts';
import { DomainError } from '../../platform/errors.ts';
import { entityIdFromUrl, interpolDateToPartial, isEntityId, type NoticeKind } from './interpol.adapter.ts';

/** A charge from a Red Notice's arrest warrant. */
export interface NoticeCharge {
  country: string | null;
  charge: string;
  translation: string | null;
}

/** One published notice, normalised. Detail-only fields are null or empty when read from a list page. */
export interface NoticeRecord {
  entityId: string; // "2019/12345"
  urlId: string; // "2019-12345"
  kind: NoticeKind | null;
  forename: string | null;
  name: string | null;
  dateOfBirth: string | null; // YYYY-MM-DD, or partial YYYY-MM / YYYY when Interpol gives 00
  nationalities: string[];
  sex: Gender;
  charges: NoticeCharge[];
  countryOfBirth: string | null;
  placeOfBirth: string | null;
  heightM: number | null;
  weightKg: number | null;
  distinguishingMarks: string | null;
  eyeColours: string[];
  hairColours: string[];
  languages: string[];
  // Yellow Notice details
  birthName: string | null;
  dateOfEvent: string | null;
  eventPlace: string | null;
  eventCountry: string | null;
  fatherForename: string | null;
  motherForename: string | null;
  motherName: string | null;
  links: { self: string | null; images: string | null; thumbnail: string | null };
}

/** Why one record was not imported; `code` is a `channels.*` error code with a catalog key. */
export interface NoticeImportError {
  index: number;
  entityId: string | null;
  path: string;
  code: string;
}

export interface NoticeParseOptions {
  /** The notice kind when the links do not tell (e.g. a snapshot without `_links`). */
  kind?: NoticeKind;
}

export type NoticeRecordResult = { ok: true; record: NoticeRecord } | { ok: false; error: NoticeImportError };

export interface NoticeListResult {
  total: number | null;
  records: NoticeRecord[];
  errors: NoticeImportError[];
}

const SEX: Record<string, Gender> = { F: 'female', M: 'male', U: 'unknown' };
const COUNTRY_RE = /^[A-Z0-9]{2,3}$/; // ISO alpha-2 mostly; Interpol has a few codes of its own
const KIND_RE = /\/notices\/v1\/(red|yellow|un)(?:\/|\?|$)/;
const KIND_FROM_PATH: Record<string, NoticeKind> = { red: 'red', yellow: 'yellow', un: 'un_special' };

class RecordError extends Error {
  constructor(readonly path: string, readonly code: string) {
    super(code);
  }
}

function str(o: Record<string, unknown>, key: string): string | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new RecordError(key, 'channels.interpol_field_invalid');
  const t = v.trim();
  return t === '' ? null : t;
}

function num(o: Record<string, unknown>, key: string): number | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new RecordError(key, 'channels.interpol_field_invalid');
  return v === 0 ? null : v; // the API uses 0 for "not known"
}

function codes(o: Record<string, unknown>, key: string, code: string): string[] {
  const v = o[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new RecordError(key, code);
  const out: string[] = [];
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    if (typeof c !== 'string' || !COUNTRY_RE.test(c)) throw new RecordError(`${key}.${i}`, code);
    out.push(c);
  }
  return out;
}

function date(o: Record<string, unknown>, key: string): string | null {
  const raw = str(o, key);
  if (raw === null) return null;
  const d = interpolDateToPartial(raw);
  if (d === null) throw new RecordError(key, 'channels.interpol_date_invalid');
  return d;
}

function href(links: unknown, key: string): string | null {
  const v = (links as Record<string, { href?: unknown } | undefined> | undefined)?.[key]?.href;
  return typeof v === 'string' ? v : null;
}

function charges(o: Record<string, unknown>): NoticeCharge[] {
  const v = o.arrest_warrants;
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new RecordError('arrest_warrants', 'channels.interpol_field_invalid');
  return v.map((w: unknown, i) => {
    if (typeof w !== 'object' || w === null) throw new RecordError(`arrest_warrants.${i}`, 'channels.interpol_field_invalid');
    const aw = w as Record<string, unknown>;
    const charge = str(aw, 'charge');
    if (charge === null) throw new RecordError(`arrest_warrants.${i}.charge`, 'channels.interpol_field_invalid');
    return { country: str(aw, 'issuing_country_id'), charge, translation: str(aw, 'charge_translation') };
  });
}

function normalise(raw: unknown, options: NoticeParseOptions): NoticeRecord {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new RecordError('', 'channels.interpol_record_invalid');
  const o = raw as Record<string, unknown>;
  const entityId = o.entity_id;
  if (typeof entityId !== 'string' || !isEntityId(entityId)) throw new RecordError('entity_id', 'channels.interpol_entity_id_invalid');
  const links = o._links;
  const self = href(links, 'self');
  const kindMatch = self ? KIND_RE.exec(self) : null;
  const sexRaw = str(o, 'sex_id');
  if (sexRaw !== null && !(sexRaw in SEX)) throw new RecordError('sex_id', 'channels.interpol_sex_invalid');
  return {
    entityId,
    urlId: entityId.replace('/', '-'),
    kind: kindMatch ? KIND_FROM_PATH[kindMatch[1]] : (options.kind ?? null),
    forename: str(o, 'forename'),
    name: str(o, 'name'),
    dateOfBirth: date(o, 'date_of_birth'),
    nationalities: codes(o, 'nationalities', 'channels.interpol_nationalities_invalid'),
    sex: sexRaw === null ? 'unknown' : SEX[sexRaw],
    charges: charges(o),
    countryOfBirth: str(o, 'country_of_birth_id'),
    placeOfBirth: str(o, 'place_of_birth'),
    heightM: num(o, 'height'),
    weightKg: num(o, 'weight'),
    distinguishingMarks: str(o, 'distinguishing_marks'),
    eyeColours: codes(o, 'eyes_colors_id', 'channels.interpol_field_invalid'),
    hairColours: codes(o, 'hairs_id', 'channels.interpol_field_invalid'),
    languages: codes(o, 'languages_spoken_ids', 'channels.interpol_field_invalid'),
    birthName: str(o, 'birth_name'),
    dateOfEvent: date(o, 'date_of_event'),
    eventPlace: str(o, 'place'),
    eventCountry: str(o, 'country'),
    fatherForename: str(o, 'father_forename'),
    motherForename: str(o, 'mother_forename'),
    motherName: str(o, 'mother_name'),
    links: { self, images: href(links, 'images'), thumbnail: href(links, 'thumbnail') },
  };
}

/** Normalises one notice from a list page or a detail document; never throws for a bad record. */
export function parseNoticeRecord(raw: unknown, index: number, options: NoticeParseOptions = {}): NoticeRecordResult {
  try {
    return { ok: true, record: normalise(raw, options) };
  } catch (e) {
    if (!(e instanceof RecordError)) throw e;
    const id = (raw as { entity_id?: unknown } | null)?.entity_id;
    return { ok: false, error: { index, entityId: typeof id === 'string' ? id : null, path: e.path, code: e.code } };
  }
}

function asObject(json: unknown): Record<string, unknown> {
  const doc = typeof json === 'string' ? safeJson(json) : json;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw new DomainError('validation', 'channels.interpol_document_invalid', {}, [{ path: '', code: 'channels.interpol_document_invalid' }]);
  return doc as Record<string, unknown>;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError('validation', 'channels.interpol_document_invalid', {}, [{ path: '', code: 'channels.interpol_json_invalid' }]);
  }
}

/** Parses a notices list page `{ total, query, _embedded: { notices: [...] } }`, collecting per-record errors. */
export function parseNoticeList(json: unknown, options: NoticeParseOptions = {}): NoticeListResult {
  const doc = asObject(json);
  const notices = (doc._embedded as { notices?: unknown } | undefined)?.notices;
  if (!Array.isArray(notices))
    throw new DomainError('validation', 'channels.interpol_document_invalid', {}, [{ path: '_embedded.notices', code: 'channels.interpol_document_invalid' }]);
  const kindMatch = KIND_RE.exec(href(doc._links, 'self') ?? '');
  const opts = kindMatch && !options.kind ? { kind: KIND_FROM_PATH[kindMatch[1]] } : options;
  const records: NoticeRecord[] = [];
  const errors: NoticeImportError[] = [];
  for (let i = 0; i < notices.length; i++) {
    const r = parseNoticeRecord(notices[i], i, opts);
    if (r.ok) records.push(r.record);
    else errors.push(r.error);
  }
  return { total: typeof doc.total === 'number' ? doc.total : null, records, errors };
}

/** Parses one notice detail document (red, yellow or UN); the result holds the record or its error. */
export function parseNoticeDetail(json: unknown, options: NoticeParseOptions = {}): NoticeRecordResult {
  return parseNoticeRecord(asObject(json), 0, options);
}

/** Parses notices one at a time from any (async) iterable, e.g. a streaming JSON reader over a large export. */
export async function* parseNoticeStream(
  source: AsyncIterable<unknown> | Iterable<unknown>,
  options: NoticeParseOptions = {},
): AsyncGenerator<NoticeRecordResult> {
  let index = 0;
  for await (const raw of source) yield parseNoticeRecord(raw, index++, options);
}

/** Reads the entity id from a notice URL such as `…/notices/v1/red/2019-12345`, or null when there is none. */
export function entityIdFromNoticeUrl(url: string): string | null {
  const m = /\/notices\/v1\/(?:red|yellow|un(?:\/persons)?)\/(\d{4}-\d{1,6})(?:\/|$|\?)/.exec(url);
  return m ? entityIdFromUrl(m[1]) : null;
}
