/** SQL of data-subject reports: a person's rows wherever the desk holds them, and the requests they sit in. */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { rowsOf } from '../../platform/db/client.ts';

export interface HeldPersonRow {
  id: string; request_id: string; reference: string; full_name: string; aliases: string[]; date_of_birth: string | null;
  nationalities: string[]; documents: unknown[]; category: string; nature: string; reliability: string; accuracy: string;
  notes: string | null; created_at: Date | string; next_review_at: Date | string | null;
}

const PERSON_COLUMNS = sql`p.id, p.request_id, r.reference, p.full_name, p.aliases, p.date_of_birth, p.nationalities, p.documents,
  p.category, p.nature, p.reliability, p.accuracy, p.notes, p.created_at, r.next_review_at`;

/** A LIKE pattern matching the text anywhere, its wildcards taken literally. */
const containing = (text: string) => `%${text.replace(/[%_\\]/g, '\\$&')}%`;

/** Persons whose name or an alias contains the text (case-insensitive), at most 100. */
export async function findPersonsByName(db: Db, name: string): Promise<HeldPersonRow[]> {
  const like = containing(name);
  return rowsOf<HeldPersonRow>(await db.execute(sql`
    SELECT ${PERSON_COLUMNS} FROM request_person p JOIN request r ON r.id = p.request_id
    WHERE p.full_name ILIKE ${like} OR EXISTS (SELECT 1 FROM unnest(p.aliases) a WHERE a ILIKE ${like})
    ORDER BY p.full_name, r.reference LIMIT 100`));
}

export async function personsByIds(db: Db, ids: string[]): Promise<HeldPersonRow[]> {
  return rowsOf<HeldPersonRow>(await db.execute(sql`
    SELECT ${PERSON_COLUMNS} FROM request_person p JOIN request r ON r.id = p.request_id
    WHERE p.id = ANY (ARRAY[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::uuid[]) ORDER BY r.reference, p.created_at`));
}

export interface HeldRequestRow {
  id: string; reference: string; direction: string; channel: string; country_code: string; counterpart_authority: string;
  status: string; purpose: string; received_at: Date | string | null; answered_at: Date | string | null;
  closed_at: Date | string | null; next_review_at: Date | string | null;
}

export async function requestsByIds(db: Db, ids: string[]): Promise<HeldRequestRow[]> {
  if (!ids.length) return [];
  return rowsOf<HeldRequestRow>(await db.execute(sql`
    SELECT id, reference, direction, channel, country_code, counterpart_authority, status, purpose, received_at, answered_at, closed_at, next_review_at
    FROM request WHERE id = ANY (ARRAY[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::uuid[]) ORDER BY reference`));
}

export async function itemsOfRequests(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return rowsOf<{ request_id: string; content: string; nature: string; reliability: string; accuracy: string }>(await db.execute(sql`
    SELECT request_id, content, nature, reliability, accuracy FROM request_item
    WHERE request_id = ANY (ARRAY[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::uuid[]) ORDER BY created_at, id`));
}

export async function messagesOfRequests(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return rowsOf<{ request_id: string; kind: string; direction: string; body: string; created_at: Date | string }>(await db.execute(sql`
    SELECT request_id, kind, direction, body, created_at FROM request_message
    WHERE request_id = ANY (ARRAY[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::uuid[]) ORDER BY created_at, id`));
}

export interface HeldWantedRow {
  id: string; reference: string; full_name: string; other_script_names: string[]; aliases: string[]; date_of_birth: string | null;
  nationalities: string[]; status: string; offence: string; created_at: Date | string;
}

const WANTED_COLUMNS = sql`id, reference, full_name, other_script_names, aliases, date_of_birth, nationalities, status, offence, created_at`;

/** Persons in the FAST register whose name, a name in another script or an alias contains the text, at most 100. */
export async function findWantedByName(db: Db, name: string): Promise<HeldWantedRow[]> {
  const like = containing(name);
  return rowsOf<HeldWantedRow>(await db.execute(sql`
    SELECT ${WANTED_COLUMNS} FROM wanted_person
    WHERE full_name ILIKE ${like} OR EXISTS (SELECT 1 FROM unnest(aliases || other_script_names) a WHERE a ILIKE ${like})
    ORDER BY full_name, reference LIMIT 100`));
}

export async function wantedByIds(db: Db, ids: string[]): Promise<HeldWantedRow[]> {
  return rowsOf<HeldWantedRow>(await db.execute(sql`
    SELECT ${WANTED_COLUMNS} FROM wanted_person
    WHERE id = ANY (ARRAY[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::uuid[]) ORDER BY reference`));
}
