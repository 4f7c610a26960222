/** The FAST demo data loads through the real use cases: one person on the public appeal, one with a running clock. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadDemoData } from '../../demo.ts';
import { createTestEnv, type TestEnv } from '../../testing/harness.ts';

let env: TestEnv;
before(async () => {
  env = await createTestEnv();
});
after(() => env.close());

test('the demo has fictional wanted persons: one published, one arrested abroad with a running decision clock', async () => {
  const logins = await loadDemoData(env.database, env.clock, env.config);
  assert.ok(logins?.users.includes('fastchef'));
  const visitor = await env.app.inject({ method: 'GET', url: '/api/public/wanted' });
  assert.deepEqual(visitor.json().items.map((p: { fullName: string }) => p.fullName), ['Sven Svensson']);
  const fast = await env.login(await env.buildUser({ roles: ['fast_officer'], unit: 'FAST' }));
  const clocks = await fast.get('/api/wanted/clocks');
  assert.equal(clocks.body.items.length, 1);
  assert.equal(clocks.body.items[0].arrestCountry, 'ES');
  assert.equal(clocks.body.items[0].clock.clock, 'decision');
  const found = await fast.get(`/api/wanted?justification=Demo+check+of+the+register&q=${encodeURIComponent('فلان')}`);
  assert.equal(found.body.total, 1, JSON.stringify(found.body));
});
