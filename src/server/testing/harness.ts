/**
 * Test harness: a fresh database per call — in-memory PGlite by default, or a new PostgreSQL database
 * when TEST_DATABASE_URL is set (CI runs every DB test on both) — and an app with factories.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Role } from '../../shared/domain.ts';
import type { CreateRequestInput } from '../../shared/exchange.schemas.ts';
import { ManualClock } from '../platform/clock.ts';
import { loadConfig, type Config } from '../platform/config.ts';
import { systemCtx, type Actor, type Ctx } from '../platform/context.ts';
import { openPglite, openPostgres, runMigrations, type Database } from '../platform/db/client.ts';
import { buildApp, type App } from '../http/app.ts';
import { firstStart } from '../bootstrap.ts';
import { createUser, findUnitByCode } from '../modules/identity/index.ts';


export const TEST_PASSWORD = 'correct horse battery staple';

/** Opens a fresh, migrated database; close() drops it again on PostgreSQL. */
export async function createTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const db = await openPglite(null);
    await runMigrations(db);
    return db;
  }
  const name = `polsam_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await openPostgres(u.toString(), 5);
  await runMigrations(db);
  return {
    ...db,
    async close() {
      await db.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export interface TestEnv {
  app: App;
  database: Database;
  clock: ManualClock;
  config: Config;
  /** A system context (no actor) on the test database. */
  ctx: Ctx;
  /** Creates a user (unit SPOC unless given) and returns its actor. */
  buildUser(o?: { roles?: Role[]; unit?: string; username?: string }): Promise<Actor>;
  /** Signs a user in over HTTP and returns a client that sends its cookie and CSRF token. */
  login(actor: Actor, locale?: 'sv' | 'en'): Promise<Client>;
  close(): Promise<void>;
}

export interface Client {
  actor: Actor;
  get(url: string): Promise<Res>;
  post(url: string, body?: unknown): Promise<Res>;
  put(url: string, body?: unknown): Promise<Res>;
  raw(opts: { method: 'GET' | 'POST'; url: string; headers?: Record<string, string>; payload?: unknown }): Promise<Res>;
}
export interface Res { status: number; body: any; headers: Record<string, unknown>; raw: string }

/** Builds a test environment at a fixed moment (a Monday in November, Stockholm winter time). */
export async function createTestEnv(opts: { now?: string; database?: Database; env?: Record<string, string> } = {}): Promise<TestEnv> {
  const database = opts.database ?? (await createTestDatabase());
  const clock = new ManualClock(opts.now ?? '2026-11-23T09:00:00Z');
  // Second factors are off and idle sessions live as long as sessions do, unless a test asks otherwise: many tests
  // move the clock by hours between calls of one session.
  const config = loadConfig({ NODE_ENV: 'test', UPLOAD_MAX_BYTES: String(64 * 1024), MFA_REQUIRED_ROLES: 'none', SESSION_IDLE_MINUTES: String(24 * 60), ...opts.env } as NodeJS.ProcessEnv);
  await firstStart(database, clock, config);
  const app = await buildApp({ db: database.db, config, clock });
  const ctx = systemCtx(database.db, clock, config.NODE_COUNTRY);
  const env: TestEnv = {
    app, database, clock, config, ctx,
    async buildUser(o = {}) {
      const username = o.username ?? `u${randomUUID().slice(0, 8)}`;
      const user = await createUser(ctx, { username, displayName: `Test ${username}`, password: TEST_PASSWORD, roles: o.roles ?? ['case_officer'], unitCode: o.unit ?? 'SPOC', locale: 'sv', mustChangePassword: false });
      const unit = await findUnitByCode(database.db, o.unit ?? 'SPOC');
      return { id: user.id, username, displayName: user.displayName, roles: user.roles as Role[], unitId: unit!.id };
    },
    async login(actor, locale = 'en') {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: actor.username, password: TEST_PASSWORD } });
      if (r.statusCode !== 200) throw new Error(`login failed: ${r.body}`);
      const cookie = r.cookies.find((c) => c.name === 'polsam_session')!;
      const csrf = JSON.parse(r.body).csrfToken as string;
      const send = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers: Record<string, string> = {}) => {
        const res = await app.inject({ method, url, payload: payload as never, cookies: { polsam_session: cookie.value }, headers: { 'accept-language': locale, 'x-csrf-token': csrf, ...headers } });
        let body: unknown = res.body;
        try { body = JSON.parse(res.body); } catch { /* not JSON */ }
        return { status: res.statusCode, body, headers: res.headers as Record<string, unknown>, raw: res.body };
      };
      return {
        actor,
        get: (url) => send('GET', url),
        post: (url, body) => send('POST', url, body ?? {}),
        put: (url, body) => send('PUT', url, body ?? {}),
        raw: (o) => send(o.method, o.url, o.payload, o.headers),
      };
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
  return env;
}

/** A valid incoming request body; override what a test is about. */
export function buildRequest(o: Partial<CreateRequestInput> = {}): CreateRequestInput {
  return {
    direction: 'incoming', channel: 'siena', countryCode: 'DE', counterpartAuthority: 'BKA SPOC', urgent: false, access: 'direct',
    receivedAt: '2026-11-23T08:00:00Z', language: 'de', handlingCode: 'H0', europolCopy: false,
    europolCopyReason: 'Not within Europol objectives', subject: 'Vehicle owner', informationSought: 'Owner of a vehicle',
    purpose: 'Investigation of aggravated fraud', persons: [], items: [], ...o,
  } as CreateRequestInput;
}
