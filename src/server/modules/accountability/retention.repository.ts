/**
 * SQL of retention reviews and erasure. Erasure is the one place that writes into the desk's tables from
 * outside the exchange module: it must reach every copy of a person's data, so it works on the tables
 * by name (and finds other modules' tables that point at a person through the catalog).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { rowsOf } from '../../platform/db/client.ts';
import { reviewTask } from './accountability.schema.ts';

export type ReviewTaskRow = typeof reviewTask.$inferSelect;

/** Marker left where erased free text was. */
export const ERASED = '[erased]';

const FINAL = sql`('answered', 'refused', 'withdrawn', 'closed')`;

/**
 * Gives every ended exchange without a review date its first one (Art 16(5)): `months` after it ended
 * (closed, else answered or refused). Returns the requests dated.
 */
export async function scheduleFirstReviews(db: Db, months: number): Promise<{ id: string; next: Date }[]> {
  const rows = rowsOf<{ id: string; next_review_at: Date | string }>(await db.execute(sql`
    UPDATE request r SET next_review_at = COALESCE(r.closed_at, r.answered_at, r.updated_at) + make_interval(months => ${months}::int)
    WHERE r.next_review_at IS NULL AND r.status IN ${FINAL}
      AND NOT EXISTS (SELECT 1 FROM review_task t WHERE t.request_id = r.id AND t.erased_all)
    RETURNING r.id, r.next_review_at`));
  return rows.map((r) => ({ id: r.id, next: new Date(r.next_review_at) }));
}

export interface DueRequest { id: string; reference: string; unit_id: string; next_review_at: Date | string }

/** Requests whose review date has come and that are not on the queue yet. */
export async function dueForReview(db: Db, now: Date, limit = 1000): Promise<DueRequest[]> {
  return rowsOf<DueRequest>(await db.execute(sql`
    SELECT r.id, r.reference, r.unit_id, r.next_review_at FROM request r
    WHERE r.next_review_at <= ${now.toISOString()}
      AND NOT EXISTS (SELECT 1 FROM review_task t WHERE t.request_id = r.id AND (t.status = 'pending' OR t.erased_all))
    ORDER BY r.next_review_at LIMIT ${limit}`));
}

export async function insertTask(db: Db, v: typeof reviewTask.$inferInsert): Promise<ReviewTaskRow | null> {
  return (await db.insert(reviewTask).values(v).onConflictDoNothing().returning())[0] ?? null;
}

export interface QueueRow {
  id: string; request_id: string; reference: string; country_code: string; direction: string; status: string; subject: string;
  closed_at: Date | string | null; due_at: Date | string; queued_at: Date | string; person_count: number;
}

/** The unit's open review tasks, oldest due first. */
export async function pendingTasks(db: Db, unitId: string): Promise<QueueRow[]> {
  return rowsOf<QueueRow>(await db.execute(sql`
    SELECT t.id, t.request_id, r.reference, r.country_code, r.direction, r.status, r.subject, r.closed_at, t.due_at, t.queued_at,
           (SELECT count(*)::int FROM request_person p WHERE p.request_id = r.id) AS person_count
    FROM review_task t JOIN request r ON r.id = t.request_id
    WHERE t.status = 'pending' AND t.unit_id = ${unitId}
    ORDER BY t.due_at, r.reference`));
}

/** A task of the unit, locked for the decision. */
export async function lockTask(db: Db, id: string, unitId: string): Promise<ReviewTaskRow | null> {
  return (await db.select().from(reviewTask).where(and(eq(reviewTask.id, id), eq(reviewTask.unitId, unitId))).limit(1).for('update'))[0] ?? null;
}

export async function closeTask(db: Db, id: string, v: Partial<typeof reviewTask.$inferInsert>): Promise<void> {
  await db.update(reviewTask).set(v).where(eq(reviewTask.id, id));
}

