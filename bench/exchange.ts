/**
 * Node-to-node benchmark (issue 4): two Polsam server processes on loopback, paired, exchanging signed
 * own-initiative messages through the outbox, inbox and audit log. Measures delivery latency (sender's
 * outbox commit → receiver's recorded received-at, from the signed acknowledgement) one message at a
 * time and under load, and sustained messages per second from one node to the other.
 * Embedded PGlite by default; with DATABASE_URL (an admin URL) each node gets its own PostgreSQL database.
 *   npm run bench:exchange [-- --paced 200 --load 2000 --clients 32]
 */
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import {
  allPages, defineNode, dropNodeDatabase, killNode, pair, setUpUsers, sleep, startNode, type ApiClient,
} from '../src/server/testing/federation-nodes.ts';

const { values } = parseArgs({ options: { paced: { type: 'string', default: '200' }, load: { type: 'string', default: '2000' }, clients: { type: 'string', default: '32' } } });
const PACED = Number(values.paced), LOAD = Number(values.load), CLIENTS = Number(values.clients);
if (process.env.DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
const engine = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
const fast = { FEDERATION_POLL_MS: '50', FEDERATION_CONCURRENCY: '32', LOG_LEVEL: 'error' };

const se = await defineNode('SE', fast);
const no = await defineNode('NO', fast);
try {
  await Promise.all([startNode(se), startNode(no)]);
  const [a, b] = await Promise.all([setUpUsers(se), setUpUsers(no)]);
  await pair({ node: se, admin: a.admin }, { node: no, admin: b.admin });

  const send = (c: ApiClient, k: number, tag: string) =>
    c.call('POST', '/api/federation/information', { id: randomUUID(), countryCode: 'NO', subject: `bench ${tag} ${k}`, body: `Benchmark message ${k}` });
  const delivered = async () => ((await a.admin.call('GET', '/api/federation/stats')).body.outbox.delivered ?? 0) as number;
  const waitDelivered = async (n: number) => {
    while ((await delivered()) < n) await sleep(20);
  };
  const pct = (xs: number[], p: number) => { const s = [...xs].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };
  const latencies = async (count: number) => {
    const rows = (await allPages<any>(a.admin, '/api/federation/outbox?status=delivered', 500)).slice(0, count);
    return rows.map((r) => new Date(r.ackedReceivedAt).getTime() - new Date(r.createdAt).getTime());
  };

  // Warm-up: connections, JIT, caches.
  for (let k = 0; k < 50; k++) await send(a.officer, k, 'warm');
  await waitDelivered(50);

  // Paced: one message at a time, each delivered before the next is sent.
  for (let k = 0; k < PACED; k++) {
    await send(a.officer, k, 'paced');
    await waitDelivered(50 + k + 1);
  }
  const paced = await latencies(PACED);

  // Load: CLIENTS officers' clients send LOAD messages as fast as the sender accepts them.
  const t0 = performance.now();
  let i = 0;
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (i < LOAD) {
      const k = i++;
      const r = await send(a.officer, k, 'load');
      if (r.status !== 200) throw new Error(`send: ${r.status} ${JSON.stringify(r.body)}`);
    }
  }));
  const tEnqueued = performance.now();
  await waitDelivered(50 + PACED + LOAD);
  const tDelivered = performance.now();
  const loaded = await latencies(LOAD);

  const f = (x: number) => x.toFixed(1);
  console.log(`engine: ${engine}`);
  console.log(`federation_paced_messages: ${PACED}`);
  console.log(`federation_latency_p50_ms: ${f(pct(paced, 50))}`);
  console.log(`federation_latency_p99_ms: ${f(pct(paced, 99))}`);
  console.log(`federation_load_messages: ${LOAD}`);
  console.log(`federation_load_latency_p50_ms: ${f(pct(loaded, 50))}`);
  console.log(`federation_load_latency_p99_ms: ${f(pct(loaded, 99))}`);
  console.log(`federation_enqueue_per_s: ${f(LOAD / ((tEnqueued - t0) / 1000))}`);
  console.log(`federation_delivered_per_s: ${f(LOAD / ((tDelivered - t0) / 1000))}`);
} finally {
  for (const n of [se, no]) {
    await killNode(n, 'SIGTERM');
    await dropNodeDatabase(n);
    fs.rmSync(n.dataDir, { recursive: true, force: true });
  }
}
