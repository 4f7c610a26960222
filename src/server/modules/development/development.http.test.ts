import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db/client.ts';
import { createTestEnv, type Client, type TestEnv } from '../../testing/harness.ts';
import type { CreateProjectInput } from '../../../shared/development.schemas.ts';

let env: TestEnv;
let officer: Client;
let officerSv: Client;
let supervisor: Client;
let otherUnit: Client;
let duty: Client;
let auditor: Client;

before(async () => {
  env = await createTestEnv();
  const o = await env.buildUser({ roles: ['development_officer'], unit: 'DEV' });
  officer = await env.login(o);
  officerSv = await env.login(o, 'sv');
  supervisor = await env.login(await env.buildUser({ roles: ['supervisor'], unit: 'DEV' }));
  otherUnit = await env.login(await env.buildUser({ roles: ['development_officer', 'supervisor'], unit: 'PEACE' }));
  duty = await env.login(await env.buildUser({ roles: ['duty_officer', 'case_officer'] }));
  auditor = await env.login(await env.buildUser({ roles: ['auditor'] }));
});
after(() => env.close());

const project = (o: Partial<CreateProjectInput> = {}): CreateProjectInput => ({
  title: 'Community policing in Moldova', description: 'Training of instructors', partnerCountry: 'MD',
  partnerName: 'General Police Inspectorate', partnerRef: null, partnerType: '10', sector: '15210', genderMarker: '1', humanRightsMarker: '2',
  startDate: '2026-01-01', endDate: '2027-12-31', ...o,
});

