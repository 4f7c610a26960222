import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db/client.ts';
import { buildRequest, createTestEnv, type Client, type TestEnv } from '../../testing/harness.ts';
import { SEARCH_WINDOW } from './desk.repository.ts';

let env: TestEnv;
let duty: Client;
let otherUnit: Client;
let auditor: Client;
let admin: Client;
let fraud: { id: string; reference: string };
let vehicle: { id: string; reference: string };
let sirene: { id: string; reference: string };

/** Moves the clock; `relogin` signs in again those whose session has run out by then (login is rate-limited). */
async function at(time: string, relogin: ('duty' | 'others')[] = []) {
  env.clock.set(time);
  if (relogin.includes('duty')) duty = await env.login(duty.actor, 'sv');
  if (relogin.includes('others')) {
    auditor = await env.login(auditor.actor);
    admin = await env.login(admin.actor);
  }
}

async function register(as: Client, o: Parameters<typeof buildRequest>[0]) {
  const r = await as.post('/api/requests', buildRequest(o));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body as { id: string; reference: string; version: number };
}

async function auditCount(action: string) {
  return rowsOf<{ n: number }>(await env.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_event WHERE action = ${action}`))[0].n;
}

before(async () => {
  env = await createTestEnv();
  duty = await env.login(await env.buildUser({ roles: ['duty_officer'] }), 'sv');
  otherUnit = await env.login(await env.buildUser({ roles: ['duty_officer'], unit: 'SIRENE' }));
  auditor = await env.login(await env.buildUser({ roles: ['auditor'] }));
  admin = await env.login(await env.buildUser({ roles: ['administrator'] }));
  fraud = await register(duty, { subject: 'Invoice fraud ring', counterpartReference: 'EU-DE-2026/48213', countryCode: 'DE', receivedAt: '2026-11-20T08:00:00Z' });
  vehicle = await register(duty, { subject: 'Vehicle owner', counterpartReference: 'PL-KGP-77/2026', countryCode: 'PL', receivedAt: '2026-11-22T08:00:00Z' });
  const m = await duty.post(`/api/requests/${vehicle.id}/messages`, { body: 'The car was seen at the Öresund bridge toll station.' });
  assert.equal(m.status, 200, JSON.stringify(m.body));
  sirene = await register(otherUnit, { subject: 'Invoice fraud, other unit', counterpartReference: 'EU-DE-2026/99999', channel: 'sirene', channelReason: 'a_third_country', receivedAt: '2026-11-21T08:00:00Z' });
});
after(() => env.close());

describe('case search', () => {
  test('finds a case by the other country\'s reference, in part and in any case', async () => {
    const r = await duty.get('/api/desk/search?q=de-2026%2F48213');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body.items.map((i: { reference: string }) => i.reference), [fraud.reference]);
    assert.deepEqual(r.body.items[0].matchedIn, ['foreign_reference']);
    assert.equal(r.body.items[0].foreignReference, 'EU-DE-2026/48213');
  });

  test('finds a case by our own reference', async () => {
    const r = await duty.get(`/api/desk/search?q=${encodeURIComponent(vehicle.reference)}`);
    assert.deepEqual(r.body.items.map((i: { id: string }) => i.id), [vehicle.id]);
    assert.deepEqual(r.body.items[0].matchedIn, ['reference']);
  });

  test('finds a case by a word of its subject and by a word in its thread', async () => {
    const s = await duty.get('/api/desk/search?q=invoice');
    assert.deepEqual(s.body.items.map((i: { id: string }) => i.id), [fraud.id]);
    assert.deepEqual(s.body.items[0].matchedIn, ['subject']);
    const th = await duty.get('/api/desk/search?q=%C3%B6resund');
    assert.deepEqual(th.body.items.map((i: { id: string }) => i.id), [vehicle.id]);
    assert.deepEqual(th.body.items[0].matchedIn, ['thread']);
  });

  test('should not show another unit\'s case; an auditor sees every unit\'s', async () => {
    const mine = await duty.get('/api/desk/search?q=EU-DE-2026');
    assert.deepEqual(mine.body.items.map((i: { id: string }) => i.id), [fraud.id]);
    const theirs = await otherUnit.get('/api/desk/search?q=EU-DE-2026');
    assert.deepEqual(theirs.body.items.map((i: { id: string }) => i.id), [sirene.id]);
    const all = await auditor.get('/api/desk/search?q=EU-DE-2026');
    assert.deepEqual(new Set(all.body.items.map((i: { id: string }) => i.id)), new Set([fraud.id, sirene.id]));
  });

  test('filters narrow the result: channel, country, received dates (Stockholm days)', async () => {
    const byCountry = await auditor.get('/api/desk/search?q=2026&country=PL');
    assert.deepEqual(byCountry.body.items.map((i: { id: string }) => i.id), [vehicle.id]);
    const byChannel = await auditor.get('/api/desk/search?q=invoice&channel=sirene');
    assert.deepEqual(byChannel.body.items.map((i: { id: string }) => i.id), [sirene.id]);
    const byDate = await auditor.get('/api/desk/search?q=2026&receivedFrom=2026-11-21&receivedTo=2026-11-21');
    assert.deepEqual(byDate.body.items.map((i: { id: string }) => i.id), [sirene.id]);
  });

  test('LIKE wildcards in the text are taken literally', async () => {
    const r = await duty.get('/api/desk/search?q=%25%25');
    assert.equal(r.status, 200);
    assert.equal(r.body.items.length, 0);
  });

  test('bad input gets a translated field error and is not logged as a search', async () => {
    const before = await auditCount('desk.cases.search');
    const short = await duty.get('/api/desk/search?q=a');
    assert.equal(short.status, 400);
    assert.equal(short.body.fields[0].path, 'q');
    assert.match(short.body.fields[0].message, /minst 2 tecken/);
    const dates = await duty.get('/api/desk/search?q=fraud&receivedFrom=2026-11-22&receivedTo=2026-11-01');
    assert.equal(dates.status, 400);
    assert.equal(dates.body.fields[0].path, 'receivedTo');
    assert.match(dates.body.fields[0].message, /före startdatumet/);
    const nul = await duty.get('/api/desk/search?q=2026&receivedFrom=2026-02-30');
    assert.equal(nul.status, 400);
    assert.equal(await auditCount('desk.cases.search'), before);
  });

  test('each search is logged without its text; roles that see no cases get "not found"', async () => {
    const before = await auditCount('desk.cases.search');
    await duty.get('/api/desk/search?q=invoice');
    assert.equal(await auditCount('desk.cases.search'), before + 1);
    const logged = rowsOf<{ details: Record<string, unknown> }>(await env.database.db.execute(sql`SELECT details FROM audit_event WHERE action = 'desk.cases.search' ORDER BY seq DESC LIMIT 1`))[0];
    assert.ok(!JSON.stringify(logged.details).includes('invoice'));
    assert.equal((await admin.get('/api/desk/search?q=invoice')).status, 404);
  });
});

describe('shift handover', () => {
  test('lists overdue and due-soon cases of the unit, and new ones since the previous handover', async () => {
    // Registered 2026-11-20 with a 7-day clock: due 2026-11-27; at 2026-11-27 00:00 it is due within 12 hours.
    await at('2026-11-26T23:00:00Z', ['duty']);
    const r = await duty.get('/api/desk/handover?hours=12');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body.dueSoon.map((c: { id: string }) => c.id), [fraud.id]);
    assert.deepEqual(r.body.overdue, []);
    assert.equal(r.body.openCount, 2);
    assert.equal(r.body.previous, null);
    await at('2026-11-27T09:00:00Z');
    const later = await duty.get('/api/desk/handover?hours=12');
    assert.deepEqual(later.body.overdue.map((c: { id: string }) => c.id), [fraud.id]);
    assert.ok(!later.body.overdue.concat(later.body.dueSoon).some((c: { id: string }) => c.id === sirene.id));
  });

  test('recording a handover is audited and starts "new since" from then', async () => {
    await at('2026-11-27T10:00:00Z');
    const rec = await duty.post('/api/desk/handover', { note: 'Call BKA about the invoice case in the morning.' });
    assert.equal(rec.status, 201, JSON.stringify(rec.body));
    assert.equal(rec.body.previous.note, 'Call BKA about the invoice case in the morning.');
    assert.deepEqual(rec.body.newSincePrevious, []);
    assert.equal(await auditCount('desk.handover.record'), 1);
    await at('2026-11-27T10:40:00Z');
    const fresh = await register(duty, { subject: 'Phone subscriber', receivedAt: '2026-11-27T10:30:00Z' });
    const r = await duty.get('/api/desk/handover');
    assert.deepEqual(r.body.newSincePrevious.map((c: { id: string }) => c.id), [fresh.id]);
  });

  test('an auditor may read the report but not record a handover; an administrator gets "not found"', async () => {
    await at('2026-11-27T10:45:00Z', ['others']);
    assert.equal((await auditor.get('/api/desk/handover')).status, 200);
    const rec = await auditor.post('/api/desk/handover', {});
    assert.equal(rec.status, 403);
    assert.equal((await admin.get('/api/desk/handover')).status, 404);
  });

  test('prints as a PDF in the reader\'s language, logged as a disclosure', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/desk/handover.pdf?hours=24', cookies: {}, headers: {} });
    assert.equal(res.statusCode, 401);
    const r = await duty.get('/api/desk/handover.pdf?hours=24');
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-type'], 'application/pdf');
    assert.equal(r.headers['cache-control'], 'no-store');
    assert.ok(r.raw.startsWith('%PDF-'));
    assert.equal(await auditCount('desk.handover.print'), 1);
  });
});

describe('case search over more cases than it reads first', () => {
  // More closed cases of the duty officer's unit than the search reads first (the newest SEARCH_WINDOW), all newer
  // than the cases above; every 8th is about a robbery (more than the 500 a search counts exactly).
  const BULK = SEARCH_WINDOW + 100;
  before(async () => {
    await env.database.db.execute(sql`
      INSERT INTO request (reference, direction, channel, country_code, counterpart_authority, urgent, access, received_at, language, handling_code,
        europol_copy, subject, information_sought, purpose, status, unit_id, regime_id, clock_start_at, due_at, created_at, updated_at)
      SELECT 'BULK-' || g, 'incoming', 'siena', 'DE', 'BKA', false, 'direct', timestamptz '2026-11-23T00:00:00Z' + g * interval '1 minute', 'en', 'H0',
        false, CASE WHEN g % 8 = 0 THEN 'Armed robbery ' || g ELSE 'Routine check ' || g END, 'Information sought', 'Purpose', 'closed',
        ${duty.actor.unitId}::uuid, 'eu-2023-977', timestamptz '2026-11-23T00:00:00Z', timestamptz '2026-11-30T00:00:00Z', now(), now()
      FROM generate_series(1, ${BULK}) AS g`);
  });

  test('a case older than the newest ones is still found, and only where the user may see it', async () => {
    const byRef = await duty.get('/api/desk/search?q=48213');
    assert.deepEqual(byRef.body.items.map((i: { id: string }) => i.id), [fraud.id]);
    const byWord = await duty.get('/api/desk/search?q=invoice');
    assert.deepEqual(byWord.body.items.map((i: { id: string }) => i.id), [fraud.id]);
    assert.equal(byWord.body.total, 1);
    const all = await auditor.get('/api/desk/search?q=invoice');
    assert.deepEqual(new Set(all.body.items.map((i: { id: string }) => i.id)), new Set([fraud.id, sirene.id]));
  });

  test('a word in more cases than the count shows the newest first and says "more than"', async () => {
    const r = await duty.get('/api/desk/search?q=robbery&limit=3');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const newest = 8 * Math.floor(BULK / 8);
    assert.deepEqual(r.body.items.map((i: { reference: string }) => i.reference), [`BULK-${newest}`, `BULK-${newest - 8}`, `BULK-${newest - 16}`]);
    assert.equal(r.body.totalCapped, true);
    assert.equal(r.body.total, 500);
    // None of them is open: the open cases are few and read whole.
    const open = await duty.get('/api/desk/search?q=robbery&status=open');
    assert.deepEqual(open.body.items, []);
    assert.equal(open.body.totalCapped, false);
  });
});
