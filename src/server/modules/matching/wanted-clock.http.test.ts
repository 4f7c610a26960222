/**
 * A request naming a wanted person whose surrender clocks run shows the hit with a flag (FD 2002/584/JHA Art 17
 * and 23): which clock and when it falls due for FAST officers; for everyone else only that FAST holds such a
 * record and must be contacted (need-to-know). Real HTTP on a real database.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRequest, createTestEnv, type Client, type TestEnv } from '../../testing/harness.ts';

let env: TestEnv;
let duty: Client;
let fast: Client;
let fastDesk: Client;

before(async () => {
  env = await createTestEnv({ now: '2026-11-23T09:00:00Z' });
  duty = await env.login(await env.buildUser({ roles: ['duty_officer'] }));
  fast = await env.login(await env.buildUser({ roles: ['fast_officer'], unit: 'FAST' }));
  // A FAST officer who also works requests in the FAST unit: sees the requests he registers, and FAST's details.
  fastDesk = await env.login(await env.buildUser({ roles: ['fast_officer', 'duty_officer'], unit: 'FAST' }));
});
after(() => env.close());

interface WantedClock { clock: string | null; dueAt: string | null; contact: string }
interface Hit { targetId: string; targetKind: string; level: string; wantedClock: WantedClock | null }

const J = encodeURIComponent('checking the running clocks');

async function registerWanted(fullName: string, dateOfBirth: string): Promise<{ id: string; warrants: { id: string }[] }> {
  const r = await fast.post('/api/wanted', {
    fullName, otherScriptNames: [], aliases: [], dateOfBirth, gender: 'male', nationalities: ['SO'],
    requestingAuthority: 'aklagarmyndigheten', authorityReference: 'AM-555-26', legalBasis: 'detention_in_absentia',
    offence: 'Grovt rån, Stockholms tingsrätt B 555-26', offenceSummary: 'Aggravated robbery',
    warrants: [{ kind: 'eaw', issuingCountry: 'SE', issuingAuthority: 'Åklagarmyndigheten', issuedAt: '2026-10-01', eaw: { c_judgment: 'Stockholms tingsrätt häktningsbeslut', d_offence: 'Grovt rån' } }],
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

async function act(id: string, action: string, body: Record<string, unknown>) {
  const current = await fast.get(`/api/wanted/${id}?justification=${J}`);
  const r = await fast.post(`/api/wanted/${id}/${action}`, { version: current.body.version, ...body });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
}

async function requestNaming(as: Client, fullName: string, dateOfBirth: string): Promise<Hit[]> {
  const r = await as.post('/api/requests', buildRequest({ persons: [{ fullName, dateOfBirth, category: 'suspect' }] } as never));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  // The hits name persons: they come with the justified consultation of the request's persons.
  const seen = await as.get(`/api/requests/${r.body.id}/persons?justification=${encodeURIComponent('Checking the hit on a wanted person')}`);
  assert.equal(seen.status, 200, JSON.stringify(seen.body));
  return seen.body.hits as Hit[];
}

describe('a wanted person under a running surrender clock on a hit', () => {
  const DOB = '1990-04-04';
  let arrested: { id: string };
  let sought: { id: string };

  before(async () => {
    arrested = await registerWanted('Maxamed Cabdi Xasan', DOB);
    // Arrested in Spain on the EAW; the final decision on 23 Nov 08:00 starts the 10-day surrender clock (Art 23(2)).
    await act(arrested.id, 'arrest', { warrantId: (await fast.get(`/api/wanted/${arrested.id}?justification=${J}`)).body.warrants[0].id, countryCode: 'ES', arrestedAt: '2026-11-20T10:00:00Z' });
    await act(arrested.id, 'record-final-decision', { decidedAt: '2026-11-23T08:00:00Z' });
    sought = await registerWanted('Erik Lindqvist', '1970-01-01');
  });

  test('an officer outside FAST sees the flag without FAST details: a FAST record with a running clock, contact FAST', async () => {
    // The request spells the name the English way: the hit still comes (Somali x and c).
    const hits = await requestNaming(duty, 'Mohamed Abdi Hassan', DOB);
    const hit = hits.find((h) => h.targetId === arrested.id);
    assert.ok(hit, JSON.stringify(hits));
    assert.equal(hit.level, 'alert');
    assert.deepEqual(hit.wantedClock, { clock: null, dueAt: null, contact: 'FAST' });
  });

  test('a FAST officer sees which clock runs and when it falls due', async () => {
    const hits = await requestNaming(fastDesk, 'Maxamed Cabdi Xasan', DOB);
    const hit = hits.find((h) => h.targetId === arrested.id);
    assert.ok(hit, JSON.stringify(hits));
    assert.deepEqual(hit.wantedClock, { clock: 'surrender', dueAt: '2026-12-03T08:00:00.000Z', contact: 'FAST' });
  });

  test('a wanted person without a running clock carries no flag', async () => {
    const hits = await requestNaming(duty, 'Erik Lindqvist', '1970-01-01');
    const hit = hits.find((h) => h.targetId === sought.id);
    assert.ok(hit, JSON.stringify(hits));
    assert.equal(hit.wantedClock, null);
  });

  test('once surrendered the man raises no hit and no flag any more', async () => {
    await act(arrested.id, 'surrender', {});
    const hits = await requestNaming(duty, 'Mohamed Abdi Hassan', DOB);
    assert.equal(hits.find((h) => h.targetId === arrested.id), undefined, JSON.stringify(hits));
  });
});
