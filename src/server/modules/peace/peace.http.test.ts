import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db/client.ts';
import { runDueJobs } from '../../platform/jobs/job.service.ts';
import { allJobs } from '../../jobs.ts';
import { createTestEnv, TEST_PASSWORD, type Client, type TestEnv } from '../../testing/harness.ts';

// The harness clock: Monday 23 November 2026, 10:00 in Stockholm.
let env: TestEnv;
let officer: Client;
let chief: Client;
let duty: Client;
let admin: Client;
let auditor: Client;
const J = 'justification=Rotation+planning+UNMISS+2027';

before(async () => {
  env = await createTestEnv();
  officer = await env.login(await env.buildUser({ roles: ['peace_ops_officer'], unit: 'PEACE' }));
  chief = await env.login(await env.buildUser({ roles: ['peace_ops_officer', 'supervisor'], unit: 'PEACE' }));
  duty = await env.login(await env.buildUser({ roles: ['duty_officer', 'supervisor'] }));
  admin = await env.login(await env.buildUser({ roles: ['administrator'] }));
  auditor = await env.login(await env.buildUser({ roles: ['auditor'] }));
});
after(() => env.close());

async function count(table: string): Promise<number> {
  return rowsOf<{ n: number }>(await env.database.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0].n;
}

let seq = 0;
async function mission(o: Record<string, unknown> = {}) {
  const r = await officer.post('/api/peace/missions', {
    code: `UNM-${++seq}`, name: 'United Nations Mission in South Sudan', organisation: 'un', countryCode: 'SS',
    mandate: 'Protection of civilians; capacity building of the South Sudan National Police Service.', startDate: '2011-07-09', endDate: null, ...o,
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

async function call(missionId: string, o: Record<string, unknown> = {}) {
  const r = await officer.post(`/api/peace/missions/${missionId}/calls`, {
    reference: `CfC-${++seq}`, title: 'Police advisers 2027', deadline: '2026-12-15',
    posts: [{ title: 'Police Adviser – Community Policing', profile: 'Mentoring', positions: 2, language: 'en', languageLevel: 'B2' }], ...o,
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return (await officer.get(`/api/peace/calls/${r.body.id}?${J}`)).body;
}

async function candidate(o: Record<string, unknown> = {}) {
  const r = await officer.post('/api/peace/candidates', {
    employeeNumber: `PM${100000 + ++seq}`, fullName: 'Karin Testsson', gender: 'female', homeUnit: 'Polisregion Syd, LPO Malmö',
    languages: [{ language: 'en', level: 'C1' }, { language: 'fr', level: 'B1' }], drivingLicence: true,
    assessments: [{ part: 'english', date: '2026-03-02', passed: true }, { part: 'driving', date: '2026-03-02', passed: true }],
    earlierMissions: [{ mission: 'EULEX Kosovo', organisation: 'eu', from: '2019-01-01', to: '2019-12-31' }],
    certificates: [{ kind: 'ehest', issuedOn: '2025-01-10', expiresOn: '2028-01-10' }], ...o,
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id as string;
}

/** A selected nomination of a new candidate to a new call; returns what deploying needs. */
async function selected(candidateId?: string, missionBody: Record<string, unknown> = {}) {
  const m = await mission(missionBody);
  const c = await call(m.id);
  const cand = candidateId ?? (await candidate());
  let detail = (await officer.post(`/api/peace/calls/${c.id}/nominations?${J}`, { postId: c.postList[0].id, candidateId: cand })).body;
  let n = detail.nominationList.find((x: { candidateId: string }) => x.candidateId === cand);
  detail = (await chief.post(`/api/peace/nominations/${n.id}/nominate?${J}`, { version: n.version })).body;
  n = detail.nominationList.find((x: { id: string }) => x.id === n.id);
  detail = (await officer.post(`/api/peace/nominations/${n.id}/record-outcome?${J}`, { version: n.version, outcome: 'selected', outcomeOn: '2026-11-23' })).body;
  n = detail.nominationList.find((x: { id: string }) => x.id === n.id);
  return { mission: m, call: c, candidateId: cand, nomination: n };
}

describe('the flow: mission → call → nominate → deploy → extend → end', () => {
  test('a peace officer proposes, a supervisor nominates (disclosed to the organisation), the outcome is recorded, the officer deploys, extends and ends the tour', async () => {
    const m = await mission();
    assert.equal(m.organisation, 'un');
    const c = await call(m.id);
    assert.equal(c.status, 'open');
    const cand = await candidate();
    const applied = await officer.post(`/api/peace/calls/${c.id}/applications?${J}`, { postId: c.postList[0].id, candidateId: cand, receivedOn: '2026-11-20' });
    assert.equal(applied.status, 200, JSON.stringify(applied.body));
    assert.equal(applied.body.applications[0].candidateName, 'Karin Testsson');

    const proposed = await officer.post(`/api/peace/calls/${c.id}/nominations?${J}`, { postId: c.postList[0].id, candidateId: cand, note: 'Strong mentoring record' });
    const n = proposed.body.nominationList[0];
    assert.equal(n.status, 'proposed');
    assert.deepEqual(n.actions, [], 'an officer without the supervisor role does not decide');
    const refused = await officer.post(`/api/peace/nominations/${n.id}/nominate?${J}`, { version: n.version });
    assert.equal(refused.status, 403);

    const decided = await chief.post(`/api/peace/nominations/${n.id}/nominate?${J}`, { version: n.version });
    assert.equal(decided.status, 200, JSON.stringify(decided.body));
    assert.equal(decided.body.nominationList[0].status, 'nominated');
    const disclosure = rowsOf<{ recipient: string; person_ids: string[] }>(await env.database.db.execute(sql`
      SELECT recipient, person_ids FROM audit_event WHERE action = 'peace.nomination.nominate' AND entity_id = ${n.id}`));
    assert.deepEqual(disclosure, [{ recipient: `UN ${m.code}`, person_ids: [cand] }]);

    const nominated = decided.body.nominationList[0];
    const outcome = await officer.post(`/api/peace/nominations/${n.id}/record-outcome?${J}`, { version: nominated.version, outcome: 'selected', outcomeOn: '2026-11-23' });
    assert.equal(outcome.body.nominationList[0].status, 'selected');
    assert.deepEqual(outcome.body.nominationList[0].actions, ['deploy']);

    const dep = await officer.post(`/api/peace/nominations/${n.id}/deploy`, { version: outcome.body.nominationList[0].version, startDate: '2027-01-15', endDate: '2027-07-14' });
    assert.equal(dep.status, 201, JSON.stringify(dep.body));
    const id = dep.body.deploymentId;
    let d = (await officer.get(`/api/peace/deployments/${id}?${J}`)).body;
    assert.equal(d.postTitle, 'Police Adviser – Community Policing');
    assert.deepEqual([d.startDate, d.endDate, d.status], ['2027-01-15', '2027-07-14', 'active']);

    const ext = await officer.post(`/api/peace/deployments/${id}/extend`, { version: d.version, endDate: '2028-01-14', reason: 'Mission asked for six more months' });
    assert.equal(ext.status, 200, JSON.stringify(ext.body));
    assert.equal(ext.body.endDate, '2028-01-14');
    assert.equal(ext.body.originalEndDate, '2027-07-14');
    assert.deepEqual(ext.body.extensions.map((e: { fromDate: string; toDate: string }) => [e.fromDate, e.toDate]), [['2027-07-14', '2028-01-14']]);

    // The end-of-tour reminder follows the extension: only the new date is pending.
    const jobs = rowsOf<{ dedupe_key: string; status: string; run_at: Date }>(await env.database.db.execute(sql`
      SELECT dedupe_key, status, run_at FROM job WHERE kind = 'peace.tour_ending' AND dedupe_key LIKE ${`peace:tour:${id}:%`} ORDER BY dedupe_key`));
    assert.deepEqual(jobs.map((j) => [j.dedupe_key.split(':').pop(), j.status]), [['2027-07-14', 'cancelled'], ['2028-01-14', 'pending']]);
    // 30 days before 14 January 2028, 07:00 in Stockholm (CET): 15 December 2027 06:00 UTC.
    assert.equal(new Date(jobs[1].run_at).toISOString(), '2027-12-15T06:00:00.000Z');

    env.clock.set('2027-03-01T09:00:00Z');
    try {
      d = ext.body;
      const later = await env.login(officer.actor);
      const ended = await later.post(`/api/peace/deployments/${id}/end`, { version: d.version, endedOn: '2027-02-28', reason: 'repatriated' });
      assert.equal(ended.status, 200, JSON.stringify(ended.body));
      assert.deepEqual([ended.body.status, ended.body.endDate, ended.body.endReason, ended.body.actions], ['ended', '2027-02-28', 'repatriated', []]);
      const pending = await count(`job WHERE kind = 'peace.tour_ending' AND status = 'pending' AND dedupe_key LIKE 'peace:tour:${id}:%'`);
      assert.equal(pending, 0, 'an ended tour has no reminder left');
    } finally {
      env.clock.set('2026-11-23T09:00:00Z');
    }
  });
});

describe('need-to-know', () => {
  test('the area does not exist for other roles, administrators and auditors included', async () => {
    const m = await mission();
    const cand = await candidate();
    for (const who of [duty, admin, auditor]) {
      for (const url of ['/api/peace/missions', `/api/peace/missions/${m.id}`, `/api/peace/candidates?${J}`, `/api/peace/candidates/${cand}?${J}`, `/api/peace/deployments?${J}`, '/api/peace/statistics?year=2027']) {
        assert.equal((await who.get(url)).status, 404, `${who.actor.roles} ${url}`);
      }
      assert.equal((await who.post('/api/peace/missions', { code: 'X', name: 'X', organisation: 'eu', countryCode: 'GE', mandate: 'X', startDate: '2020-01-01' })).status, 404);
    }
  });

  test('reading the roster or a call names officers: without a justification 400, with one the reading is logged', async () => {
    const cand = await candidate();
    assert.equal((await officer.get('/api/peace/candidates')).status, 400);
    assert.equal((await officer.get(`/api/peace/candidates/${cand}?justification=short`)).status, 400);
    const before = await count(`audit_event WHERE action = 'peace.candidate.view'`);
    const r = await officer.get(`/api/peace/candidates/${cand}?${J}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.samPassed, true);
    assert.deepEqual(r.body.earlierMissions, [{ mission: 'EULEX Kosovo', organisation: 'eu', from: '2019-01-01', to: '2019-12-31' }]);
    const logged = rowsOf<{ justification: string; person_ids: string[] }>(await env.database.db.execute(sql`
      SELECT justification, person_ids FROM audit_event WHERE action = 'peace.candidate.view' ORDER BY seq DESC LIMIT 1`));
    assert.equal(await count(`audit_event WHERE action = 'peace.candidate.view'`), before + 1);
    assert.deepEqual(logged, [{ justification: 'Rotation planning UNMISS 2027', person_ids: [cand] }]);
  });

  test('next of kin and medical readiness: never in lists, read only with a justification, and the log holds no health data', async () => {
    const s = await selected();
    const id = (await officer.post(`/api/peace/nominations/${s.nomination.id}/deploy`, { version: s.nomination.version, startDate: '2027-02-01', endDate: '2027-08-01' })).body.deploymentId;
    const w = await officer.post(`/api/peace/deployments/${id}/welfare`, {
      version: 0, nextOfKinName: 'Sven Testsson', nextOfKinRelation: 'Make', nextOfKinPhone: '+46 70 000 00 00',
      medicalStatus: 'fit_with_restrictions', medicalCheckedOn: '2026-11-02', medicalNote: 'Asthma inhaler', justification: 'Pre-deployment medical clearance',
    });
    assert.equal(w.status, 200, JSON.stringify(w.body));
    assert.equal((await officer.get(`/api/peace/deployments/${id}/welfare`)).status, 400);
    const list = await officer.get(`/api/peace/deployments?${J}`);
    const detail = await officer.get(`/api/peace/deployments/${id}?${J}`);
    for (const text of [list.raw, detail.raw]) {
      assert.ok(!text.includes('Sven Testsson') && !text.includes('Asthma') && !text.includes('fit_with_restrictions'), 'no special-category data outside its own call');
    }
    assert.equal(detail.body.hasWelfare, true);
    const read = await officer.get(`/api/peace/deployments/${id}/welfare?justification=Contacting+next+of+kin+after+incident`);
    assert.equal(read.status, 200);
    assert.equal(read.body.welfare.nextOfKinName, 'Sven Testsson');
    assert.equal(read.body.welfare.medicalStatus, 'fit_with_restrictions');
    const log = rowsOf<{ j: string; details: string }>(await env.database.db.execute(sql`
      SELECT justification AS j, details::text AS details FROM audit_event WHERE action IN ('peace.welfare.view', 'peace.welfare.record') AND entity_id = ${id} ORDER BY seq`));
    assert.deepEqual(log.map((l) => l.j), ['Pre-deployment medical clearance', 'Contacting next of kin after incident']);
    assert.ok(log.every((l) => !l.details.includes('Asthma') && !l.details.includes('Sven')), 'the log says that, not what');
    // A second first record is a concurrent edit.
    assert.equal((await officer.post(`/api/peace/deployments/${id}/welfare`, { version: 0, medicalStatus: 'fit', justification: 'Pre-deployment medical clearance' })).status, 409);
  });
});

describe('bad input: field errors in both languages, nothing written', () => {
  test('a mission ending before it starts', async () => {
    const before = await count('peace_mission');
    const body = { code: 'EUMM', name: 'EU Monitoring Mission Georgia', organisation: 'eu', countryCode: 'GE', mandate: 'Monitoring', startDate: '2008-10-01', endDate: '2008-09-01' };
    const en = await officer.post('/api/peace/missions', body);
    assert.equal(en.status, 400);
    assert.deepEqual(en.body.fields, [{ path: 'endDate', message: 'The end date comes before the start date.' }]);
    const svClient = await env.login(officer.actor, 'sv');
    const sv = await svClient.post('/api/peace/missions', body);
    assert.deepEqual(sv.body.fields, [{ path: 'endDate', message: 'Slutdatumet ligger före startdatumet.' }]);
    assert.equal(await count('peace_mission'), before);
  });

  test('a nomination to a closed call, and to a call whose deadline has passed', async () => {
    const m = await mission();
    const c = await call(m.id, { deadline: '2026-11-30' });
    const cand = await candidate();
    const closed = await officer.post(`/api/peace/calls/${c.id}/close?${J}`, { version: c.version });
    assert.equal(closed.body.status, 'closed');
    const before = await count('peace_nomination');
    const r = await officer.post(`/api/peace/calls/${c.id}/nominations?${J}`, { postId: c.postList[0].id, candidateId: cand });
    assert.equal(r.status, 400);
    assert.equal(r.body.error, 'peace.call_closed');
    assert.deepEqual(r.body.fields.map((f: { path: string }) => f.path), ['postId']);
    assert.match(r.body.fields[0].message, /closed/);

    const late = await call(m.id, { deadline: '2026-11-24' });
    env.clock.set('2026-11-25T09:00:00Z');
    try {
      const later = await env.login(officer.actor);
      const r2 = await later.post(`/api/peace/calls/${late.id}/nominations?${J}`, { postId: late.postList[0].id, candidateId: cand });
      assert.equal(r2.body.error, 'peace.call_closed');
    } finally {
      env.clock.set('2026-11-23T09:00:00Z');
    }
    assert.equal(await count('peace_nomination'), before);
  });

  test('overlapping tours of one officer are refused, also when two deployments race', async () => {
    const cand = await candidate();
    const a = await selected(cand);
    const b = await selected(cand);
    const c = await selected(cand);
    const first = await officer.post(`/api/peace/nominations/${a.nomination.id}/deploy`, { version: a.nomination.version, startDate: '2027-01-01', endDate: '2027-06-30' });
    assert.equal(first.status, 201);
    const before = await count('peace_deployment');
    const overlap = await officer.post(`/api/peace/nominations/${b.nomination.id}/deploy`, { version: b.nomination.version, startDate: '2027-06-30', endDate: '2027-12-31' });
    assert.equal(overlap.status, 400);
    assert.deepEqual(overlap.body.fields, [{ path: 'startDate', message: 'The officer already has a tour during these dates.' }]);
    assert.equal(await count('peace_deployment'), before);

    // Two tours of the same officer sent at once for the same half year: exactly one is stored.
    const [x, y] = await Promise.all([
      officer.post(`/api/peace/nominations/${b.nomination.id}/deploy`, { version: b.nomination.version, startDate: '2027-07-01', endDate: '2027-12-31' }),
      officer.post(`/api/peace/nominations/${c.nomination.id}/deploy`, { version: c.nomination.version, startDate: '2027-08-01', endDate: '2028-01-31' }),
    ]);
    assert.deepEqual([x.status, y.status].sort(), [201, 400]);
    assert.equal(await count(`peace_deployment WHERE candidate_id = '${cand}'`), 2);

    // Extending the first tour into the second is an overlap too.
    const d = (await officer.get(`/api/peace/deployments/${first.body.deploymentId}?${J}`)).body;
    const ext = await officer.post(`/api/peace/deployments/${d.id}/extend`, { version: d.version, endDate: '2027-09-30', reason: 'Asked by the mission' });
    assert.equal(ext.status, 400);
    assert.equal(ext.body.fields[0].path, 'endDate');
  });

  test('dates against the mission, a shorter "extension", an end in the future, and a stale version', async () => {
    const s = await selected(undefined, { startDate: '2020-01-01', endDate: '2027-12-31' });
    const after = await officer.post(`/api/peace/nominations/${s.nomination.id}/deploy`, { version: s.nomination.version, startDate: '2027-06-01', endDate: '2028-05-31' });
    assert.equal(after.status, 400);
    assert.equal(after.body.fields[0].path, 'endDate');
    assert.match(after.body.fields[0].message, /2027-12-31/);
    const dep = await officer.post(`/api/peace/nominations/${s.nomination.id}/deploy`, { version: s.nomination.version, startDate: '2027-01-01', endDate: '2027-06-30' });
    const d = (await officer.get(`/api/peace/deployments/${dep.body.deploymentId}?${J}`)).body;
    const shorter = await officer.post(`/api/peace/deployments/${d.id}/extend`, { version: d.version, endDate: '2027-05-31', reason: 'Wrong' });
    assert.equal(shorter.status, 400);
    assert.equal(shorter.body.error, 'peace.extension_not_later');
    const future = await officer.post(`/api/peace/deployments/${d.id}/end`, { version: d.version, endedOn: '2027-03-01', reason: 'completed' });
    assert.equal(future.body.error, 'peace.date_in_future');
    const ok = await officer.post(`/api/peace/deployments/${d.id}/extend`, { version: d.version, endDate: '2027-09-30', reason: 'Asked by the mission' });
    assert.equal(ok.status, 200);
    const stale = await officer.post(`/api/peace/deployments/${d.id}/extend`, { version: d.version, endDate: '2027-10-31', reason: 'Again' });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error, 'peace.stale_version');
    assert.equal(await count(`peace_extension WHERE deployment_id = '${d.id}'`), 1);
  });

  test('a roster entry with an unknown CEFR level, a language twice or a taken employee number', async () => {
    const before = await count('peace_candidate');
    const r = await officer.post('/api/peace/candidates', { employeeNumber: 'P9', fullName: 'X', gender: 'male', homeUnit: 'NOA', languages: [{ language: 'en', level: 'D1' }] });
    assert.equal(r.status, 400);
    assert.deepEqual(r.body.fields.map((f: { path: string }) => f.path), ['employeeNumber', 'languages.0.level']);
    const twice = await officer.post('/api/peace/candidates', { employeeNumber: 'PM900', fullName: 'X', gender: 'male', homeUnit: 'NOA', languages: [{ language: 'en', level: 'B2' }, { language: 'en', level: 'C1' }] });
    assert.deepEqual(twice.body.fields.map((f: { path: string }) => f.path), ['languages.1.language']);
    await candidate({ employeeNumber: 'PM555555' });
    const taken = await officer.post('/api/peace/candidates', { employeeNumber: 'pm555555', fullName: 'Y', gender: 'male', homeUnit: 'NOA' });
    assert.equal(taken.status, 409);
    assert.deepEqual(taken.body.fields.map((f: { path: string }) => f.path), ['employeeNumber']);
    assert.equal(await count('peace_candidate'), before + 1);
  });
});

describe('reminders and statistics', () => {
  test('an eHEST expiring within 60 days notifies the peace officers, in their language, naming no one', async () => {
    const id = await candidate({ employeeNumber: 'PM424242', certificates: [{ kind: 'ehest', issuedOn: '2024-01-10', expiresOn: '2027-01-10' }] });
    await runDueJobs(env.ctx, allJobs);
    const r = await chief.get('/api/notifications');
    const n = r.body.items.find((x: { entityId: string }) => x.entityId === id);
    assert.ok(n, JSON.stringify(r.body));
    assert.equal(n.message, 'Certificate eHEST of PM424242 expires on 2027-01-10.');
    assert.equal(await count(`notification WHERE entity_id = '${id}' AND user_id = '${duty.actor.id}'`), 0);
  });

  test('a tour ending within 30 days notifies the peace officers, naming the mission and post, not the officer', async () => {
    const s = await selected();
    const dep = await officer.post(`/api/peace/nominations/${s.nomination.id}/deploy`, { version: s.nomination.version, startDate: '2026-06-01', endDate: '2026-12-10' });
    assert.equal(dep.status, 201, JSON.stringify(dep.body));
    await runDueJobs(env.ctx, allJobs);
    const r = await chief.get('/api/notifications');
    const n = r.body.items.find((x: { entityId: string }) => x.entityId === dep.body.deploymentId);
    assert.ok(n, JSON.stringify(r.body));
    assert.equal(n.message, `The tour as Police Adviser – Community Policing in ${s.mission.code} ends on 2026-12-10: arrange rotation or extension.`);
    assert.equal(await count(`notification WHERE entity_id = '${dep.body.deploymentId}' AND user_id = '${duty.actor.id}'`), 0);
  });

  test('tours by organisation, mission and gender, nominations by outcome, as JSON, CSV and XLSX', async () => {
    const env2 = await createTestEnv();
    try {
      const o = await env2.login(await env2.buildUser({ roles: ['peace_ops_officer', 'supervisor'], unit: 'PEACE' }));
      const mk = async (code: string, organisation: string) => (await o.post('/api/peace/missions', { code, name: code, organisation, countryCode: 'SS', mandate: 'M', startDate: '2020-01-01' })).body;
      const un = await mk('UNMISS', 'un');
      const eu = await mk('EUMM', 'eu');
      const tour = async (m: { id: string }, gender: string, start: string, end: string, outcome = 'selected') => {
        const c = (await o.post(`/api/peace/missions/${m.id}/calls`, { reference: `R${++seq}`, title: 'T', deadline: '2026-12-01', posts: [{ title: 'Adviser', positions: 1 }] })).body;
        const post = (await o.get(`/api/peace/calls/${c.id}?${J}`)).body.postList[0];
        const cand = (await o.post('/api/peace/candidates', { employeeNumber: `S${++seq}XX`, fullName: 'N N', gender, homeUnit: 'U' })).body.id;
        let n = (await o.post(`/api/peace/calls/${c.id}/nominations?${J}`, { postId: post.id, candidateId: cand })).body.nominationList[0];
        n = (await o.post(`/api/peace/nominations/${n.id}/nominate?${J}`, { version: n.version })).body.nominationList[0];
        n = (await o.post(`/api/peace/nominations/${n.id}/record-outcome?${J}`, { version: n.version, outcome, outcomeOn: '2026-11-23' })).body.nominationList[0];
        if (outcome === 'selected') assert.equal((await o.post(`/api/peace/nominations/${n.id}/deploy`, { version: n.version, startDate: start, endDate: end })).status, 201);
      };
      await tour(un, 'female', '2026-12-01', '2027-05-31');
      await tour(un, 'male', '2027-03-01', '2027-08-31');
      await tour(eu, 'female', '2027-11-01', '2028-04-30');
      await tour(eu, 'male', '2028-01-01', '2028-06-30');
      await tour(eu, 'female', '', '', 'not_selected');
      const s = (await o.get('/api/peace/statistics?year=2027')).body;
      assert.deepEqual(s.deployments, { total: 3, female: 2, male: 1, unknown: 0 });
      assert.deepEqual(s.byOrganisation, [{ organisation: 'un', total: 2, female: 1, male: 1, unknown: 0 }, { organisation: 'eu', total: 1, female: 1, male: 0, unknown: 0 }]);
      assert.deepEqual(s.byMission.map((m: { missionCode: string; total: number }) => [m.missionCode, m.total]), [['EUMM', 1], ['UNMISS', 2]]);
      // The calls' deadlines fall in 2026: the nominations count there.
      const s26 = (await o.get('/api/peace/statistics?year=2026')).body;
      assert.deepEqual(s26.nominations.find((n: { gender: string }) => n.gender === 'female'), { gender: 'female', nominated: 3, selected: 2, notSelected: 1 });

      const csv = await o.get('/api/peace/statistics/export.csv?year=2027');
      assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
      const lines = csv.raw.replace(/^\uFEFF/, '').trim().split('\r\n');
      assert.equal(lines[0], 'Section,Breakdown,Total,Women,Men,Unknown');
      assert.ok(lines.includes('Tours by organisation,UN,2,1,1,0'), lines.join('\n'));
      assert.equal((await env2.app.inject({ method: 'GET', url: '/api/peace/statistics/export.xlsx?year=2027' })).statusCode, 401, 'no export without signing in');
      const login = await env2.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: o.actor.username, password: TEST_PASSWORD } });
      const cookie = login.cookies.find((c) => c.name === 'polsam_session')!.value;
      const file = await env2.app.inject({ method: 'GET', url: '/api/peace/statistics/export.xlsx?year=2027', cookies: { polsam_session: cookie }, headers: { 'accept-language': 'sv' } });
      assert.equal(file.statusCode, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file.rawPayload as never);
      const rows = wb.worksheets[0].getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
      assert.deepEqual(rows[0], ['Avsnitt', 'Uppdelning', 'Totalt', 'Kvinnor', 'Män', 'Okänt']);
      assert.deepEqual(rows[1], ['Insatser', 'Totalt', 3, 2, 1, 0]);
    } finally {
      await env2.close();
    }
  });
});
