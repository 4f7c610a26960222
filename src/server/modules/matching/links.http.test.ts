/**
 * Merges of persons over HTTP on a real database: confirming a hit links the two records into one identity,
 * which later hits and person search show (names under need-to-know); an officer can undo the merge with a
 * reason — the link stays as history, the hit becomes rejected and stays so.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db/client.ts';
import { buildRequest, createTestEnv, type Client, type TestEnv } from '../../testing/harness.ts';

let env: TestEnv;
let duty: Client;
let officer: Client;
let otherUnit: Client;
let fast: Client;

before(async () => {
  env = await createTestEnv();
  duty = await env.login(await env.buildUser({ roles: ['duty_officer'] }));
  officer = await env.login(await env.buildUser({ roles: ['case_officer'] }));
  otherUnit = await env.login(await env.buildUser({ roles: ['duty_officer', 'supervisor'], unit: 'SIRENE' }));
  fast = await env.login(await env.buildUser({ roles: ['fast_officer'], unit: 'FAST' }));
});
after(() => env.close());

interface Linked { kind: string; id: string; requestId: string | null; reference: string; name: string | null }
interface Hit { id: string; targetId: string; targetKind: string; targetLabel: string; status: string; version: number; note: string | null; decidedBy: { id: string } | null; linked: Linked[] }

const J = encodeURIComponent('checking a merged identity');
/** The hits of a request: they name persons, so they come with the justified consultation of its persons. */
async function hitsOf(as: Client, requestId: string): Promise<Hit[]> {
  const seen = await as.get(`/api/requests/${requestId}/persons?justification=${J}`);
  assert.equal(seen.status, 200, JSON.stringify(seen.body));
  return seen.body.hits;
}

/** Registers a request naming one person and consults its hits as the same officer. */
async function register(fullName: string, dateOfBirth: string, as: Client = duty) {
  const r = await as.post('/api/requests', buildRequest({ persons: [{ fullName, dateOfBirth, category: 'suspect' }] } as never));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return { id: r.body.id as string, reference: r.body.reference as string, hits: await hitsOf(as, r.body.id) };
}

const personOf = async (requestId: string) =>
  rowsOf<{ id: string }>(await env.database.db.execute(sql`SELECT id FROM request_person WHERE request_id = ${requestId}`))[0]!.id;
const linksOf = async (hitId: string) =>
  rowsOf<{ undone_at: unknown; undone_by: string | null; undo_reason: string | null; created_by: string }>(await env.database.db.execute(sql`
    SELECT created_by, undone_at, undone_by, undo_reason FROM match_link WHERE hit_id = ${hitId}`));

