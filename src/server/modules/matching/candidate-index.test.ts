/**
 * The candidate index on a real database: keys are replaced on re-index, a very common key is read only
 * where the birth year fits (it never makes a lookup read a large part of the index), and unusable names
 * are skipped rather than failing the caller's transaction.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { ManualClock } from '../../platform/clock.ts';
import { inTransaction, systemCtx, type Ctx } from '../../platform/context.ts';
import { rowsOf, type Database } from '../../platform/db/client.ts';
import { createTestDatabase } from '../../testing/harness.ts';
import { findMatches, INDEX_LIMITS, indexSubjects, personInputOf, tryPrepare, type SubjectInput } from './candidate-index.ts';

let database: Database;
let ctx: Ctx;
before(async () => {
  database = await createTestDatabase();
  ctx = systemCtx(database.db, new ManualClock('2026-11-23T09:00:00Z'), 'SE');
});
after(() => database.close());

const subject = (names: string[], birthDate: string | null = null, o: Partial<SubjectInput> = {}): SubjectInput => ({ kind: 'external', sourceId: randomUUID(), names, birthDate, ...o });
const query = (names: string[], birthDate: string | null = null) => ({ names, birthDate, prepared: tryPrepare(personInputOf({ names, birthDate }))! });
const find = async (names: string[], birthDate: string | null = null) =>
  (await findMatches(ctx, [query(names, birthDate)], { filter: sql`s.active`, minScore: 0.65 }))[0]!.map((m) => m.subject.source_id);

describe('the candidate index', () => {
  test('re-indexing a subject replaces its names and keys; the old name no longer finds it', async () => {
    const s = subject(['Radoslav Wiśniewski'], '1970-01-01');
    await inTransaction(ctx, (tx) => indexSubjects(tx, [s]));
    assert.deepEqual(await find(['Radoslaw Wisniewski'], '1970-01-01'), [s.sourceId]);
    await inTransaction(ctx, (tx) => indexSubjects(tx, [{ ...s, names: ['Bogumił Zieliński'] }]));
    assert.deepEqual(await find(['Radoslaw Wisniewski'], '1970-01-01'), []);
    assert.deepEqual(await find(['Bogumil Zielinski'], '1970-01-01'), [s.sourceId]);
    const keys = rowsOf<{ n: number }>(await database.db.execute(sql`SELECT count(*)::int AS n FROM match_key k JOIN match_subject m ON m.id = k.subject_id WHERE m.source_id = ${s.sourceId}`))[0]!.n;
    assert.ok(keys > 0 && keys <= 40, `keys: ${keys}`);
  });

  test('a key held by more subjects than the cap is read only where the birth year fits', async () => {
    const cap = INDEX_LIMITS.cap;
    INDEX_LIMITS.cap = 10;
    try {
      const crowd = Array.from({ length: 40 }, (_, i) => subject(['Evander Quillfeather'], `${1950 + i}-05-05`));
      await inTransaction(ctx, (tx) => indexSubjects(tx, crowd));
      const target = crowd[25]!;
      const found = await find(['Evander Quillfeather'], '1975-05-05');
      assert.equal(found[0], target.sourceId, 'the one born that year ranks first');
      assert.ok(found.length <= 3, `only the plausible years are read: ${found.length}`);
      // Without a birth year a name made only of crowded keys gives no candidates rather than a scan.
      assert.deepEqual(await find(['Evander Quillfeather']), []);
    } finally {
      INDEX_LIMITS.cap = cap;
    }
  });

  test('the same identity document finds a person whose name was written quite differently', async () => {
    const s = subject(['Oleksandr Kovalenko'], '1984-03-09', { documents: [{ type: 'passport', number: 'FX 482913', country: 'UA' }] });
    await inTransaction(ctx, (tx) => indexSubjects(tx, [s, subject(['Olga Kovalenko'], '1984-03-09')]));
    const names = ['Sasha Kowalenko-Ivanov'];
    const q = { names, birthDate: null, prepared: tryPrepare(personInputOf({ names, documents: [{ type: 'passport', number: 'FX482913', country: 'UA' }] }))! };
    const found = (await findMatches(ctx, [q], { filter: sql`s.active`, minScore: 0.65 }))[0]!.map((m) => m.subject.source_id);
    assert.deepEqual(found, [s.sourceId]);
  });

  test('among many namesakes born the same year, the one born that very day ranks first', async () => {
    const cap = INDEX_LIMITS.cap;
    INDEX_LIMITS.cap = 5;
    try {
      const crowd = Array.from({ length: 60 }, (_, i) => subject(['Peregrine Ashcombe'], `1977-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`));
      await inTransaction(ctx, (tx) => indexSubjects(tx, crowd));
      const target = crowd[47]!;
      const found = await find(['ASHCOMBE, Peregrine'], target.birthDate!);
      assert.equal(found[0], target.sourceId);
    } finally {
      INDEX_LIMITS.cap = cap;
    }
  });

  test('subjects with no usable name are skipped; the others are indexed', async () => {
    const good = subject(['Tuulikki Häkkinen']);
    const ids = await inTransaction(ctx, (tx) => indexSubjects(tx, [subject(['😀😀']), subject(['', '   ']), good, subject(['X'], 'not a date')]));
    assert.equal(ids[0], null);
    assert.equal(ids[1], null);
    assert.ok(ids[2]);
    assert.ok(ids[3], 'an invalid date is dropped, the name is kept');
    assert.deepEqual(await find(['Tuulikki Hakkinen']), [good.sourceId]);
  });

  test('an inactive subject is not a candidate', async () => {
    const s = subject(['Ignatius Brackenbury'], '1960-02-02', { active: false });
    await inTransaction(ctx, (tx) => indexSubjects(tx, [s]));
    assert.deepEqual(await find(['Ignatius Brackenbury'], '1960-02-02'), []);
  });
});
