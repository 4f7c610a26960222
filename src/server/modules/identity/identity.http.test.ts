import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { generate } from 'otplib';
import { createTestEnv, TEST_PASSWORD, buildRequest, type TestEnv } from '../../testing/harness.ts';

let env: TestEnv;
before(async () => { env = await createTestEnv(); });
after(() => env.close());

const login = (username: string, password: string, totp?: string, ip = '10.0.0.1') =>
  env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, totp }, remoteAddress: ip });

test('a correct login sets a secure, HttpOnly, SameSite=Strict session cookie and returns a CSRF token', async () => {
  const u = await env.buildUser({ roles: ['duty_officer'] });
  const r = await login(u.username, TEST_PASSWORD);
  assert.equal(r.statusCode, 200);
  const c = r.cookies.find((x) => x.name === 'polsam_session')!;
  assert.equal(c.httpOnly, true);
  assert.equal(c.sameSite, 'Strict');
  assert.ok(JSON.parse(r.body).csrfToken.length >= 20);
  const me = await env.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { polsam_session: c.value } });
  assert.equal(JSON.parse(me.body).user.username, u.username);
});

test('a wrong password and an unknown user get the same answer', async () => {
  const u = await env.buildUser();
  const a = await login(u.username, 'wrong password!!');
  const b = await login('nobody-here', 'wrong password!!');
  assert.equal(a.statusCode, 401);
  assert.equal(b.statusCode, 401);
  assert.equal(JSON.parse(a.body).error, JSON.parse(b.body).error);
});

test('five failures from one address hold that address back from that name, known or not, with growing waits', async () => {
  const u = await env.buildUser();
  for (let i = 0; i < 5; i++) assert.equal((await login(u.username, 'wrong password!!', undefined, '10.1.0.1')).statusCode, 401);
  for (let i = 0; i < 5; i++) assert.equal((await login('no-such-user', 'wrong password!!', undefined, '10.1.0.2')).statusCode, 401);
  const locked = await login(u.username, TEST_PASSWORD, undefined, '10.1.0.1');
  const unknown = await login('no-such-user', TEST_PASSWORD, undefined, '10.1.0.2');
  // The same answer for an existing, locked account and a name that does not exist.
  assert.equal(locked.statusCode, 429);
  assert.equal(unknown.statusCode, 429);
  assert.equal(JSON.parse(locked.body).error, 'identity.too_many_attempts');
  assert.deepEqual(JSON.parse(locked.body), JSON.parse(unknown.body));
  // Nobody elsewhere is locked out by it.
  assert.equal((await login(u.username, TEST_PASSWORD, undefined, '10.1.0.3')).statusCode, 200);
  env.clock.advance(61_000);
  try {
    // After the first wait one more failure doubles it.
    assert.equal((await login(u.username, 'wrong password!!', undefined, '10.1.0.1')).statusCode, 401);
    const again = await login(u.username, TEST_PASSWORD, undefined, '10.1.0.1');
    assert.equal(again.statusCode, 429);
    assert.match(JSON.parse(again.body).message, /\b2 minut/);
    env.clock.advance(121_000);
    assert.equal((await login(u.username, TEST_PASSWORD, undefined, '10.1.0.1')).statusCode, 200);
  } finally {
    env.clock.set('2026-11-23T09:00:00Z');
  }
});

test('login attempts from one address are rate limited', async () => {
  let last = 0;
  for (let i = 0; i < 12; i++) last = (await login('someone', 'wrong password!!', undefined, '10.9.9.9')).statusCode;
  assert.equal(last, 429);
});

