/**
 * Real Polsam server processes for the federation end-to-end test and benchmark: start, kill, restart,
 * sign in, and pair two nodes through the admin API. PGlite in a temporary data folder by default, or a
 * fresh PostgreSQL database per node when TEST_DATABASE_URL is set.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { generate as generateTotp } from 'otplib';
import pg from 'pg';

export interface NodeProc {
  country: string;
  port: number;
  url: string;
  dataDir: string;
  databaseUrl?: string;
  proc: ChildProcess | null;
  adminPassword: string | null;
  env: Record<string, string>;
  log: string[];
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
    s.on('error', reject);
  });
}

/** Creates a fresh PostgreSQL database for a node when TEST_DATABASE_URL is set. */
async function nodeDatabase(): Promise<string | undefined> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return undefined;
  const name = `polsam_fed_${randomBytes(5).toString('hex')}`;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function dropNodeDatabase(n: NodeProc): Promise<void> {
  if (!n.databaseUrl || !process.env.TEST_DATABASE_URL) return;
  const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${new URL(n.databaseUrl).pathname.slice(1)} WITH (FORCE)`);
  await c.end();
}

/** Describes a node (not yet started). */
export async function defineNode(country: string, extraEnv: Record<string, string> = {}): Promise<NodeProc> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `polsam-${country}-`));
  const databaseUrl = await nodeDatabase();
  const env: Record<string, string> = {
    PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, NODE_COUNTRY: country, DEMO: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'production',
    COOKIE_SECURE: 'false', JOB_POLL_MS: '5000', FEDERATION_POLL_MS: '100', FEDERATION_BACKOFF_BASE_MS: '200', FEDERATION_BACKOFF_MAX_MS: '2000',
    FEDERATION_TIMEOUT_MS: '5000', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), ...extraEnv,
  };
  return { country, port, url: `http://127.0.0.1:${port}`, dataDir, databaseUrl, proc: null, adminPassword: null, env, log: [] };
}

/** Starts the node's server process and waits until it listens. */
export async function startNode(n: NodeProc, timeoutMs = 180_000): Promise<void> {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root, env: { ...process.env, ...n.env, TEST_DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  n.proc = proc;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${n.country} did not start:\n${n.log.slice(-20).join('')}`)), timeoutMs);
    const onData = (d: Buffer) => {
      const s = d.toString();
      n.log.push(s);
      if (n.log.length > 200) n.log.shift();
      const m = /administrator "admin" with password "([^"]+)"/.exec(s);
      if (m) n.adminPassword = m[1];
      if (s.includes('Polsam is running')) { clearTimeout(timer); resolve(); }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (d: Buffer) => { n.log.push(d.toString()); });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`${n.country} exited with ${code}:\n${n.log.slice(-20).join('')}`)); });
  });
}

/** SIGKILLs the node's process (no clean shutdown) and waits for it to be gone. */
export async function killNode(n: NodeProc, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  const p = n.proc;
  if (!p || p.exitCode !== null || p.signalCode !== null) return;
  const gone = new Promise((r) => p.once('exit', r));
  p.kill(signal);
  await gone;
  n.proc = null;
}

/** A signed-in API client (session cookie + CSRF token) that survives restarts of the node. */
export class ApiClient {
  private cookie = '';
  private csrf = '';
  constructor(private n: NodeProc, private username: string, private password: string) {}

  /** Signs in; a temporary (first-start) password is replaced first, as the server demands. */
  async login(): Promise<void> {
    const r = await fetch(`${this.n.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: this.username, password: this.password }) });
    if (r.status !== 200) throw new Error(`login ${this.username}@${this.n.country}: ${r.status} ${await r.text()}`);
    this.cookie = (r.headers.get('set-cookie') ?? '').split(';')[0];
    const s = (await r.json()) as { csrfToken: string; user: { mustChangePassword?: boolean; secondFactorRequired?: boolean } };
    this.csrf = s.csrfToken;
    if (s.user.mustChangePassword) {
      const next = `pw-${randomUUID()}`;
      const c = await this.call('POST', '/api/auth/password', { currentPassword: this.password, newPassword: next });
      if (c.status !== 204) throw new Error(`password change ${this.username}@${this.n.country}: ${c.status} ${JSON.stringify(c.body)}`);
      this.password = next;
      await this.login();
    } else if (s.user.secondFactorRequired) {
      // In production an administrator must enrol an authenticator first: this client is one (RFC 6238).
      const b = await this.call<{ secret: string }>('POST', '/api/auth/totp/begin', { password: this.password });
      if (b.status !== 200) throw new Error(`second factor ${this.username}@${this.n.country}: ${b.status} ${JSON.stringify(b.body)}`);
      const c = await this.call('POST', '/api/auth/totp/confirm', { code: await generateTotp({ secret: b.body.secret }) });
      if (c.status !== 204) throw new Error(`second factor ${this.username}@${this.n.country}: ${c.status} ${JSON.stringify(c.body)}`);
    }
  }

  async call<T = any>(method: string, url: string, body?: unknown): Promise<{ status: number; body: T }> {
    const r = await fetch(`${this.n.url}${url}`, {
      method, headers: { cookie: this.cookie, 'x-csrf-token': this.csrf, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined, signal: AbortSignal.timeout(30_000),
    });
    const text = await r.text();
    let parsed: unknown = text;
    try { parsed = JSON.parse(text); } catch { /* not JSON */ }
    return { status: r.status, body: parsed as T };
  }
}

/** Signs in as the first-start administrator and creates an officer; returns both clients. */
export async function setUpUsers(n: NodeProc): Promise<{ admin: ApiClient; officer: ApiClient }> {
  if (!n.adminPassword) throw new Error(`no administrator password seen for ${n.country}`);
  const admin = new ApiClient(n, 'admin', n.adminPassword);
  await admin.login();
  const password = `pw-${randomUUID()}`;
  const r = await admin.call('POST', '/api/admin/users', { username: 'officer', displayName: `Officer ${n.country}`, password, roles: ['case_officer', 'duty_officer'], unitCode: 'SPOC', locale: 'en', mustChangePassword: false });
  if (r.status !== 201) throw new Error(`create officer: ${r.status} ${JSON.stringify(r.body)}`);
  const officer = new ApiClient(n, 'officer', password);
  await officer.login();
  return { admin, officer };
}

/** Registers each node as the other's peer through the admin API. */
export async function pair(a: { node: NodeProc; admin: ApiClient }, b: { node: NodeProc; admin: ApiClient }): Promise<void> {
  const ia = (await a.admin.call('GET', '/api/federation/node')).body;
  const ib = (await b.admin.call('GET', '/api/federation/node')).body;
  for (const [self, other, info] of [[a, b, ib], [b, a, ia]] as const) {
    const r = await self.admin.call('POST', '/api/federation/peers', { nodeId: info.nodeId, countryCode: info.countryCode, name: `Polsam ${info.countryCode}`, endpointUrl: other.node.url, publicKey: info.publicKey });
    if (r.status !== 201) throw new Error(`pair: ${r.status} ${JSON.stringify(r.body)}`);
  }
}

/** Fetches every page of a list endpoint (`items`, limit/offset). */
export async function allPages<T>(c: ApiClient, url: string, pageSize = 200): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const r = await c.call<{ items: T[] }>('GET', `${url}${url.includes('?') ? '&' : '?'}limit=${pageSize}&offset=${offset}`);
    if (r.status !== 200) throw new Error(`${url}: ${r.status} ${JSON.stringify(r.body)}`);
    out.push(...r.body.items);
    if (r.body.items.length < pageSize) return out;
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
