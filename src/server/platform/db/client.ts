/**
 * The database handle: embedded PGlite (default, data in DATA_DIR) or PostgreSQL 15 (DATABASE_URL).
 * Both speak the same SQL; everything above this file sees one Drizzle type.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { schema, type Schema } from '../../schema.ts';

/** The one database type every repository takes; a transaction handle is also a Db. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  close(): Promise<void>;
}

const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../migrations');

/** Opens the embedded database; one process owns a data folder at a time (a lock file says which). */
export async function openPglite(dataDir: string | null): Promise<Database> {
  let release = () => {};
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    release = takeLock(path.join(dataDir, 'polsam.lock'));
  }
  const client = await PGlite.create(dataDir ? path.join(dataDir, 'pg') : undefined, { extensions: { pg_trgm } });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    async close() {
      await client.close();
      release();
    },
  };
}

/** Opens a PostgreSQL pool. */
export async function openPostgres(url: string, max = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return { db, engine: 'postgres', close: () => pool.end() };
}

/** Applies pending migrations; on PostgreSQL under an advisory lock so concurrent starts do not race. */
export async function runMigrations(database: Database): Promise<void> {
  if (database.engine === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder });
    return;
  }
  await database.db.execute(sql`SELECT pg_advisory_lock(774411)`);
  try {
    await migratePg(database.db as never, { migrationsFolder });
  } finally {
    await database.db.execute(sql`SELECT pg_advisory_unlock(774411)`);
  }
}

function takeLock(file: string): () => void {
  try {
    const fd = fs.openSync(file, 'wx');
    fs.writeSync(fd, String(process.pid));
    fs.closeSync(fd);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const pid = Number(fs.readFileSync(file, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(`The data folder is in use by process ${pid} (${file}). Stop it or use another DATA_DIR.`);
    }
    // A stale lock from a process that died: take it over.
    fs.writeFileSync(file, String(process.pid));
  }
  return () => {
    try {
      if (Number(fs.readFileSync(file, 'utf8')) === process.pid) fs.unlinkSync(file);
    } catch {
      /* already gone */
    }
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Rows of a raw query, whichever driver ran it. */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}