export async function requestForReview(db: Db, id: string) {
  return rowsOf<{ id: string; reference: string; unit_id: string }>(await db.execute(sql`
    SELECT id, reference, unit_id FROM request WHERE id = ${id} FOR UPDATE`))[0] ?? null;
}

export async function setNextReview(db: Db, requestId: string, at: Date | null): Promise<void> {
  await db.execute(sql`UPDATE request SET next_review_at = ${at ? at.toISOString() : null} WHERE id = ${requestId}`);
}

export interface ErasablePerson { id: string; full_name: string; aliases: string[]; date_of_birth: string | null; documents: { number?: string }[] }

export async function personsOfRequest(db: Db, requestId: string): Promise<ErasablePerson[]> {
  return rowsOf<ErasablePerson>(await db.execute(sql`
    SELECT id, full_name, aliases, date_of_birth, documents FROM request_person WHERE request_id = ${requestId} ORDER BY created_at, id`));
}

/** Tables of any module that point at a person (a foreign key to request_person, or a `person_id` uuid column). */
async function tablesPointingAtPersons(db: Db): Promise<{ tbl: string; col: string }[]> {
  return rowsOf<{ tbl: string; col: string }>(await db.execute(sql`
    SELECT c.conrelid::regclass::text AS tbl, quote_ident(a.attname) AS col
    FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
    WHERE c.contype = 'f' AND c.confrelid = 'request_person'::regclass
    UNION
    SELECT quote_ident(table_name), quote_ident(column_name) FROM information_schema.columns
    WHERE table_schema = current_schema() AND column_name = 'person_id' AND data_type = 'uuid'
      AND table_name NOT IN ('audit_event', 'request_person')`));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces every occurrence of the terms (case-insensitive) in a string. */
export function scrub(text: string, terms: string[]): string {
  let out = text;
  for (const term of terms) out = out.replace(new RegExp(escapeRegExp(term), 'giu'), ERASED);
  return out;
}

function scrubJson(v: unknown, terms: string[]): unknown {
  if (typeof v === 'string') return scrub(v, terms);
  if (Array.isArray(v)) return v.map((x) => scrubJson(x, terms));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, scrubJson(x, terms)]));
  return v;
}

export interface ErasureCounts { persons: number; linked: number; messages: number; items: number; attachments: number; notifications: number }

/**
 * Removes persons' data from the live tables: their rows (and rows of any table pointing at them), their
 * names in the request's texts, attachments and notifications. With `all`, every free text of the request
 * goes and its attachments are deleted; what stays are the coded facts the Art 18 statistics count.
 */
