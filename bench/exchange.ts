/**
 * Node-to-node benchmark (issues 4 and 12): two Polsam server processes on loopback, paired, exchanging signed
 * own-initiative messages through the outbox, batched delivery, inbox and audit log — nothing switched off.
 *   npm run bench:exchange -- --pg [--paced 200 --load 2000 --drain 3000 --clients 32]
 * `--pg` starts a private PostgreSQL 15 (fsync on) with track_commit_timestamp, and each node gets its own database
 * there; DATABASE_URL=<admin url> uses a server you run (commit latencies need track_commit_timestamp=on there);
 * DATABASE_URLS="<SE url>,<NO url>" uses two given, empty databases; without any, embedded PGlite.
 * Latency ends at the receiver's COMMIT (pg_xact_commit_timestamp of its inbox row) and starts at the sender's
 * outbox write (inside the sending transaction, just before its commit: if anything, a little too long).
 * On PGlite the commit time cannot be read: the latency ends at the receiver's received-at (its acknowledgement).
 *  - paced: one message at a time, each delivered before the next is sent;
 *  - load: CLIENTS officers' clients send LOAD messages as fast as the sender accepts them;
 *  - drain: DRAIN messages queue up while the receiver is stopped; it is started again and the backlog crosses
 *    (node-to-node throughput alone, first to last receiving commit).
 */
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import {
  allPages, defineNode, dropNodeDatabase, killNode, pair, setUpUsers, sleep, startNode, type ApiClient, type NodeProc,
} from '../src/server/testing/federation-nodes.ts';
import { benchDatabaseUrl, loadLine } from './support/postgres.ts';

const { values } = parseArgs({
  options: {
    paced: { type: 'string', default: '200' }, load: { type: 'string', default: '2000' }, drain: { type: 'string', default: '3000' },
    clients: { type: 'string' }, pg: { type: 'boolean' }, 'pg-unsafe': { type: 'boolean' },
  },
});
const PACED = Number(values.paced), LOAD = Number(values.load), DRAIN = Number(values.drain);
const urls = process.env.DATABASE_URLS?.split(',').map((u) => u.trim()).filter(Boolean) ?? [];
if (urls.length && urls.length !== 2) throw new Error('DATABASE_URLS takes two URLs: "<SE url>,<NO url>"');
const target = urls.length ? { url: null, note: 'postgres (DATABASE_URLS)', stop() {} } : await benchDatabaseUrl(process.argv, ['track_commit_timestamp=on']);
if (target.url) process.env.TEST_DATABASE_URL = target.url;
else delete process.env.TEST_DATABASE_URL;
delete process.env.DATABASE_URL;
const engine = urls.length || target.url ? 'postgres' : 'pglite';
// PGlite runs one statement at a time per node: more parallel clients only make a longer queue.
const CLIENTS = Number(values.clients ?? (engine === 'pglite' ? 4 : 32));
const fast = {
  FEDERATION_POLL_MS: '50', FEDERATION_CONCURRENCY: engine === 'pglite' ? '8' : '32', LOG_LEVEL: 'error',
  // The drain restarts the receiver: the sender's retries must not wait long once it is back.
  FEDERATION_BACKOFF_BASE_MS: '50', FEDERATION_BACKOFF_MAX_MS: '200',
  // One peer sends everything here: the per-address limit is set for that peer's volume, as an operator would.
  FEDERATION_INBOX_PER_MINUTE: '100000',
};

