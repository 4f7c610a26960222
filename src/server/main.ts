/** Start-up: config → database → migrations → first start / demo → jobs → HTTP. Stops cleanly on SIGTERM. */
import { loadConfig } from './platform/config.ts';
import { systemClock } from './platform/clock.ts';
import { systemCtx } from './platform/context.ts';
import { startJobRunner } from './platform/jobs/job.service.ts';
import { startAuditSealer } from './platform/audit/audit.seal.ts';
import { buildApp } from './http/app.ts';
import { loggerOptions } from './http/logging.ts';
import { allJobs } from './jobs.ts';
import { firstStart, openDatabase } from './bootstrap.ts';
import { loadDemoData } from './demo.ts';
import { startDelivery } from './modules/federation/index.ts';
import { startDropFolder } from './modules/channels/index.ts';

const config = loadConfig();
const database = await openDatabase(config);
const admin = await firstStart(database, systemClock, config);
const demo = config.demo ? await loadDemoData(database, systemClock, config) : null;

const app = await buildApp({ db: database.db, config, clock: systemClock, logger: loggerOptions(config.LOG_LEVEL) });
const stopJobs = startJobRunner(systemCtx(database.db, systemClock, config.NODE_COUNTRY), allJobs, config.JOB_POLL_MS, (e) => app.log.error({ err: e }, 'job runner'));
// Links committed audit entries into the hash chain (writers take no shared lock).
const stopSealer = startAuditSealer(systemCtx(database.db, systemClock, config.NODE_COUNTRY), config.AUDIT_SEAL_MS, (e) => app.log.error({ err: e }, 'audit sealer'));
const stopFederation = startDelivery(systemCtx(database.db, systemClock, config.NODE_COUNTRY), (e) => app.log.error({ err: e }, 'federation delivery'));
const stopDropFolder = startDropFolder(systemCtx(database.db, systemClock, config.NODE_COUNTRY),
  { dropDir: config.CHANNEL_DROP_DIR ?? null, scanMs: config.CHANNEL_SCAN_MS, settleMs: config.CHANNEL_SETTLE_MS }, (e) => app.log.error({ err: e }, 'channel drop folder'));
await app.listen({ host: config.HOST, port: config.PORT });

const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
const lines = [`Polsam is running at ${url}  (database: ${database.engine})`];
if (admin) lines.push(`First start: administrator "${admin.username}" with password "${admin.password}" (shown once; change it at first login).`);
if (demo) lines.push(`Demo data: sign in as ${demo.users.map((u) => `"${u}"`).join(', ')} with password "${demo.password}" (fictional persons and requests).`);
console.log(lines.join('\n'));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    await stopJobs();
    await stopSealer();
    await stopFederation();
    await stopDropFolder();
    await database.close();
    process.exit(0);
  });
}
