import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db/client.ts';
import { buildRequest, createTestEnv, type Client, type TestEnv } from '../../testing/harness.ts';

let env: TestEnv;
let duty: Client;
let officer: Client;
let supervisor: Client;
let otherUnit: Client;
let admin: Client;

before(async () => {
  env = await createTestEnv();
  duty = await env.login(await env.buildUser({ roles: ['duty_officer'] }));
  officer = await env.login(await env.buildUser({ roles: ['case_officer'] }));
  supervisor = await env.login(await env.buildUser({ roles: ['supervisor'] }));
  otherUnit = await env.login(await env.buildUser({ roles: ['duty_officer', 'supervisor'], unit: 'SIRENE' }));
  admin = await env.login(await env.buildUser({ roles: ['administrator'] }));
});
after(() => env.close());

async function register(o: Parameters<typeof buildRequest>[0] = {}, as: Client = duty) {
  const r = await as.post('/api/requests', buildRequest(o));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

async function act(as: Client, id: string, action: string, body: Record<string, unknown> = {}) {
  const current = await as.get(`/api/requests/${id}`);
  return as.post(`/api/requests/${id}/${action}`, { version: current.body.version, ...body });
}

async function counts() {
  const r = rowsOf<Record<string, number>>(await env.database.db.execute(sql`SELECT
    (SELECT count(*)::int FROM request) AS requests, (SELECT count(*)::int FROM request_person) AS persons,
    (SELECT count(*)::int FROM request_message) AS messages, (SELECT count(*)::int FROM audit_event) AS audit,
    (SELECT count(*)::int FROM clock_stop) AS stops, (SELECT count(*)::int FROM job WHERE status = 'pending') AS jobs,
    (SELECT count(*)::int FROM attachment) AS attachments`));
  return r[0];
}

describe('registering a request', () => {
  test('an urgent, directly accessible request is due 8 hours after receipt (Art 5(1)(a))', async () => {
    const r = await register({ urgent: true, urgencyReason: 'life_or_integrity', access: 'direct', receivedAt: '2026-11-23T08:30:00Z' });
    assert.equal(r.status, 'received');
    assert.equal(r.dueAt, '2026-11-23T16:30:00.000Z');
    assert.equal(r.deadline.legalBasis, 'Dir. (EU) 2023/977 Art. 5(1)(a)');
    assert.match(r.reference, /^SE-2026-\d{6}$/);
  });

  test('an urgent, indirectly accessible request gets 3 calendar days; a normal one 7 (Art 5(1)(b)–(c))', async () => {
    const u = await register({ urgent: true, urgencyReason: 'public_security', access: 'indirect', receivedAt: '2026-11-20T10:00:00Z' });
    assert.equal(u.dueAt, '2026-11-23T10:00:00.000Z');
    const n = await register({ receivedAt: '2026-11-20T10:00:00Z' });
    assert.equal(n.dueAt, '2026-11-27T10:00:00.000Z');
  });

  test('a SIRENE request is due in 12 hours, an Ameripol one has no deadline', async () => {
    const s = await register({ channel: 'sirene', channelReason: 'a_third_country', receivedAt: '2026-11-23T06:00:00Z' });
    assert.equal(s.dueAt, '2026-11-23T18:00:00.000Z');
    const a = await register({ channel: 'ameripol', countryCode: 'CO', receivedAt: '2026-11-23T06:00:00Z' });
    assert.equal(a.dueAt, null);
    assert.equal(a.overdue, false);
  });

  test('invalid input gets field errors in the caller\'s language and stores nothing', async () => {
    const before = await counts();
    const en = await duty.post('/api/requests', { ...buildRequest({ channel: 'interpol', urgent: true }), countryCode: 'XX', receivedAt: 'yesterday' });
    assert.equal(en.status, 400);
    assert.equal(en.body.error, 'http.validation_failed');
    const paths = en.body.fields.map((f: { path: string }) => f.path).sort();
    assert.deepEqual(paths, ['channelReason', 'countryCode', 'receivedAt', 'urgencyReason']);
    const sv = await duty.raw({ method: 'POST', url: '/api/requests', headers: { 'accept-language': 'sv' }, payload: buildRequest({ urgent: true }) });
    assert.equal(sv.status, 400);
    assert.match(sv.body.fields[0].message, /brådskande/);
    assert.deepEqual(await counts(), before);
  });

  test('a field left empty is reported as required, in the caller\'s language', async () => {
    const r = await duty.post('/api/requests', { ...buildRequest(), subject: '  ', countryCode: '' });
    assert.equal(r.status, 400);
    const byPath = Object.fromEntries(r.body.fields.map((f: { path: string; message: string }) => [f.path, f.message]));
    assert.equal(byPath.subject, 'This field is required.');
    assert.equal(byPath.countryCode, 'This field is required.');
  });

  test('a request received in the future is refused; unknown enum values are refused', async () => {
    const f = await duty.post('/api/requests', buildRequest({ receivedAt: '2026-11-24T09:00:00Z' }));
    assert.equal(f.status, 400);
    assert.equal(f.body.error, 'exchange.received_in_future');
    const e = await duty.post('/api/requests', { ...buildRequest(), handlingCode: 'H9' });
    assert.equal(e.status, 400);
    assert.equal(e.body.fields[0].path, 'handlingCode');
  });

  test('malformed JSON and an oversized body get a clear 4xx', async () => {
    const m = await duty.raw({ method: 'POST', url: '/api/requests', headers: { 'content-type': 'application/json' }, payload: '{"direction":' });
    assert.equal(m.status, 400);
    assert.equal(m.body.error, 'http.malformed_body');
    const big = await duty.post('/api/requests', { ...buildRequest(), purpose: 'x'.repeat(1_100_000) });
    assert.equal(big.status, 413);
  });

  test('an outgoing request through Ameripol is refused: Sweden is an observer', async () => {
    const r = await duty.post('/api/requests', buildRequest({ direction: 'outgoing', channel: 'ameripol', receivedAt: null }));
    assert.equal(r.status, 400);
    assert.equal(r.body.error, 'exchange.ameripol_observer');
  });
});

describe('the duty queue', () => {
  test('lists open requests with the overdue first, then by time left', async () => {
    const overdue = await register({ subject: 'Q-overdue', receivedAt: '2026-11-10T09:00:00Z' });
    const soon = await register({ subject: 'Q-soon', urgent: true, urgencyReason: 'life_or_integrity', receivedAt: '2026-11-23T08:55:00Z' });
    const later = await register({ subject: 'Q-later', receivedAt: '2026-11-22T09:00:00Z' });
    const list = await duty.get('/api/requests?status=open&limit=200');
    assert.equal(list.status, 200);
    const order = list.body.items.map((i: { id: string }) => i.id).filter((id: string) => [overdue.id, soon.id, later.id].includes(id));
    assert.deepEqual(order, [overdue.id, soon.id, later.id]);
    const o = list.body.items.find((i: { id: string }) => i.id === overdue.id);
    assert.equal(o.overdue, true);
    assert.ok(o.remainingMs < 0);
  });

  test('filters by channel and country', async () => {
    await register({ channel: 'interpol', channelReason: 'a_third_country', countryCode: 'TR', subject: 'Q-interpol' });
    const r = await duty.get('/api/requests?channel=interpol&country=TR');
    assert.ok(r.body.items.length >= 1);
    assert.ok(r.body.items.every((i: { channel: string; countryCode: string }) => i.channel === 'interpol' && i.countryCode === 'TR'));
  });

  test('should not show a request of another unit — in the list, the detail or its persons', async () => {
    const r = await register({ subject: 'Q-secret' });
    const list = await otherUnit.get('/api/requests?limit=200');
    assert.equal(list.status, 200);
    assert.ok(!list.body.items.some((i: { id: string }) => i.id === r.id));
    const detail = await otherUnit.get(`/api/requests/${r.id}`);
    assert.equal(detail.status, 404);
    assert.equal(detail.body.error, 'exchange.request_not_found');
    assert.equal((await otherUnit.get(`/api/requests/${r.id}/persons?justification=${encodeURIComponent('checking a hit today')}`)).status, 404);
    const action = await otherUnit.post(`/api/requests/${r.id}/start`, { version: 1 });
    assert.equal(action.status, 404);
  });

  test('an administrator sees no cases; an anonymous caller must sign in', async () => {
    const r = await register();
    assert.equal((await admin.get(`/api/requests/${r.id}`)).status, 404);
    const anon = await env.app.inject({ method: 'GET', url: '/api/requests' });
    assert.equal(anon.statusCode, 401);
  });

  test('an assignee from another unit sees the request it was given (need-to-know)', async () => {
    // Assignment is limited to the request's unit, so the only cross-unit access path is supervision of own unit.
    const r = await register();
    const res = await act(duty, r.id, 'assign', { assigneeId: otherUnit.actor.id });
    assert.equal(res.status, 400);
    assert.equal(res.body.error, 'exchange.assignee_invalid');
  });
});

describe('working a request', () => {
  test('received → assigned → in progress → answered → closed, each with its audit entry', async () => {
    const r = await register({ persons: [{ fullName: 'Erika Mustermann', aliases: [], gender: 'female', nationalities: ['DE'], documents: [], category: 'suspect', nature: 'fact', reliability: 'B', accuracy: '2' }] });
    const a = await act(duty, r.id, 'assign', { assigneeId: officer.actor.id });
    assert.equal(a.status, 200);
    assert.equal(a.body.status, 'received');
    assert.deepEqual(a.body.assignees.map((x: { id: string }) => x.id), [officer.actor.id]);
    const s = await act(officer, r.id, 'start');
    assert.equal(s.body.status, 'in_progress');
    const ans = await act(officer, r.id, 'answer', { body: 'The vehicle is registered to a company.' });
    assert.equal(ans.status, 200);
    assert.equal(ans.body.status, 'answered');
    assert.ok(ans.body.messages.some((m: { kind: string; direction: string }) => m.kind === 'answer' && m.direction === 'out'));
    const c = await act(officer, r.id, 'close');
    assert.equal(c.body.status, 'closed');
    assert.deepEqual(c.body.allowedActions, ['view_persons']);
    const actions = rowsOf<{ action: string; category: string; recipient: string | null }>(await env.database.db.execute(sql`SELECT action, category, recipient FROM audit_event WHERE entity_id = ${r.id} ORDER BY seq`));
    assert.deepEqual(actions.map((x) => x.action), ['exchange.request.register', 'exchange.request.assign', 'exchange.request.start', 'exchange.request.answer', 'exchange.request.close']);
    const disclosure = actions.find((x) => x.action === 'exchange.request.answer')!;
    assert.equal(disclosure.category, 'disclosure');
    assert.equal(disclosure.recipient, 'DE: BKA SPOC');
  });

  test('an illegal transition is refused with 409 and changes nothing', async () => {
    const r = await register();
    const before = await counts();
    const res = await act(duty, r.id, 'answer', { body: 'too early' });
    assert.equal(res.status, 409);
    assert.equal(res.body.error, 'exchange.invalid_transition');
    assert.deepEqual(await counts(), before);
  });

  test('a stale version is refused (someone else acted first)', async () => {
    const r = await register();
    const first = await duty.post(`/api/requests/${r.id}/start`, { version: r.version });
    assert.equal(first.status, 200);
    const second = await officer.post(`/api/requests/${r.id}/request-clarification`, { version: r.version, question: 'Which period?' });
    assert.equal(second.status, 409);
    assert.equal(second.body.error, 'exchange.stale_version');
  });

  test('a clarification stops the clock until the answer arrives (Art 6(3))', async () => {
    const r = await register({ receivedAt: '2026-11-23T09:00:00Z' });
    assert.equal(r.dueAt, '2026-11-30T09:00:00.000Z');
    await act(duty, r.id, 'start');
    const q = await act(duty, r.id, 'request-clarification', { question: 'Which period is meant?' });
    assert.equal(q.body.status, 'awaiting_clarification');
    assert.equal(q.body.paused, true);
    env.clock.advance(10 * 3600_000); // ten hours without an answer (sessions last twelve)
    try {
      const list = await duty.get('/api/requests?status=awaiting_clarification&limit=200');
      assert.ok(list.body.items.find((i: { id: string }) => i.id === r.id).paused);
      const a = await act(duty, r.id, 'receive-clarification', { answer: 'January 2026.' });
      assert.equal(a.body.status, 'in_progress');
      assert.equal(a.body.paused, false);
      assert.equal(a.body.dueAt, '2026-11-30T19:00:00.000Z');
      assert.deepEqual(a.body.deadlineEvents.map((e: { kind: string }) => e.kind), ['started', 'paused', 'resumed']);
    } finally {
      env.clock.set('2026-11-23T09:00:00Z');
    }
  });

  test('a clarification answer dated before the question is refused', async () => {
    const r = await register();
    await act(duty, r.id, 'request-clarification', { question: 'Which period?' });
    const res = await act(duty, r.id, 'receive-clarification', { answer: 'x', receivedAt: '2026-11-01T00:00:00Z' });
    assert.equal(res.status, 400);
    assert.equal(res.body.error, 'exchange.date_out_of_order');
  });

  test('a judicial-authorisation delay records its length and reason, tells the requester, keeps the legal deadline (Art 5(2))', async () => {
    const r = await register({ receivedAt: '2026-11-23T09:00:00Z' });
    const d = await act(duty, r.id, 'delay-judicial', { expectedAt: '2026-12-05T09:00:00Z', reason: 'Court order needed for bank records.' });
    assert.equal(d.body.status, 'awaiting_judicial_authorisation');
    assert.equal(d.body.dueAt, '2026-11-30T09:00:00.000Z');
    assert.equal(d.body.deadline.expectedAt, '2026-12-05T09:00:00.000Z');
    assert.ok(d.body.messages.some((m: { kind: string; direction: string; body: string }) => m.kind === 'delay_notice' && m.direction === 'out' && m.body.includes('Court order')));
    const res = await act(duty, r.id, 'resume-judicial', { authorised: false });
    assert.equal(res.body.status, 'in_progress');
    const refused = await act(duty, r.id, 'refuse', { grounds: ['c'], reason: 'The court refused authorisation.' });
    assert.equal(refused.body.status, 'refused');
    assert.deepEqual(refused.body.refusalGrounds, ['c']);
  });

  test('a refusal needs at least one Art 6 ground and a reason', async () => {
    const r = await register();
    const none = await act(duty, r.id, 'refuse', { grounds: [], reason: 'x' });
    assert.equal(none.status, 400);
    const badGround = await act(duty, r.id, 'refuse', { grounds: ['z'], reason: 'Not available.' });
    assert.equal(badGround.status, 400);
  });

  test('an outgoing request: draft → sent → answer recorded → closed', async () => {
    const r = await register({ direction: 'outgoing', receivedAt: null, countryCode: 'NL' });
    assert.equal(r.status, 'draft');
    assert.equal(r.dueAt, null);
    const s = await act(duty, r.id, 'send');
    assert.equal(s.body.status, 'sent');
    assert.equal(s.body.dueAt, '2026-11-30T09:00:00.000Z');
    const a = await act(duty, r.id, 'record-answer', { body: 'No records found.' });
    assert.equal(a.body.status, 'answered');
    assert.equal((await act(duty, r.id, 'close')).body.status, 'closed');
  });

  test('a case officer may not assign; the UI is told which actions it has', async () => {
    const r = await register();
    const d = await officer.get(`/api/requests/${r.id}`);
    assert.ok(!d.body.allowedActions.includes('assign'));
    assert.ok(d.body.allowedActions.includes('start'));
    const res = await act(officer, r.id, 'assign', { assigneeId: officer.actor.id });
    assert.equal(res.status, 403);
  });

  test('a failing step inside a multi-step action rolls the whole action back', async () => {
    const r = await register();
    await act(duty, r.id, 'start');
    const before = await counts();
    // The answer's last step, writing the audit entry, fails: nothing of the answer may remain.
    await env.database.db.execute(sql`CREATE OR REPLACE FUNCTION polsam_test_fail() RETURNS trigger AS $$ BEGIN IF NEW.action = 'exchange.request.answer' THEN RAISE EXCEPTION 'audit down'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await env.database.db.execute(sql`CREATE TRIGGER polsam_test_fail BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION polsam_test_fail()`);
    try {
      const res = await act(duty, r.id, 'answer', { body: 'This answer must not survive.' });
      assert.equal(res.status, 500);
      assert.equal(res.body.error, 'http.internal_error');
      assert.doesNotMatch(res.raw, /audit down/);
    } finally {
      await env.database.db.execute(sql`DROP TRIGGER polsam_test_fail ON audit_event`);
    }
    assert.deepEqual(await counts(), before);
    assert.equal((await duty.get(`/api/requests/${r.id}`)).body.status, 'in_progress');
  });
});

describe('persons and attachments', () => {
  test('persons are shown only with a justification, and the consultation is logged with it', async () => {
    const r = await register({ persons: [{ fullName: 'Jan Kowalski', aliases: [], gender: 'male', nationalities: ['PL'], documents: [{ kind: 'passport', number: 'ZZ0000001', country: 'PL' }], category: 'suspect', nature: 'fact', reliability: 'A', accuracy: '1' }] });
    const detail = await duty.get(`/api/requests/${r.id}`);
    assert.equal(detail.body.personCount, 1);
    assert.doesNotMatch(detail.raw, /Kowalski/);
    assert.equal((await duty.get(`/api/requests/${r.id}/persons`)).status, 400);
    assert.equal((await duty.get(`/api/requests/${r.id}/persons?justification=x`)).status, 400);
    const ok = await duty.get(`/api/requests/${r.id}/persons?justification=${encodeURIComponent('Answering the request from Germany')}`);
    assert.equal(ok.status, 200);
    assert.equal(ok.body.items[0].fullName, 'Jan Kowalski');
    const log = rowsOf<{ justification: string; category: string }>(await env.database.db.execute(sql`SELECT justification, category FROM audit_event WHERE action = 'exchange.persons.view' AND entity_id = ${r.id}`));
    assert.deepEqual(log, [{ justification: 'Answering the request from Germany', category: 'consultation' }]);
  });

  test('a person with an impossible date of birth is refused', async () => {
    const res = await duty.post('/api/requests', buildRequest({ persons: [{ fullName: 'A B', aliases: [], dateOfBirth: '1990-02-30', gender: 'male', nationalities: [], documents: [], category: 'suspect', nature: 'fact', reliability: 'A', accuracy: '1' }] }));
    assert.equal(res.status, 400);
    assert.equal(res.body.fields[0].path, 'persons.0.dateOfBirth');
  });

  async function upload(id: string, filename: string, content: Buffer) {
    const boundary = '----polsamtest';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      content, Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return duty.raw({ method: 'POST', url: `/api/requests/${id}/attachments`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
  }

  test('a PDF is stored with its sniffed type and can be downloaded', async () => {
    const r = await register();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const res = await upload(r.id, 'dom.pdf', pdf);
    assert.equal(res.status, 200, res.raw);
    const att = res.body.messages.flatMap((m: { attachments: { id: string; contentType: string }[] }) => m.attachments)[0];
    assert.equal(att.contentType, 'application/pdf');
    const dl = await duty.get(`/api/attachments/${att.id}`);
    assert.equal(dl.status, 200);
    assert.equal(dl.raw, pdf.toString());
  });

  test('an executable disguised as a PDF, or an oversized file, is refused and nothing is stored', async () => {
    const r = await register();
    const before = await counts();
    const exe = await upload(r.id, 'invoice.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]));
    assert.equal(exe.status, 415);
    assert.equal(exe.body.error, 'exchange.file_type_not_allowed');
    const big = await upload(r.id, 'big.txt', Buffer.alloc(70 * 1024, 0x41));
    assert.equal(big.status, 413);
    assert.deepEqual(await counts(), before);
  });

  test('another unit cannot download an attachment', async () => {
    const r = await register();
    const res = await upload(r.id, 'note.txt', Buffer.from('plain text note'));
    const att = res.body.messages.flatMap((m: { attachments: { id: string }[] }) => m.attachments)[0];
    assert.equal((await otherUnit.get(`/api/attachments/${att.id}`)).status, 404);
  });
});

describe('API surface', () => {
  test('the OpenAPI document is served at /api/docs', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/docs/json' });
    assert.equal(res.statusCode, 200);
    const doc = JSON.parse(res.body);
    assert.ok(doc.paths['/api/requests']);
    assert.ok(doc.paths['/api/requests/{id}/refuse']);
  });

  test('an unknown API path is a translated 404', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/nothing-here', headers: { 'accept-language': 'sv' } });
    assert.equal(res.statusCode, 404);
    assert.equal(JSON.parse(res.body).error, 'http.route_not_found');
  });
});
