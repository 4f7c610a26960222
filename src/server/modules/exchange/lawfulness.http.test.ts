/**
 * The legal frame of an exchange over HTTP: which clock applies (Dir. (EU) 2023/977 Art 5 only between the states
 * bound by it), withdrawal and own-initiative information, the Art 5(2) expected time, corrected urgency and access,
 * refusal during a clock stop, references in the Stockholm year, and the Art 18 count of Directive requests only.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { inTransaction } from '../../platform/context.ts';
import { rowsOf } from '../../platform/db/client.ts';
import { findUnitByCode } from '../identity/index.ts';
import { buildRequest, createTestEnv, type Client, type TestEnv } from '../../testing/harness.ts';
import { receiveInformationFromPeer } from './index.ts';

let env: TestEnv;
let duty: Client;
let supervisor: Client;

before(async () => {
  env = await createTestEnv({ now: '2026-11-23T09:00:00Z' });
  duty = await env.login(await env.buildUser({ roles: ['duty_officer'] }));
  supervisor = await env.login(await env.buildUser({ roles: ['supervisor'] }));
});
after(() => env.close());

async function register(o: Parameters<typeof buildRequest>[0] = {}, as: Client = duty) {
  const r = await as.post('/api/requests', buildRequest(o));
  assert.equal(r.status, 201, r.raw);
  return r.body;
}

async function act(id: string, action: string, body: Record<string, unknown> = {}, as: Client = duty) {
  const current = await as.get(`/api/requests/${id}`);
  return as.post(`/api/requests/${id}/${action}`, { version: current.body.version, ...body });
}

async function ownInitiative(country: string, receivedAt: string) {
  const unit = await findUnitByCode(env.database.db, 'SPOC');
  const row = await inTransaction(env.ctx, (tx) => receiveInformationFromPeer(tx, { countryCode: country, name: 'Peer' }, {
    reference: 'X-1', channel: 'siena', counterpartAuthority: 'Peer SPOC', urgent: false, access: 'direct', language: 'en',
    handlingCode: 'H0', europolCopy: false, europolCopyReason: 'Not within Europol objectives', subject: 'Tip', informationSought: 'A tip',
    purpose: 'Own initiative', persons: [], items: [],
  }, new Date(receivedAt), unit!.id));
  return row.id;
}

describe('the regime depends on channel and counterpart country', () => {
  test('an Interpol request from a third country gets no Directive 7-day clock; one from a Member State through Interpol does', async () => {
    const us = await register({ channel: 'interpol', channelReason: 'a_third_country', countryCode: 'US', receivedAt: '2026-11-23T08:00:00Z' });
    assert.equal(us.deadline.regimeId, 'third-country');
    assert.equal(us.dueAt, null);
    assert.equal(us.overdue, false);
    const de = await register({ channel: 'interpol', channelReason: 'a_third_country', countryCode: 'DE', receivedAt: '2026-11-20T10:00:00Z' });
    assert.equal(de.deadline.regimeId, 'eu-2023-977');
    assert.equal(de.dueAt, '2026-11-27T10:00:00.000Z');
    const no = await register({ countryCode: 'NO', receivedAt: '2026-11-20T10:00:00Z' });
    assert.equal(no.deadline.regimeId, 'eu-2023-977', 'Norway applies the Directive as a Schengen-associated state');
    const ch = await register({ channel: 'bilateral', channelReason: 'a_third_country', countryCode: 'TR', urgent: true, urgencyReason: 'life_or_integrity', receivedAt: '2026-11-23T08:00:00Z' });
    assert.equal(ch.dueAt, null, 'an urgent third-country request gets no 8-hour Directive clock either');
  });
});

describe('withdrawal and own-initiative information', () => {
  test('a request withdrawn while its clock is stopped ends without a ground, shows no time left, and can be closed', async () => {
    const r = await register({ receivedAt: '2026-11-23T08:00:00Z' });
    assert.equal((await act(r.id, 'request-clarification', { question: 'Which period?' })).status, 200);
    const w = await act(r.id, 'withdraw', { note: 'Withdrawn by SIENA message 2026/4711.' });
    assert.equal(w.status, 200, w.raw);
    assert.equal(w.body.status, 'withdrawn');
    assert.deepEqual(w.body.refusalGrounds, []);
    assert.equal(w.body.paused, false);
    assert.equal(w.body.remainingMs, null);
    assert.ok(w.body.deadlineEvents.some((e: { kind: string }) => e.kind === 'withdrawn'));
    assert.ok(w.body.messages.some((m: { kind: string; body: string }) => m.kind === 'withdrawal' && m.body.includes('4711')));
    assert.deepEqual(w.body.allowedActions.filter((a: string) => a !== 'view_persons'), ['close']);
    const c = await act(r.id, 'close', {});
    assert.equal(c.body.status, 'closed');
  });

  test('a withdrawal needs a note', async () => {
    const r = await register();
    assert.equal((await act(r.id, 'withdraw', {})).status, 400);
  });

  test('received own-initiative information can be read and closed, but not answered or refused', async () => {
    const id = await ownInitiative('FI', '2026-11-23T07:00:00Z');
    const d = (await duty.get(`/api/requests/${id}`)).body;
    assert.equal(d.deadline.regimeId, 'own-initiative');
    assert.ok(d.allowedActions.includes('close'));
    assert.ok(!d.allowedActions.includes('answer') && !d.allowedActions.includes('refuse') && !d.allowedActions.includes('withdraw'));
    assert.equal((await act(id, 'refuse', { grounds: ['a'], reason: 'Not available here.' })).status, 409);
    const c = await act(id, 'close', { note: 'Passed to the regional unit.' });
    assert.equal(c.status, 200, c.raw);
    assert.equal(c.body.status, 'closed');
  });
});

describe('Art 5(2): the expected delay is one instant', () => {
  test('the expected time is stored as entered, may be less than a day away, and the legal deadline stays', async () => {
    const r = await register({ receivedAt: '2026-11-23T08:00:00Z' });
    const d = await act(r.id, 'delay-judicial', { expectedAt: '2026-11-23T21:30:00+01:00', reason: 'Court order needed for bank records.' });
    assert.equal(d.status, 200, d.raw);
    assert.equal(d.body.deadline.expectedAt, '2026-11-23T20:30:00.000Z');
    assert.equal(d.body.dueAt, '2026-11-30T08:00:00.000Z');
    const ev = d.body.deadlineEvents.find((e: { kind: string }) => e.kind === 'delay_notified');
    assert.match(ev.note, /^2026-11-23T20:30:00\.000Z Court order/);
  });

  test('an expected time in the past, or the old length in days, is refused', async () => {
    const r = await register();
    const past = await act(r.id, 'delay-judicial', { expectedAt: '2026-11-23T08:00:00Z', reason: 'Court order needed.' });
    assert.equal(past.status, 400);
    assert.equal(past.body.error, 'exchange.expected_at_invalid');
    assert.equal((await act(r.id, 'delay-judicial', { expectedDays: 5, reason: 'Court order needed.' })).status, 400);
  });
});

describe('corrections and finished requests', () => {
  test('urgency and access can be corrected: audited, and the deadline is computed again from receipt', async () => {
    const r = await register({ receivedAt: '2026-11-23T08:30:00Z' });
    assert.equal(r.dueAt, '2026-11-30T08:30:00.000Z');
    const c = await act(r.id, 'reclassify', { urgent: true, urgencyReason: 'life_or_integrity', access: 'direct', reason: 'The requester marked it urgent in the cover note.' });
    assert.equal(c.status, 200, c.raw);
    assert.equal(c.body.urgent, true);
    assert.equal(c.body.dueAt, '2026-11-23T16:30:00.000Z');
    // The rule is named, so the UI can say the legal basis in its own language.
    assert.equal(r.deadline.ruleId, 'standard');
    assert.equal(c.body.deadline.ruleId, 'urgent-direct');
    assert.equal(c.body.status, 'received');
    const again = await act(r.id, 'reclassify', { urgent: true, urgencyReason: 'life_or_integrity', access: 'indirect', reason: 'Held by the tax agency.' });
    assert.equal(again.body.dueAt, '2026-11-26T08:30:00.000Z');
    const audited = rowsOf<{ n: number }>(await env.database.db.execute(sql`
      SELECT count(*)::int AS n FROM audit_event WHERE action = 'exchange.request.reclassify' AND entity_id = ${r.id}`));
    assert.equal(audited[0].n, 2);
    const noUrgencyReason = await act(r.id, 'reclassify', { urgent: true, access: 'direct', reason: 'x' });
    assert.equal(noUrgencyReason.status, 400);
  });

  test('a request refused while awaiting clarification keeps no paused state', async () => {
    const r = await register();
    await act(r.id, 'request-clarification', { question: 'Which period?' });
    const f = await act(r.id, 'refuse', { grounds: ['b'], reason: 'The request does not meet Art 4.' });
    assert.equal(f.body.status, 'refused');
    assert.equal(f.body.paused, false);
    assert.equal(f.body.deadline.paused, false);
    assert.equal(f.body.remainingMs, null);
    const q = await duty.get('/api/requests?status=refused');
    const row = q.body.items.find((i: { id: string }) => i.id === r.id);
    assert.equal(row.paused, false);
    assert.equal(row.remainingMs, null);
  });

  test('an answered request shows no time left in the queue or the detail', async () => {
    const r = await register();
    await act(r.id, 'start');
    const a = await act(r.id, 'answer', { body: 'Here is what we hold.' });
    assert.equal(a.body.remainingMs, null);
    const q = await duty.get('/api/requests?status=answered');
    assert.equal(q.body.items.find((i: { id: string }) => i.id === r.id).remainingMs, null);
  });

  test('"all statuses" lists finished requests too', async () => {
    const r = await register();
    await act(r.id, 'refuse', { grounds: ['a'], reason: 'Not available.' });
    const all = await duty.get('/api/requests?status=all&limit=200');
    assert.equal(all.status, 200);
    assert.ok(all.body.items.some((i: { id: string }) => i.id === r.id));
    const open = await duty.get('/api/requests?limit=200');
    assert.ok(!open.body.items.some((i: { id: string }) => i.id === r.id));
  });

  test('a clarification received in the same minute as the question is accepted; a future answer time is refused', async () => {
    env.clock.set('2026-11-23T09:00:40Z');
    try {
      const r = await register();
      await act(r.id, 'request-clarification', { question: 'Which period?' });
      const same = await act(r.id, 'receive-clarification', { answer: 'March.', receivedAt: '2026-11-23T09:00:00Z' });
      assert.equal(same.status, 200, same.raw);
      const o = await register({ direction: 'outgoing', receivedAt: null, countryCode: 'NL' });
      await act(o.id, 'send');
      const future = await act(o.id, 'record-answer', { body: 'Answer.', receivedAt: '2026-11-24T09:00:00Z' });
      assert.equal(future.status, 400);
      assert.equal(future.body.error, 'exchange.date_out_of_order');
    } finally {
      env.clock.set('2026-11-23T09:00:00Z');
    }
  });

  test('a received date decades in the past is refused with a field error', async () => {
    const r = await duty.post('/api/requests', buildRequest({ receivedAt: '1996-11-23T08:00:00Z' }));
    assert.equal(r.status, 400);
    assert.equal(r.body.error, 'exchange.received_too_old');
    assert.equal(r.body.fields[0].path, 'receivedAt');
  });

  test('references carry the Stockholm year: received at 00:30 on 1 January in Stockholm is the new year', async () => {
    env.clock.set('2027-01-01T00:00:00Z');
    try {
      // A session does not survive a jump of weeks: sign in at the new time.
      const r = await register({ receivedAt: '2026-12-31T23:30:00Z' }, await env.login(duty.actor));
      assert.match(r.reference, /^SE-2027-\d{6}$/);
    } finally {
      env.clock.set('2026-11-23T09:00:00Z');
    }
  });
});

describe('Art 18 counts only Directive requests between Member States', () => {
  test('third-country, SIRENE and own-initiative exchanges are shown separately, not in Art 18', async () => {
    const year = 2025;
    env.clock.set('2025-06-10T12:00:00Z');
    try {
      const as = await env.login(duty.actor);
      const de = await register({ countryCode: 'DE', receivedAt: '2025-06-10T09:00:00Z' }, as);
      const us = await register({ channel: 'interpol', channelReason: 'a_third_country', countryCode: 'US', receivedAt: '2025-06-10T09:00:00Z' }, as);
      await register({ channel: 'sirene', channelReason: 'a_third_country', countryCode: 'PL', receivedAt: '2025-06-10T09:00:00Z' }, as);
      await ownInitiative('FI', '2025-06-10T08:00:00Z');
      const w = await register({ countryCode: 'FR', receivedAt: '2025-06-10T09:00:00Z' }, as);
      assert.equal((await act(w.id, 'withdraw', { note: 'Withdrawn by the French SPOC.' }, as)).status, 200);
      assert.equal((await act(us.id, 'refuse', { grounds: ['a'], reason: 'Not available.' }, as)).status, 200);
      assert.equal((await act(de.id, 'refuse', { grounds: ['g'], reason: 'Not an offence here.' }, as)).status, 200);
    } finally {
      env.clock.set('2026-11-23T09:00:00Z');
    }
    const s = (await supervisor.get(`/api/statistics?year=${year}`)).body;
    assert.deepEqual(s.received, { total: 2, urgent: 0, nonUrgent: 2 }, 'DE and FR only');
    assert.deepEqual(s.byCountry.map((c: { country: string }) => c.country), ['DE', 'FR']);
    assert.deepEqual(s.refusals.byCountry, [{ country: 'DE', total: 1 }], 'the third-country refusal and the withdrawal are not in 18(c)');
    assert.deepEqual(s.otherExchanges, [
      { regime: 'own-initiative', channel: 'siena', received: 1, sent: 0 },
      { regime: 'sirene', channel: 'sirene', received: 1, sent: 0 },
      { regime: 'third-country', channel: 'interpol', received: 1, sent: 0 },
    ]);
    const csv = await supervisor.get(`/api/statistics/export.csv?year=${year}`);
    assert.match(csv.raw, /Not in Art\. 18,"Received, outside the Directive",Request to or from a third country \/ Interpol \(I-24\/7\),1\r\n/);
  });
});