test('with TOTP enrolled, a login needs a current code, and a code cannot be used twice', async () => {
  const u = await env.buildUser();
  const c = await env.login(u);
  const begin = await c.post('/api/auth/totp/begin', { password: TEST_PASSWORD });
  const secret = begin.body.secret as string;
  const code = () => generate({ secret, epoch: Math.floor(env.clock.now().getTime() / 1000) } as never);
  assert.equal((await c.post('/api/auth/totp/confirm', { code: await code() })).status, 204);
  env.clock.advance(31_000);
  try {
    const noCode = await login(u.username, TEST_PASSWORD, undefined, '10.2.0.1');
    assert.equal(JSON.parse(noCode.body).error, 'identity.totp_required');
    const fresh = await code();
    assert.equal((await login(u.username, TEST_PASSWORD, fresh, '10.2.0.2')).statusCode, 200);
    const replay = await login(u.username, TEST_PASSWORD, fresh, '10.2.0.3');
    assert.equal(replay.statusCode, 401);
    assert.equal(JSON.parse(replay.body).error, 'identity.totp_invalid');
  } finally {
    env.clock.set('2026-11-23T09:00:00Z');
  }
});

test('a state-changing call without the CSRF token is refused and changes nothing', async () => {
  const u = await env.buildUser({ roles: ['duty_officer'] });
  const c = await env.login(u);
  const before = await c.get('/api/requests?limit=200');
  const r = await c.raw({ method: 'POST', url: '/api/requests', headers: { 'x-csrf-token': 'forged' }, payload: buildRequest() });
  assert.equal(r.status, 403);
  assert.equal(r.body.error, 'http.csrf_invalid');
  assert.equal((await c.get('/api/requests?limit=200')).body.total, before.body.total);
});

test('after logout the session no longer works', async () => {
  const u = await env.buildUser();
  const c = await env.login(u);
  assert.equal((await c.post('/api/auth/logout')).status, 204);
  assert.equal((await c.get('/api/auth/me')).status, 401);
});

test('only an administrator can create accounts', async () => {
  const officer = await env.login(await env.buildUser({ roles: ['supervisor'] }));
  const body = { username: 'new.user', displayName: 'New User', password: 'a long enough password', roles: ['case_officer'], unitCode: 'SPOC' };
  assert.equal((await officer.post('/api/admin/users', body)).status, 404);
  const admin = await env.login(await env.buildUser({ roles: ['administrator'] }));
  assert.equal((await admin.post('/api/admin/users', body)).status, 201);
  const dup = await admin.post('/api/admin/users', body);
  assert.equal(dup.status, 409);
  assert.equal((await admin.post('/api/admin/users', { ...body, username: 'short.pw', password: 'short' })).status, 400);
});

test('an account with a temporary password may do nothing but change it; afterwards it works normally', async () => {
  const admin = await env.login(await env.buildUser({ roles: ['administrator'] }));
  const created = await admin.post('/api/admin/users', { username: 'temp.officer', displayName: 'Temp Officer', password: 'temporary password 1', roles: ['case_officer'], unitCode: 'SPOC' });
  assert.equal(created.status, 201);
  const r = await login('temp.officer', 'temporary password 1');
  assert.equal(r.statusCode, 200);
  const cookie = r.cookies.find((x) => x.name === 'polsam_session')!.value;
  const { csrfToken, user } = JSON.parse(r.body);
  assert.equal(user.mustChangePassword, true);
  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    env.app.inject({ method, url, payload, cookies: { polsam_session: cookie }, headers: { 'x-csrf-token': csrfToken, 'accept-language': 'en' } });
  const blocked = await call('GET', '/api/requests');
  assert.equal(blocked.statusCode, 403);
  assert.equal(JSON.parse(blocked.body).error, 'identity.password_change_required');
  assert.match(JSON.parse(blocked.body).message, /temporary password/);
  assert.equal((await call('POST', '/api/auth/password', { currentPassword: 'temporary password 1', newPassword: 'my own password 2026' })).statusCode, 204);
  const again = await login('temp.officer', 'my own password 2026');
  const cookie2 = again.cookies.find((x) => x.name === 'polsam_session')!.value;
  assert.equal(JSON.parse(again.body).user.mustChangePassword, false);
  const list = await env.app.inject({ method: 'GET', url: '/api/requests', cookies: { polsam_session: cookie2 } });
  assert.equal(list.statusCode, 200);
});
