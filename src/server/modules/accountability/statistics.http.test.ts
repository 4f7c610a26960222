import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { buildRequest, createTestEnv, type Client, type TestEnv } from '../../testing/harness.ts';

let env: TestEnv;
let duty: Client;
let supervisor: Client;
let officer: Client;

before(async () => {
  // Every reply below is given at this moment: 2026-11-23 09:00 UTC.
  env = await createTestEnv({ now: '2026-11-23T09:00:00Z' });
  duty = await env.login(await env.buildUser({ roles: ['duty_officer'] }));
  supervisor = await env.login(await env.buildUser({ roles: ['supervisor'] }));
  officer = await env.login(await env.buildUser({ roles: ['case_officer'] }));
});
after(() => env.close());

async function incoming(o: Parameters<typeof buildRequest>[0]) {
  const r = await duty.post('/api/requests', buildRequest(o));
  assert.equal(r.status, 201, r.raw);
  return r.body.id as string;
}

async function act(id: string, action: string, body: Record<string, unknown> = {}) {
  const current = await duty.get(`/api/requests/${id}`);
  const r = await duty.post(`/api/requests/${id}/${action.replace(/_/g, '-')}`, { version: current.body.version, ...body });
  assert.equal(r.status, 200, `${action}: ${r.raw}`);
}

async function answer(id: string, body: Record<string, unknown> = {}) {
  await act(id, 'start');
  await act(id, 'answer', { body: 'Here is what we hold.', ...body });
}

const H = 3600_000;

/**
 * A known year. Hand-computed (Stockholm calendar year 2026):
 * R1 DE urgent direct SIENA, received 08:00, answered 09:00 (1 h, within 8 h)
 * R2 DE normal SIENA, received 20 Nov 09:00, answered with a partial refusal on ground b (72 h, within 7 days)
 * R3 FR normal SIENA, received 22 Nov 09:00, refused on grounds a and c (24 h, within)
 * R4 FR urgent indirect SIENA, received 07:00, refused on ground c (2 h, within 3 days)
 * R5 PL normal SIRENE, received 03:00, answered (6 h, within 12 h): under SIS, not in Art 18, shown under other exchanges
 * R6 NO normal SIENA, received 10 Nov 09:00 (due 17 Nov), delayed for judicial authorisation, answered late (312 h)
 * R7 PL normal SIENA, received 12 Nov 09:00 (due 19 Nov), delayed for judicial authorisation, no answer yet
 * R8 DK normal SIENA, received 31 Dec 2025 23:30 UTC = 1 Jan 2026 00:30 in Stockholm, answered late
 * R9 DE normal SIENA, received 31 Dec 2025 22:30 UTC = 23:30 in Stockholm: a 2025 request, no answer
 * R10 PL urgent SIRENE, received 08:30, open: not in Art 18 either
 * O1, O2 outgoing, sent; O3 outgoing draft, never sent
 */
async function buildYear() {
  const r1 = await incoming({ countryCode: 'DE', urgent: true, urgencyReason: 'life_or_integrity', access: 'direct', receivedAt: '2026-11-23T08:00:00Z' });
  await answer(r1);
  const r2 = await incoming({ countryCode: 'DE', receivedAt: '2026-11-20T09:00:00Z' });
  await answer(r2, { partialRefusalGrounds: ['b'], refusalReason: 'Part of it concerns an ongoing investigation' });
  const r3 = await incoming({ countryCode: 'FR', receivedAt: '2026-11-22T09:00:00Z' });
  await act(r3, 'refuse', { grounds: ['a', 'c'], reason: 'Refused under Art 6(1)(a) and (c)' });
  const r4 = await incoming({ countryCode: 'FR', urgent: true, urgencyReason: 'public_security', access: 'indirect', receivedAt: '2026-11-23T07:00:00Z' });
  await act(r4, 'refuse', { grounds: ['c'], reason: 'Refused under Art 6(1)(c)' });
  const r5 = await incoming({ countryCode: 'PL', channel: 'sirene', channelReason: 'a_third_country', receivedAt: '2026-11-23T03:00:00Z' });
  await answer(r5);
  const r6 = await incoming({ countryCode: 'NO', receivedAt: '2026-11-10T09:00:00Z' });
  await act(r6, 'delay_judicial', { expectedAt: '2026-11-25T12:00:00Z', reason: 'Awaiting the prosecutor' });
  await act(r6, 'resume_judicial', { authorised: true });
  await act(r6, 'answer', { body: 'Authorised and answered.' });
  const r7 = await incoming({ countryCode: 'PL', receivedAt: '2026-11-12T09:00:00Z' });
  await act(r7, 'delay_judicial', { expectedAt: '2026-12-01T09:00:00Z', reason: 'Awaiting the court' });
  const r8 = await incoming({ countryCode: 'DK', receivedAt: '2025-12-31T23:30:00Z' });
  await answer(r8);
  await incoming({ countryCode: 'DE', receivedAt: '2025-12-31T22:30:00Z' });
  await incoming({ countryCode: 'PL', channel: 'sirene', channelReason: 'a_third_country', urgent: true, urgencyReason: 'life_or_integrity', receivedAt: '2026-11-23T08:30:00Z' });
  for (const country of ['FR', 'DE', 'NL']) {
    const o = await duty.post('/api/requests', buildRequest({ direction: 'outgoing', countryCode: country, receivedAt: null }));
    assert.equal(o.status, 201, o.raw);
    if (country !== 'NL') await act(o.body.id, 'send');
  }
}