describe('merging persons by confirming a hit', () => {
  const DOB = '1987-05-05';
  let wanted: { id: string; reference: string };
  let a: { id: string; reference: string; hits: Hit[] };
  let aPerson: string;
  let merged: Hit;
  let bPerson: string;

  before(async () => {
    const w = await fast.post('/api/wanted', {
      fullName: 'Alisher Qodirov', otherScriptNames: [], aliases: [], dateOfBirth: DOB, gender: 'male', nationalities: ['UZ'],
      requestingAuthority: 'kriminalvarden', authorityReference: 'KV-2026-88001', legalBasis: 'prison_sentence', offence: 'Grovt rån', offenceSummary: 'Robbery',
      warrants: [{ kind: 'eaw', issuingCountry: 'SE', issuingAuthority: 'Åklagarmyndigheten', issuedAt: '2026-09-01', eaw: { c_judgment: 'Svea hovrätt B 3-26', d_offence: 'Rån' } }],
    });
    assert.equal(w.status, 201, JSON.stringify(w.body));
    wanted = w.body;
    a = await register('Alisher Kodirov', DOB);
    aPerson = await personOf(a.id);
    const hit = a.hits.find((h) => h.targetId === wanted.id)!;
    assert.ok(hit, JSON.stringify(a.hits));
    const c = await officer.post(`/api/hits/${hit.id}/confirm`, { version: hit.version, note: 'Same fingerprints' });
    assert.equal(c.status, 200, JSON.stringify(c.body));
    merged = c.body.hit;
  });

  test('confirming a hit creates the link in the same decision', async () => {
    const rows = await linksOf(merged.id);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.created_by, officer.actor.id);
    assert.equal(rows[0]!.undone_at, null);
    // The confirmed hit's own target is the wanted person; its own request person is not listed again.
    assert.deepEqual((await hitsOf(officer, a.id)).find((h) => h.id === merged.id)!.linked, []);
  });

  test('a later request naming the man in another spelling shows the linked wanted person on its hit', async () => {
    const b = await register('Алишер Кодиров', DOB);
    const onA = b.hits.find((h) => h.targetId === aPerson);
    assert.ok(onA, JSON.stringify(b.hits));
    assert.deepEqual(onA.linked, [{ kind: 'wanted_person', id: wanted.id, requestId: null, reference: wanted.reference, name: 'Alisher Qodirov' }]);
    const onW = b.hits.find((h) => h.targetId === wanted.id)!;
    assert.deepEqual(onW.linked.map((l) => [l.kind, l.id, l.reference, l.name]), [['request_person', aPerson, a.reference, 'Alisher Kodirov']]);
    // Merges chain: B's person confirmed as A's person joins the same identity, two links away from the wanted person.
    bPerson = await personOf(b.id);
    assert.equal((await officer.post(`/api/hits/${onA.id}/confirm`, { version: onA.version })).status, 200);
    const e = await register('Alişer Qodirov', DOB);
    assert.deepEqual(e.hits.find((h) => h.targetId === wanted.id)!.linked.map((l) => l.id), [aPerson, bPerson], JSON.stringify(e.hits));
  });

  test('another unit sees the link, but not the name of a person in a request it may not see', async () => {
    const c = await register('Alisher Kodirov', DOB, otherUnit);
    const onW = c.hits.find((h) => h.targetId === wanted.id)!;
    assert.deepEqual(onW.linked.map((l) => [l.kind, l.id, l.name]), [['request_person', aPerson, null], ['request_person', bPerson, null]]);
    assert.equal(onW.linked[0]!.reference, a.reference, 'the reference stays, so the officer knows whom to ask');
    const onA = c.hits.find((h) => h.targetId === aPerson)!;
    assert.doesNotMatch(onA.targetLabel, /Kodirov/);
    assert.deepEqual(onA.linked.map((l) => [l.kind, l.name]), [['request_person', null], ['wanted_person', 'Alisher Qodirov']]);
  });

  test('person search shows the linked records of a result', async () => {
    const res = await duty.get(`/api/persons/search?q=${encodeURIComponent('Alisher Kodirov')}&justification=${J}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const item = res.body.items.find((i: { id: string }) => i.id === aPerson);
    assert.ok(item, JSON.stringify(res.body));
    assert.deepEqual(item.linked.map((l: Linked) => [l.kind, l.id]), [['request_person', bPerson], ['wanted_person', wanted.id]]);
    assert.equal(item.linked[1].name, 'Alisher Qodirov');
  });

  test('an undo needs a reason of 10 characters, the current version and need-to-know; nothing changes otherwise', async () => {
    const sv = await env.login(officer.actor, 'sv');
    const none = await sv.post(`/api/hits/${merged.id}/unmerge`, { version: merged.version });
    assert.equal(none.status, 400, JSON.stringify(none.body));
    assert.equal(none.body.fields[0].path, 'reason');
    const short = await sv.post(`/api/hits/${merged.id}/unmerge`, { version: merged.version, reason: 'wrong' });
    assert.equal(short.status, 400);
    assert.match(short.body.fields[0].message, /minst 10 tecken/);
    const stale = await officer.post(`/api/hits/${merged.id}/unmerge`, { version: merged.version - 1, reason: 'Different fingerprints after all' });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error, 'matching.stale_version');
    const other = await otherUnit.post(`/api/hits/${merged.id}/unmerge`, { version: merged.version, reason: 'Different fingerprints after all' });
    assert.equal(other.status, 404);
    assert.equal((await hitsOf(duty, a.id)).find((h) => h.id === merged.id)!.status, 'confirmed');
    const rows = await linksOf(merged.id);
    assert.equal(rows[0]!.undone_at, null);
  });

  test('undoing the merge keeps the link as history, rejects the hit with the reason, and a re-check keeps it so', async () => {
    const reason = 'Fingerprint comparison showed two different men';
    const u = await duty.post(`/api/hits/${merged.id}/unmerge`, { version: merged.version, reason });
    assert.equal(u.status, 200, JSON.stringify(u.body));
    assert.equal(u.body.hit.status, 'rejected');
    assert.equal(u.body.hit.note, reason);
    assert.equal(u.body.hit.decidedBy.id, duty.actor.id);
    const rows = await linksOf(merged.id);
    assert.equal(rows.length, 1, 'the link row stays');
    assert.ok(rows[0]!.undone_at);
    assert.equal(rows[0]!.undone_by, duty.actor.id);
    assert.equal(rows[0]!.undo_reason, reason);

    const audit = rowsOf<{ category: string; person_ids: string[] }>(await env.database.db.execute(sql`
      SELECT category, person_ids FROM audit_event WHERE action = 'matching.hit.unmerge' ORDER BY seq DESC LIMIT 1`))[0];
    assert.equal(audit?.category, 'alteration');
    assert.deepEqual([...audit!.person_ids].sort(), [aPerson, wanted.id].sort());

    // The wanted person has left the identity: a new request's hits no longer show him linked, nor does search;
    // A's and B's persons stay merged (that link was not undone).
    const d = await register('Alisher Kodirov', DOB);
    assert.deepEqual(d.hits.find((h) => h.targetId === wanted.id)!.linked, []);
    assert.deepEqual(d.hits.find((h) => h.targetId === aPerson)!.linked.map((l) => l.id), [bPerson]);
    assert.ok(d.hits.every((h) => h.linked.every((l) => l.id !== wanted.id)), JSON.stringify(d.hits));
    const res = await duty.get(`/api/persons/search?q=${encodeURIComponent('Alisher Kodirov')}&justification=${J}`);
    assert.deepEqual(res.body.items.find((i: { id: string }) => i.id === aPerson).linked.map((l: Linked) => l.id), [bPerson]);
    // Only a confirmed hit has a merge to undo.
    const open = d.hits.find((h) => h.status === 'open')!;
    const notMerged = await officer.post(`/api/hits/${open.id}/unmerge`, { version: open.version, reason: 'Not merged at all here' });
    assert.equal(notMerged.status, 409);
    assert.equal(notMerged.body.error, 'matching.hit_not_merged');

    const rerun = await duty.post(`/api/requests/${a.id}/cross-check`);
    assert.equal(rerun.status, 200, JSON.stringify(rerun.body));
    assert.equal((await hitsOf(duty, a.id)).find((h) => h.id === merged.id)!.status, 'rejected');
    assert.equal((await linksOf(merged.id)).length, 1);
    // Decided stays decided: it cannot be confirmed again, nor undone twice.
    const again = await officer.post(`/api/hits/${merged.id}/confirm`, { version: u.body.hit.version });
    assert.equal(again.status, 409);
    assert.equal((await officer.post(`/api/hits/${merged.id}/unmerge`, { version: u.body.hit.version, reason })).status, 409);
  });
});
