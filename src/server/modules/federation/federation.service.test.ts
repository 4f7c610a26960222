import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db/client.ts';
import { buildRequest, createTestEnv, type Client, type TestEnv } from '../../testing/harness.ts';
import { configureFederation, federationSettings, getNodeInfo, type FederationSettings } from './federation.service.ts';
import { deliverDue } from './federation.delivery.ts';
import { generateKeyPair, privateKeyFrom, publicKeyFrom, signEnvelope, signObject, verifyObject, type UnsignedEnvelope } from './federation.signing.ts';

/** A fake peer "NO": our test holds its key, and its HTTP answers are scripted per test. */
const noKey = generateKeyPair();
const noPriv = privateKeyFrom(noKey.privateKeyDer);
type Script = (env: any, res: http.ServerResponse, url: string) => void;
let script: Script = () => {};
const received: any[] = [];
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => { body += c; });
  req.on('end', () => {
    let env: any = null;
    try { env = JSON.parse(body); } catch { /* ignore */ }
    received.push(env);
    script(env, res, req.url ?? '');
  });
});
const ackFor = (env: any, at = '2026-11-23T09:00:05.000Z') =>
  signObject({ v: 1 as const, id: env.id, from: 'NO', to: 'SE', status: 'received', receivedAt: at }, noPriv);
const json = (res: http.ServerResponse, status: number, body: unknown) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)); };

let env: TestEnv;
let admin: Client;
let officer: Client;
let settings: FederationSettings;

function envelope(kind: UnsignedEnvelope['kind'], payload: Record<string, unknown>, o: Partial<UnsignedEnvelope> = {}) {
  return signEnvelope({ v: 1, id: randomUUID(), from: 'NO', to: 'SE', kind, sentAt: env.clock.now().toISOString(), payload, ...o }, noPriv);
}
const post = (body: unknown, url = '/api/federation/inbox') => env.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: typeof body === 'string' ? body : JSON.stringify(body) });
const postBatch = (envelopes: unknown[]) => post({ v: 1, envelopes }, '/api/federation/inbox/batch');
const requestPayload = (o: Record<string, unknown> = {}) => ({
  requestId: randomUUID(), reference: 'NO-2026-000001', channel: 'siena', counterpartAuthority: 'Kripos', urgent: false, access: 'direct',
  language: 'en', handlingCode: 'H0', europolCopy: false, europolCopyReason: 'Not within Europol objectives', subject: 'Vehicle owner',
  informationSought: 'Owner of a vehicle', purpose: 'Investigation of fraud', persons: [{ fullName: 'Ola Nordmann', category: 'suspect', aliases: [], nationalities: ['NO'], documents: [], gender: 'male', nature: 'fact', reliability: 'B', accuracy: '2' }], items: [], ...o,
});
const q = async <T>(text: string) => rowsOf<T>(await env.database.db.execute(sql.raw(text)));

