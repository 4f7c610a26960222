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

/** Persons whose name or an alias contains the text (case-insensitive), at most 100. */
export async function findPersonsByName(db: Db, name: string): Promise<HeldPersonRow[]> {
  const like = `%${name.replace(/[%_\\]/g, '\\$&')}%`;
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
