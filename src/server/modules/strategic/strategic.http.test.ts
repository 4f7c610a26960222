import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { rowsOf } from '../../platform/db/client.ts';
import { runDueJobs } from '../../platform/jobs/job.service.ts';
import { allJobs } from '../../jobs.ts';
import { createTestEnv, type Client, type TestEnv } from '../../testing/harness.ts';

let env: TestEnv;
let officer: Client; // drafts
let member: Client; // sits in the group
let chief: Client; // supervisor + strategic officer: approves
let chief2: Client;
let plainSupervisor: Client; // supervisor without strategic_officer
let duty: Client;
const J = 'justification=Preparing+LEWP+meeting+2026-12';

before(async () => {
  env = await createTestEnv();
  officer = await env.login(await env.buildUser({ roles: ['strategic_officer'], unit: 'STRAT' }));
  member = await env.login(await env.buildUser({ roles: ['strategic_officer'], unit: 'STRAT' }), 'sv');
  chief = await env.login(await env.buildUser({ roles: ['strategic_officer', 'supervisor'], unit: 'STRAT' }));
  chief2 = await env.login(await env.buildUser({ roles: ['strategic_officer', 'supervisor'], unit: 'STRAT' }));
  plainSupervisor = await env.login(await env.buildUser({ roles: ['supervisor', 'case_officer'] }));
  duty = await env.login(await env.buildUser({ roles: ['duty_officer'] }));
});
after(() => env.close());

async function count(table: string): Promise<number> {
  return rowsOf<{ n: number }>(await env.database.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0].n;
}

