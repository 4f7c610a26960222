/** The peace demo loads through the real use cases: two missions, a roster, tours under way, and the reminders fire. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadDemoData } from '../../demo.ts';
import { runDueJobs } from '../../platform/jobs/job.service.ts';
import { allJobs } from '../../jobs.ts';
import { createTestEnv, type TestEnv } from '../../testing/harness.ts';

let env: TestEnv;
before(async () => {
  env = await createTestEnv();
});
after(() => env.close());

test('the demo shows the area: a UN and an EU mission, four fictional officers, two tours, and reminders for the soon-ending tour and eHEST', async () => {
  const logins = await loadDemoData(env.database, env.clock, env.config);
  assert.ok(logins?.users.includes('insats') && logins.users.includes('insatschef'));
  const officer = await env.login(await env.buildUser({ roles: ['peace_ops_officer'], unit: 'PEACE' }));
  const missions = (await officer.get('/api/peace/missions')).body.items;
  assert.deepEqual(missions.map((m: { code: string; organisation: string; activeDeployments: number }) => [m.code, m.organisation, m.activeDeployments]), [['EUMM', 'eu', 0], ['UNMISS', 'un', 2]]);
  const roster = (await officer.get('/api/peace/candidates?justification=Demo+check+of+the+roster')).body.items;
  assert.equal(roster.length, 4);
  assert.deepEqual(roster.filter((c: { deployed: boolean }) => c.deployed).map((c: { fullName: string }) => c.fullName), ['Anna Exempelsson', 'Erik Testman']);
  await runDueJobs(env.ctx, allJobs);
  const messages = (await officer.get('/api/notifications')).body.items.map((n: { message: string }) => n.message).sort();
  assert.equal(messages.length, 2, JSON.stringify(messages));
  assert.match(messages[0], /^Certificate eHEST of DEMO-1001 expires on 2027-01-02\.$/);
  assert.match(messages[1], /^The tour as Polisrådgivare – närpolisverksamhet in UNMISS ends on 2026-12-18/);
});
