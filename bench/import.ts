/**
 * Import benchmark (issue 5, FAST): generates N notices in the Interpol public notices JSON shape, writes them to
 * a file, and measures parse + import into the FAST register (batched, idempotent), then a full re-import of the
 * same file (must insert nothing). Embedded PGlite by default; `--pg` starts a private PostgreSQL 15 (fsync on);
 * DATABASE_URL uses yours.
 *   npm run bench:import [-- --pg] [-- --notices 100000] [-- --no-index]   (--no-index: without the matching index)
 * Prints `metric_name: value` lines.
 */
import { parseArgs } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/server/platform/config.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { systemCtx } from '../src/server/platform/context.ts';
import { openPglite, openPostgres, rowsOf, runMigrations } from '../src/server/platform/db/client.ts';
import { firstStart } from '../src/server/bootstrap.ts';
import { importNotices, parseInterpolDocument } from '../src/server/modules/wanted/index.ts';
import { installMatching } from '../src/server/modules/matching/index.ts';
import { benchDatabaseUrl, loadLine } from './support/postgres.ts';

const { values } = parseArgs({ options: {
  notices: { type: 'string', default: '100000' }, 'no-index': { type: 'boolean', default: false },
  pg: { type: 'boolean', default: false }, 'pg-unsafe': { type: 'boolean', default: false },
} });
// As in the server and the CLI, every imported notice goes to the matching index in the import's transaction.
const indexed = !values['no-index'];
if (indexed) installMatching();
const N = Number(values.notices);
const target = await benchDatabaseUrl();
const url = target.url;
const dir = url ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'polsam-bench-import-'));
const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'polsam-bench-import-keys-'));
const database = url ? await openPostgres(url) : await openPglite(dir);
await runMigrations(database);
const config = loadConfig({ NODE_ENV: 'production', COOKIE_SECURE: 'false', LOG_LEVEL: 'silent', DATA_DIR: dir ?? keyDir } as NodeJS.ProcessEnv);
await firstStart(database, systemClock, config);
const ctx = systemCtx(database.db, systemClock, 'SE');

// Names in several scripts, as Red Notices carry them.
const FORENAMES = ['JOHN', 'MARIA', 'AHMED', 'IVAN', 'WEI', 'FATIMA', 'JOSÉ', 'ОЛЕГ', 'محمد', 'ANNA', 'YUKI', 'PIOTR'];
const NAMES = ['SMITH', 'GARCIA', 'HASSAN', 'PETROV', 'ZHANG', 'AL-SAYED', 'NOWAK', 'ИВАНОВ', 'علي', 'KOWALSKI', 'TANAKA', 'MÜLLER'];
const COUNTRIES = ['GB', 'ES', 'RU', 'CN', 'EG', 'PL', 'DE', 'FR', 'IT', 'NL', 'TR', 'BR'];
const CHARGES = ['Murder', 'Drug trafficking', 'Armed robbery', 'Fraud', 'Human trafficking', 'Kidnapping'];
function notice(i: number) {
  // Unique entity ids "YYYY/N" (N ≤ 100000 per year), as the public API numbers them.
  const year = 2000 + Math.floor(i / 100_000);
  const seq = (i % 100_000) + 1;
  const c = COUNTRIES[i % COUNTRIES.length];
  return {
    entity_id: `${year}/${seq}`,
    forename: `${FORENAMES[i % FORENAMES.length]} ${FORENAMES[(i * 7) % FORENAMES.length]}`,
    name: `${NAMES[(i * 3) % NAMES.length]}${i % 5 === 0 ? '-' + NAMES[(i * 11) % NAMES.length] : ''}`,
    date_of_birth: `${1950 + (i % 50)}/${String((i % 12) + 1).padStart(2, '0')}/${String((i % 28) + 1).padStart(2, '0')}`,
    nationalities: [c],
    sex_id: i % 3 === 0 ? 'F' : 'M',
    place_of_birth: 'CITY', country_of_birth_id: c, height: 1.7 + (i % 30) / 100, weight: 60 + (i % 40),
    distinguishing_marks: i % 4 === 0 ? 'Tattoo on the right forearm' : null,
    arrest_warrants: [{ issuing_country_id: c, charge: CHARGES[i % CHARGES.length], charge_translation: null }],
    _links: { self: { href: `https://ws-public.interpol.int/notices/v1/red/${year}-${seq}` } },
  };
}

const file = path.join(os.tmpdir(), `polsam-bench-notices-${process.pid}.json`);
const g0 = performance.now();
fs.writeFileSync(file, JSON.stringify({ total: N, query: { page: 1, resultPerPage: N }, _embedded: { notices: Array.from({ length: N }, (_, i) => notice(i)) } }));
const generateMs = performance.now() - g0;
const fileMb = fs.statSync(file).size / 1048576;

async function run() {
  const t0 = performance.now();
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  const parsed = parseInterpolDocument(doc);
  const parseMs = performance.now() - t0;
  const result = await importNotices(ctx, parsed);
  return { ms: performance.now() - t0, parseMs, result };
}

const first = await run();
const second = await run();
const stored = rowsOf<{ n: number }>(await database.db.execute(sql`SELECT count(*)::int AS n FROM wanted_person WHERE source = 'interpol'`))[0].n;
const peakRssMb = process.resourceUsage().maxRSS / 1024;

await database.close();
fs.rmSync(file, { force: true });
if (dir) fs.rmSync(dir, { recursive: true, force: true });
fs.rmSync(keyDir, { recursive: true, force: true });
target.stop();

console.log(`engine: ${target.note}; ${loadLine()}`);
console.log(`matching_index: ${indexed ? 'on' : 'off'}`);
console.log(`import_notices: ${N}`);
console.log(`import_file_mb: ${fileMb.toFixed(1)}`);
console.log(`import_generate_ms: ${generateMs.toFixed(0)}`);
console.log(`import_parse_ms: ${first.parseMs.toFixed(0)}`);
console.log(`import_total_s: ${(first.ms / 1000).toFixed(2)}`);
console.log(`import_notices_per_s: ${(N / (first.ms / 1000)).toFixed(0)}`);
console.log(`import_inserted: ${first.result.inserted}`);
console.log(`import_errors: ${first.result.errors.length}`);
console.log(`reimport_total_s: ${(second.ms / 1000).toFixed(2)}`);
console.log(`reimport_inserted: ${second.result.inserted}`);
console.log(`stored_persons: ${stored}`);
console.log(`peak_rss_mb: ${peakRssMb.toFixed(0)}`);
