/** The red-team review's findings (issue 11), each as the behaviour a user or an attacker would notice. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { generate } from 'otplib';
import { buildRequest, createTestEnv, TEST_PASSWORD, type TestEnv } from '../testing/harness.ts';
import { buildApp } from './app.ts';
import { loadConfig } from '../platform/config.ts';
import { loggerOptions } from './logging.ts';
import { appUser } from '../modules/identity/index.ts';

let env: TestEnv;
before(async () => { env = await createTestEnv({ env: { SESSION_IDLE_MINUTES: '30' } }); });
after(() => env.close());

const rowsOf = (r: unknown) => ((r as { rows?: unknown[] }).rows ?? (r as unknown[])) as Record<string, unknown>[];
const count = async (e: TestEnv, table: string) => Number(rowsOf(await e.database.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0].n);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

test('item 2: a production server on the embedded database has no demo accounts', async () => {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'polsam-prod-'));
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', DEMO: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  try {
    const deadline = Date.now() + 180_000; // a cold start on a busy machine
    while (!out.includes('Polsam is running') && Date.now() < deadline && proc.exitCode === null) await new Promise((r) => setTimeout(r, 200));
    assert.match(out, /Polsam is running/, out);
    assert.doesNotMatch(out, /Demo data/);
    const r = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'jour', password: 'polsam-demo-2026' }) });
    assert.equal(r.status, 401);
  } finally {
    proc.kill('SIGTERM');
    await new Promise((r) => proc.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('item 5: changing or removing the second factor needs the password and a current code', async () => {
  const u = await env.buildUser();
  const c = await env.login(u);
  assert.equal((await c.post('/api/auth/totp/begin', {})).status, 400);
  assert.equal((await c.post('/api/auth/totp/begin', { password: 'not my password' })).status, 400);
  const begin = await c.post('/api/auth/totp/begin', { password: TEST_PASSWORD });
  assert.equal(begin.status, 200);
  const code = async (secret: string, at = env.clock.now()) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) } as never) as Promise<string>;
  assert.equal((await c.post('/api/auth/totp/confirm', { code: await code(begin.body.secret) })).status, 204);
  env.clock.advance(31_000);
  try {
    // A session alone (or with the password only) can neither replace nor remove the factor.
    const noCode = await c.post('/api/auth/totp/begin', { password: TEST_PASSWORD });
    assert.equal(noCode.status, 400);
    assert.equal(noCode.body.fields[0].path, 'code');
    assert.equal((await c.post('/api/auth/totp/disable', { password: TEST_PASSWORD, code: '000000' })).status, 400);
    assert.equal((await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: TEST_PASSWORD } })).json().error, 'identity.totp_required');
    assert.equal((await c.post('/api/auth/totp/disable', { password: TEST_PASSWORD, code: await code(begin.body.secret) })).status, 204);
    assert.equal((await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: TEST_PASSWORD } })).statusCode, 200);
  } finally {
    env.clock.set('2026-11-23T09:00:00Z');
  }
});

test('item 5: administrators and auditors must enrol a second factor before anything else, and cannot remove it', async () => {
  const strict = await createTestEnv({ env: { MFA_REQUIRED_ROLES: 'administrator,auditor' } });
  try {
    for (const role of ['administrator', 'auditor'] as const) {
      const c = await strict.login(await strict.buildUser({ roles: [role] }));
      const blocked = await c.get(role === 'administrator' ? '/api/admin/users' : '/api/requests');
      assert.equal(blocked.status, 403);
      assert.equal(blocked.body.error, 'identity.second_factor_setup_required');
      assert.equal((await c.get('/api/auth/me')).body.user.secondFactorRequired, true);
      const begin = await c.post('/api/auth/totp/begin', { password: TEST_PASSWORD });
      const code = await generate({ secret: begin.body.secret, epoch: Math.floor(strict.clock.now().getTime() / 1000) } as never);
      assert.equal((await c.post('/api/auth/totp/confirm', { code })).status, 204);
      assert.equal((await c.get(role === 'administrator' ? '/api/admin/users' : '/api/requests')).status, 200);
      const off = await c.post('/api/auth/totp/disable', { password: TEST_PASSWORD, code });
      assert.equal(off.status, 409);
      assert.equal(off.body.error, 'identity.second_factor_mandatory');
    }
    // In production the two roles are always bound, whatever the setting says.
    assert.deepEqual(loadConfig({ NODE_ENV: 'production', MFA_REQUIRED_ROLES: 'none' } as NodeJS.ProcessEnv).mfaRoles, ['administrator', 'auditor']);
    // An officer is not bound by it unless configured.
    assert.equal((await (await strict.login(await strict.buildUser({ roles: ['case_officer'] }))).get('/api/requests')).status, 200);
  } finally {
    await strict.close();
  }
});

test('item 7: logs carry neither query-string values nor SQL parameters', async () => {
  let logged = '';
  const sink = new Writable({ write(chunk, _enc, done) { logged += chunk; done(); } });
  const app = await buildApp({ db: env.database.db, config: env.config, clock: env.clock, logger: { ...(loggerOptions('info') as object), stream: sink } });
  const taken = await env.buildUser();
  const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0c2FsdA$secret-hash-in-a-failed-insert';
  // A real failing statement (a duplicate username) whose parameters include a password hash.
  app.post('/api/__test/fail', async () => env.database.db.insert(appUser).values({ username: taken.username, displayName: 'x', passwordHash: hash, roles: ['case_officer'], unitId: taken.unitId }));
  await app.ready();
  const res = await app.inject({ method: 'POST', url: '/api/__test/fail', payload: {} });
  assert.equal(res.statusCode, 500);
  await app.inject({ method: 'GET', url: '/api/persons/search?q=Erika%20Mustermann&justification=Case%20AM-2026-1%20Mustermann' });
  await app.close();
  assert.match(logged, /unhandled error/);
  assert.match(logged, /\/api\/persons\/search\?q=\[redacted\]/);
  assert.doesNotMatch(logged, /Mustermann/);
  assert.doesNotMatch(logged, /secret-hash-in-a-failed-insert/);
});

test('item 9: auditors, FAST-only officers and administrators cannot register requests, and nothing is written', async () => {
  const before = await count(env, 'request');
  for (const roles of [['auditor'], ['fast_officer'], ['administrator']] as const) {
    const c = await env.login(await env.buildUser({ roles: [...roles], unit: roles[0] === 'fast_officer' ? 'FAST' : 'SPOC' }));
    const r = await c.post('/api/requests', buildRequest());
    assert.equal(r.status, 404, `${roles[0]}: ${r.raw}`);
  }
  assert.equal(await count(env, 'request'), before);
});

test('item 10: behind a trusted proxy, rate limits count the client address, not the proxy', async () => {
  const proxied = await createTestEnv({ env: { TRUST_PROXY: '127.0.0.1' } });
  try {
    const attempt = (client: string) => proxied.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': client }, payload: { username: 'nobody', password: 'wrong password!!' } });
    // Twelve clients, one attempt each: none is limited (without the setting they all were "127.0.0.1").
    for (let i = 0; i < 12; i++) assert.equal((await attempt(`192.0.2.${i + 1}`)).statusCode, 401);
    let last = 0;
    for (let i = 0; i < 12; i++) last = (await attempt('198.51.100.7')).statusCode;
    assert.equal(last, 429);
    const audited = rowsOf(await proxied.database.db.execute(sql`SELECT details FROM audit_event WHERE action = 'identity.login.failed' ORDER BY seq DESC LIMIT 1`));
    assert.match(JSON.stringify(audited[0]?.details), /198\.51\.100\.7|192\.0\.2\./);
  } finally {
    await proxied.close();
  }
});

test('item 10: an idle session ends; an active one lives on; it says how long it lasts unused', async () => {
  const c = await env.login(await env.buildUser());
  try {
    env.clock.advance(10 * 60_000);
    // How long is left, for the page's warning: a background read does not extend the session (20 of 30 minutes
    // left), a read the user asked for does (30 again).
    const bg = await c.raw({ method: 'GET', url: '/api/auth/me', headers: { 'x-polsam-background': '1' } });
    assert.equal(bg.status, 200);
    assert.equal(bg.body.idleRemainingMs, 20 * 60_000);
    assert.equal((await c.get('/api/auth/me')).body.idleRemainingMs, 30 * 60_000);
    env.clock.advance(29 * 60_000);
    assert.equal((await c.get('/api/auth/me')).status, 200);
    env.clock.advance(29 * 60_000);
    const me = await c.get('/api/auth/me');
    assert.equal(me.status, 200);
    assert.equal(me.body.user.idleMinutes, 30);
    env.clock.advance(31 * 60_000);
    assert.equal((await c.get('/api/auth/me')).status, 401);
  } finally {
    env.clock.set('2026-11-23T09:00:00Z');
  }
});

test('item 10: calls the page makes by itself do not keep an idle session alive', async () => {
  const c = await env.login(await env.buildUser());
  try {
    for (let i = 0; i < 3; i++) {
      env.clock.advance(10 * 60_000);
      assert.equal((await c.raw({ method: 'GET', url: '/api/requests', headers: { 'x-polsam-background': '1' } })).status, 200, `background refresh ${i}`);
    }
    // Refreshes only, and five minutes more: over the 30 idle minutes since the user last did something.
    env.clock.advance(5 * 60_000);
    assert.equal((await c.get('/api/auth/me')).status, 401);
  } finally {
    env.clock.set('2026-11-23T09:00:00Z');
  }
});

test('item 10: answers with personal data may not be cached', async () => {
  const c = await env.login(await env.buildUser({ roles: ['duty_officer'] }));
  const r = await c.post('/api/requests', buildRequest());
  const detail = await c.get(`/api/requests/${r.body.id}/persons?justification=${encodeURIComponent('Checking case AM-2026-77 for the prosecutor')}`);
  assert.equal(detail.status, 200);
  assert.equal(detail.headers['cache-control'], 'no-store');
  assert.equal((await c.get('/api/requests')).headers['cache-control'], 'no-store');
});

test('item 10: common and breached passwords are refused, however long', async () => {
  const admin = await env.login(await env.buildUser({ roles: ['administrator'] }));
  const body = { displayName: 'New User', roles: ['case_officer'], unitCode: 'SPOC' };
  for (const password of ['qwerty123456', 'Password2026!!', 'iloveyou12345', 'aaaaaaaaaaaaaa']) {
    const r = await admin.post('/api/admin/users', { ...body, username: `pw.${Math.random().toString(36).slice(2, 8)}`, password });
    assert.equal(r.status, 400, password);
    assert.equal(r.body.fields[0].path, 'password');
  }
  const own = await admin.post('/api/admin/users', { ...body, username: 'karin.lund', password: 'karin.lund-winter-2026' });
  assert.equal(own.status, 400);
  assert.equal((await admin.post('/api/admin/users', { ...body, username: 'karin.lund', password: 'seven ravens over the fjord' })).status, 201);
});
