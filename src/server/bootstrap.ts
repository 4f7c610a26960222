/** Opening the database for a process: engine choice, migrations, reference data, first administrator. */
import { randomBytes } from 'node:crypto';
import type { Config } from './platform/config.ts';
import type { Clock } from './platform/clock.ts';
import { systemCtx } from './platform/context.ts';
import { openPglite, openPostgres, runMigrations, type Database } from './platform/db/client.ts';
import { configureAuditSigner } from './platform/audit/audit-key.ts';
import { createUser, ensureUnit, userCount } from './modules/identity/index.ts';
import { seedAuthorities } from './modules/reference/index.ts';
import { installMatching } from './modules/matching/index.ts';

/** Opens PostgreSQL when DATABASE_URL is set, else the embedded database, and migrates it. */
export async function openDatabase(config: Config): Promise<Database> {
  const database = config.DATABASE_URL ? await openPostgres(config.DATABASE_URL) : await openPglite(config.DATA_DIR);
  await runMigrations(database);
  // Cross-checking is active for every process that stores persons: server, CLI, demo data.
  installMatching();
  return database;
}

/** The SPOC's standing units (Dir. (EU) 2023/977 Art 15(2): the SPOC includes Europol NU, SIRENE and the Interpol NCB). */
export const DEFAULT_UNITS = [
  { code: 'SPOC', name: 'SPOC – Internationella enheten' },
  { code: 'SIRENE', name: 'SIRENE' },
  { code: 'NCB', name: 'Interpol NCB' },
  { code: 'ENU', name: 'Europol National Unit' },
  { code: 'FAST', name: 'FAST' },
  { code: 'PEACE', name: 'Fredsfrämjande insatser' },
  { code: 'STRAT', name: 'Strategiskt samarbete' },
  { code: 'DEV', name: 'Utvecklingssamarbete' },
];

/**
 * First start: units and authorities, and an administrator with a random password that is printed
 * once (returned to the caller) and must be changed at first login. Nothing happens on later starts.
 */
export async function firstStart(database: Database, clock: Clock, config: Config): Promise<{ username: string; password: string } | null> {
  // Every process that writes audit checkpoints (server, CLI, tests) needs the key kept outside the database.
  await configureAuditSigner(config);
  const ctx = systemCtx(database.db, clock, config.NODE_COUNTRY);
  for (const u of DEFAULT_UNITS) await ensureUnit(ctx, u.code, u.name);
  await seedAuthorities(ctx);
  if ((await userCount(ctx)) > 0) return null;
  const password = randomBytes(12).toString('base64url');
  await createUser(ctx, { username: 'admin', displayName: 'Administrator', password, roles: ['administrator'], unitCode: 'SPOC', locale: 'sv' }, { mustChangePassword: true });
  return { username: 'admin', password };
}
