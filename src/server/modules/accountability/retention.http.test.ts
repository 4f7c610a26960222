import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db/client.ts';
import { runDueJobs } from '../../platform/jobs/job.service.ts';
import { allJobs } from '../../jobs.ts';
import { installMatching } from '../matching/index.ts';
import { buildRequest, createTestEnv, type Client, type TestEnv } from '../../testing/harness.ts';

let env: TestEnv;
let duty: Client;
let supervisor: Client;
let otherSupervisor: Client;
let auditor: Client;

const ERASED = {
  fullName: 'Zbigniew Quellmalz-Brzezinski', alias: 'Zibi Quellmalz', dob: '1971-04-05', doc: 'ZQ7765431', address: 'Storgatan 17',
};
const KEPT = { fullName: 'Ottilia Vanderbeek', alias: 'Tilly Vanderbeek', address: 'Lilla torg 3' };

before(async () => {
  // The cross-check index holds copies of every person's names: erasure must reach it too.
  installMatching();
  env = await createTestEnv();
  duty = await env.login(await env.buildUser({ roles: ['duty_officer'] }));
  supervisor = await env.login(await env.buildUser({ roles: ['supervisor'] }), 'sv');
  otherSupervisor = await env.login(await env.buildUser({ roles: ['supervisor'], unit: 'SIRENE' }));
  auditor = await env.login(await env.buildUser({ roles: ['auditor'] }));
});

/** Moves the clock; sessions do not last months, so the supervisors (and the auditor) sign in again (logins are rate limited). */
async function advanceDays(days: number, withAuditor = false) {
  env.clock.advance(days * 24 * 3600_000);
  supervisor = await env.login(supervisor.actor, 'sv');
  if (withAuditor) auditor = await env.login(auditor.actor);
  else otherSupervisor = await env.login(otherSupervisor.actor);
}
after(() => env.close());

async function act(id: string, action: string, body: Record<string, unknown> = {}) {
  const current = await duty.get(`/api/requests/${id}`);
  const r = await duty.post(`/api/requests/${id}/${action}`, { version: current.body.version, ...body });
  assert.equal(r.status, 200, r.raw);
  return r.body;
}

