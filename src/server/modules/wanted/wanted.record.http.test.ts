/**
 * The record's own work over HTTP: correcting it and adding a warrant as named actions with a version check,
 * publication once the offence summary is there, a timeline of coded facts (no raw JSON), the EAW consent that
 * comes after day 50 of the arrest, and a Nordic warrant's time limit exceeded for special reasons.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db/client.ts';
import { createTestEnv, type Client, type TestEnv } from '../../testing/harness.ts';
import type { CreateWantedInput } from '../../../shared/wanted.schemas.ts';

let env: TestEnv;
let fast: Client;
let supervisor: Client;
let supervisorSv: Client;
let duty: Client;
const J = 'justification=FAST+search+SE-2026-7';

before(async () => {
  env = await createTestEnv();
  fast = await env.login(await env.buildUser({ roles: ['fast_officer'], unit: 'FAST' }));
  const chief = await env.buildUser({ roles: ['fast_officer', 'supervisor'], unit: 'FAST' });
  supervisor = await env.login(chief);
  supervisorSv = await env.login(chief, 'sv');
  duty = await env.login(await env.buildUser({ roles: ['duty_officer', 'supervisor'] }));
});
after(() => env.close());

const EAW = {
  kind: 'eaw', issuingCountry: 'SE', issuingAuthority: 'Åklagarmyndigheten', issuedAt: '2026-09-01',
  eaw: { c_judgment: 'Malmö tingsrätt häktningsbeslut 2026-08-30', d_offence: 'Grovt rån' },
};
const NAW = { kind: 'naw', issuingCountry: 'SE', issuingAuthority: 'Åklagarmyndigheten', issuedAt: '2026-09-01' };

async function register(o: Partial<CreateWantedInput> = {}) {
  const r = await fast.post('/api/wanted', {
    fullName: 'Omar Haddad', requestingAuthority: 'aklagarmyndigheten', authorityReference: 'AM-555-26', legalBasis: 'detention_in_absentia',
    offence: 'Grovt rån, Malmö tingsrätt B 555-26', warrants: [EAW], ...o,
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

async function act(as: Client, id: string, action: string, body: Record<string, unknown> = {}) {
  const current = await fast.get(`/api/wanted/${id}?${J}`);
  return as.post(`/api/wanted/${id}/${action}`, { version: current.body.version, ...body });
}

async function auditActions(id: string): Promise<string[]> {
  return rowsOf<{ action: string }>(await env.database.db.execute(sql`SELECT action FROM audit_event WHERE entity_id = ${id} ORDER BY seq`)).map((r) => r.action);
}

describe('correcting the record and publishing', () => {
  test('a person without an offence summary is refused publication with a clear reason; after the officer adds it, it is published', async () => {
    const p = await register();
    const refused = await act(supervisor, p.id, 'publish', { decision: 'Nödvändigt för att lokalisera personen.' });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error, 'wanted.publication_incomplete');
    assert.deepEqual(refused.body.fields.map((f: { path: string }) => f.path), ['offenceSummary']);
    assert.match(refused.body.message, /offence summary/i);
    const sv = await supervisorSv.post(`/api/wanted/${p.id}/publish`, { version: p.version, decision: 'x'.repeat(20) });
    assert.match(sv.body.fields?.[0]?.message ?? sv.body.message, /sammanfattning/i);

    const edited = await fast.post(`/api/wanted/${p.id}/edit`, { version: p.version, offenceSummary: 'Grovt rån i Malmö' });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.equal(edited.body.offenceSummary, 'Grovt rån i Malmö');
    assert.equal(edited.body.version, p.version + 1);
    assert.deepEqual(edited.body.timeline.at(-1).params, { fields: ['offenceSummary'] });
    const published = await act(supervisor, p.id, 'publish', { decision: 'Nödvändigt för att lokalisera personen.' });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.equal(published.body.published, true);
    assert.ok((await auditActions(p.id)).includes('wanted.person.update'));
  });

  test('an edit on a stale version is refused (409) and changes nothing; bad input gives field errors; others get "not found"', async () => {
    const p = await register();
    assert.equal((await fast.post(`/api/wanted/${p.id}/edit`, { version: p.version, description: 'Limps' })).status, 200);
    const stale = await fast.post(`/api/wanted/${p.id}/edit`, { version: p.version, description: 'Tall' });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error, 'wanted.stale_version');
    const bad = await fast.post(`/api/wanted/${p.id}/edit`, { version: p.version + 1, fullName: '', offenceSummary: 'x'.repeat(501) });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.fields.map((f: { path: string }) => f.path).sort(), ['fullName', 'offenceSummary']);
    const now = await fast.get(`/api/wanted/${p.id}?${J}`);
    assert.equal(now.body.description, 'Limps');
    assert.equal(now.body.fullName, 'Omar Haddad');
    assert.equal((await duty.post(`/api/wanted/${p.id}/edit`, { version: now.body.version, description: 'x' })).status, 404);
  });
});

describe('adding a warrant', () => {
  test('needs the version the officer saw; a bad warrant gives field errors and stores nothing', async () => {
    const p = await register();
    const noVersion = await fast.post(`/api/wanted/${p.id}/warrants`, NAW);
    assert.equal(noVersion.status, 400);
    assert.ok(noVersion.body.fields.some((f: { path: string }) => f.path === 'version'));
    const future = await fast.post(`/api/wanted/${p.id}/warrants`, { ...NAW, issuedAt: '2027-01-01', version: p.version });
    assert.equal(future.status, 400);
    assert.deepEqual(future.body.fields.map((f: { path: string }) => f.path), ['issuedAt']);
    const added = await fast.post(`/api/wanted/${p.id}/warrants`, { ...NAW, version: p.version });
    assert.equal(added.status, 200, JSON.stringify(added.body));
    assert.deepEqual(added.body.warrants.map((w: { kind: string }) => w.kind).sort(), ['eaw', 'naw']);
    assert.equal(added.body.version, p.version + 1);
    assert.deepEqual(added.body.timeline.at(-1).params, { warrant: 'naw', country: 'SE' });
    const stale = await fast.post(`/api/wanted/${p.id}/warrants`, { ...NAW, version: p.version });
    assert.equal(stale.status, 409);
    assert.equal((await fast.get(`/api/wanted/${p.id}?${J}`)).body.warrants.length, 2);
    assert.ok((await auditActions(p.id)).includes('wanted.warrant.add'));
  });
});

describe('the timeline', () => {
  test('carries coded facts (country, warrant, source) and no JSON text', async () => {
    const p = await register();
    await act(fast, p.id, 'locate', { countryCode: 'ES', place: 'Málaga' });
    await fast.post(`/api/wanted/${p.id}/leads`, { source: 'foreign_fast', sourceCountry: 'DE', body: 'Seen in Hamburg' });
    const d = (await fast.get(`/api/wanted/${p.id}?${J}`)).body;
    const byKind = Object.fromEntries(d.timeline.map((e: { kind: string }) => [e.kind, e]));
    assert.deepEqual(byKind.located.params, { country: 'ES', place: 'Málaga' });
    assert.deepEqual(byKind.lead.params, { source: 'foreign_fast', country: 'DE' });
    assert.deepEqual(byKind.registered.params, { reference: 'AM-555-26' });
    for (const e of d.timeline) assert.equal(e.note, null, `${e.kind} has a coded note only`);
  });
});

describe('surrender clocks', () => {
  test('EAW consent given after day 50 of the arrest is flagged; consent within 50 days is not', async () => {
    const late = await register();
    await act(fast, late.id, 'arrest', { warrantId: late.warrants[0].id, countryCode: 'ES', arrestedAt: '2026-09-25T10:00:00Z' });
    // Day 53 after the arrest: 10 days from it end after the 60 days from the arrest (FD 2002/584 Art 17(2)-(3)).
    const r = await act(fast, late.id, 'record-consent', { consent: true, consentAt: '2026-11-16T10:00:00Z' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const decision = r.body.clocks.find((c: { clock: string }) => c.clock === 'decision');
    assert.deepEqual(decision.flags, ['consent_after_day_50']);
    assert.equal(decision.dueAt, '2026-11-26T10:00:00.000Z');
    assert.deepEqual(r.body.timeline.at(-1).params, { at: '2026-11-16T10:00:00.000Z', day: 53 });

    const early = await register();
    await act(fast, early.id, 'arrest', { warrantId: early.warrants[0].id, countryCode: 'ES', arrestedAt: '2026-11-10T10:00:00Z' });
    const ok = await act(fast, early.id, 'record-consent', { consent: true, consentAt: '2026-11-14T10:00:00Z' });
    assert.deepEqual(ok.body.clocks[0].flags, []);
    assert.ok(ok.body.allowedActions.includes('extend_exceptional'));
    assert.ok(!ok.body.allowedActions.includes('record_overrun'), 'an EAW has no Nordic overrun');
  });

  test('a Nordic warrant time limit exceeded for special reasons is recorded with its reason, audited, and on the timeline', async () => {
    const p = await register({ legalBasis: 'arrest_in_absentia', warrants: [NAW as never] });
    const arrested = await act(fast, p.id, 'arrest', { warrantId: p.warrants[0].id, countryCode: 'NO', arrestedAt: '2026-11-01T08:00:00Z' });
    assert.equal(arrested.body.clocks[0].overdue, true);
    assert.ok(arrested.body.allowedActions.includes('record_overrun'));
    assert.ok(!arrested.body.allowedActions.includes('extend_exceptional'), 'a Nordic warrant has no exceptional extension');
    const empty = await act(fast, p.id, 'record-overrun', { reason: '' });
    assert.equal(empty.status, 400);
    assert.deepEqual(empty.body.fields.map((f: { path: string }) => f.path), ['reason']);
    const r = await act(fast, p.id, 'record-overrun', { reason: 'Tolk saknades vid förhandlingen; Norge underrättat.' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body.clocks[0].flags, ['overrun_special_reasons']);
    const e = r.body.timeline.at(-1);
    assert.equal(e.kind, 'naw_overrun');
    assert.deepEqual(e.params, { clock: 'decision', dueAt: '2026-11-15T08:00:00.000Z', reason: 'Tolk saknades vid förhandlingen; Norge underrättat.' });
    assert.ok((await auditActions(p.id)).includes('wanted.arrest.naw_overrun'));

    const eaw = await register();
    await act(fast, eaw.id, 'arrest', { warrantId: eaw.warrants[0].id, countryCode: 'ES', arrestedAt: '2026-11-10T10:00:00Z' });
    const refused = await act(fast, eaw.id, 'record-overrun', { reason: 'Not a Nordic warrant at all' });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error, 'wanted.overrun_naw_only');
  });
});
