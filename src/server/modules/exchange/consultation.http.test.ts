/**
 * LED Art 25 over HTTP on a real database: a request's detail, and every answer that returns it, names no person
 * and shows no date of birth; the persons and the cross-check's hits (which name persons) come only from the
 * justified consultation, which is logged once with the justification and the persons shown.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db/client.ts';
import { buildRequest, createTestEnv, type Client, type TestEnv } from '../../testing/harness.ts';

let env: TestEnv;
let duty: Client;
let fast: Client;

before(async () => {
  env = await createTestEnv();
  duty = await env.login(await env.buildUser({ roles: ['duty_officer'] }));
  fast = await env.login(await env.buildUser({ roles: ['fast_officer'], unit: 'FAST' }));
});
after(() => env.close());

/** Everything that names the two persons: the wanted person's spelling, the request's spelling, the date of birth. */
const PERSONAL = /Abdullaev|Абдуллаев|1985-0?3-14|14\.0?3\.1985/;
const JUSTIFICATION = 'Checking the alert before answering BKA';

describe('request detail and the justified consultation', () => {
  test('the detail counts hits but names no one; the consultation shows persons and hits, logged once with its justification', async () => {
    const wanted = await fast.post('/api/wanted', {
      fullName: 'Muhammad Abdullaev', otherScriptNames: [], aliases: [], dateOfBirth: '1985-03-14', gender: 'male', nationalities: ['TJ'],
      requestingAuthority: 'kriminalvarden', authorityReference: 'KV-2026-770001', legalBasis: 'prison_sentence',
      offence: 'Grov narkotikasmuggling', offenceSummary: 'Drug smuggling',
      warrants: [{ kind: 'eaw', issuingCountry: 'SE', issuingAuthority: 'Åklagarmyndigheten', issuedAt: '2026-09-01', eaw: { c_judgment: 'Svea hovrätt B 1-26', d_offence: 'Narkotika' } }],
    });
    assert.equal(wanted.status, 201, wanted.raw);
    const created = await duty.post('/api/requests', buildRequest({
      persons: [{ fullName: 'Мухаммад Абдуллаев', dateOfBirth: '1985-03-14', nationalities: ['TJ'], category: 'suspect' }] as never,
    }));
    assert.equal(created.status, 201, created.raw);
    const id = created.body.id as string;
    assert.doesNotMatch(created.raw, PERSONAL, 'the registration answers without person data');

    const detail = await duty.get(`/api/requests/${id}`);
    assert.equal(detail.status, 200);
    assert.doesNotMatch(detail.raw, PERSONAL);
    assert.equal(detail.body.hits, undefined, 'no hit list in the detail');
    assert.doesNotMatch(detail.raw, /targetLabel|explanation/);
    assert.deepEqual(detail.body.hitSummary, { openAlerts: 1, openReviews: 0, decided: 0 });
    assert.equal(detail.body.openHitCount, 1);

    // The answers of the actions that return the detail name no one either.
    const note = await duty.post(`/api/requests/${id}/messages`, { body: 'Internal note on the case' });
    assert.equal(note.status, 200, note.raw);
    assert.doesNotMatch(note.raw, PERSONAL);
    const added = await duty.post(`/api/requests/${id}/persons`, { fullName: 'Abdullaev Muhammad', dateOfBirth: '1985-03-14', category: 'suspect' });
    assert.equal(added.status, 200, added.raw);
    assert.doesNotMatch(added.raw, PERSONAL);
    assert.equal(added.body.personCount, 2);
    const rechecked = await duty.post(`/api/requests/${id}/cross-check`);
    assert.equal(rechecked.status, 200, rechecked.raw);
    assert.doesNotMatch(rechecked.raw, PERSONAL);
    assert.equal(rechecked.body.openAlerts, 2, rechecked.raw);

    // Without a justification, or with too short a one, nothing is shown and nothing is logged.
    const logged = async () => rowsOf<{ justification: string; category: string; person_ids: string[] }>(await env.database.db.execute(sql`
      SELECT justification, category, person_ids FROM audit_event WHERE action = 'exchange.persons.view' AND entity_id = ${id}`));
    const none = await duty.get(`/api/requests/${id}/persons`);
    assert.equal(none.status, 400);
    assert.doesNotMatch(none.raw, PERSONAL);
    assert.equal((await duty.get(`/api/requests/${id}/persons?justification=short`)).status, 400);
    assert.deepEqual(await logged(), []);

    const seen = await duty.get(`/api/requests/${id}/persons?justification=${encodeURIComponent(JUSTIFICATION)}`);
    assert.equal(seen.status, 200, seen.raw);
    assert.deepEqual(seen.body.items.map((p: { fullName: string; dateOfBirth: string }) => [p.fullName, p.dateOfBirth]).sort(),
      [['Abdullaev Muhammad', '1985-03-14'], ['Мухаммад Абдуллаев', '1985-03-14']]);
    assert.equal(seen.body.hits.length, 2, seen.raw);
    const hit = seen.body.hits[0];
    assert.equal(hit.targetId, wanted.body.id);
    assert.match(hit.targetLabel, /Muhammad Abdullaev/);
    assert.match(hit.explanation, /\S/);
    const log = await logged();
    assert.equal(log.length, 1, 'one consultation, one entry');
    assert.equal(log[0]!.justification, JUSTIFICATION);
    assert.equal(log[0]!.category, 'consultation');
    const shown = [...seen.body.items.map((p: { id: string }) => p.id), wanted.body.id].sort();
    assert.deepEqual([...log[0]!.person_ids].sort(), shown, 'the entry names every person shown, the hit target too');

    // Deciding a hit answers with its state, not with the target's name or the explanation.
    const decided = await duty.post(`/api/hits/${hit.id}/reject`, { version: hit.version, note: 'Different person' });
    assert.equal(decided.status, 200, decided.raw);
    assert.equal(decided.body.hit.status, 'rejected');
    assert.doesNotMatch(decided.raw, PERSONAL);
    assert.doesNotMatch(decided.raw, /targetLabel|explanation/);
    assert.deepEqual((await duty.get(`/api/requests/${id}`)).body.hitSummary, { openAlerts: 1, openReviews: 0, decided: 1 });
  });
});
