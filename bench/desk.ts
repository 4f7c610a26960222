/**
 * Desk benchmark (issue: SPOC desk): fills 100,000 open requests, then measures the duty-queue API
 * (first page, over loopback HTTP, p50/p95/p99) and request registration throughput through the API.
 * Embedded PGlite by default; PostgreSQL when DATABASE_URL is set. Prints `metric: value` lines.
 *   npm run bench:desk [-- --requests 100000 --queries 300 --registrations 500]
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

const { values } = parseArgs({ options: { requests: { type: 'string', default: '100000' }, queries: { type: 'string', default: '300' }, registrations: { type: 'string', default: '500' } } });
const N = Number(values.requests), Q = Number(values.queries), R = Number(values.registrations);
const url = process.env.DATABASE_URL;
const engine = url ? 'postgres' : 'pglite';
const dir = url ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'polsam-bench-desk-'));
const database = url ? await openPostgres(url) : await openPglite(dir);
await runMigrations(database);
const config = loadConfig({ NODE_ENV: 'production', COOKIE_SECURE: 'false', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv);
await firstStart(database, systemClock, config);
const ctx = systemCtx(database.db, systemClock, 'SE');
const spoc = (await findUnitByCode(database.db, 'SPOC'))!;
const username = `bench${Date.now()}`;
const password = 'bench password 2026';
await createUser(ctx, { username, displayName: 'Bench', password, roles: ['duty_officer'], unitCode: 'SPOC', locale: 'en', mustChangePassword: false });

// Fill: N open incoming requests of the bench user's unit, spread over channels, countries, urgencies and deadlines.
const t0 = performance.now();
await database.db.execute(sql`
  INSERT INTO request (reference, direction, channel, channel_reason, country_code, counterpart_authority, urgent, urgency_reason, access,
    received_at, language, handling_code, europol_copy, europol_copy_reason, subject, information_sought, purpose, status, unit_id,
    regime_id, clock_start_at, due_at, created_at, updated_at)
  SELECT 'BENCH-' || g, 'incoming', (ARRAY['siena','sirene','interpol','ptn'])[1 + g % 4], CASE WHEN g % 4 = 0 THEN NULL ELSE 'a_third_country' END,
    (ARRAY['DE','PL','NO','FI','DK','FR','ES','IT','NL','EE'])[1 + g % 10], 'SPOC', g % 5 = 0, CASE WHEN g % 5 = 0 THEN 'public_security' END, 'direct',
    now() - (g % 500) * interval '1 hour', 'en', 'H0', false, 'n/a', 'Bench request ' || g, 'Information sought', 'Purpose',
    (ARRAY['received','assigned','in_progress'])[1 + g % 3], ${spoc.id}::uuid, 'eu-2023-977', now() - (g % 500) * interval '1 hour',
    now() - (g % 500) * interval '1 hour' + CASE WHEN g % 5 = 0 THEN interval '8 hours' ELSE interval '7 days' END, now(), now()
  FROM generate_series(1, ${N}) AS g`);
await database.db.execute(sql`ANALYZE request`);
const fillMs = performance.now() - t0;

const app = await buildApp({ db: database.db, config, clock: systemClock, logger: false });
await app.listen({ host: '127.0.0.1', port: 0 });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
const cookie = login.headers.get('set-cookie')!.split(';')[0];
const { csrfToken } = (await login.json()) as { csrfToken: string };
const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json', 'accept-language': 'en' };

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
if (dir) fs.rmSync(dir, { recursive: true, force: true });
const f = (x: number) => x.toFixed(1);
console.log(`engine: ${engine}; ${N} open requests; ${Q} queue calls; ${R} registrations (4 concurrent); node ${process.version}; ${os.cpus().length} cores`);
console.log(`desk_${engine}_fill_100k_s: ${(fillMs / 1000).toFixed(1)}`);
console.log(`desk_${engine}_queue_first_page_p50_ms: ${f(pct(queueMs, 50))}`);
console.log(`desk_${engine}_queue_first_page_p95_ms: ${f(pct(queueMs, 95))}`);
console.log(`desk_${engine}_queue_first_page_p99_ms: ${f(pct(queueMs, 99))}`);
console.log(`desk_${engine}_queue_filtered_p95_ms: ${f(pct(filtered, 95))}`);
console.log(`desk_${engine}_registrations_per_s: ${f(regPerSec)}`);
