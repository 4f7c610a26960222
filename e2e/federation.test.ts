/**
 * Two Polsam nodes (SE and NO) as separate server processes, paired through the admin API:
 * 1. a request goes from SE to NO and every kind of reply comes back (receipts, clarification both ways,
 *    delay notice, answer, refusal), with NO's deadline running from NO's own received-at;
 * 2. 1,000 messages each way while NO is SIGKILLed and restarted several times; afterwards every message
 *    must have arrived exactly once, in a state consistent on both sides.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { REFUSAL_GROUNDS } from '../src/shared/domain.ts';
import { enrolSecondFactor, launchBrowser, seriousViolations, signIn, signInWithCode } from './support.ts';
import {
  allPages, defineNode, dropNodeDatabase, killNode, pair, setUpUsers, sleep, startNode, type ApiClient, type NodeProc,
} from '../src/server/testing/federation-nodes.ts';

const N = Number(process.env.FEDERATION_E2E_MESSAGES ?? 1000);
const KILLS = Number(process.env.FEDERATION_E2E_KILLS ?? 4);

interface Side { node: NodeProc; admin: ApiClient; officer: ApiClient; sent: Map<string, string> }

/** Polls until `fn` returns a value (not undefined), or fails with the label. */
async function waitFor<T>(label: string, fn: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${label}`);
    await sleep(100);
  }
}

/** Sends N own-initiative messages with client-chosen ids, retrying (same id) while the node is down. */
async function sendAll(from: Side, to: string, isUp: () => boolean) {
  let i = 0;
  const worker = async () => {
    while (i < N) {
      const k = i++;
      const id = randomUUID();
      const subject = `e2e ${from.node.country}->${to} #${k}`;
      from.sent.set(id, subject);
      for (;;) {
        try {
          if (!isUp()) { await sleep(100); continue; }
          const r = await from.officer.call('POST', '/api/federation/information', { id, countryCode: to, subject, body: `Message ${k} from ${from.node.country}` });
          if (r.status === 200) break;
          throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
        } catch {
          // The node is being killed: the same id is sent again, which sends it at most once.
          await sleep(200);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
}

describe('Polsam-to-Polsam exchange between two server processes', () => {
  const nodes: NodeProc[] = [];
  let A: Side;
  let B: Side;
  before(async () => {
    const [se, no] = [await defineNode('SE'), await defineNode('NO')];
    nodes.push(se, no);
    await Promise.all([startNode(se), startNode(no)]);
    const [useSe, useNo] = await Promise.all([setUpUsers(se), setUpUsers(no)]);
    A = { node: se, ...useSe, sent: new Map() };
    B = { node: no, ...useNo, sent: new Map() };
    await pair(A, B);
  });
  after(async () => {
    for (const n of nodes) {
      await killNode(n);
      await dropNodeDatabase(n);
      fs.rmSync(n.dataDir, { recursive: true, force: true });
    }
  });

  const detail = async (s: Side, id: string) => (await s.officer.call('GET', `/api/requests/${id}`)).body;
  const act = async (s: Side, id: string, action: string, body: Record<string, unknown> = {}) => {
    const r = await s.officer.call('POST', `/api/requests/${id}/${action}`, { version: (await detail(s, id)).version, ...body });
    assert.equal(r.status, 200, `${action}: ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const threadHas = (s: Side, id: string, kind: string, body?: string) =>
    waitFor(`${kind} on ${s.node.country}`, async () => {
      const d = await detail(s, id);
      return d.messages.some((m: any) => m.kind === kind && (body === undefined || m.body === body)) ? d : undefined;
    });
  /** SE drafts and sends an outgoing request to NO; returns SE's id and NO's copy. */
  const sendRequest = async (subject: string) => {
    const created = await A.officer.call('POST', '/api/requests', {
      direction: 'outgoing', channel: 'siena', countryCode: 'NO', counterpartAuthority: 'Kripos', urgent: false, access: 'direct',
      language: 'en', europolCopyReason: 'Not within Europol objectives', subject, informationSought: 'Registered owner of a vehicle',
      purpose: 'Investigation of fraud', persons: [{ fullName: 'Ola Nordmann', category: 'suspect', nationalities: ['NO'] }],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const se = created.body;
    await act(A, se.id, 'send');
    const no = await waitFor('the request on NO', async () =>
      (await B.officer.call('GET', '/api/requests?direction=incoming&country=SE')).body.items.find((r: any) => r.subject === subject));
    return { se, no };
  };

  it('carries a request to the other node and every kind of reply back, with receipts', { timeout: 120_000 }, async () => {
    const { se, no } = await sendRequest('Vehicle owner (conversation)');
    // NO's deadline starts at NO's own received-at, the time SE shows as acknowledged.
    const noDetail = await detail(B, no.id);
    assert.equal(noDetail.counterpartReference, se.reference);
    assert.equal(noDetail.status, 'received');
    assert.equal(noDetail.deadline.startAt, noDetail.receivedAt);
    const receipt = await threadHas(A, se.id, 'receipt_received');
    const seOutbox = await allPages<any>(A.admin, '/api/federation/outbox');
    const reqMsg = seOutbox.find((o) => o.requestId === se.id && o.kind === 'request');
    assert.equal(reqMsg.status, 'delivered');
    assert.equal(reqMsg.ackedReceivedAt, noDetail.receivedAt, 'SE shows NO\'s received-at');
    assert.equal(receipt.status, 'sent');

    await act(B, no.id, 'start');
    await threadHas(A, se.id, 'receipt_read');
    await act(B, no.id, 'request-clarification', { question: 'Which vehicle registration?' });
    await threadHas(A, se.id, 'clarification_request', 'Which vehicle registration?');
    const c = await A.officer.call('POST', `/api/federation/requests/${se.id}/clarification-answer`, { answer: 'ABC 123' });
    assert.equal(c.status, 200, JSON.stringify(c.body));
    const clarified = await threadHas(B, no.id, 'clarification_answer', 'ABC 123');
    assert.equal(clarified.status, 'in_progress', 'the clarification restarts NO\'s clock');

    // Art 5(2): one expected instant, less than a day away, shown the same on both nodes.
    const expectedAt = new Date(Date.now() + 5 * 3600_000).toISOString();
    await act(B, no.id, 'delay-judicial', { expectedAt, reason: 'Court authorisation needed' });
    const delayed = await threadHas(A, se.id, 'delay_notice', 'Court authorisation needed');
    assert.equal(delayed.deadline.expectedAt, expectedAt, 'SE records the same expected time as NO');
    await act(B, no.id, 'resume-judicial', { authorised: true });
    await act(B, no.id, 'answer', { body: 'The owner is Ola Nordmann, Oslo.' });
    const answered = await threadHas(A, se.id, 'answer', 'The owner is Ola Nordmann, Oslo.');
    assert.equal(answered.status, 'answered');

    const second = await sendRequest('Vehicle owner (refused)');
    await act(B, second.no.id, 'refuse', { grounds: [REFUSAL_GROUNDS[0]], reason: 'Disproportionate' });
    const refused = await threadHas(A, second.se.id, 'refusal', 'Disproportionate');
    assert.equal(refused.status, 'refused');

    // Both sides agree: everything SE sent is in NO's inbox once, and the other way round.
    for (const [from, to] of [[A, B], [B, A]] as const) {
      const out = await waitFor('empty outbox', async () => {
        const rows = await allPages<any>(from.admin, '/api/federation/outbox');
        return rows.every((o) => o.status === 'delivered') ? rows : undefined;
      });
      const inbox = await allPages<any>(to.admin, '/api/federation/inbox');
      assert.deepEqual(inbox.map((m) => m.id).sort(), out.map((o) => o.id).sort());
    }
  });

  it('shows an administrator the peers, the outbox and the quarantine, in Swedish and English', { timeout: 120_000 }, async () => {
    const password = `web admin ${randomUUID()}`;
    const created = await A.admin.call('POST', '/api/admin/users', { username: 'webadmin', displayName: 'Web Admin', password, roles: ['administrator'], unitCode: 'SPOC', locale: 'sv', mustChangePassword: false });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    // Garbage at SE's inbox: refused, quarantined, and visible to the administrator.
    const garbage = await fetch(`${A.node.url}/api/federation/inbox`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"v":1,"garbage":true}' });
    assert.equal(garbage.status, 400);
    assert.equal(((await garbage.json()) as { error: string }).error, 'federation.malformed');
    const browser: Browser = await launchBrowser();
    let secret = '';
    try {
      for (const locale of ['sv', 'en'] as const) {
        const context = await browser.newContext({ locale: locale === 'sv' ? 'sv-SE' : 'en-GB', timezoneId: 'Europe/Stockholm' });
        const page = await context.newPage();
        // In production an administrator sets up a second factor before anything else, and uses it from then on.
        if (!secret) {
          await signIn(page, A.node.url, 'webadmin', locale, password);
          secret = await enrolSecondFactor(page, password, locale);
        } else await signInWithCode(page, A.node.url, 'webadmin', locale, password, secret);
        await page.getByRole('link', { name: locale === 'sv' ? 'Utbyte med noder' : 'Exchange with nodes' }).click();
        await page.waitForURL(/\/admin\/federation$/);
        await page.getByTestId('peers-table').waitFor();
        assert.match(await page.getByTestId('peers-table').innerText(), new RegExp(`NO[\\s\\S]*${B.node.url.replace(/[.:/]/g, '.')}`));
        assert.equal(await page.getByTestId('node-id').innerText(), 'SE');
        assert.match(await page.getByTestId('outbox-table').innerText(), locale === 'sv' ? /Levererat/ : /Delivered/);
        const q = page.getByTestId('quarantine-table');
        assert.match(await q.innerText(), locale === 'sv' ? /kunde inte läsas/ : /could not be read/);
        await q.getByRole('button').first().click();
        await q.locator('pre').first().waitFor();
        assert.match(await q.locator('pre').first().innerText(), /garbage/);
        assert.deepEqual(await seriousViolations(page), [], `federation admin page (${locale})`);
        await context.close();
      }
    } finally {
      await browser.close();
    }
  });

  it(`delivers ${N} messages each way exactly once while one node is SIGKILLed ${KILLS} times`, { timeout: 600_000 }, async () => {
    const unresolved = async () => [...(await allPages<any>(A.admin, '/api/federation/quarantine')), ...(await allPages<any>(B.admin, '/api/federation/quarantine'))]
      .filter((q) => !q.resolvedAt).map((q) => q.id);
    const quarantinedBefore = await unresolved();
    const t0 = Date.now();
    let noUp = true;
    let kills = 0;
    let sending = true;
    const killer = (async () => {
      for (let k = 0; k < KILLS && sending; k++) {
        // Spread over the run: the k-th kill once SE has queued k/(KILLS+1) of its messages, at a random moment.
        while (sending && A.sent.size < (N * (k + 1)) / (KILLS + 1)) await sleep(50);
        await sleep(Math.random() * 500);
        noUp = false;
        await killNode(B.node, 'SIGKILL');
        kills++;
        await sleep(300 + Math.random() * 700);
        await startNode(B.node);
        noUp = true;
      }
    })();
    await Promise.all([sendAll(A, 'NO', () => true), sendAll(B, 'SE', () => noUp)]);
    sending = false;
    await killer;
    const tSent = Date.now();
    assert.ok(kills >= 1, 'the node was killed while messages were flowing');

    const info = (rows: any[]) => rows.filter((r) => r.kind === 'information');
    // Wait until both outboxes are empty.
    await waitFor('both outboxes delivered', async () => {
      for (const s of [A, B]) {
        const st = (await s.admin.call('GET', '/api/federation/stats')).body;
        if (st.outbox.pending || st.outbox.failed_permanent) return undefined;
      }
      return true;
    }, 300_000);
    const stats = [(await A.admin.call('GET', '/api/federation/stats')).body, (await B.admin.call('GET', '/api/federation/stats')).body];
    console.log(`# ${kills} kills; sent in ${((tSent - t0) / 1000).toFixed(1)} s, all delivered ${((Date.now() - tSent) / 1000).toFixed(1)} s later; stats SE ${JSON.stringify(stats[0])} NO ${JSON.stringify(stats[1])}`);

    for (const [from, to] of [[A, B], [B, A]] as const) {
      const label = `${from.node.country}->${to.node.country}`;
      // Sender: each message id once in the outbox, delivered, with the receiver's acknowledgement.
      const outbox = info(await allPages<any>(from.admin, '/api/federation/outbox'));
      assert.equal(outbox.length, N, `${label}: outbox rows`);
      assert.deepEqual(new Set(outbox.map((o) => o.id)), new Set(from.sent.keys()), `${label}: the outbox holds exactly the ids sent`);
      assert.ok(outbox.every((o) => o.status === 'delivered' && o.ackedReceivedAt), `${label}: all delivered and acknowledged`);
      // Receiver: each id once in the inbox, applied once to the desk.
      const inbox = info(await allPages<any>(to.admin, '/api/federation/inbox'));
      assert.equal(inbox.length, N, `${label}: inbox rows`);
      assert.deepEqual(new Set(inbox.map((m) => m.id)), new Set(from.sent.keys()), `${label}: the inbox holds exactly the ids sent`);
      assert.ok(inbox.every((m) => m.processed && m.requestId), `${label}: every message applied`);
      const desk = await allPages<any>(to.officer, `/api/requests?direction=incoming&country=${from.node.country}&status=received`);
      const subjects = desk.map((r) => r.subject).filter((s: string) => s.startsWith(`e2e ${label}`));
      assert.equal(subjects.length, N, `${label}: records on the receiving desk`);
      assert.deepEqual(new Set(subjects), new Set(from.sent.values()), `${label}: each message recorded exactly once`);
      // Receivers' received-at times are what the senders show as acknowledged.
      const ackById = new Map(outbox.map((o) => [o.id, o.ackedReceivedAt]));
      assert.ok(inbox.every((m) => ackById.get(m.id) === m.receivedAt), `${label}: acknowledged received-at equals the receiver's`);
    }
    // The kills hit traffic in flight: SE had to retry messages NO did not acknowledge.
    const retried = info(await allPages<any>(A.admin, '/api/federation/outbox')).filter((o) => o.attempts > 1).length;
    assert.ok(retried > 0, 'some SE->NO messages needed more than one attempt');
    assert.deepEqual(await unresolved(), quarantinedBefore, 'nothing valid was quarantined');
  });
});