let seq = 0;
async function group(o: Record<string, unknown> = {}) {
  const r = await officer.post('/api/strategic/groups', { code: `LEWP-${++seq}`, name: 'Law Enforcement Working Party', kind: 'council_working_party', ...o });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

const MEETING = {
  title: 'LEWP plenary', startsAt: '2026-12-01T09:30:00Z', endsAt: '2026-12-01T16:00:00Z', place: 'brussels', placeDetail: 'Justus Lipsius',
  agenda: [{ title: 'Adoption of the agenda' }, { title: 'Handbook on cross-border surveillance' }],
};

async function meeting(groupId: string, o: Record<string, unknown> = {}) {
  const r = await officer.post(`/api/strategic/groups/${groupId}/meetings`, { ...MEETING, ...o });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

describe('access', () => {
  test('should not show the module to others: every route answers 404', async () => {
    const g = await group();
    const m = await meeting(g.id);
    for (const c of [duty, plainSupervisor]) {
      assert.equal((await c.get('/api/strategic/groups')).status, 404);
      assert.equal((await c.get(`/api/strategic/groups/${g.id}`)).status, 404);
      assert.equal((await c.get(`/api/strategic/groups/${g.id}/members?${J}`)).status, 404);
      assert.equal((await c.get(`/api/strategic/groups/${g.id}/calendar.ics`)).status, 404);
      assert.equal((await c.get('/api/strategic/my/calendar.ics')).status, 404);
      assert.equal((await c.get(`/api/strategic/meetings/${m.id}`)).status, 404);
      assert.equal((await c.post('/api/strategic/groups', { code: 'X', name: 'X', kind: 'other' })).status, 404);
      assert.equal((await c.post(`/api/strategic/meetings/${m.id}/instructions`, { body: 'Sweden supports.' })).status, 404);
    }
  });

  test('the delegates are shown only with a justification, and the view is logged with it', async () => {
    const g = await group();
    const added = await officer.post(`/api/strategic/groups/${g.id}/add-member`, { version: g.version, userId: member.actor.id, role: 'delegate' });
    assert.equal(added.status, 200, JSON.stringify(added.body));
    assert.equal(added.body.memberCount, 1);
    assert.equal((await officer.get(`/api/strategic/groups/${g.id}/members`)).status, 400);
    assert.equal((await officer.get(`/api/strategic/groups/${g.id}/members?justification=short`)).status, 400);
    const r = await officer.get(`/api/strategic/groups/${g.id}/members?${J}`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.items.map((i: { userId: string; role: string }) => [i.userId, i.role]), [[member.actor.id, 'delegate']]);
    const logged = rowsOf<{ justification: string }>(await env.database.db.execute(sql`
      SELECT justification FROM audit_event WHERE action = 'strategic.members.view' AND entity_id = ${g.id}`));
    assert.deepEqual(logged.map((l) => l.justification), ['Preparing LEWP meeting 2026-12']);
  });
});

describe('bad input', () => {
  test('a meeting that ends before it starts is refused with a field error in both languages, and nothing is written', async () => {
    const g = await group();
    const [meetings, agenda] = [await count('strategic_meeting'), await count('strategic_agenda_item')];
    const body = { ...MEETING, endsAt: '2026-12-01T08:00:00Z' };
    const en = await officer.post(`/api/strategic/groups/${g.id}/meetings`, body);
    assert.equal(en.status, 400);
    assert.deepEqual(en.body.fields.map((f: { path: string }) => f.path), ['endsAt']);
    assert.equal(en.body.fields[0].message, 'The meeting must end after it starts.');
    const sv = await member.post(`/api/strategic/groups/${g.id}/meetings`, body);
    assert.equal(sv.body.fields[0].message, 'Mötet måste sluta efter att det börjar.');
    assert.equal(await count('strategic_meeting'), meetings);
    assert.equal(await count('strategic_agenda_item'), agenda);
  });

  test('an empty title, an unknown place and a date that does not exist are field errors', async () => {
    const g = await group();
    const r = await officer.post(`/api/strategic/groups/${g.id}/meetings`, { ...MEETING, title: ' ', place: 'paris' });
    assert.equal(r.status, 400);
    assert.deepEqual(r.body.fields.map((f: { path: string }) => f.path).sort(), ['place', 'title']);
    const m = await meeting(g.id);
    const bad = await officer.post(`/api/strategic/meetings/${m.id}/actions`, { title: 'Send comments', ownerId: officer.actor.id, dueDate: '2026-02-30' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.fields[0].path, 'dueDate');
  });

  test('an action due before the meeting, or owned by someone outside the module, is refused; nothing is written', async () => {
    const g = await group();
    const m = await meeting(g.id);
    const [actions, jobs] = [await count('strategic_action_item'), await count('job')];
    const early = await officer.post(`/api/strategic/meetings/${m.id}/actions`, { title: 'Comments', ownerId: officer.actor.id, dueDate: '2026-11-30' });
    assert.equal(early.status, 400);
    assert.equal(early.body.error, 'strategic.due_before_meeting');
    assert.equal(early.body.fields[0].path, 'dueDate');
    const outsider = await officer.post(`/api/strategic/meetings/${m.id}/actions`, { title: 'Comments', ownerId: duty.actor.id, dueDate: '2026-12-10' });
    assert.equal(outsider.body.fields[0].path, 'ownerId');
    assert.equal(await count('strategic_action_item'), actions);
    assert.equal(await count('job'), jobs);
  });

  test('an operational action plan needs an EMPACT priority; a code is unique', async () => {
    const before = await count('strategic_group');
    const oap = await officer.post('/api/strategic/groups', { code: 'OAP-X', name: 'OAP', kind: 'empact_oap' });
    assert.equal(oap.status, 400);
    assert.equal(oap.body.fields[0].path, 'parentId');
    const g = await group();
    const dup = await officer.post('/api/strategic/groups', { code: g.code.toLowerCase(), name: 'Again', kind: 'other' });
    assert.equal(dup.body.fields[0].path, 'code');
    assert.equal(await count('strategic_group'), before + 1);
    const prio = await group({ kind: 'empact_priority', name: 'High-risk criminal networks' });
    const ok = await officer.post('/api/strategic/groups', { code: `${prio.code}-OAP1`, name: 'OAP 1', kind: 'empact_oap', parentId: prio.id });
    assert.equal(ok.status, 201);
    assert.equal(ok.body.parentCode, prio.code);
    assert.deepEqual((await officer.get(`/api/strategic/groups/${prio.id}`)).body.children.map((c: { id: string }) => c.id), [ok.body.id]);
  });
});

describe('instruction: draft → approved by another supervisor', () => {
  test('four eyes: the drafter may not approve, nor an officer who is no supervisor; another supervisor may', async () => {
    const g = await group();
    const m = await meeting(g.id);
    const drafted = await chief.post(`/api/strategic/meetings/${m.id}/instructions`, { body: 'Sweden supports the handbook.', classification: 'limite' });
    assert.equal(drafted.status, 200, JSON.stringify(drafted.body));
    const ins = drafted.body.instructions[0];
    assert.equal(ins.status, 'draft');
    assert.deepEqual(ins.allowedActions, ['revise'], 'the drafter is not offered approval');
    const own = await chief.post(`/api/strategic/instructions/${ins.id}/approve`, { version: ins.version });
    assert.equal(own.status, 403);
    assert.equal(own.body.error, 'strategic.four_eyes');
    assert.equal((await officer.post(`/api/strategic/instructions/${ins.id}/approve`, { version: ins.version })).status, 403);
    assert.equal((await chief2.post(`/api/strategic/instructions/${ins.id}/approve`, { version: ins.version + 5 })).status, 409);
    const ok = await chief2.post(`/api/strategic/instructions/${ins.id}/approve`, { version: ins.version });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.instructions[0].status, 'approved');
    assert.equal(ok.body.instructions[0].approvedBy.id, chief2.actor.id);
    assert.equal(ok.body.instructionStatus, 'approved');
  });

  test('an approved instruction is final; a new version is a new draft that supersedes it once approved', async () => {
    const g = await group();
    const m = await meeting(g.id);
    const d = (await officer.post(`/api/strategic/meetings/${m.id}/instructions`, { body: 'Version one.' })).body.instructions[0];
    assert.equal((await officer.post(`/api/strategic/meetings/${m.id}/instructions`, { body: 'A second draft.' })).status, 409);
    const revised = await officer.post(`/api/strategic/instructions/${d.id}/revise`, { version: d.version, body: 'Version one, revised.' });
    assert.equal(revised.body.instructions[0].body, 'Version one, revised.');
    assert.equal((await officer.post(`/api/strategic/instructions/${d.id}/revise`, { version: d.version, body: 'Stale.' })).status, 409);
    const v1 = (await chief.post(`/api/strategic/instructions/${d.id}/approve`, { version: d.version + 1 })).body.instructions[0];
    const immutable = await officer.post(`/api/strategic/instructions/${v1.id}/revise`, { version: v1.version, body: 'Changed after approval.' });
    assert.equal(immutable.status, 409);
    assert.equal(immutable.body.error, 'strategic.instruction_approved');
    const v2 = (await officer.post(`/api/strategic/meetings/${m.id}/instructions`, { body: 'Version two.' })).body.instructions[0];
    assert.equal(v2.number, 2);
    const after = await chief.post(`/api/strategic/instructions/${v2.id}/approve`, { version: v2.version });
    assert.deepEqual(after.body.instructions.map((i: { number: number; status: string; body: string }) => [i.number, i.status, i.body]),
      [[2, 'approved', 'Version two.'], [1, 'superseded', 'Version one, revised.']]);
    const audit = rowsOf<{ n: number }>(await env.database.db.execute(sql`
      SELECT count(*)::int AS n FROM audit_event WHERE action = 'strategic.instruction.approve' AND entity_id = ${m.id}`))[0].n;
    assert.equal(audit, 2);
  });

  test('a restricted instruction is seen by the group\'s delegates, its drafter and approvers — others only count it', async () => {
    const g = await group();
    await officer.post(`/api/strategic/groups/${g.id}/add-member`, { version: g.version, userId: member.actor.id, role: 'substitute' });
    const m = await meeting(g.id);
    const d = (await member.post(`/api/strategic/meetings/${m.id}/instructions`, { body: 'Restricted position.', classification: 'restricted', restricted: true })).body.instructions[0];
    const outsider = await officer.get(`/api/strategic/meetings/${m.id}`);
    assert.equal(outsider.status, 200);
    assert.deepEqual(outsider.body.instructions, []);
    assert.equal(outsider.body.hiddenInstructions, 1);
    assert.ok(!outsider.raw.includes('Restricted position'));
    assert.equal((await officer.post(`/api/strategic/instructions/${d.id}/revise`, { version: d.version, body: 'x' })).status, 404);
    const approver = await chief.get(`/api/strategic/meetings/${m.id}`);
    assert.equal(approver.body.instructions[0].body, 'Restricted position.');
    assert.equal((await chief.post(`/api/strategic/instructions/${d.id}/approve`, { version: d.version })).status, 200);
    assert.equal((await member.get(`/api/strategic/meetings/${m.id}`)).body.instructions[0].status, 'approved');
    const viewed = rowsOf<{ n: number }>(await env.database.db.execute(sql`
      SELECT count(*)::int AS n FROM audit_event WHERE action = 'strategic.instruction.view' AND entity_id = ${m.id}`))[0].n;
    assert.ok(viewed >= 2, 'reads of a marked instruction are logged');
  });
});

describe('report and action items', () => {
  test('the report is written once the meeting has started, once; a stale version is refused', async () => {
    const g = await group();
    const m = await meeting(g.id, { startsAt: '2026-11-23T09:10:00Z', endsAt: '2026-11-23T12:00:00Z' });
    assert.ok(!m.allowedActions.includes('report'));
    const early = await officer.post(`/api/strategic/meetings/${m.id}/report`, { version: m.version, body: 'Too early.' });
    assert.equal(early.status, 409);
    assert.equal(early.body.error, 'strategic.meeting_not_started');
    // A short step: sessions end after a while idle, and the clients here keep theirs.
    env.clock.set('2026-11-23T09:15:00Z');
    try {
      assert.equal((await officer.post(`/api/strategic/meetings/${m.id}/report`, { version: m.version + 1, body: 'Stale.' })).status, 409);
      const ok = await officer.post(`/api/strategic/meetings/${m.id}/report`, { version: m.version, body: 'The handbook was agreed.' });
      assert.equal(ok.status, 200);
      assert.equal(ok.body.report.body, 'The handbook was agreed.');
      assert.equal(ok.body.reported, true);
      const again = await officer.post(`/api/strategic/meetings/${m.id}/report`, { version: ok.body.version, body: 'Again.' });
      assert.equal(again.body.error, 'strategic.already_reported');
    } finally {
      env.clock.set('2026-11-23T09:00:00Z');
    }
  });

  test('an action item reminds its owner two days before, notifies owner and setter when overdue, and stops when done', async () => {
    const g = await group();
    const m = await meeting(g.id);
    const r = await officer.post(`/api/strategic/meetings/${m.id}/actions`, { title: 'Send written comments', ownerId: member.actor.id, dueDate: '2026-12-10' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const a = r.body.actions[0];
    assert.equal(a.owner.id, member.actor.id);
    const planned = rowsOf<{ run_at: Date | string; key: string }>(await env.database.db.execute(sql`
      SELECT run_at, dedupe_key AS key FROM job WHERE dedupe_key LIKE ${`strategic:action:${a.id}:%`} ORDER BY run_at`));
    // 08:00 in Stockholm (CET, UTC+1) on 8 December and 11 December.
    assert.deepEqual(planned.map((p) => new Date(p.run_at).toISOString()), ['2026-12-08T07:00:00.000Z', '2026-12-11T07:00:00.000Z']);
    const notes = async (userId: string) => rowsOf<{ message_key: string }>(await env.database.db.execute(sql`
      SELECT message_key FROM notification WHERE user_id = ${userId} AND message_key LIKE 'strategic.%' ORDER BY created_at`)).map((n) => n.message_key);
    try {
      env.clock.set('2026-12-08T07:00:01Z');
      await runDueJobs(env.ctx, allJobs);
      assert.deepEqual(await notes(member.actor.id), ['strategic.notifications.actionDueSoon']);
      env.clock.set('2026-12-11T07:00:01Z');
      await runDueJobs(env.ctx, allJobs);
      assert.deepEqual(await notes(member.actor.id), ['strategic.notifications.actionDueSoon', 'strategic.notifications.actionOverdue']);
      assert.deepEqual(await notes(officer.actor.id), ['strategic.notifications.actionOverdue']);
      const late = await env.login(member.actor);
      const overdue = (await late.get(`/api/strategic/my`)).body.actions.find((x: { id: string }) => x.id === a.id);
      assert.equal(overdue.overdue, true);
    } finally {
      env.clock.set('2026-11-23T09:00:00Z');
    }
    // A second item, done before its reminder: nothing is sent.
    const b = (await officer.post(`/api/strategic/meetings/${m.id}/actions`, { title: 'Book travel', ownerId: chief.actor.id, dueDate: '2026-12-20' })).body.actions
      .find((x: { title: string }) => x.title === 'Book travel');
    assert.equal((await chief.post(`/api/strategic/actions/${b.id}/complete`, { version: b.version + 1 })).status, 409);
    const done = await chief.post(`/api/strategic/actions/${b.id}/complete`, { version: b.version, note: 'Booked.' });
    assert.ok(done.body.actions.find((x: { id: string }) => x.id === b.id).doneAt);
    assert.equal((await chief.post(`/api/strategic/actions/${b.id}/complete`, { version: b.version + 1 })).status, 409);
    try {
      env.clock.set('2026-12-30T07:00:00Z');
      await runDueJobs(env.ctx, allJobs);
      assert.deepEqual(await notes(chief.actor.id), []);
    } finally {
      env.clock.set('2026-11-23T09:00:00Z');
    }
  });
});

describe('attachments', () => {
  const boundary = 'strategicboundary';
  const upload = (c: Client, meetingId: string, filename: string, content: Buffer) => c.raw({
    method: 'POST', url: `/api/strategic/meetings/${meetingId}/attachments`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      content, Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });

  test('a PDF is stored with its sniffed type and downloaded by the unit only; an executable is refused and nothing stored', async () => {
    const m = await meeting((await group()).id);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const r = await upload(officer, m.id, 'agenda.pdf', pdf);
    assert.equal(r.status, 200, r.raw);
    const att = r.body.attachments[0];
    assert.equal(att.contentType, 'application/pdf');
    const dl = await member.get(`/api/strategic/attachments/${att.id}`);
    assert.equal(dl.status, 200);
    assert.equal(dl.raw, pdf.toString());
    assert.equal((await duty.get(`/api/strategic/attachments/${att.id}`)).status, 404);
    const before = await count('strategic_attachment');
    const exe = await upload(officer, m.id, 'agenda.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]));
    assert.equal(exe.status, 415);
    assert.equal(await count('strategic_attachment'), before);
    assert.equal((await upload(duty, m.id, 'x.pdf', pdf)).status, 404);
  });
});

describe('iCalendar export', () => {
  function events(ics: string) {
    const cal = new ICAL.Component(ICAL.parse(ics) as unknown[]);
    return cal.getAllSubcomponents('vevent').map((v) => {
      const e = new ICAL.Event(v);
      return { uid: e.uid, start: e.startDate.toJSDate().toISOString(), end: e.endDate.toJSDate().toISOString(), summary: e.summary, location: e.location };
    });
  }

  test('a group\'s meetings parse as iCalendar with UTC times and a UID that stays the same', async () => {
    const g = await group();
    const m = await meeting(g.id, { startsAt: '2026-12-01T10:30:00+01:00', endsAt: '2026-12-01T17:00:00+01:00' });
    const r = await officer.get(`/api/strategic/groups/${g.id}/calendar.ics`);
    assert.equal(r.status, 200);
    assert.match(String(r.headers['content-type']), /^text\/calendar/);
    assert.match(r.raw, /DTSTART:20261201T093000Z/);
    const [e] = events(r.raw);
    assert.deepEqual(e, { uid: `${m.id}@strategic.polsam`, start: '2026-12-01T09:30:00.000Z', end: '2026-12-01T16:00:00.000Z', summary: `${g.code}: LEWP plenary`, location: 'Brussels, Justus Lipsius' });
    await meeting(g.id, { title: 'Second meeting', startsAt: '2027-01-12T09:00:00Z', endsAt: '2027-01-12T12:00:00Z' });
    const again = events((await officer.get(`/api/strategic/groups/${g.id}/calendar.ics`)).raw);
    assert.equal(again.length, 2);
    assert.equal(again.find((x) => x.summary.endsWith('LEWP plenary'))!.uid, e.uid);
    const sv = events((await member.get(`/api/strategic/groups/${g.id}/calendar.ics`)).raw);
    assert.equal(sv[0].location, 'Bryssel, Justus Lipsius');
  });

  test('"my meetings" holds the meetings of the groups one sits in, and no others', async () => {
    const mine = await group();
    await officer.post(`/api/strategic/groups/${mine.id}/add-member`, { version: mine.version, userId: chief2.actor.id, role: 'delegate' });
    const other = await group();
    const m1 = await meeting(mine.id);
    await meeting(other.id);
    const r = await chief2.get('/api/strategic/my/calendar.ics');
    assert.equal(r.status, 200);
    const uids = events(r.raw).map((e) => e.uid);
    assert.ok(uids.includes(`${m1.id}@strategic.polsam`));
    assert.ok(uids.every((u) => !u.startsWith(other.id)));
    const my = await chief2.get('/api/strategic/my');
    assert.deepEqual(my.body.meetings.map((x: { groupId: string }) => x.groupId).filter((id: string) => id === other.id), []);
  });
});