const zeroGrounds = (over: Record<string, number> = {}) =>
  ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((ground) => ({ ground, total: over[ground] ?? 0 }));

describe('Art 18 statistics', () => {
  before(buildYear);

  test('every Art 18 figure of a known year equals the hand-computed value', async () => {
    const r = await supervisor.get('/api/statistics?year=2026');
    assert.equal(r.status, 200, r.raw);
    const s = r.body;
    assert.equal(s.year, 2026);
    assert.equal(s.sent, 2, 'Art 18(a): two sent, the draft not');
    assert.deepEqual(s.received, { total: 7, urgent: 2, nonUrgent: 5 }, 'Art 18(b) received: the SIRENE requests R5 and R10 are not Directive requests');
    assert.deepEqual(s.answered, { total: 4, urgent: 1, nonUrgent: 3 }, 'Art 18(b) answered');
    const c = (country: string, v: number[]) => ({
      country, received: v[0], receivedUrgent: v[1], receivedNonUrgent: v[2], answered: v[3], answeredUrgent: v[4], answeredNonUrgent: v[5],
      refused: v[6], judicialDelayExceeded: v[7],
    });
    assert.deepEqual(s.byCountry, [
      c('DE', [2, 1, 1, 2, 1, 1, 0, 0]),
      c('DK', [1, 0, 1, 1, 0, 1, 0, 0]),
      c('FR', [2, 1, 1, 0, 0, 0, 2, 0]),
      c('NO', [1, 0, 1, 1, 0, 1, 0, 1]),
      c('PL', [1, 0, 1, 0, 0, 0, 0, 1]),
    ]);
    assert.deepEqual(s.refusals, {
      total: 2, byCountry: [{ country: 'FR', total: 2 }], byGround: zeroGrounds({ a: 1, c: 2 }), partialByGround: zeroGrounds({ b: 1 }),
    }, 'Art 18(c)');
    assert.deepEqual(s.judicialDelays, { total: 2, byCountry: [{ country: 'NO', total: 1 }, { country: 'PL', total: 1 }] }, 'Art 18(d)');
    assert.deepEqual(s.otherExchanges, [{ regime: 'sirene', channel: 'sirene', received: 2, sent: 0 }], 'SIRENE shown beside Art 18');
    // Replies (answers and refusals): R1–R5 within, R6 and R8 late. Median SIENA of 1, 2, 24, 72, 312 and R8's hours = (24 + 72) / 2.
    assert.deepEqual(s.operational, {
      answeredWithinDeadline: 5, answeredLate: 2, withoutDeadline: 0,
      byChannel: [{ channel: 'siena', answered: 6, medianHoursToAnswer: 48 }, { channel: 'sirene', answered: 1, medianHoursToAnswer: 6 }],
    });
  });

  test('the year is the Stockholm calendar year: a request received at 23:30 on New Year\'s Eve is last year\'s', async () => {
    const s = (await supervisor.get('/api/statistics?year=2025')).body;
    assert.equal(s.sent, 0);
    assert.deepEqual(s.received, { total: 1, urgent: 0, nonUrgent: 1 });
    assert.deepEqual(s.answered, { total: 0, urgent: 0, nonUrgent: 0 });
    assert.deepEqual(s.byCountry.map((x: { country: string }) => x.country), ['DE']);
  });

  test('a year with no data gives empty, correct results in the API, the CSV and the XLSX', async () => {
    const s = (await supervisor.get('/api/statistics?year=2024')).body;
    assert.deepEqual(s, {
      year: 2024, sent: 0, received: { total: 0, urgent: 0, nonUrgent: 0 }, answered: { total: 0, urgent: 0, nonUrgent: 0 }, byCountry: [],
      refusals: { total: 0, byCountry: [], byGround: zeroGrounds(), partialByGround: zeroGrounds() },
      judicialDelays: { total: 0, byCountry: [] }, otherExchanges: [],
      operational: { answeredWithinDeadline: 0, answeredLate: 0, withoutDeadline: 0, byChannel: [] },
    });
    const csv = await supervisor.get('/api/statistics/export.csv?year=2024');
    assert.equal(csv.status, 200);
    assert.match(csv.raw, /Requests sent,,0\r\n/);
    const x = await supervisor.raw({ method: 'GET', url: '/api/statistics/export.xlsx?year=2024' });
    assert.equal(x.status, 200);
  });

  test('the CSV and the XLSX carry the same figures as the API, in the reader\'s language', async () => {
    const csv = await supervisor.get('/api/statistics/export.csv?year=2026');
    assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
    assert.match(csv.raw, /^\uFEFFSection,Figure,Breakdown,Value\r\n/);
    assert.match(csv.raw, /Art\. 18\(a\),Requests sent,,2\r\n/);
    assert.match(csv.raw, /Art\. 18\(c\),"Refused, by ground",6\(1\)\(c\),2\r\n/);
    assert.match(csv.raw, /Art\. 18\(d\),"Deadline exceeded for judicial authorisation, by requesting country",PL,1\r\n/);
    const sv = await (await env.login(supervisor.actor, 'sv')).get('/api/statistics/export.csv?year=2026');
    assert.match(sv.raw, /^\uFEFFAvsnitt,/);

    const res = await env.app.inject({ method: 'GET', url: '/api/statistics/export.xlsx?year=2026', cookies: await cookieOf(supervisor), headers: { 'accept-language': 'en' } });
    assert.equal(res.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const byCountry = wb.worksheets[1];
    const pl = byCountry.getRows(2, byCountry.rowCount - 1)!.find((row) => row.getCell(1).value === 'PL')!;
    assert.deepEqual((pl.values as unknown[]).slice(1), ['PL', 1, 0, 1, 0, 0, 0, 0, 1]);
    const figures = wb.worksheets[0];
    const sent = figures.getRows(2, figures.rowCount - 1)!.find((row) => row.getCell(2).value === 'Requests sent')!;
    assert.equal(sent.getCell(4).value, 2);
  });

  test('a download is in the language the UI names (a link cannot set Accept-Language), channels in words', async () => {
    const svClient = await env.login(supervisor.actor, 'sv');
    const en = await svClient.get('/api/statistics/export.csv?year=2026&lang=en');
    assert.equal(en.status, 200);
    assert.match(en.raw, /^\uFEFFSection,Figure,Breakdown,Value\r\n/);
    assert.match(en.raw, /Operational,"Answered, by channel",SIENA,6\r\n/);
    const sv = await supervisor.get('/api/statistics/export.csv?year=2026&lang=sv');
    assert.match(sv.raw, /^\uFEFFAvsnitt,/);
    assert.doesNotMatch(sv.raw, /,siena,/);
    const x = await svClient.raw({ method: 'GET', url: '/api/statistics/export.xlsx?year=2026&lang=en' });
    assert.equal(x.status, 200);
    assert.equal((await supervisor.get('/api/statistics/export.csv?year=2026&lang=de')).status, 400);
  });

  test('statistics are for supervisors, auditors and administrators; a bad year is refused', async () => {
    assert.equal((await officer.get('/api/statistics?year=2026')).status, 404);
    assert.equal((await supervisor.get('/api/statistics?year=nineteen')).status, 400);
    assert.equal((await supervisor.get('/api/statistics?year=1999')).status, 400);
  });
});

/** The session cookie of a client (for a binary download through inject). */
async function cookieOf(c: Client): Promise<Record<string, string>> {
  const me = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: c.actor.username, password: 'correct horse battery staple' } });
  return { polsam_session: me.cookies.find((k) => k.name === 'polsam_session')!.value };
}