export async function erasePersons(db: Db, requestId: string, persons: ErasablePerson[], all: boolean): Promise<ErasureCounts> {
  const ids = persons.map((p) => p.id);
  // A full date of birth (YYYY-MM-DD) is searched for too; a bare year would hit unrelated dates.
  const terms = [...new Set(persons.flatMap((p) => [p.full_name, ...p.aliases, ...(p.documents ?? []).map((d) => d.number ?? ''),
    p.date_of_birth && p.date_of_birth.length >= 10 ? p.date_of_birth : '']))]
    .filter((s) => s.trim().length >= 2).sort((a, b) => b.length - a.length);
  const idList = sql`ARRAY[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::uuid[]`;
  let linked = 0;
  if (ids.length) {
    for (const { tbl, col } of await tablesPointingAtPersons(db)) {
      const r = await db.execute(sql`DELETE FROM ${sql.raw(tbl)} WHERE ${sql.raw(col)} = ANY (${idList})`);
      linked += (r as { rowCount?: number; affectedRows?: number }).rowCount ?? (r as { affectedRows?: number }).affectedRows ?? 0;
    }
    await db.execute(sql`DELETE FROM request_person WHERE id = ANY (${idList})`);
  }
  const c: ErasureCounts = { persons: ids.length, linked, messages: 0, items: 0, attachments: 0, notifications: 0 };

  const req = rowsOf<Record<string, string | null>>(await db.execute(sql`
    SELECT subject, information_sought, purpose, offence, refusal_reason, handling_text, counterpart_reference FROM request WHERE id = ${requestId}`))[0];
  // With `all`, copies of the request's own texts elsewhere (a peer message's payload) go too.
  const copies = all ? [...Object.values(req), ...rowsOf<{ t: string }>(await db.execute(sql`
    SELECT body AS t FROM request_message WHERE request_id = ${requestId} UNION ALL SELECT content FROM request_item WHERE request_id = ${requestId}`)).map((r) => r.t)]
    .filter((v): v is string => !!v && v.trim().length >= 8 && v !== ERASED) : [];
  const reqText = (v: string | null, whole = true) => (v === null ? null : all && whole ? ERASED : scrub(v, terms));
  await db.execute(sql`UPDATE request SET subject = ${reqText(req.subject)}, information_sought = ${reqText(req.information_sought)},
    purpose = ${reqText(req.purpose)}, offence = ${reqText(req.offence)}, refusal_reason = ${reqText(req.refusal_reason)},
    handling_text = ${reqText(req.handling_text, false)}, counterpart_reference = ${reqText(req.counterpart_reference, false)} WHERE id = ${requestId}`);

  for (const m of rowsOf<{ id: string; body: string }>(await db.execute(sql`SELECT id, body FROM request_message WHERE request_id = ${requestId}`))) {
    const body = all ? ERASED : scrub(m.body, terms);
    if (body !== m.body) { await db.execute(sql`UPDATE request_message SET body = ${body} WHERE id = ${m.id}`); c.messages++; }
  }
  for (const it of rowsOf<{ id: string; content: string }>(await db.execute(sql`SELECT id, content FROM request_item WHERE request_id = ${requestId}`))) {
    const content = all ? ERASED : scrub(it.content, terms);
    if (content !== it.content) { await db.execute(sql`UPDATE request_item SET content = ${content} WHERE id = ${it.id}`); c.items++; }
  }
  // Deadline notes keep their codes ('late', refusal grounds) for the statistics; free text in them goes.
  for (const e of rowsOf<{ id: string; kind: string; note: string | null }>(await db.execute(sql`SELECT id, kind, note FROM deadline_event WHERE request_id = ${requestId} AND note IS NOT NULL`))) {
    const note = all && e.kind === 'delay_notified' ? e.note!.replace(/:.*$/s, `: ${ERASED}`) : scrub(e.note!, terms);
    if (note !== e.note) await db.execute(sql`UPDATE deadline_event SET note = ${note} WHERE id = ${e.id}`);
  }
  if (all) {
    const r = rowsOf<{ id: string }>(await db.execute(sql`DELETE FROM attachment WHERE request_id = ${requestId} RETURNING id`));
    c.attachments = r.length;
  } else if (terms.length) {
    for (const a of rowsOf<{ id: string; filename: string; hit: boolean }>(await db.execute(sql`
      SELECT id, filename, (${sql.join(terms.map((term) => sql`position(convert_to(${term}, 'UTF8') IN data) > 0`), sql` OR `)}) AS hit
      FROM attachment WHERE request_id = ${requestId}`))) {
      const filename = scrub(a.filename, terms);
      if (a.hit) { await db.execute(sql`DELETE FROM attachment WHERE id = ${a.id}`); c.attachments++; }
      else if (filename !== a.filename) { await db.execute(sql`UPDATE attachment SET filename = ${filename} WHERE id = ${a.id}`); c.attachments++; }
    }
  }
  const notes = rowsOf<{ id: string; params: unknown }>(await db.execute(sql`
    SELECT id, params FROM notification
    WHERE entity_id = ${requestId} ${ids.length ? sql`OR entity_id = ANY (${idList}) OR ${sql.join(ids.map((id) => sql`params::text LIKE ${'%' + id + '%'}`), sql` OR `)}` : sql``}`));
  for (const n of notes) {
    const params = scrubJson(n.params, [...terms, ...ids]);
    if (JSON.stringify(params) !== JSON.stringify(n.params)) {
      await db.execute(sql`UPDATE notification SET params = ${JSON.stringify(params)}::jsonb WHERE id = ${n.id}`);
      c.notifications++;
    }
  }
  c.linked += await scrubRequestRows(db, requestId, [...terms, ...copies].sort((a, b) => b.length - a.length));
  return c;
}

