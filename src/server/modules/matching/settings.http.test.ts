/**
 * The cross-check's thresholds are settings an administrator changes over HTTP: refused to others, validated
 * with translated messages, audited, and in force from the next cross-check — decided hits keep their level.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db/client.ts';
import { buildRequest, createTestEnv, type Client, type TestEnv } from '../../testing/harness.ts';
import { DEFAULT_MATCHING_SETTINGS, scorePersons } from './index.ts';

let env: TestEnv;
let admin: Client;
let duty: Client;
let fast: Client;
let supervisor: Client;

before(async () => {
  env = await createTestEnv();
  admin = await env.login(await env.buildUser({ roles: ['administrator'] }));
  duty = await env.login(await env.buildUser({ roles: ['duty_officer'] }));
  supervisor = await env.login(await env.buildUser({ roles: ['supervisor'] }));
  fast = await env.login(await env.buildUser({ roles: ['fast_officer'], unit: 'FAST' }));
});
after(() => env.close());

const WANTED = { fullName: 'Temur Rakhimov', dateOfBirth: '1982-07-19', gender: 'male', nationalities: ['UZ'] } as const;
// Another spelling and no date of birth: a clear hit, but not a certain one (the score is not saturated at 1).
const TYPED = 'Timur Rahimov';

/** The hits of a request: they name persons, so they come with the justified consultation of its persons. */
async function hitsOf(requestId: string) {
  const seen = await duty.get(`/api/requests/${requestId}/persons?justification=${encodeURIComponent('Checking the level of a hit')}`);
  assert.equal(seen.status, 200, JSON.stringify(seen.body));
  return seen.body.hits;
}

/** Registers a request naming one person and consults its hits. */
async function register(fullName: string) {
  const r = await duty.post('/api/requests', buildRequest({ persons: [{ fullName, category: 'suspect' }] } as never));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return { ...r.body, hits: await hitsOf(r.body.id) };
}

