import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db/client.ts';
import { runDueJobs } from '../../platform/jobs/job.service.ts';
import { allJobs } from '../../jobs.ts';
import { buildRequest, createTestEnv, type Client, type TestEnv } from '../../testing/harness.ts';
import { configureChannels, scanDropFolder } from './index.ts';
import { toSienaWire } from './siena.adapter.ts';
import { toSireneWire } from './sirene.adapter.ts';
import { requestMessage } from './test-helpers.ts';
import type { PolsamMessageInput } from './message.schemas.ts';

let env: TestEnv;
let admin: Client;
let duty: Client;
let sireneDuty: Client;
let sienaToken: string;
let sireneToken: string;
let dropDir: string;

/** A SIENA message from the German SPOC to us (the test helper's message, turned around). */
function fromGermany(over: Partial<PolsamMessageInput> = {}) {
  return toSienaWire(requestMessage({
    reference: 'DE-BKA-2026-4711', caseReference: 'SIENA-CASE-DE-9', sentAt: '2026-11-23T08:55:00Z',
    from: { country: 'DE', authority: 'BKA SPOC', officer: 'K. Schmidt' }, to: { country: 'SE', authority: 'Polismyndigheten SPOC' },
    ...over,
  }));
}

async function deliver(channel: string, body: unknown, token: string | null = sienaToken) {
  const r = await env.app.inject({
    method: 'POST', url: `/api/channels/${channel}/messages`, payload: body as object,
    headers: { 'accept-language': 'en', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  return { status: r.statusCode, body: JSON.parse(r.body) };
}

async function counts() {
  return rowsOf<Record<string, number>>(await env.database.db.execute(sql`SELECT
    (SELECT count(*)::int FROM request) AS requests, (SELECT count(*)::int FROM request_person) AS persons,
    (SELECT count(*)::int FROM request_message) AS messages, (SELECT count(*)::int FROM audit_event) AS audit,
    (SELECT count(*)::int FROM channel_inbox) AS inbox, (SELECT count(*)::int FROM job WHERE status = 'pending') AS jobs`))[0];
}

before(async () => {
  env = await createTestEnv();
  admin = await env.login(await env.buildUser({ roles: ['administrator'] }));
  duty = await env.login(await env.buildUser({ roles: ['duty_officer'] }));
  sireneDuty = await env.login(await env.buildUser({ roles: ['duty_officer'], unit: 'SIRENE' }));
  dropDir = await mkdtemp(join(tmpdir(), 'polsam-channels-'));
});
after(async () => {
  configureChannels({ dropDir: null, scanMs: 1000, settleMs: 500 });
  await env.close();
  await rm(dropDir, { recursive: true, force: true });
});

describe('gateway tokens', () => {
  test('an administrator issues a token once; only its hash is stored; others see no such page', async () => {
    const created = await admin.post('/api/channels/tokens', { name: 'SIENA gateway', channel: 'siena' });
    assert.equal(created.status, 201, created.raw);
    assert.match(created.body.token, /^polsam_ch_[A-Za-z0-9_-]{43}$/);
    sienaToken = created.body.token;
    sireneToken = (await admin.post('/api/channels/tokens', { name: 'SIRENE gateway', channel: 'sirene' })).body.token;
    const list = await admin.get('/api/channels/tokens');
    assert.equal(list.body.items.length, 2);
    assert.ok(!list.raw.includes(sienaToken), 'the token is never listed');
    const stored = rowsOf<{ h: string }>(await env.database.db.execute(sql`SELECT token_hash AS h FROM channel_token`));
    assert.ok(stored.every((r) => r.h.length === 64 && !r.h.includes(sienaToken)));
    assert.equal((await duty.get('/api/channels/tokens')).status, 404);
    assert.equal((await duty.post('/api/channels/tokens', { name: 'mine', channel: 'siena' })).status, 404);
    const logged = rowsOf<{ n: number }>(await env.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_event WHERE action = 'channels.token.create'`));
    assert.equal(logged[0].n, 2);
  });

  test('no token, a wrong token or another channel\'s token is refused with nothing written', async () => {
    const before = await counts();
    assert.equal((await deliver('siena', fromGermany(), null)).status, 401);
    assert.equal((await deliver('siena', fromGermany(), 'polsam_ch_not-a-real-token')).status, 401);
    const wrong = await deliver('siena', fromGermany(), sireneToken);
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.error, 'channels.token_invalid');
    assert.deepEqual(await counts(), before);
  });

  test('a revoked token opens nothing', async () => {
    const t = await admin.post('/api/channels/tokens', { name: 'short-lived', channel: 'siena' });
    assert.equal((await admin.post(`/api/channels/tokens/${t.body.id}/revoke`)).status, 200);
    assert.equal((await deliver('siena', fromGermany(), t.body.token)).status, 401);
  });
});

describe('ingress through the gateway API', () => {
  let requestId: string;

  test('a bad message is a 400 with the field named, in the caller\'s language, and nothing is written', async () => {
    const before = await counts();
    const bad = { ...fromGermany(), handling: { code: 'H4' } };
    const r = await deliver('siena', bad);
    assert.equal(r.status, 400);
    assert.equal(r.body.error, 'channels.invalid_wire');
    assert.deepEqual(r.body.fields.map((f: { path: string }) => f.path), ['handling.code']);
    assert.equal(r.body.fields[0].message, 'The handling code must be H0, H1, H2 or H3.');
    assert.equal((await deliver('bilateral', fromGermany())).status, 400);
    assert.deepEqual(await counts(), before);
  });

  test('a SIENA request becomes a case on the SPOC queue with its Art 5 deadline from our receipt', async () => {
    const r = await deliver('siena', fromGermany());
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.outcome, 'registered');
    assert.match(r.body.caseReference, /^SE-2026-\d{6}$/);
    requestId = r.body.requestId;
    const queue = await duty.get('/api/requests?status=open');
    const row = queue.body.items.find((i: { id: string }) => i.id === requestId);
    assert.ok(row, 'on the SPOC duty queue');
    // Urgent and directly accessible: 8 hours from receipt at 09:00 UTC (Art 5(1)(a)).
    assert.equal(row.dueAt, '2026-11-23T17:00:00.000Z');
    assert.equal(row.personCount, 1);
    const detail = (await duty.get(`/api/requests/${requestId}`)).body;
    assert.equal(detail.counterpartReference, 'DE-BKA-2026-4711');
    assert.equal(detail.countryCode, 'DE');
    assert.equal(detail.status, 'received');
    assert.equal(detail.europolMandate, true);
    // Another unit does not see it.
    assert.equal((await sireneDuty.get(`/api/requests/${requestId}`)).status, 404);
  });

  test('the same message again (other key order) is recognised, not registered twice', async () => {
    const before = await counts();
    const wire = fromGermany();
    const reordered = Object.fromEntries(Object.entries(wire).reverse());
    const r = await deliver('siena', reordered);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { outcome: 'duplicate', requestId, caseReference: r.body.caseReference });
    assert.deepEqual(await counts(), before);
  });

  test('another message under a reference already received is refused', async () => {
    const r = await deliver('siena', fromGermany({ subject: 'Something else entirely' }));
    assert.equal(r.status, 409);
    assert.equal(r.body.error, 'channels.reference_reused');
  });

  test('a follow-up in the same SIENA case joins the case\'s thread', async () => {
    const before = await counts();
    const info = fromGermany({
      kind: 'information', reference: 'DE-BKA-2026-4712', inReplyTo: null, body: 'The suspect also uses a white van.',
      urgent: false, urgencyReason: null, access: null, informationSought: null, purpose: null, persons: [], items: [],
    });
    const r = await deliver('siena', info);
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.deepEqual([r.body.outcome, r.body.requestId], ['attached', requestId]);
    const after = await counts();
    assert.equal(after.requests, before.requests);
    const detail = (await duty.get(`/api/requests/${requestId}`)).body;
    assert.ok(detail.messages.some((m: { kind: string; body: string; direction: string }) => m.kind === 'information' && m.direction === 'in' && m.body === 'The suspect also uses a white van.'));
  });

  test('an answer to a case that is not on the desk is refused, nothing written', async () => {
    const before = await counts();
    const r = await deliver('siena', fromGermany({
      kind: 'answer', reference: 'DE-BKA-2026-9999', caseReference: 'SIENA-CASE-UNKNOWN', inReplyTo: 'SE-2026-999999', body: 'Here it is.',
      urgent: false, urgencyReason: null, access: null, informationSought: null, purpose: null, persons: [], items: [],
    }));
    assert.equal(r.status, 400);
    assert.equal(r.body.error, 'channels.case_not_found');
    assert.deepEqual(await counts(), before);
  });

  test('our answer is written to the outbound folder in SIENA format, once', async () => {
    configureChannels({ dropDir, scanMs: 1000, settleMs: 0 });
    const version = (await duty.get(`/api/requests/${requestId}`)).body.version;
    assert.equal((await duty.post(`/api/requests/${requestId}/start`, { version })).status, 200);
    const v2 = (await duty.get(`/api/requests/${requestId}`)).body.version;
    assert.equal((await duty.post(`/api/requests/${requestId}/answer`, { version: v2, body: 'Registered at Storgatan 1, Malmö.' })).status, 200);
    await runDueJobs(env.ctx, allJobs);
    await runDueJobs(env.ctx, allJobs);
    const dir = join(dropDir, 'outbound', 'siena');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.json'));
    assert.equal(files.length, 1, 'one file for one answer');
    const env1 = JSON.parse(await readFile(join(dir, files[0]), 'utf8'));
    assert.equal(env1.envelope, 'polsam.transport/1');
    assert.equal(env1.format, 'polsam.siena/1');
    assert.equal(`${env1.id}.json`, files[0]);
    assert.equal(env1.wire.messageType, 'answer');
    assert.equal(env1.wire.replyTo, 'DE-BKA-2026-4711');
    assert.equal(env1.wire.caseRef, 'SIENA-CASE-DE-9');
    assert.equal(env1.wire.body, 'Registered at Storgatan 1, Malmö.');
    assert.deepEqual(env1.wire.recipient, { country: 'DE', unit: 'BKA SPOC' });
    const sent = rowsOf<{ status: string }>(await env.database.db.execute(sql`SELECT status FROM channel_outbox WHERE request_id = ${requestId}`));
    assert.deepEqual(sent.map((s) => s.status), ['sent']);
  });

  test('a SIRENE form lands on the SIRENE bureau\'s queue with the 12-hour deadline', async () => {
    const form = toSireneWire({
      form: 'G', createdAt: '2026-11-23T08:30:00Z', reference: 'DE-2026-G-000042',
      sender: { country: 'DE', bureau: 'SIRENE Deutschland', officer: 'M. Braun' }, recipient: { country: 'SE', bureau: 'SIRENE Sverige' },
      alert: { schengenId: 'SE0000123456789', article: '36' }, alertReason: 'Hit on a discreet check alert',
    });
    const r = await deliver('sirene', form, sireneToken);
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const row = (await sireneDuty.get('/api/requests?status=open')).body.items.find((i: { id: string }) => i.id === r.body.requestId);
    assert.equal(row.dueAt, '2026-11-23T21:00:00.000Z');
    assert.equal(row.channel, 'sirene');
    assert.equal((await duty.get(`/api/requests/${r.body.requestId}`)).status, 404);
  });
});

describe('the drop folder', () => {
  test('a settled file is taken in once and moved to processed/; a bad file goes to failed/ with its reason in both languages', async () => {
    const incoming = join(dropDir, 'incoming', 'siena');
    await scanDropFolder(env.ctx, { dropDir, settleMs: 0 }); // creates nothing, reads nothing
    const { mkdir } = await import('node:fs/promises');
    await mkdir(incoming, { recursive: true });
    const good = join(incoming, 'msg-1.json');
    await writeFile(good, JSON.stringify(fromGermany({ reference: 'DE-BKA-2026-5000', caseReference: 'SIENA-CASE-DE-10' })));
    const bad = join(incoming, 'msg-2.json');
    await writeFile(bad, JSON.stringify({ ...fromGermany({ reference: 'DE-BKA-2026-5001' }), createdAt: '2026-11-23T10:00:00+01:00' }));
    const partial = join(incoming, 'msg-3.json');
    await writeFile(partial, '{"format": "polsam.si');
    // Written a minute ago: settled. The third file was written just now, so it is left alone while it may still grow.
    const past = new Date(env.clock.now().getTime() - 60_000);
    await utimes(good, past, past);
    await utimes(bad, past, past);
    await utimes(partial, new Date(env.clock.now().getTime() + 60_000), new Date(env.clock.now().getTime() + 60_000));
    const before = await counts();
    const out = await scanDropFolder(env.ctx, { dropDir, settleMs: 1000 });
    assert.deepEqual(out.map((o) => [o.file, o.ok]), [['msg-1.json', true], ['msg-2.json', false]]);
    const after = await counts();
    assert.equal(after.requests, before.requests + 1);
    assert.equal(after.inbox, before.inbox + 1);
    assert.deepEqual((await readdir(incoming)).filter((f) => f.endsWith('.json')), ['msg-3.json']);
    assert.deepEqual(await readdir(join(dropDir, 'processed', 'siena')), ['msg-1.json']);
    const failed = await readdir(join(dropDir, 'failed', 'siena'));
    assert.deepEqual(failed.sort(), ['msg-2.json', 'msg-2.json.error.txt']);
    const reason = await readFile(join(dropDir, 'failed', 'siena', 'msg-2.json.error.txt'), 'utf8');
    assert.match(reason, /^channels\.invalid_wire/);
    assert.match(reason, /sv: Meddelandet som kom via siena har inte det förväntade formatet/);
    assert.match(reason, /createdAt: Ange tiden i UTC/);
    assert.match(reason, /createdAt: Give the time in UTC/);
    // The same file dropped again is recognised as a replay: processed, nothing new.
    await writeFile(good, JSON.stringify(fromGermany({ reference: 'DE-BKA-2026-5000', caseReference: 'SIENA-CASE-DE-10' })));
    await utimes(good, past, past);
    const again = await scanDropFolder(env.ctx, { dropDir, settleMs: 1000 });
    assert.equal(again.length, 1);
    assert.equal(again[0].ok && again[0].result.outcome, 'duplicate');
    assert.equal((await counts()).requests, after.requests);
    assert.equal((await readdir(join(dropDir, 'processed', 'siena'))).length, 2, 'the replay is kept beside the first, not over it');
  });
});

describe('Art 12: the Europol-copy reason only where the offence is within Europol\'s objectives', () => {
  test('outside the mandate no reason is asked and none is kept; no copy may go', async () => {
    const ok = await duty.post('/api/requests', buildRequest({ europolMandate: false, europolCopyReason: null }));
    assert.equal(ok.status, 201, ok.raw);
    assert.equal(ok.body.europolCopyReason, null);
    const copy = await duty.post('/api/requests', buildRequest({ europolMandate: false, europolCopy: true }));
    assert.equal(copy.status, 400);
    assert.deepEqual(copy.body.fields.map((f: { path: string }) => f.path), ['europolCopy']);
  });

  test('within the mandate a decision not to copy needs its reason; a copy does not', async () => {
    const missing = await duty.post('/api/requests', buildRequest({ europolMandate: true, europolCopy: false, europolCopyReason: null }));
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.body.fields, [{ path: 'europolCopyReason', message: 'The offence is within Europol’s objectives: give the reason for not sending Europol a copy (Art 12).' }]);
    const copied = await duty.post('/api/requests', buildRequest({ europolMandate: true, europolCopy: true, europolCopyReason: null }));
    assert.equal(copied.status, 201, copied.raw);
    assert.deepEqual([copied.body.europolMandate, copied.body.europolCopy], [true, true]);
  });
});
