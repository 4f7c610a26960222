/**
 * Node-to-node benchmark (issue 4): two Polsam server processes on loopback, paired, exchanging signed
 * own-initiative messages through the outbox, inbox and audit log. Measures delivery latency (sender's
 * outbox commit → receiver's recorded received-at, from the signed acknowledgement) one message at a
 * time and under load, and sustained messages per second from one node to the other.
 * Embedded PGlite by default; with DATABASE_URL (an admin URL) each node gets a fresh PostgreSQL database
 * (dropped afterwards); with DATABASE_URLS="<SE url>,<NO url>" the nodes use those two databases as they are.
 *   npm run bench:exchange [-- --paced 200 --load 1000 --clients 32]   (clients: 4 on PGlite, 32 on PostgreSQL)
 */
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import {
  allPages, defineNode, dropNodeDatabase, killNode, pair, setUpUsers, sleep, startNode, type ApiClient,
} from '../src/server/testing/federation-nodes.ts';

const { values } = parseArgs({ options: { paced: { type: 'string', default: '200' }, load: { type: 'string', default: '1000' }, clients: { type: 'string' } } });
const PACED = Number(values.paced), LOAD = Number(values.load);
const urls = process.env.DATABASE_URLS?.split(',').map((u) => u.trim()).filter(Boolean) ?? [];
if (urls.length && urls.length !== 2) throw new Error('DATABASE_URLS takes two URLs: "<SE url>,<NO url>"');
if (urls.length) delete process.env.TEST_DATABASE_URL;
else if (process.env.DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
delete process.env.DATABASE_URL;
const engine = urls.length || process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
// PGlite runs one statement at a time per node: more parallel clients only make a longer queue.
const CLIENTS = Number(values.clients ?? (engine === 'pglite' ? 4 : 32));
const fast = { FEDERATION_POLL_MS: '50', FEDERATION_CONCURRENCY: engine === 'pglite' ? '8' : '32', LOG_LEVEL: 'error' };

const se = await defineNode('SE', { ...fast, ...(urls[0] ? { DATABASE_URL: urls[0] } : {}) });
const no = await defineNode('NO', { ...fast, ...(urls[1] ? { DATABASE_URL: urls[1] } : {}) });
try {
  await Promise.all([startNode(se), startNode(no)]);
  const [a, b] = await Promise.all([setUpUsers(se), setUpUsers(no)]);
  await pair({ node: se, admin: a.admin }, { node: no, admin: b.admin });

  const send = (c: ApiClient, k: number, tag: string) =>
    c.call('POST', '/api/federation/information', { id: randomUUID(), countryCode: 'NO', subject: `bench ${tag} ${k}`, body: `Benchmark message ${k}` });
  const delivered = async () => ((await a.admin.call('GET', '/api/federation/stats')).body.outbox.delivered ?? 0) as number;
  const base = await delivered();
  // Polling costs the nodes CPU (the stats are aggregates): often while one message is in flight, rarely under load.
  const waitDelivered = async (n: number, pollMs = 10) => {
    while ((await delivered()) < base + n) await sleep(pollMs);
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
  await waitDelivered(50 + PACED + LOAD, 250);
  const tDelivered = performance.now();
  const loaded = await latencies(LOAD);

  const f = (x: number) => x.toFixed(1);
  console.log(`engine: ${engine}`);
  // The figures depend on what else the machine runs: print it with them.
  console.log(`machine_cpus: ${os.cpus().length}`);
  console.log(`machine_loadavg_1m: ${os.loadavg()[0].toFixed(1)}`);
  console.log(`federation_paced_messages: ${PACED}`);
  console.log(`federation_latency_p50_ms: ${f(pct(paced, 50))}`);
  console.log(`federation_latency_p99_ms: ${f(pct(paced, 99))}`);
  console.log(`federation_load_messages: ${LOAD}`);
  console.log(`federation_load_clients: ${CLIENTS}`);
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