/** Tables handled above, or that must not change (the audit log is append-only and hash-chained). */
const HANDLED = ['request', 'request_person', 'request_message', 'request_item', 'attachment', 'deadline_event', 'notification', 'audit_event', 'review_task'];

/**
 * Every other table with a `request_id` (other modules' copies: a peer message's payload, a link's remote
 * reference): its text, text[] and jsonb columns in the request's rows are scrubbed of the terms. Found through
 * the catalog, so a table added later is reached without a change here.
 */
async function scrubRequestRows(db: Db, requestId: string, terms: string[]): Promise<number> {
  if (!terms.length) return 0;
  const cols = rowsOf<{ tbl: string; col: string; kind: string }>(await db.execute(sql`
    SELECT quote_ident(c.table_name) AS tbl, quote_ident(c.column_name) AS col,
           CASE WHEN c.data_type = 'jsonb' THEN 'jsonb' WHEN c.data_type = 'ARRAY' THEN 'array' ELSE 'text' END AS kind
    FROM information_schema.columns c
    WHERE c.table_schema = current_schema() AND c.table_name NOT IN (${sql.join(HANDLED.map((h) => sql`${h}`), sql`, `)})
      AND (c.data_type IN ('text', 'character varying', 'jsonb') OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar')))
      AND EXISTS (SELECT 1 FROM information_schema.columns r WHERE r.table_schema = c.table_schema AND r.table_name = c.table_name
        AND r.column_name = 'request_id' AND r.data_type = 'uuid')
    ORDER BY 1, 2`));
  let changed = 0;
  for (const tbl of [...new Set(cols.map((c) => c.tbl))]) {
    const mine = cols.filter((c) => c.tbl === tbl);
    const rows = rowsOf<Record<string, unknown>>(await db.execute(sql`
      SELECT ctid::text AS ctid, ${sql.join(mine.map((c) => sql.raw(c.col)), sql`, `)} FROM ${sql.raw(tbl)} WHERE request_id = ${requestId}`));
    for (const row of rows) {
      const sets = mine.flatMap((c) => {
        const v = row[c.col.replace(/"/g, '')];
        if (v === null || v === undefined) return [];
        const after = scrubJson(v, terms);
        if (JSON.stringify(after) === JSON.stringify(v)) return [];
        if (c.kind === 'jsonb') return [sql`${sql.raw(c.col)} = ${JSON.stringify(after)}::jsonb`];
        if (c.kind === 'array') return [sql`${sql.raw(c.col)} = ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(after)}::jsonb))`];
        return [sql`${sql.raw(c.col)} = ${after as string}`];
      });
      if (!sets.length) continue;
      await db.execute(sql`UPDATE ${sql.raw(tbl)} SET ${sql.join(sets, sql`, `)} WHERE ctid = ${row.ctid as string}::tid`);
      changed++;
    }
  }
  return changed;
}

/** Review decisions on a request, oldest first (for its history). */
export async function tasksOf(db: Db, requestIds: string[]): Promise<ReviewTaskRow[]> {
  if (!requestIds.length) return [];
  return db.select().from(reviewTask).where(inArray(reviewTask.requestId, requestIds)).orderBy(asc(reviewTask.queuedAt));
}

/** Supervisors of a unit: the reviewers told that a review is due. */
export async function reviewersOf(db: Db, unitId: string): Promise<string[]> {
  return rowsOf<{ id: string }>(await db.execute(sql`
    SELECT id FROM app_user WHERE unit_id = ${unitId} AND active AND 'supervisor' = ANY (roles)`)).map((r) => r.id);
}