async function create(o: Partial<CreateProjectInput> = {}) {
  const r = await officer.post('/api/development/projects', project(o));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

async function act(as: Client, id: string, action: string, body: Record<string, unknown> = {}) {
  const current = await officer.get(`/api/development/projects/${id}`);
  return as.post(`/api/development/projects/${id}/${action}`, { version: current.body.version, ...body });
}

async function count(table: string): Promise<number> {
  return rowsOf<{ n: number }>(await env.database.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0].n;
}

async function auditOf(action: string) {
  return rowsOf<{ details: Record<string, unknown>; justification: string | null; person_ids: string[] | null }>(await env.database.db.execute(sql`
    SELECT details, justification, person_ids FROM audit_event WHERE action = ${action} ORDER BY seq DESC LIMIT 1`))[0];
}

describe('projects and need-to-know', () => {
  test('a development officer registers a project; it waits for approval and is seen by the unit only', async () => {
    const p = await create();
    assert.match(p.reference, /^DEV-\d{5}$/);
    assert.equal(p.status, 'proposed');
    assert.ok(!p.allowedActions.includes('add_disbursement'), 'no disbursement before the start is approved');
    assert.ok((await supervisor.get('/api/development/projects')).body.items.some((x: { id: string }) => x.id === p.id));
    assert.equal((await auditOf('development.project.register')).details.reference, p.reference);
  });

  test('should not show a project to another unit nor to a duty officer', async () => {
    const p = await create();
    for (const c of [otherUnit, duty]) {
      assert.equal((await c.get(`/api/development/projects/${p.id}`)).status, 404);
      assert.equal((await c.get(`/api/development/projects/${p.id}/iati.xml`)).status, 404);
      assert.equal((await c.get(`/api/development/projects/${p.id}/contacts?justification=Follow-up+of+the+project`)).status, 404);
      assert.equal((await act(c, p.id, 'add-lesson', { lesson: 'x' })).status, 404);
    }
    assert.ok(!(await otherUnit.get('/api/development/projects')).body.items.some((x: { id: string }) => x.id === p.id));
    assert.equal((await duty.get('/api/development/projects')).status, 404);
    assert.equal((await duty.post('/api/development/projects', project())).status, 404);
    // An auditor reads every unit's projects but changes nothing.
    assert.equal((await auditor.get(`/api/development/projects/${p.id}`)).status, 200);
    assert.equal((await act(auditor, p.id, 'add-lesson', { lesson: 'Audit finding' })).status, 409);
  });
});

describe('bad input: a clear field error in both languages, nothing written', () => {
  test('an end date before the start date', async () => {
    const before = await count('development_project');
    const en = await officer.post('/api/development/projects', project({ startDate: '2026-06-01', endDate: '2026-05-31' }));
    assert.equal(en.status, 400);
    assert.equal(en.body.error, 'development.date_out_of_order');
    assert.deepEqual(en.body.fields.map((f: { path: string }) => f.path), ['endDate']);
    assert.equal(en.body.fields[0].message, 'The end date comes before the start date.');
    const sv = await officerSv.post('/api/development/projects', project({ startDate: '2026-06-01', endDate: '2026-05-31' }));
    assert.equal(sv.body.fields[0].message, 'Slutdatumet ligger före startdatumet.');
    assert.equal(await count('development_project'), before);
  });

  test('missing fields are named each', async () => {
    const r = await officerSv.post('/api/development/projects', { ...project(), title: '', sector: '99999' });
    assert.equal(r.status, 400);
    assert.deepEqual(r.body.fields.map((f: { path: string }) => f.path).sort(), ['sector', 'title']);
  });

  test('an indicator actual without a period is refused and the indicator keeps its periods', async () => {
    const p = await create();
    const withResult = (await act(officer, p.id, 'add-result', { type: 'outcome', title: 'Trust in the police' })).body;
    const withIndicator = (await act(officer, p.id, 'add-indicator', {
      resultId: withResult.results[0].id, title: 'Share of residents who trust the police', measure: 'percentage', ascending: true, baselineYear: 2025, baselineValue: 41,
    })).body;
    const indicatorId = withIndicator.results[0].indicators[0].id;
    const periods = await count('development_indicator_period');
    const en = await act(officer, p.id, 'record-period', { indicatorId, actual: 47 });
    assert.equal(en.status, 400);
    assert.equal(en.body.error, 'development.actual_without_period');
    assert.deepEqual(en.body.fields.map((f: { path: string }) => f.path), ['periodStart', 'periodEnd']);
    const sv = await act(officerSv, p.id, 'record-period', { indicatorId, periodStart: '2026-01-01', actual: 47 });
    assert.deepEqual(sv.body.fields.map((f: { path: string }) => f.path), ['periodEnd']);
    assert.match(sv.body.fields[0].message, /utfall behöver perioden/);
    const pct = await act(officer, p.id, 'record-period', { indicatorId, periodStart: '2026-01-01', periodEnd: '2026-12-31', actual: 147 });
    assert.equal(pct.body.error, 'development.percentage_range');
    assert.equal(await count('development_indicator_period'), periods);
    assert.equal((await officer.get(`/api/development/projects/${p.id}`)).body.version, withIndicator.version);

    // The target first, the actual for the same period later: one period with both.
    await act(officer, p.id, 'record-period', { indicatorId, periodStart: '2026-01-01', periodEnd: '2026-06-30', target: 45 });
    const done = await act(officer, p.id, 'record-period', { indicatorId, periodStart: '2026-01-01', periodEnd: '2026-06-30', actual: 47 });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.deepEqual(done.body.results[0].indicators[0].periods.map((x: { target: number; actual: number }) => [x.target, x.actual]), [[45, 47]]);
  });

  test('budget periods: at most a year, inside the project, never overlapping', async () => {
    const p = await create();
    const long = await act(officer, p.id, 'add-budget', { periodStart: '2026-01-01', periodEnd: '2027-06-30', amount: 1000, status: 'committed' });
    assert.equal(long.body.error, 'development.budget_period_too_long');
    const outside = await act(officer, p.id, 'add-budget', { periodStart: '2025-07-01', periodEnd: '2026-06-30', amount: 1000, status: 'committed' });
    assert.deepEqual(outside.body.fields.map((f: { path: string }) => f.path), ['periodStart']);
    assert.equal((await act(officer, p.id, 'add-budget', { periodStart: '2026-01-01', periodEnd: '2026-12-31', amount: 1000, status: 'committed' })).status, 200);
    const overlap = await act(officer, p.id, 'add-budget', { periodStart: '2026-12-01', periodEnd: '2027-11-30', amount: 1000, status: 'indicative' });
    assert.equal(overlap.body.error, 'development.budget_overlap');
    assert.equal((await officer.get(`/api/development/projects/${p.id}`)).body.budgets.length, 1);
  });
});

describe('approval, money and concurrency', () => {
  test('a supervisor approves the start; disbursements follow, within the budget, each audited', async () => {
    const p = await create();
    await act(officer, p.id, 'add-budget', { periodStart: '2026-01-01', periodEnd: '2026-12-31', amount: 1_000_000, status: 'committed' });
    assert.equal((await act(officer, p.id, 'add-disbursement', { date: '2026-03-01', amount: 1000 })).status, 409);
    // The officer is no supervisor; a supervisor of another unit does not even see the project.
    assert.equal((await act(officer, p.id, 'approve-start', { decision: 'Go' })).status, 409);
    assert.equal((await act(otherUnit, p.id, 'approve-start', { decision: 'Go' })).status, 404);
    const approved = await act(supervisor, p.id, 'approve-start', { decision: 'Agreement signed with the partner' });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    assert.equal(approved.body.status, 'active');
    assert.ok(approved.body.approvedAt);

    const future = await act(officer, p.id, 'add-disbursement', { date: '2026-12-01', amount: 1000 });
    assert.equal(future.body.error, 'development.date_in_future');
    const tooMuch = await act(officer, p.id, 'add-disbursement', { date: '2026-03-01', amount: 1_000_001 });
    assert.equal(tooMuch.body.error, 'development.exceeds_budget');
    assert.equal(await count(`development_disbursement WHERE project_id = '${p.id}'`), 0);
    const paid = await act(officer, p.id, 'add-disbursement', { date: '2026-03-01', amount: 400_000, description: 'First tranche' });
    assert.equal(paid.status, 200);
    assert.equal(paid.body.disbursedTotal, 400_000);
    const logged = await auditOf('development.disbursement.add');
    assert.equal(logged.details.amount, 400_000);
    assert.equal(logged.details.reference, p.reference);
    assert.equal((await auditOf('development.budget.add')).details.amount, 1_000_000);
  });

  test('a stale version is refused with 409 and writes nothing', async () => {
    const p = await create();
    assert.equal((await officer.post(`/api/development/projects/${p.id}/add-lesson`, { version: p.version, lesson: 'First' })).status, 200);
    const lessons = await count('development_lesson');
    const stale = await officer.post(`/api/development/projects/${p.id}/add-lesson`, { version: p.version, lesson: 'Second' });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error, 'development.stale_version');
    assert.equal(await count('development_lesson'), lessons);
  });
});