describe('federation service', () => {
  before(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    // The tests move the clock by hours between steps: sessions must not idle out meanwhile.
    env = await createTestEnv({ env: { SESSION_IDLE_MINUTES: String(24 * 60) } });
    settings = { ...federationSettings(env.config), timeoutMs: 300, backoffBaseMs: 1000, backoffMaxMs: 60_000 };
    configureFederation(settings);
    admin = await env.login(await env.buildUser({ roles: ['administrator'] }));
    officer = await env.login(await env.buildUser({ roles: ['case_officer'] }));
    const port = (server.address() as AddressInfo).port;
    const r = await admin.post('/api/federation/peers', { nodeId: 'NO', countryCode: 'NO', name: 'Kripos SPOC', endpointUrl: `http://127.0.0.1:${port}/`, publicKey: noKey.publicKey });
    assert.equal(r.status, 201, r.raw);
  });
  after(async () => {
    await env.close();
    server.close();
  });

  it('registers a peer request once, however often it is delivered, and signs its acknowledgement', async () => {
    const e = envelope('request', requestPayload());
    const first = await post(e);
    assert.equal(first.statusCode, 200, first.body);
    env.clock.advance(60_000);
    const second = await post(e);
    assert.equal(second.statusCode, 200);
    const a1 = JSON.parse(first.body); const a2 = JSON.parse(second.body);
    assert.equal(a1.status, 'received');
    assert.equal(a2.status, 'duplicate');
    assert.equal(a2.receivedAt, a1.receivedAt, 'the acknowledgement keeps the first received-at');
    const me = await getNodeInfo(env.ctx);
    assert.equal(verifyObject(a1, publicKeyFrom(me.publicKey)!), true);
    const rows = await q<{ n: number }>(`SELECT count(*)::int AS n FROM request WHERE counterpart_reference = 'NO-2026-000001'`);
    assert.equal(rows[0].n, 1);
    const inbox = await q<{ duplicate_count: number; processed: boolean }>(`SELECT duplicate_count, processed FROM inbox_message WHERE id = '${e.id}'`);
    assert.deepEqual(inbox[0], { duplicate_count: 1, processed: true });
  });

  it('starts the receiving deadline at the receiver\'s received-at time, in the federation unit', async () => {
    env.clock.set('2026-11-23T10:00:00Z');
    const p = requestPayload({ reference: 'NO-2026-000002', urgent: true, urgencyReason: 'life_or_integrity' });
    const e = envelope('request', p, { sentAt: '2026-11-23T09:58:00.000Z' });
    assert.equal((await post(e)).statusCode, 200);
    const list = await officer.get('/api/requests?direction=incoming&country=NO');
    const item = list.body.items.find((i: any) => i.subject === 'Vehicle owner' && i.urgent);
    assert.equal(item.receivedAt, '2026-11-23T10:00:00.000Z');
    // Art 5(1)(a): 8 hours for an urgent request on directly accessible information.
    assert.equal(item.dueAt, '2026-11-23T18:00:00.000Z');
  });

  it('quarantines garbage, unsigned, tampered, unknown, replayed, oversized and reused-id messages with a reason', async () => {
    const good = envelope('request', requestPayload({ reference: 'NO-2026-000003' }));
    assert.equal((await post(good)).statusCode, 200);
    const reused = envelope('request', requestPayload({ reference: 'NO-2026-000099' }), { id: good.id });
    const { signature: _s, ...unsigned } = envelope('request', requestPayload());
    void _s;
    const other = generateKeyPair();
    const cases: [unknown, number, string][] = [
      ['{not json', 400, 'malformed'],
      [unsigned, 400, 'malformed'],
      [{ ...envelope('request', requestPayload()), subject: 'x' }, 400, 'malformed'],
      [{ ...good, payload: { ...good.payload, subject: 'Tampered' } }, 401, 'bad_signature'],
      [signEnvelope({ ...good, id: randomUUID() }, privateKeyFrom(other.privateKeyDer)), 401, 'bad_signature'],
      [envelope('request', requestPayload(), { from: 'FI' }), 403, 'unknown_peer'],
      [envelope('request', requestPayload(), { to: 'DK' }), 400, 'wrong_recipient'],
      [envelope('request', requestPayload(), { sentAt: new Date(env.clock.now().getTime() - 3600_000).toISOString() }), 401, 'replayed'],
      [envelope('request', { requestId: 'nope' }), 400, 'malformed_payload'],
      [envelope('answer', { requestId: randomUUID(), body: 'x', partialRefusalGrounds: [] }), 400, 'unknown_request'],
      [reused, 409, 'id_reused'],
      [envelope('information', { ...requestPayload(), body: 'x'.repeat(600 * 1024) }), 413, 'oversized'],
    ];
    for (const [body, status, reason] of cases) {
      const before = (await q<{ n: number }>(`SELECT count(*)::int AS n FROM quarantine WHERE reason = '${reason}'`))[0].n;
      const r = await post(body);
      assert.equal(r.statusCode, status, `${reason}: ${r.body}`);
      assert.equal(JSON.parse(r.body).error, `federation.${reason}`);
      const afterN = (await q<{ n: number }>(`SELECT count(*)::int AS n FROM quarantine WHERE reason = '${reason}'`))[0].n;
      assert.equal(afterN, before + 1, `a ${reason} message leaves a quarantine row`);
    }
    const sv = await env.app.inject({ method: 'POST', url: '/api/federation/inbox', headers: { 'content-type': 'application/json', 'accept-language': 'sv' }, payload: '[' });
    assert.match(JSON.parse(sv.body).message, /kuvert/);
    const list = await admin.get('/api/federation/quarantine?limit=50');
    assert.ok(list.body.items.length >= cases.length);
    const one = await admin.get(`/api/federation/quarantine/${list.body.items.find((i: any) => i.reason === 'bad_signature').id}`);
    assert.match(one.body.rawBody, /Tampered|signature/);
    assert.equal((await officer.get('/api/federation/quarantine')).status, 404, 'only administrators see the quarantine');
    const n = (await q<{ n: number }>(`SELECT count(*)::int AS n FROM request WHERE counterpart_reference = 'NO-2026-000099'`))[0].n;
    assert.equal(n, 0, 'a reused id never reaches the desk');
  });

  it('holds back a clarification that arrives before its request, and accepts it once the request is there', async () => {
    const p = requestPayload({ reference: 'NO-2026-000010' });
    const clar = envelope('clarification_answer', { requestId: p.requestId, answer: 'The car is red' });
    const early = await post(clar);
    assert.equal(early.statusCode, 503);
    assert.equal(JSON.parse(early.body).error, 'federation.out_of_order');
    assert.equal((await post(envelope('request', p))).statusCode, 200);
    const late = await post(clar);
    assert.equal(late.statusCode, 200, late.body);
    const qr = await q<{ resolved_at: Date | null }>(`SELECT resolved_at FROM quarantine WHERE message_id = '${clar.id}'`);
    assert.ok(qr.length === 1 && qr[0].resolved_at, 'the held-back message is marked resolved');
  });

  it('writes the outbox row in the send transaction and retries 500s, timeouts and garbage with backoff until a signed ack', async () => {
    env.clock.set('2026-11-23T12:00:00Z');
    const created = await officer.post('/api/requests', buildRequest({ direction: 'outgoing', countryCode: 'NO', receivedAt: null, subject: 'Outgoing to NO' }));
    assert.equal(created.status, 201, created.raw);
    const id = created.body.id;
    // A refused action writes nothing to the outbox.
    assert.equal((await officer.post(`/api/requests/${id}/send`, { version: 99 })).status, 409);
    assert.equal((await q<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_message WHERE request_id = '${id}'`))[0].n, 0);
    assert.equal((await officer.post(`/api/requests/${id}/send`, { version: created.body.version })).status, 200);
    const outbox = async () => (await q<any>(`SELECT * FROM outbox_message WHERE request_id = '${id}' AND kind = 'request'`))[0];
    assert.equal((await outbox()).status, 'pending');

    const attempts: [Script, RegExp][] = [
      [(_e, res) => json(res, 500, { error: 'http.internal_error', message: 'boom' }), /^500 http.internal_error/],
      [() => { /* never answers */ }, /^timeout/],
      [(_e, res) => { res.writeHead(200); res.end('<html>garbage'); }, /federation.bad_ack/],
      [(e, res) => json(res, 200, { ...ackFor(e), signature: ackFor({ id: randomUUID() }).signature }), /federation.bad_ack/],
    ];
    let n = 0;
    for (const [s, err] of attempts) {
      script = s;
      await deliverDue(env.ctx);
      const row = await outbox();
      n++;
      assert.equal(row.status, 'pending');
      assert.equal(row.attempts, n);
      assert.match(row.last_error, err);
      const wait = new Date(row.next_attempt_at).getTime() - env.clock.now().getTime();
      assert.ok(wait >= 1000 * 2 ** (n - 1) * 0.5 && wait <= 1000 * 2 ** (n - 1), `backoff ${wait} ms after attempt ${n}`);
      assert.equal(await deliverDue(env.ctx), 0, 'not retried before its time');
      env.clock.advance(wait);
    }
    script = (e, res) => json(res, 200, ackFor(e));
    await deliverDue(env.ctx);
    const done = await outbox();
    assert.equal(done.status, 'delivered');
    assert.equal(new Date(done.acked_received_at).toISOString(), '2026-11-23T09:00:05.000Z');
    const sent = received.filter((x) => x?.kind === 'request' && x.payload.requestId === id);
    assert.equal(sent.length, 5);
    assert.equal(new Set(sent.map((x) => x.id)).size, 1, 'every retry carries the same message id');
    const detail = await officer.get(`/api/requests/${id}`);
    assert.ok(detail.body.messages.some((m: any) => m.kind === 'receipt_received'), 'the receipt shows on the thread');

    // The peer answers: our request is answered; then the peer reads… the order does not matter for the thread.
    const ans = envelope('answer', { requestId: id, body: 'The owner is Ola Nordmann', partialRefusalGrounds: [] });
    assert.equal((await post(ans)).statusCode, 200);
    const read = envelope('ack_read', { requestId: id, readAt: env.clock.now().toISOString() });
    assert.equal((await post(read)).statusCode, 200);
    const after = await officer.get(`/api/requests/${id}`);
    assert.equal(after.body.status, 'answered');
    assert.ok(after.body.messages.some((m: any) => m.kind === 'answer' && m.direction === 'in'));
    assert.ok((await outbox()).acked_read_at);
  });

  it('stops retrying when the peer refuses the signature, shows its error, and an administrator can requeue', async () => {
    const r = await officer.post('/api/federation/information', { countryCode: 'NO', subject: 'Own initiative', body: 'Information under Art 7' });
    assert.equal(r.status, 200, r.raw);
    script = (_e, res) => json(res, 401, { error: 'federation.bad_signature', message: 'The message signature does not verify.' });
    await deliverDue(env.ctx);
    const row = (await q<any>(`SELECT * FROM outbox_message WHERE id = '${r.body.id}'`))[0];
    assert.equal(row.status, 'failed_permanent');
    assert.match(row.last_error, /^401 federation.bad_signature/);
    const again = await officer.post('/api/federation/information', { id: r.body.id, countryCode: 'NO', subject: 'Own initiative', body: 'Information under Art 7' });
    assert.equal(again.body.duplicate, true, 'the same id is sent once');
    assert.equal((await admin.post(`/api/federation/outbox/${r.body.id}/retry`)).status, 200);
    script = (e, res) => json(res, 200, ackFor(e));
    await deliverDue(env.ctx);
    assert.equal((await q<any>(`SELECT status FROM outbox_message WHERE id = '${r.body.id}'`))[0].status, 'delivered');
    const list = await admin.get('/api/federation/outbox?status=delivered');
    assert.ok(list.body.items.some((i: any) => i.id === r.body.id));
  });

  it('answers a peer request through the outbox with the requester\'s own id', async () => {
    const p = requestPayload({ reference: 'NO-2026-000020', subject: 'To be answered' });
    assert.equal((await post(envelope('request', p))).statusCode, 200);
    const local = (await q<{ id: string; version: number }>(`SELECT id, version FROM request WHERE counterpart_reference = 'NO-2026-000020'`))[0];
    let v = local.version;
    for (const [action, body] of [['start', {}], ['answer', { body: 'Nothing found', partialRefusalGrounds: [] }]] as const) {
      const r = await officer.post(`/api/requests/${local.id}/${action}`, { version: v, ...body });
      assert.equal(r.status, 200, r.raw);
      v = r.body.version;
    }
    const rows = await q<any>(`SELECT kind, payload FROM outbox_message WHERE request_id = '${local.id}' ORDER BY seq`);
    assert.deepEqual(rows.map((r) => r.kind), ['ack_read', 'answer']);
    assert.equal(rows[1].payload.requestId, p.requestId);
  });

  it('sends the requester\'s clarification to the peer, for its own requests only', async () => {
    const created = await officer.post('/api/requests', buildRequest({ direction: 'outgoing', countryCode: 'NO', receivedAt: null, subject: 'Needs clarifying' }));
    const id = created.body.id;
    assert.equal((await officer.post(`/api/requests/${id}/send`, { version: created.body.version })).status, 200);
    assert.equal((await post(envelope('clarification_request', { requestId: id, question: 'Which car?' }))).statusCode, 200);
    const url = `/api/federation/requests/${id}/clarification-answer`;
    // Another unit's officer does not see the request, an administrator works on no cases (both: not found); empty text is refused.
    const stranger = await env.login(await env.buildUser({ roles: ['case_officer'], unit: 'SIRENE' }));
    assert.equal((await stranger.post(url, { answer: 'The red one' })).status, 404);
    assert.equal((await admin.post(url, { answer: 'The red one' })).status, 404);
    const empty = await officer.post(url, { answer: ' ' });
    assert.equal(empty.status, 400);
    // A request that was not sent to a peer has nobody to clarify to.
    const local = await officer.post('/api/requests', buildRequest({ subject: 'Registered by hand' }));
    assert.equal((await officer.post(`/api/federation/requests/${local.body.id}/clarification-answer`, { answer: 'x' })).status, 404);
    assert.equal((await q<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_message WHERE kind = 'clarification_answer'`))[0].n, 0, 'nothing queued by refused calls');

    const ok = await officer.post(url, { answer: 'The red one' });
    assert.equal(ok.status, 200, ok.raw);
    const row = (await q<any>(`SELECT kind, payload, request_id FROM outbox_message WHERE id = '${ok.body.id}'`))[0];
    assert.deepEqual([row.kind, row.payload, row.request_id], ['clarification_answer', { requestId: id, answer: 'The red one' }, id]);
    const detail = await officer.get(`/api/requests/${id}`);
    assert.ok(detail.body.messages.some((m: any) => m.kind === 'clarification_answer' && m.direction === 'out' && m.body === 'The red one'));
    const audited = await q<any>(`SELECT category, recipient FROM audit_event WHERE action = 'exchange.request.clarify_to_peer' AND entity_id = '${id}'`);
    assert.equal(audited.length, 1);
    assert.equal(audited[0].category, 'disclosure');
  });

  it('keeps peers, outbox and quarantine to administrators, and refuses a peer with a bad key or a taken node id', async () => {
    for (const url of ['/api/federation/node', '/api/federation/peers', '/api/federation/outbox', '/api/federation/inbox', '/api/federation/stats']) {
      assert.equal((await officer.get(url)).status, 404, `${url} is for administrators`);
      assert.equal((await env.app.inject({ method: 'GET', url })).statusCode, 401, `${url} needs a session`);
    }
    const peers = await admin.get('/api/federation/peers');
    assert.deepEqual(peers.body.items.map((p: any) => [p.nodeId, p.publicKey]), [['NO', noKey.publicKey]]);
    const bad = await admin.post('/api/federation/peers', { nodeId: 'DK', countryCode: 'DK', name: 'Danish SPOC', endpointUrl: 'http://127.0.0.1:1', publicKey: 'not-a-key' });
    assert.equal(bad.status, 400);
    assert.ok(bad.body.fields.some((f: any) => f.path === 'publicKey'));
    const taken = await admin.post('/api/federation/peers', { nodeId: 'NO', countryCode: 'NO', name: 'Again', endpointUrl: 'http://127.0.0.1:1', publicKey: generateKeyPair().publicKey });
    assert.equal(taken.status, 409);
    assert.equal((await admin.get('/api/federation/peers')).body.items.length, 1, 'nothing added');
  });

  it('applies a batch in one answer: a bad envelope among good ones is refused alone, and a replayed batch changes nothing', async () => {
    const good = envelope('request', requestPayload({ reference: 'NO-2026-000100', subject: 'Batch request' }));
    const signed = envelope('request', requestPayload({ reference: 'NO-2026-000101' }));
    const tampered = { ...signed, payload: { ...signed.payload, subject: 'Tampered in transit' } };
    // Fails inside the receiving transaction (its request is not here): undone alone, by its savepoint.
    const early = envelope('clarification_answer', { requestId: randomUUID(), answer: 'Too early' });
    const info = envelope('information', {
      informationId: randomUUID(), reference: 'NO-INFO-100', subject: 'Batch information', body: 'Own initiative', language: 'en',
      handlingCode: 'H0', handlingText: null, persons: [], items: [],
    });
    const first = await postBatch([good, tampered, early, info]);
    assert.equal(first.statusCode, 200, first.body);
    const r1 = JSON.parse(first.body).results;
    assert.deepEqual(r1.map((x: any) => [x.index, x.id, x.ack?.status ?? x.error, x.status ?? null]), [
      [0, good.id, 'received', null], [1, signed.id, 'federation.bad_signature', 401], [2, early.id, 'federation.out_of_order', 503], [3, info.id, 'received', null],
    ]);
    const me = publicKeyFrom((await getNodeInfo(env.ctx)).publicKey)!;
    assert.ok(verifyObject(r1[0].ack, me) && verifyObject(r1[3].ack, me), 'each acknowledgement is signed');
    const count = async (where: string) => (await q<{ n: number }>(`SELECT count(*)::int AS n FROM ${where}`))[0].n;
    assert.equal(await count(`request WHERE counterpart_reference IN ('NO-2026-000100', 'NO-INFO-100')`), 2);
    assert.equal(await count(`request WHERE counterpart_reference = 'NO-2026-000101'`), 0);
    assert.equal(await count(`inbox_message WHERE id IN ('${good.id}', '${info.id}') AND processed`), 2);
    assert.equal(await count(`inbox_message WHERE id IN ('${signed.id}', '${early.id}')`), 0, 'refused envelopes leave no inbox row');
    assert.deepEqual((await q<{ reason: string }>(`SELECT reason FROM quarantine WHERE message_id IN ('${signed.id}', '${early.id}') ORDER BY reason`)).map((x) => x.reason), ['bad_signature', 'out_of_order']);

    env.clock.advance(60_000);
    const again = await postBatch([good, tampered, early, info]);
    const r2 = JSON.parse(again.body).results;
    assert.deepEqual(r2.map((x: any) => x.ack?.status ?? x.error), ['duplicate', 'federation.bad_signature', 'federation.out_of_order', 'duplicate']);
    assert.deepEqual([r2[0].ack.receivedAt, r2[3].ack.receivedAt], [r1[0].ack.receivedAt, r1[3].ack.receivedAt], 'a replay keeps the first received-at');
    assert.equal(await count(`request WHERE counterpart_reference IN ('NO-2026-000100', 'NO-INFO-100')`), 2, 'nothing registered twice');
    assert.equal(await count(`inbox_message WHERE id IN ('${good.id}', '${info.id}') AND duplicate_count = 1`), 2);

    const notBatch = await post({ v: 1, envelopes: [] }, '/api/federation/inbox/batch');
    assert.equal(notBatch.statusCode, 400);
    assert.equal(JSON.parse(notBatch.body).error, 'federation.malformed');
    const twice = JSON.parse((await postBatch([info, info])).body).results;
    assert.deepEqual(twice.map((x: any) => x.ack?.status ?? x.error), ['duplicate', 'federation.malformed'], 'one id twice in a batch is refused');
  });

  it('sends due messages to a peer in one batch and records each envelope\'s outcome; falls back to single POSTs for an older peer', async () => {
    const send = async (subject: string) => (await officer.post('/api/federation/information', { countryCode: 'NO', subject, body: 'Batched' })).body.id as string;
    const [ok, bad, later] = [await send('Batch ok'), await send('Batch bad'), await send('Batch later')];
    const urls: string[] = [];
    script = (e, res, url) => {
      urls.push(url);
      if (!url.endsWith('/batch')) return json(res, 200, ackFor(e));
      json(res, 200, { v: 1, results: e.envelopes.map((x: any, index: number) =>
        x.id === bad ? { index, id: x.id, status: 401, error: 'federation.bad_signature', message: 'The message signature does not verify.' }
        : x.id === later ? { index, id: x.id, status: 503, error: 'federation.out_of_order', message: 'Arrived before its request.' }
        : { index, id: x.id, ack: ackFor(x) }) });
    };
    // One delivery at a time, so that the round's messages share one batch.
    configureFederation({ ...settings, concurrency: 1 });
    try {
      const before = received.length;
      await deliverDue(env.ctx);
      assert.deepEqual(urls.map((u) => u.replace(/^.*\/api/, '/api')), ['/api/federation/inbox/batch'], 'one POST for the whole round');
      assert.ok([ok, bad, later].every((id) => received[before].envelopes.some((x: any) => x.id === id)));
      const row = async (id: string) => (await q<any>(`SELECT status, attempts, last_error, acked_received_at FROM outbox_message WHERE id = '${id}'`))[0];
      assert.equal((await row(ok)).status, 'delivered');
      assert.equal(new Date((await row(ok)).acked_received_at).toISOString(), '2026-11-23T09:00:05.000Z');
      assert.equal((await row(bad)).status, 'failed_permanent');
      assert.match((await row(bad)).last_error, /^401 federation.bad_signature/);
      assert.deepEqual([(await row(later)).status, (await row(later)).attempts], ['pending', 1]);
      assert.match((await row(later)).last_error, /^503 federation.out_of_order/);

      // A peer that predates batches answers 404 there: the same messages go one per POST.
      const extra = await send('Batch fallback');
      env.clock.advance(2000);
      urls.length = 0;
      script = (e, res, url) => {
        urls.push(url);
        if (url.endsWith('/batch')) json(res, 404, { error: 'http.not_found', message: 'Not found' });
        else json(res, 200, ackFor(e));
      };
      await deliverDue(env.ctx);
      assert.deepEqual(urls.map((u) => u.replace(/^.*\/api/, '/api')), ['/api/federation/inbox/batch', '/api/federation/inbox', '/api/federation/inbox']);
      assert.deepEqual([(await row(later)).status, (await row(extra)).status], ['delivered', 'delivered']);
    } finally {
      configureFederation(settings);
    }
  });

  it('gives concurrently received requests unique references, continuing the year\'s old counter', async () => {
    // A scope the old counter table had reached 41 in: its sequence starts at 42.
    await q(`INSERT INTO reference_counter (scope, value) VALUES ('SE-2031', 41)`);
    env.clock.set('2031-03-03T10:00:00Z');
    const envs = Array.from({ length: 12 }, (_, k) => envelope('request', requestPayload({ reference: `NO-2031-${k}`, subject: 'Concurrent' })));
    const answers = await Promise.all([...envs.slice(0, 6).map((e) => post(e)), postBatch(envs.slice(6, 9)), postBatch(envs.slice(9))]);
    assert.ok(answers.every((a) => a.statusCode === 200), answers.map((a) => a.body).join('\n'));
    const refs = (await q<{ reference: string }>(`SELECT reference FROM request WHERE counterpart_reference LIKE 'NO-2031-%' ORDER BY reference`)).map((r) => r.reference);
    assert.deepEqual(refs, Array.from({ length: 12 }, (_, k) => `SE-2031-${String(42 + k).padStart(6, '0')}`));
  });
});