async function upload(id: string, filename: string, content: Buffer) {
  const boundary = '----polsamretention';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    content, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const r = await duty.raw({ method: 'POST', url: `/api/requests/${id}/attachments`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
  assert.equal(r.status, 200, r.raw);
}

/** A request with one person, an item, a thread message and an attachment that all name the person; answered and closed. */
async function endedRequest(p: { fullName: string; alias: string; dob?: string; doc?: string; address: string }) {
  const created = await duty.post('/api/requests', buildRequest({
    subject: `Whereabouts of ${p.fullName}`, informationSought: `Current address of ${p.fullName}, also known as ${p.alias}`,
    persons: [{
      fullName: p.fullName, aliases: [p.alias], dateOfBirth: p.dob ?? null, gender: 'unknown', nationalities: ['PL'],
      documents: p.doc ? [{ kind: 'passport', number: p.doc, country: 'PL' }] : [], category: 'suspect', nature: 'fact', reliability: 'B', accuracy: '2',
      notes: `Seen with ${p.alias} in Malmö`,
    }],
    items: [{ content: `${p.fullName} rents a flat in Malmö`, nature: 'fact', reliability: 'B', accuracy: '2' }],
  }));
  assert.equal(created.status, 201, created.raw);
  const id = created.body.id as string;
  await upload(id, `${p.alias}.txt`, Buffer.from(`Statement about ${p.fullName}, born ${p.dob ?? 'unknown'}\n`));
  await act(id, 'assign', { assigneeId: duty.actor.id });
  await act(id, 'start');
  await act(id, 'answer', { body: `${p.fullName} lives at ${p.address}, Malmö.` });
  await act(id, 'close');
  return created.body as { id: string; reference: string };
}

/** Every text, text[], jsonb and bytea column of every table, and the rows in it containing the term. */
async function everywhere(term: string): Promise<string[]> {
  const cols = rowsOf<{ t: string; c: string; dt: string; udt: string }>(await env.database.db.execute(sql`
    SELECT table_name AS t, column_name AS c, data_type AS dt, udt_name AS udt FROM information_schema.columns
    WHERE table_schema = current_schema() AND (data_type IN ('text', 'character varying', 'jsonb', 'json', 'bytea') OR (data_type = 'ARRAY' AND udt_name IN ('_text', '_varchar')))`));
  assert.ok(cols.length > 40, 'the catalog lists the tables');
  const found: string[] = [];
  for (const { t, c, dt } of cols) {
    const col = sql.raw(`"${c}"`);
    const tbl = sql.raw(`"${t}"`);
    const hit = dt === 'bytea'
      ? sql`SELECT count(*)::int AS n FROM ${tbl} WHERE position(convert_to(${term}, 'UTF8') IN ${col}) > 0`
      : sql`SELECT count(*)::int AS n FROM ${tbl} WHERE ${col}::text ILIKE ${'%' + term + '%'}`;
    const n = rowsOf<{ n: number }>(await env.database.db.execute(hit))[0].n;
    if (n) found.push(`${t}.${c}: ${n}`);
  }
  return found;
}

async function runJobs() {
  await runDueJobs(env.ctx, allJobs);
}

describe('retention reviews', () => {
  let erased: { id: string; reference: string };
  let kept: { id: string; reference: string };

  test('the reviewer\'s queue and keep/erase are for supervisors only', async () => {
    assert.equal((await duty.get('/api/reviews')).status, 404);
    assert.equal((await auditor.get('/api/reviews')).status, 404);
    assert.equal((await duty.post('/api/reviews/00000000-0000-4000-8000-000000000000/decide', { decision: 'erase' })).status, 404);
  });

  test('ended exchanges get their first review date from the settings, and nothing is due yet', async () => {
    erased = await endedRequest(ERASED);
    kept = await endedRequest(KEPT);
    await runJobs();
    const dates = rowsOf<{ id: string; next: string; closed: string }>(await env.database.db.execute(sql`
      SELECT id, next_review_at::text AS next, closed_at::text AS closed FROM request WHERE id IN (${erased.id}, ${kept.id})`));
    assert.equal(dates.length, 2);
    for (const d of dates) assert.equal(new Date(d.next).toISOString(), '2027-05-23T09:00:00.000Z', 'six months after closing');
    assert.deepEqual((await supervisor.get('/api/reviews')).body.items, []);
  });

  test('the settings hold the periods: an administrator may shorten the first review, not exceed six months', async () => {
    const admin = await env.login(await env.buildUser({ roles: ['administrator'] }));
    const s = await admin.get('/api/accountability/settings');
    assert.deepEqual(s.body, { firstReviewMonths: 6, reviewIntervalMonths: 12, checkpointEveryEntries: 1000, checkpointEveryMinutes: 60 });
    assert.equal((await admin.put('/api/accountability/settings', { ...s.body, firstReviewMonths: 7 })).status, 400);
    assert.equal((await supervisor.put('/api/accountability/settings', s.body)).status, 404);
  });

  test('moving the clock past the review date puts both on the unit\'s queue and tells its supervisors', async () => {
    await advanceDays(183);
    await runJobs();
    const q = await supervisor.get('/api/reviews');
    assert.equal(q.status, 200);
    assert.deepEqual(q.body.items.map((i: { reference: string }) => i.reference).sort(), [erased.reference, kept.reference].sort());
    assert.equal(q.body.items[0].personCount, 1);
    // Another unit's supervisor does not see them; a second scan does not queue them twice.
    assert.deepEqual((await otherSupervisor.get('/api/reviews')).body.items, []);
    env.clock.advance(2 * 3600_000);
    await runJobs();
    assert.equal((await supervisor.get('/api/reviews')).body.items.length, 2);
    const notes = await supervisor.get('/api/notifications');
    const texts = JSON.stringify(notes.body);
    assert.ok(texts.includes(`gallringsprövning av ${kept.reference}`) && texts.includes(erased.reference), texts);
  });

  test('a keep needs a reason of a sentence and a date within the interval; bad input changes nothing', async () => {
    const task = (await supervisor.get('/api/reviews')).body.items.find((i: { reference: string }) => i.reference === kept.reference);
    const next = new Date(env.clock.now().getTime() + 200 * 24 * 3600_000).toISOString();
    const noReason = await supervisor.post(`/api/reviews/${task.id}/decide`, { decision: 'keep', nextReviewAt: next });
    assert.equal(noReason.status, 400);
    assert.equal((await supervisor.post(`/api/reviews/${task.id}/decide`, { decision: 'keep', reason: 'x', nextReviewAt: next })).status, 400);
    const tooLate = await supervisor.post(`/api/reviews/${task.id}/decide`, { decision: 'keep', reason: 'Prosecution still pending in Poland', nextReviewAt: '2030-01-01T00:00:00Z' });
    assert.equal(tooLate.status, 400);
    assert.equal(tooLate.body.fields[0].path, 'nextReviewAt');
    assert.equal((await otherSupervisor.post(`/api/reviews/${task.id}/decide`, { decision: 'keep', reason: 'Prosecution still pending', nextReviewAt: next })).status, 404);
    assert.equal((await supervisor.get('/api/reviews')).body.items.length, 2);

    const ok = await supervisor.post(`/api/reviews/${task.id}/decide`, { decision: 'keep', reason: 'Prosecution still pending in Poland', nextReviewAt: next });
    assert.equal(ok.status, 200, ok.raw);
    assert.deepEqual(ok.body, { id: task.id, status: 'kept', erasedPersons: 0, nextReviewAt: next });
    assert.equal((await supervisor.post(`/api/reviews/${task.id}/decide`, { decision: 'erase' })).status, 409);
    const row = rowsOf<{ next: string }>(await env.database.db.execute(sql`SELECT next_review_at::text AS next FROM request WHERE id = ${kept.id}`))[0];
    assert.equal(new Date(row.next).toISOString(), next);
  });

  test('an erasure removes every trace of the person from every table, and the log still verifies', async () => {
    const before = await everywhere(ERASED.fullName);
    assert.ok(before.length >= 4, `the person was everywhere before: ${before.join(', ')}`);
    assert.ok(before.some((h) => h.startsWith('match_subject.')), `the match index held the person: ${before.join(', ')}`);
    const task = (await supervisor.get('/api/reviews')).body.items.find((i: { reference: string }) => i.reference === erased.reference);
    const noReason = await supervisor.post(`/api/reviews/${task.id}/decide`, { decision: 'erase' });
    assert.equal(noReason.status, 400);
    assert.equal(noReason.body.fields[0].path, 'reason');
    assert.match(noReason.body.message, /skäl/, 'in the reviewer\'s language');
    const r = await supervisor.post(`/api/reviews/${task.id}/decide`, { decision: 'erase', reason: 'No longer needed for the purpose' });
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.erasedPersons, 1);
    assert.deepEqual((await supervisor.get('/api/reviews')).body.items, []);

    for (const term of [ERASED.fullName, ERASED.alias, ERASED.dob, ERASED.doc, 'Quellmalz', ERASED.address]) {
      assert.deepEqual(await everywhere(term), [], `no trace of "${term}" is left`);
    }
    // The kept request's person is untouched (so the search above can find what is there).
    assert.ok((await everywhere(KEPT.fullName)).some((h) => h.startsWith('request_person.')));
    // The coded facts the Art 18 statistics count stay.
    const facts = rowsOf<{ direction: string; country_code: string; status: string; answered_at: string | null }>(await env.database.db.execute(sql`
      SELECT direction, country_code, status, answered_at::text FROM request WHERE id = ${erased.id}`))[0];
    assert.deepEqual([facts.direction, facts.country_code, facts.status, !!facts.answered_at], ['incoming', 'DE', 'closed', true]);
    // The erased request never returns to the queue.
    await advanceDays(400, true);
    await runJobs();
    const refs = (await supervisor.get('/api/reviews')).body.items.map((i: { reference: string }) => i.reference);
    assert.deepEqual(refs, [kept.reference], 'the kept one is due again, the erased one not');

    // The log keeps a record without names, and the chain is intact.
    const log = await auditor.get(`/api/audit?request=${erased.reference}&category=erasure`);
    assert.equal(log.body.total, 1);
    assert.equal(log.body.items[0].action, 'accountability.review.erase');
    assert.equal(log.body.items[0].personIds.length, 1);
    const v = await auditor.post('/api/audit/verify');
    assert.equal(v.body.ok, true, JSON.stringify(v.body));
  });

});
