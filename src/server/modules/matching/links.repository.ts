/**
 * SQL of person links (merges confirmed by officers, and their undoing) and of the matching settings.
 * An identity is the connected component of active links, read with a bounded recursive walk.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { rowsOf } from '../../platform/db/client.ts';
import { matchingSetting } from './matching.schema.ts';

/** How far and how wide an identity is walked: a merge chain longer than this is a data problem, not a person. */
export const IDENTITY_LIMITS = { depth: 8, size: 50 } as const;

export async function getSettingValue(db: Db, key: string): Promise<unknown> {
  return (await db.select().from(matchingSetting).where(eq(matchingSetting.key, key)).limit(1))[0]?.value ?? null;
}

export async function putSettingValue(db: Db, key: string, value: unknown): Promise<void> {
  await db.insert(matchingSetting).values({ key, value: value as object })
    .onConflictDoUpdate({ target: matchingSetting.key, set: { value: value as object } });
}

/** Links a confirmed hit's request person to its target (in the decision's transaction); false if the person is not indexed. */
export async function createLink(db: Db, hit: { id: string; request_person_id: string; subject_id: string }, by: string, at: Date): Promise<boolean> {
  const rows = rowsOf<{ id: string }>(await db.execute(sql`
    INSERT INTO match_link (subject_a, subject_b, hit_id, created_by, created_at)
    SELECT s.id, ${hit.subject_id}::uuid, ${hit.id}::uuid, ${by}::uuid, ${at.toISOString()}::timestamptz
    FROM match_subject s WHERE s.kind = 'request_person' AND s.source_id = ${hit.request_person_id}::uuid
    ON CONFLICT (hit_id) DO NOTHING
    RETURNING id`));
  return rows.length > 0;
}

/** Marks a hit's active link undone (the row stays, with who, when and why); returns the link's id, or null if none was active. */
export async function undoLink(db: Db, hitId: string, by: string, at: Date, reason: string): Promise<string | null> {
  return rowsOf<{ id: string }>(await db.execute(sql`
    UPDATE match_link SET undone_by = ${by}::uuid, undone_at = ${at.toISOString()}::timestamptz, undo_reason = ${reason}
    WHERE hit_id = ${hitId}::uuid AND undone_at IS NULL RETURNING id`))[0]?.id ?? null;
}

/** Sets a confirmed hit to rejected when its merge is undone: the undoing officer decides, the reason is the note. */
export async function rejectConfirmedHit(db: Db, id: string, version: number, v: { note: string; decidedBy: string; at: Date }): Promise<boolean> {
  const at = v.at.toISOString();
  return rowsOf<{ id: string }>(await db.execute(sql`
    UPDATE match_hit SET status = 'rejected', note = ${v.note}, decided_by = ${v.decidedBy}::uuid, decided_at = ${at}::timestamptz,
      version = version + 1, updated_at = ${at}::timestamptz
    WHERE id = ${id}::uuid AND version = ${version} AND status = 'confirmed' RETURNING id`)).length > 0;
}

export interface LinkedRow {
  /** The subject whose identity this row belongs to. */
  root: string;
  kind: string;
  source_id: string;
  request_id: string | null;
  reference: string;
  name: string | null;
}

/**
 * For each root subject, the other subjects of its identity (reachable through active links), nearest first.
 * `nameVisible` is the need-to-know test on `s` (match_subject): when it fails, the name is withheld.
 * The walk is breadth-first by depth (UNION drops repeated (root, node, depth) rows), so a cycle or a dense
 * component costs at most roots × nodes × depth rows, and both depth and component size are bounded.
 */
export async function linkedSubjects(db: Db, roots: string[], nameVisible: SQL): Promise<LinkedRow[]> {
  if (!roots.length) return [];
  return rowsOf<LinkedRow>(await db.execute(sql`
    WITH RECURSIVE walk(root, node, depth) AS (
      SELECT r, r, 0 FROM unnest(${`{${[...new Set(roots)].join(',')}}`}::uuid[]) AS r
      UNION
      SELECT w.root, n.other, w.depth + 1
      FROM walk w CROSS JOIN LATERAL (
        SELECT l.subject_b AS other FROM match_link l WHERE l.subject_a = w.node AND l.undone_at IS NULL
        UNION ALL
        SELECT l.subject_a FROM match_link l WHERE l.subject_b = w.node AND l.undone_at IS NULL
      ) n
      WHERE w.depth < ${IDENTITY_LIMITS.depth}
    ), nearest AS (
      SELECT root, node, min(depth) AS depth FROM walk WHERE node <> root GROUP BY root, node
    ), bounded AS (
      SELECT root, node, depth FROM (
        SELECT root, node, depth, row_number() OVER (PARTITION BY root ORDER BY depth, node) AS rk FROM nearest
      ) x WHERE rk <= ${IDENTITY_LIMITS.size}
    )
    SELECT b.root, s.kind, s.source_id, s.request_id, s.reference, CASE WHEN ${nameVisible} THEN s.names[1] END AS name
    FROM bounded b JOIN match_subject s ON s.id = b.node
    ORDER BY b.root, b.depth, s.kind, s.reference, s.id`));
}

/** The subject ids of request persons (the hit's own side, which a hit's identity list leaves out). */
export async function requestPersonSubjects(db: Db, personIds: string[]): Promise<{ id: string; source_id: string }[]> {
  if (!personIds.length) return [];
  return rowsOf(await db.execute(sql`
    SELECT id, source_id FROM match_subject WHERE kind = 'request_person' AND source_id = ANY (${`{${personIds.join(',')}}`}::uuid[])`));
}
