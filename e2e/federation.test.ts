/**
 * Two Polsam nodes as separate processes exchange 1,000 messages each way while one of them is SIGKILLed
 * and restarted several times; afterwards every message must have arrived exactly once on both sides.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import {
  allPages, defineNode, dropNodeDatabase, killNode, pair, setUpUsers, sleep, startNode, type ApiClient, type NodeProc,
} from '../src/server/testing/federation-nodes.ts';

const N = Number(process.env.FEDERATION_E2E_MESSAGES ?? 1000);
const KILLS = Number(process.env.FEDERATION_E2E_KILLS ?? 4);

interface Side { node: NodeProc; admin: ApiClient; officer: ApiClient; sent: Map<string, string> }

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

describe('Polsam-to-Polsam exchange under SIGKILL', () => {
  const nodes: NodeProc[] = [];
  after(async () => {
    for (const n of nodes) {
      await killNode(n);
      await dropNodeDatabase(n);
      fs.rmSync(n.dataDir, { recursive: true, force: true });
    }
  });

  it(`delivers ${N} messages each way exactly once while one node is killed ${KILLS} times`, { timeout: 600_000 }, async () => {
    const t0 = Date.now();
    const [se, no] = [await defineNode('SE'), await defineNode('NO')];
    nodes.push(se, no);
    await Promise.all([startNode(se), startNode(no)]);
    const [useSe, useNo] = await Promise.all([setUpUsers(se), setUpUsers(no)]);
    const A: Side = { node: se, ...useSe, sent: new Map() };
    const B: Side = { node: no, ...useNo, sent: new Map() };
    await pair(A, B);

    let noUp = true;
    let sending = true;
    const killer = (async () => {
      for (let k = 0; k < KILLS && sending; k++) {
        await sleep(2500 + Math.random() * 2500);
        noUp = false;
        await killNode(no, 'SIGKILL');
        await sleep(300 + Math.random() * 700);
        await startNode(no);
        noUp = true;
      }
    })();
    await Promise.all([sendAll(A, 'NO', () => true), sendAll(B, 'SE', () => noUp)]);
    sending = false;
    await killer;
    const tSent = Date.now();

    // Wait until both outboxes are empty.
    let stats: [any, any] = [null, null];
    for (let i = 0; i < 300; i++) {
      stats = [(await A.admin.call('GET', '/api/federation/stats')).body, (await B.admin.call('GET', '/api/federation/stats')).body];
      if (stats.every((s) => (s.outbox.delivered ?? 0) === N && !s.outbox.pending && !s.outbox.failed_permanent)) break;
      await sleep(500);
    }
    const tDone = Date.now();
    console.log(`# sent in ${((tSent - t0) / 1000).toFixed(1)} s, all delivered ${((tDone - tSent) / 1000).toFixed(1)} s later; stats SE ${JSON.stringify(stats[0])} NO ${JSON.stringify(stats[1])}`);

    for (const [from, to] of [[A, B], [B, A]] as const) {
      const label = `${from.node.country}->${to.node.country}`;
      // Sender: each message id once in the outbox, delivered, with the receiver's acknowledgement.
      const outbox = await allPages<any>(from.admin, '/api/federation/outbox');
      assert.equal(outbox.length, N, `${label}: outbox rows`);
      assert.deepEqual(new Set(outbox.map((o) => o.id)), new Set(from.sent.keys()), `${label}: the outbox holds exactly the ids sent`);
      assert.ok(outbox.every((o) => o.status === 'delivered' && o.ackedReceivedAt), `${label}: all delivered and acknowledged`);
      // Receiver: each id once in the inbox, applied once to the desk.
      const inbox = await allPages<any>(to.admin, '/api/federation/inbox');
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
    const quarantined = [...(await allPages<any>(A.admin, '/api/federation/quarantine')), ...(await allPages<any>(B.admin, '/api/federation/quarantine'))];
    assert.deepEqual(quarantined.filter((q) => !q.resolvedAt), [], 'nothing valid was quarantined');
  });
});
