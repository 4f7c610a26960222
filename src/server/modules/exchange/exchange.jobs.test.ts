import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { runDueJobs } from '../../platform/jobs/job.service.ts';
import { buildRequest, createTestEnv, type Client, type TestEnv } from '../../testing/harness.ts';
import { exchangeJobs } from './exchange.jobs.ts';

let env: TestEnv;
let duty: Client;
let officer: Client;
let chief: Client;
before(async () => {
  env = await createTestEnv({ now: '2026-11-23T09:00:00Z' });
  duty = await env.login(await env.buildUser({ roles: ['duty_officer'] }));
  officer = await env.login(await env.buildUser({ roles: ['case_officer'] }));
  chief = await env.login(await env.buildUser({ roles: ['supervisor'] }));
});
after(() => env.close());

const kinds = async (c: Client) => (await c.get('/api/notifications')).body.items.map((n: { kind: string }) => n.kind).sort();

test('an urgent request reminds its assignee at half time and one hour before, and escalates to the supervisor when it passes', async () => {
  const r = (await duty.post('/api/requests', buildRequest({ urgent: true, urgencyReason: 'life_or_integrity', receivedAt: '2026-11-23T09:00:00Z' }))).body;
  await duty.post(`/api/requests/${r.id}/assign`, { version: r.version, assigneeId: officer.actor.id });
  assert.deepEqual(await kinds(officer), ['assigned']);

  env.clock.set('2026-11-23T13:00:00Z'); // half of the 8 hours left
  assert.equal(await runDueJobs(env.ctx, exchangeJobs), 1);
  assert.deepEqual(await kinds(officer), ['assigned', 'reminder']);

  env.clock.set('2026-11-23T16:00:00Z'); // one hour left
  assert.equal(await runDueJobs(env.ctx, exchangeJobs), 1);

  env.clock.set('2026-11-23T17:00:01Z'); // passed
  assert.equal(await runDueJobs(env.ctx, exchangeJobs), 1);
  assert.deepEqual(await kinds(chief), ['escalation']);
  const escalation = (await chief.get('/api/notifications')).body.items[0];
  assert.match(escalation.message, new RegExp(r.reference));
  const detail = (await officer.get(`/api/requests/${r.id}`)).body;
  assert.deepEqual(detail.deadlineEvents.map((e: { kind: string }) => e.kind), ['started', 'reminder', 'reminder', 'escalation']);
  assert.equal(detail.overdue, true);
  env.clock.set('2026-11-23T09:00:00Z');
});

test('an answered request raises no more reminders', async () => {
  const r = (await duty.post('/api/requests', buildRequest({ urgent: true, urgencyReason: 'life_or_integrity', receivedAt: '2026-11-23T09:00:00Z' }))).body;
  const s = (await duty.post(`/api/requests/${r.id}/start`, { version: r.version })).body;
  await duty.post(`/api/requests/${r.id}/answer`, { version: s.version, body: 'Answered in time.' });
  env.clock.set('2026-11-23T18:00:00Z'); // past every planned point
  await runDueJobs(env.ctx, exchangeJobs);
  const detail = (await duty.get(`/api/requests/${r.id}`)).body;
  assert.deepEqual(detail.deadlineEvents.map((e: { kind: string }) => e.kind), ['started', 'answered']);
  env.clock.set('2026-11-23T09:00:00Z');
});
