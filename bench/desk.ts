/**
 * Desk benchmark: fills 100,000 open requests, then measures over loopback HTTP, with the server's request logging on
 * (as in production, to a discarded stream): the duty queue's first page for an officer of the big unit and for one
 * whose unit holds only 200 of them (p50/p95/p99), case search by foreign reference and by a subject word, and
 * request registration throughput. Embedded PGlite by default; `--pg` starts a private PostgreSQL 15 (fsync on);
 * DATABASE_URL uses yours. Prints `metric: value` lines and the load average.
 *   npm run bench:desk [-- --pg --requests 100000 --queries 300 --registrations 500]
 */
import { parseArgs } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/server/platform/config.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { openPglite, openPostgres, runMigrations } from '../src/server/platform/db/client.ts';
import { firstStart } from '../src/server/bootstrap.ts';
import { buildApp } from '../src/server/http/app.ts';
import { createUser, findUnitByCode } from '../src/server/modules/identity/index.ts';
import { systemCtx } from '../src/server/platform/context.ts';
import { buildRequest } from '../src/server/testing/harness.ts';
import { loggerOptions } from '../src/server/http/logging.ts';
import { benchDatabaseUrl, loadLine } from './support/postgres.ts';

const { values } = parseArgs({ options: {
  requests: { type: 'string', default: '100000' }, queries: { type: 'string', default: '300' }, registrations: { type: 'string', default: '500' },
  pg: { type: 'boolean', default: false }, 'pg-unsafe': { type: 'boolean', default: false },
} });
const N = Number(values.requests), Q = Number(values.queries), R = Number(values.registrations);
const target = await benchDatabaseUrl();
const url = target.url;
const engine = url ? 'postgres' : 'pglite';
const dir = url ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'polsam-bench-desk-'));
const database = url ? await openPostgres(url) : await openPglite(dir);
await runMigrations(database);
const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'polsam-bench-desk-keys-'));
const config = loadConfig({ NODE_ENV: 'production', COOKIE_SECURE: 'false', LOG_LEVEL: 'silent', DATA_DIR: dir ?? keyDir } as NodeJS.ProcessEnv);
await firstStart(database, systemClock, config);
const ctx = systemCtx(database.db, systemClock, 'SE');
const spoc = (await findUnitByCode(database.db, 'SPOC'))!;
const username = `bench${Date.now()}`;
const password = 'bench password 2026';
await createUser(ctx, { username, displayName: 'Bench', password, roles: ['duty_officer'], unitCode: 'SPOC', locale: 'en', mustChangePassword: false });
// An officer of a small unit: the NCB holds 200 of the open requests (every 500th).
const ncb = (await findUnitByCode(database.db, 'NCB'))!;
const smallUser = `${username}ncb`;
await createUser(ctx, { username: smallUser, displayName: 'Bench NCB', password, roles: ['duty_officer'], unitCode: 'NCB', locale: 'en', mustChangePassword: false });

// Fill: N open incoming requests of the bench user's unit, spread over channels, countries, urgencies and deadlines.
const t0 = performance.now();
await database.db.execute(sql`
  INSERT INTO request (reference, direction, channel, channel_reason, country_code, counterpart_authority, urgent, urgency_reason, access,
    received_at, language, handling_code, europol_copy, europol_copy_reason, subject, information_sought, purpose, status, unit_id,
    regime_id, clock_start_at, due_at, created_at, updated_at)
  SELECT 'BENCH-' || g, 'incoming', (ARRAY['siena','sirene','interpol','ptn'])[1 + g % 4], CASE WHEN g % 4 = 0 THEN NULL ELSE 'a_third_country' END,
    (ARRAY['DE','PL','NO','FI','DK','FR','ES','IT','NL','EE'])[1 + g % 10], 'SPOC', g % 5 = 0, CASE WHEN g % 5 = 0 THEN 'public_security' END, 'direct',
    now() - (g % 500) * interval '1 hour', 'en', 'H0', false, 'n/a', 'Bench request ' || g || ' ' || (ARRAY['fraud','robbery','vehicle','address','phone','money laundering','trafficking'])[1 + g % 7], 'Information sought', 'Purpose',
    (ARRAY['received','assigned','in_progress'])[1 + g % 3], CASE WHEN g % 500 = 0 THEN ${ncb.id}::uuid ELSE ${spoc.id}::uuid END, 'eu-2023-977', now() - (g % 500) * interval '1 hour',
    now() - (g % 500) * interval '1 hour' + CASE WHEN g % 5 = 0 THEN interval '8 hours' ELSE interval '7 days' END, now(), now()
  FROM generate_series(1, ${N}) AS g`);
// Their references: every request has one (the search finds one of them by a part of it).
await database.db.execute(sql`UPDATE request SET counterpart_reference = 'EU-' || country_code || '-2026/' || lpad(substr(reference, 7), 6, '0') WHERE reference LIKE 'BENCH-%'`);
// 100,000 closed requests too: the queue and its count must not read them.
await database.db.execute(sql`
  INSERT INTO request (reference, direction, channel, country_code, counterpart_authority, urgent, access, received_at, language, handling_code,
    europol_copy, subject, information_sought, purpose, status, unit_id, regime_id, clock_start_at, due_at, created_at, updated_at)
  SELECT 'CLOSED-' || g, 'incoming', 'siena', 'DE', 'SPOC', false, 'direct', now() - interval '400 days', 'en', 'H0', false, 'Closed ' || g,
    'Information sought', 'Purpose', 'closed', CASE WHEN g % 500 = 0 THEN ${ncb.id}::uuid ELSE ${spoc.id}::uuid END, 'eu-2023-977',
    now() - interval '400 days', now() - interval '393 days', now(), now()
  FROM generate_series(1, ${N}) AS g`);
