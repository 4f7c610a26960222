/** The strategic demo (loaded by src/server/demo.ts) goes through the real use cases: the groups, a draft waiting for the chief, a reported meeting. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadDemoStrategic } from './strategic.demo.ts';
import { createTestEnv, type TestEnv } from '../../testing/harness.ts';

let env: TestEnv;
before(async () => {
  env = await createTestEnv();
});
after(() => env.close());

test('the demo shows the area: LEWP, COSI, Europol MB and an EMPACT priority with its plan; a draft for the chief to approve', async () => {
  // The demo users as src/server/demo.ts creates them; the rest of the demo (requests, FAST) is not needed here.
  await env.buildUser({ username: 'strategi', roles: ['strategic_officer'], unit: 'STRAT' });
  await env.buildUser({ username: 'stratchef', roles: ['strategic_officer', 'supervisor'], unit: 'STRAT' });
  await loadDemoStrategic(env.ctx, env.clock.now().getTime());
  const viewer = await env.login(await env.buildUser({ roles: ['strategic_officer', 'supervisor'], unit: 'STRAT' }));
  const groups = (await viewer.get('/api/strategic/groups')).body.items as { code: string; kind: string; parentCode: string | null; id: string }[];
  assert.deepEqual(groups.map((g) => g.code), ['COSI', 'EMPACT HRCN', 'EMPACT HRCN OAP', 'Europol MB', 'LEWP']);
  assert.equal(groups.find((g) => g.code === 'EMPACT HRCN OAP')!.parentCode, 'EMPACT HRCN');
  const lewp = (await viewer.get(`/api/strategic/groups/${groups.find((g) => g.code === 'LEWP')!.id}`)).body;
  assert.equal(lewp.memberCount, 2);
  const coming = (await viewer.get(`/api/strategic/meetings/${lewp.meetings[0].id}`)).body;
  assert.equal(coming.instructions[0].status, 'draft');
  assert.ok(coming.instructions[0].allowedActions.includes('approve'));
  const cosi = (await viewer.get(`/api/strategic/groups/${groups.find((g) => g.code === 'COSI')!.id}`)).body;
  assert.deepEqual([cosi.meetings[0].instructionStatus, cosi.meetings[0].reported], ['approved', true]);
});