describe('contact persons are personal data', () => {
  test('the project shows only their number; the names need a justification, which is logged', async () => {
    const p = await create();
    const added = await act(officer, p.id, 'add-contact', { fullName: 'Ion Popescu', organisation: 'General Police Inspectorate', role: 'Coordinator', email: 'ion@example.org' });
    assert.equal(added.body.contactCount, 1);
    assert.ok(!added.raw.includes('Popescu'));
    assert.ok(!JSON.stringify((await auditOf('development.contact.add')).details).includes('Popescu'));
    assert.equal((await officer.get(`/api/development/projects/${p.id}/contacts`)).status, 400);
    assert.equal((await officer.get(`/api/development/projects/${p.id}/contacts?justification=short`)).status, 400);
    const r = await officer.get(`/api/development/projects/${p.id}/contacts?justification=${encodeURIComponent('Planning the review mission')}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.items[0].fullName, 'Ion Popescu');
    const logged = await auditOf('development.contacts.view');
    assert.equal(logged.justification, 'Planning the review mission');
    assert.deepEqual(logged.person_ids, [r.body.items[0].id]);
  });

  test('the IATI export names the organisation, never the contact person', async () => {
    const p = await create();
    await act(officer, p.id, 'add-contact', { fullName: 'Ion Popescu', organisation: 'General Police Inspectorate' });
    const r = await officer.get(`/api/development/projects/${p.id}/iati.xml`);
    assert.equal(r.status, 200);
    assert.match(String(r.headers['content-type']), /application\/xml/);
    assert.ok(r.raw.includes(`<iati-identifier>SE-0-SE-6-2021000076-${p.reference}</iati-identifier>`), r.raw.slice(0, 500));
    assert.ok(!r.raw.includes('Popescu'));
  });
});