// What autovacuum would have done by now on a live system (the UPDATE above left a dead version of every row).
await database.db.execute(sql`VACUUM ANALYZE request`);
const fillMs = performance.now() - t0;

const devNull = fs.createWriteStream('/dev/null');
const app = await buildApp({ db: database.db, config, clock: systemClock, logger: { ...(loggerOptions('info') as object), stream: devNull } });
await app.listen({ host: '127.0.0.1', port: 0 });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
async function signIn(name: string) {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: name, password }) });
  if (login.status !== 200) throw new Error(`login answered ${login.status}: ${await login.text()}`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json', 'accept-language': 'en' };
}
const headers = await signIn(username);
const smallHeaders = await signIn(smallUser);

/** Times `n` GETs (after 20 warm-up calls) and checks each answer. */
async function timeGets(n: number, path: (i: number) => string, h: Record<string, string>, check: (body: any) => boolean): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < n + 20; i++) {
    const s = performance.now();
    const res = await fetch(`${base}${path(i)}`, { headers: h });
    const body = await res.json();
    if (res.status !== 200 || !check(body)) throw new Error(`${path(i)} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    if (i >= 20) ms.push(performance.now() - s);
  }
  return ms;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const queueMs: number[] = [];
for (let i = 0; i < Q + 20; i++) {
  const s = performance.now();
  const res = await fetch(`${base}/api/requests?status=open&limit=50`, { headers });
  const body = (await res.json()) as { items: unknown[]; total: number };
  if (res.status !== 200 || body.items.length !== 50) throw new Error(`queue answered ${res.status}`);
  if (i >= 20) queueMs.push(performance.now() - s); // the first 20 warm up
}
const filtered: number[] = [];
for (let i = 0; i < 100; i++) {
  const s = performance.now();
  await (await fetch(`${base}/api/requests?status=open&channel=sirene&country=PL&limit=50`, { headers })).json();
  filtered.push(performance.now() - s);
}
/** A request number of the big unit (every 500th belongs to the NCB). */
const spocRequest = (i: number) => { const g = 1 + ((i * 37) % (N - 1)); return g % 500 === 0 ? g + 1 : g; };
const smallQueue = await timeGets(Q, () => '/api/requests?status=open&limit=50', smallHeaders, (b) => b.items.length === Math.min(50, Math.floor(N / 500)) && b.total === Math.floor(N / 500));
// Search: a part of another country's reference (a different one each time), and a subject word shared by 1/7 of all.
const searchRef = await timeGets(Q, (i) => `/api/desk/search?q=${encodeURIComponent(`2026/${String(spocRequest(i)).padStart(6, '0')}`)}`, headers, (b) => b.items.length >= 1);
const searchWord = await timeGets(Q, () => '/api/desk/search?q=robbery&status=open', headers, (b) => b.items.length === Math.min(50, Math.floor(N / 7)));

const payload = JSON.stringify(buildRequest({ receivedAt: new Date().toISOString(), persons: [{ fullName: 'Erika Mustermann', aliases: [], gender: 'female', nationalities: ['DE'], documents: [], category: 'suspect', nature: 'fact', reliability: 'B', accuracy: '2' }] }));
const r0 = performance.now();
let next = 0;
const worker = async () => {
  while (next < R) {
    next++;
    const res = await fetch(`${base}/api/requests`, { method: 'POST', headers, body: payload });
    if (res.status !== 201) throw new Error(`registration answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  }
};
await Promise.all(Array.from({ length: 4 }, worker));
const regPerSec = R / ((performance.now() - r0) / 1000);

await app.close();
await database.close();
target.stop();
if (dir) fs.rmSync(dir, { recursive: true, force: true });
fs.rmSync(keyDir, { recursive: true, force: true });
const f = (x: number) => x.toFixed(1);
console.log(`engine: ${target.note}; ${N} open + ${N} closed requests; ${Q} calls per figure; ${R} registrations (4 concurrent); request logging on; ${loadLine()}`);
console.log(`desk_${engine}_fill_100k_s: ${(fillMs / 1000).toFixed(1)}`);
console.log(`desk_${engine}_queue_first_page_p50_ms: ${f(pct(queueMs, 50))}`);
console.log(`desk_${engine}_queue_first_page_p95_ms: ${f(pct(queueMs, 95))}`);
console.log(`desk_${engine}_queue_first_page_p99_ms: ${f(pct(queueMs, 99))}`);
console.log(`desk_${engine}_queue_filtered_p95_ms: ${f(pct(filtered, 95))}`);
console.log(`desk_${engine}_queue_small_unit_p50_ms: ${f(pct(smallQueue, 50))}`);
console.log(`desk_${engine}_queue_small_unit_p95_ms: ${f(pct(smallQueue, 95))}`);
console.log(`desk_${engine}_search_foreign_reference_p50_ms: ${f(pct(searchRef, 50))}`);
console.log(`desk_${engine}_search_foreign_reference_p95_ms: ${f(pct(searchRef, 95))}`);
console.log(`desk_${engine}_search_subject_word_p50_ms: ${f(pct(searchWord, 50))}`);
console.log(`desk_${engine}_search_subject_word_p95_ms: ${f(pct(searchWord, 95))}`);
console.log(`desk_${engine}_registrations_per_s: ${f(regPerSec)}`);