const se = await defineNode('SE', { ...fast, ...(urls[0] ? { DATABASE_URL: urls[0] } : {}) });
const no = await defineNode('NO', { ...fast, ...(urls[1] ? { DATABASE_URL: urls[1] } : {}) });
const pools: pg.Pool[] = [];
const poolOf = (n: NodeProc) => {
  const url = n.env.DATABASE_URL;
  if (!url) return null;
  const p = new pg.Pool({ connectionString: url, max: 2 });
  pools.push(p);
  return p;
};
try {
  await Promise.all([startNode(se), startNode(no)]);
  const [a, b] = await Promise.all([setUpUsers(se), setUpUsers(no)]);
  await pair({ node: se, admin: a.admin }, { node: no, admin: b.admin });
  const seDb = poolOf(se), noDb = poolOf(no);
  const commitTimes = !!noDb && (await noDb.query(`SHOW track_commit_timestamp`)).rows[0].track_commit_timestamp === 'on';

  const send = async (k: number, tag: string) => {
    const id = randomUUID();
    const r = await a.officer.call('POST', '/api/federation/information', { id, countryCode: 'NO', subject: `bench ${tag} ${k}`, body: `Benchmark message ${k}` });
    if (r.status !== 200) throw new Error(`send: ${r.status} ${JSON.stringify(r.body)}`);
    return id;
  };
  /** Ids of these messages committed on the receiver so far. */
  const committed = async (ids: string[]): Promise<number> => {
    if (noDb) return Number((await noDb.query(`SELECT count(*) AS n FROM inbox_message WHERE id = ANY($1::uuid[]) AND processed`, [ids])).rows[0].n);
    const out = await allPages<any>(a.admin, '/api/federation/outbox?status=delivered', 500);
    const set = new Set(ids);
    return out.filter((o) => set.has(o.id)).length;
  };
  const waitCommitted = async (ids: string[], pollMs: number) => {
    while ((await committed(ids)) < ids.length) await sleep(pollMs);
  };
  /** Per message: [sender's outbox write, receiver's commit] in ms since the epoch. */
  const times = async (ids: string[]): Promise<[number, number][]> => {
    if (seDb && noDb && commitTimes) {
      const sent = new Map((await seDb.query(`SELECT id, created_at FROM outbox_message WHERE id = ANY($1::uuid[])`, [ids])).rows.map((r) => [r.id, new Date(r.created_at).getTime()]));
      // A duplicate delivery updates the inbox row later: then the request row of the same transaction tells the commit.
      const got = (await noDb.query(`
        SELECT i.id, pg_xact_commit_timestamp(CASE WHEN i.duplicate_count = 0 THEN i.xmin ELSE r.xmin END) AS at
        FROM inbox_message i JOIN request r ON r.id = i.request_id WHERE i.id = ANY($1::uuid[])`, [ids])).rows;
      return got.map((r) => [sent.get(r.id)!, new Date(r.at).getTime()]);
    }
    const set = new Set(ids);
    return (await allPages<any>(a.admin, '/api/federation/outbox?status=delivered', 500)).filter((o) => set.has(o.id))
      .map((o) => [new Date(o.createdAt).getTime(), new Date(o.ackedReceivedAt).getTime()]);
  };
  const pct = (xs: number[], p: number) => { const s = [...xs].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };

  // Warm-up: connections, JIT, caches.
  const warm = [];
  for (let k = 0; k < 50; k++) warm.push(await send(k, 'warm'));
  await waitCommitted(warm, 20);

  // Paced: one message at a time, each committed on the receiver and acknowledged before the next is sent.
  const paced: string[] = [];
  for (let k = 0; k < PACED; k++) {
    const id = await send(k, 'paced');
    paced.push(id);
    await waitCommitted([id], 2);
  }
  const pacedLat = (await times(paced)).map(([s, c]) => c - s);

  // Load: CLIENTS clients send LOAD messages as fast as the sender accepts them.
  const t0 = Date.now();
  const load: string[] = [];
  let i = 0;
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (i < LOAD) load.push(await send(i++, 'load'));
  }));
  const tEnqueued = Date.now();
  await waitCommitted(load, 250);
  const loadTimes = await times(load);
  const lastCommit = Math.max(...loadTimes.map(([, c]) => c));

  // Drain: the receiver is stopped while DRAIN messages queue up, then started again.
  await killNode(no, 'SIGTERM');
  const drain: string[] = [];
  let j = 0;
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (j < DRAIN) drain.push(await send(j++, 'drain'));
  }));
  await startNode(no);
  await waitCommitted(drain, 250);
  const drainCommits = (await times(drain)).map(([, c]) => c);
  const loadNow = loadLine();

  const f = (x: number) => x.toFixed(1);
  const basis = commitTimes ? 'commit' : 'ack';
  console.log(`engine: ${engine === 'postgres' ? target.note : 'pglite'}`);
  console.log(`latency: sender's outbox write → receiver's ${commitTimes ? 'commit (pg_xact_commit_timestamp)' : 'received-at (acknowledgement)'}`);
  // The figures depend on what else the machine runs: print it with them.
  console.log(loadNow);
  console.log(`machine_loadavg_1m: ${os.loadavg()[0].toFixed(1)}`);
  console.log(`federation_paced_messages: ${PACED}`);
  console.log(`federation_paced_${basis}_latency_p50_ms: ${f(pct(pacedLat, 50))}`);
  console.log(`federation_paced_${basis}_latency_p99_ms: ${f(pct(pacedLat, 99))}`);
  console.log(`federation_load_messages: ${LOAD}`);
  console.log(`federation_load_clients: ${CLIENTS}`);
  console.log(`federation_load_${basis}_latency_p50_ms: ${f(pct(loadTimes.map(([s, c]) => c - s), 50))}`);
  console.log(`federation_load_${basis}_latency_p99_ms: ${f(pct(loadTimes.map(([s, c]) => c - s), 99))}`);
  console.log(`federation_enqueue_per_s: ${f(LOAD / ((tEnqueued - t0) / 1000))}`);
  console.log(`federation_delivered_per_s: ${f(LOAD / ((lastCommit - t0) / 1000))}`);
  console.log(`federation_drain_messages: ${DRAIN}`);
  console.log(`federation_drain_delivered_per_s: ${f(DRAIN / ((Math.max(...drainCommits) - Math.min(...drainCommits)) / 1000))}`);
} catch (e) {
  for (const n of [se, no]) console.error(`--- ${n.country} (last output)\n${n.log.slice(-15).join('')}`);
  throw e;
} finally {
  for (const p of pools) await p.end();
  for (const n of [se, no]) {
    await killNode(n, 'SIGTERM');
    await dropNodeDatabase(n);
    fs.rmSync(n.dataDir, { recursive: true, force: true });
  }
  target.stop();
}