describe('matching settings', () => {
  test('only administrators read and change the thresholds', async () => {
    for (const c of [duty, supervisor, fast]) {
      assert.equal((await c.get('/api/matching/settings')).status, 404);
      assert.equal((await c.put('/api/matching/settings', { alertThreshold: 0.9, reviewThreshold: 0.7 })).status, 404);
    }
    const r = await admin.get('/api/matching/settings');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body, DEFAULT_MATCHING_SETTINGS);
  });

  test('invalid thresholds are refused with a translated message and nothing changes', async () => {
    const sv = await env.login(admin.actor, 'sv');
    const above = await sv.put('/api/matching/settings', { alertThreshold: 0.6, reviewThreshold: 0.7 });
    assert.equal(above.status, 400, JSON.stringify(above.body));
    const field = above.body.fields.find((f: { path: string }) => f.path === 'reviewThreshold');
    assert.match(field.message, /granskning.*larm/i);
    for (const body of [
      { alertThreshold: 1.5, reviewThreshold: 0.7 }, { alertThreshold: 0.9, reviewThreshold: -0.1 },
      { alertThreshold: '0.9', reviewThreshold: 0.7 }, { alertThreshold: 0.9 }, { alertThreshold: null, reviewThreshold: 0.7 },
    ]) {
      const r = await admin.put('/api/matching/settings', body);
      assert.equal(r.status, 400, `${JSON.stringify(body)} → ${JSON.stringify(r.body)}`);
      assert.ok(r.body.fields?.length && r.body.fields.every((f: { message: string }) => f.message.length > 0), JSON.stringify(r.body));
    }
    assert.deepEqual((await admin.get('/api/matching/settings')).body, DEFAULT_MATCHING_SETTINGS);
    const n = rowsOf<{ n: number }>(await env.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_event WHERE action = 'matching.settings.update'`))[0]!;
    assert.equal(Number(n.n), 0);
  });

  test('a raised alert threshold makes a new hit a review, re-levels open hits on re-check, and leaves decided ones', async () => {
    const w = await fast.post('/api/wanted', {
      ...WANTED, otherScriptNames: [], aliases: [], requestingAuthority: 'kriminalvarden', authorityReference: 'KV-2026-77001', legalBasis: 'prison_sentence',
      offence: 'Grov narkotikasmuggling', offenceSummary: 'Drug smuggling',
      warrants: [{ kind: 'eaw', issuingCountry: 'SE', issuingAuthority: 'Åklagarmyndigheten', issuedAt: '2026-09-01', eaw: { c_judgment: 'Svea hovrätt B 2-26', d_offence: 'Narkotika' } }],
    });
    assert.equal(w.status, 201, JSON.stringify(w.body));
    const hitOn = (r: { hits: { targetId: string }[] }) => r.hits.find((h) => h.targetId === w.body.id) as { id: string; level: string; version: number; score: number } | undefined;

    // The engine's own scorer tells where this pair lands; the thresholds are put on either side of it.
    const expected = scorePersons({ names: [TYPED] }, { names: [WANTED.fullName], birthDate: WANTED.dateOfBirth, nationalities: [...WANTED.nationalities], gender: WANTED.gender }).score;
    assert.ok(expected >= DEFAULT_MATCHING_SETTINGS.alertThreshold && expected < 0.95, `pair scores ${expected}`);

    const open = await register(TYPED);
    const decided = await register(TYPED);
    assert.equal(hitOn(open)?.level, 'alert', JSON.stringify(open.hits));
    const d = hitOn(decided)!;
    assert.equal(d.level, 'alert');
    assert.equal((await duty.post(`/api/hits/${d.id}/confirm`, { version: d.version })).status, 200);

    const settings = { alertThreshold: Math.round((expected + 0.04) * 100) / 100, reviewThreshold: Math.round((expected - 0.2) * 100) / 100 };
    const put = await admin.put('/api/matching/settings', settings);
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.deepEqual(put.body, settings);
    assert.deepEqual((await admin.get('/api/matching/settings')).body, settings);
    const a = rowsOf<{ category: string; entity_type: string; details: { before: unknown; after: unknown } }>(await env.database.db.execute(sql`
      SELECT category, entity_type, details FROM audit_event WHERE action = 'matching.settings.update' ORDER BY seq DESC LIMIT 1`))[0];
    assert.ok(a, 'the change is audited');
    assert.equal(a.category, 'admin');
    assert.deepEqual(a.details, { before: DEFAULT_MATCHING_SETTINGS, after: settings });

    const later = await register(TYPED);
    assert.equal(hitOn(later)?.level, 'review', JSON.stringify(later.hits));

    const rechecked = await duty.post(`/api/requests/${open.id}/cross-check`);
    assert.equal(rechecked.status, 200, JSON.stringify(rechecked.body));
    assert.equal(rechecked.body.openReviews, 1, JSON.stringify(rechecked.body));
    assert.equal(hitOn({ hits: await hitsOf(open.id) })?.level, 'review', 'an open hit takes the level in force');
    assert.equal((await duty.post(`/api/requests/${decided.id}/cross-check`)).status, 200);
    const kept = (await hitsOf(decided.id)).find((h: { id: string }) => h.id === d.id);
    assert.deepEqual([kept.status, kept.level], ['confirmed', 'alert'], 'a decided hit keeps its level');

    // Lowering the review threshold above the score makes the pair no hit at all for a new request.
    assert.equal((await admin.put('/api/matching/settings', { alertThreshold: 0.99, reviewThreshold: 0.98 })).status, 200);
    assert.equal(hitOn(await register(TYPED)), undefined);
    // A re-check then drops the open hit the engine no longer finds, and keeps the decided one as judged.
    assert.equal((await duty.post(`/api/requests/${open.id}/cross-check`)).status, 200);
    assert.equal(hitOn({ hits: await hitsOf(open.id) }), undefined, 'the open hit is gone');
    assert.equal((await duty.post(`/api/requests/${decided.id}/cross-check`)).status, 200);
    const judged = hitOn({ hits: await hitsOf(decided.id) }) as { id: string; status?: string } | undefined;
    assert.deepEqual([judged?.id, judged?.status], [d.id, 'confirmed']);
    assert.equal((await admin.put('/api/matching/settings', DEFAULT_MATCHING_SETTINGS)).status, 200);
  });
});
