import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db/client.ts';
import { buildRequest, createTestEnv, type Client, type TestEnv } from '../../testing/harness.ts';

let env: TestEnv;
let duty: Client;
let fast: Client;
let auditor: Client;
let admin: Client;
let officer: Client;
let req: { id: string; reference: string; personId: string };

const JUST = 'Answering the request from Germany';
const q = (s: string) => encodeURIComponent(s);
const auditCount = async () => rowsOf<{ n: number }>(await env.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_event`))[0].n;

async function act(id: string, action: string, body: Record<string, unknown> = {}) {
  const current = await duty.get(`/api/requests/${id}`);
  const r = await duty.post(`/api/requests/${id}/${action}`, { version: current.body.version, ...body });
  assert.equal(r.status, 200, r.raw);
}

before(async () => {
  env = await createTestEnv();
  duty = await env.login(await env.buildUser({ roles: ['duty_officer'], username: 'jour1' }));
  fast = await env.login(await env.buildUser({ roles: ['fast_officer'], unit: 'FAST' }));
  auditor = await env.login(await env.buildUser({ roles: ['auditor'] }));
  admin = await env.login(await env.buildUser({ roles: ['administrator'] }));
  officer = await env.login(await env.buildUser({ roles: ['case_officer'] }));
  const r = await duty.post('/api/requests', buildRequest({
    persons: [{ fullName: 'Wilhelmina Oderberg', aliases: ['Mina O'], dateOfBirth: '1988-02-14', gender: 'female', nationalities: ['DE'], documents: [], category: 'witness_informant_contact', nature: 'fact', reliability: 'A', accuracy: '1' }],
    items: [{ content: 'Registered owner of the vehicle', nature: 'fact', reliability: 'A', accuracy: '1' }],
  }));
  assert.equal(r.status, 201, r.raw);
  const persons = await duty.get(`/api/requests/${r.body.id}/persons?justification=${q(JUST)}`);
  req = { id: r.body.id, reference: r.body.reference, personId: persons.body.items[0].id };
  env.clock.advance(3600_000);
  await act(req.id, 'assign', { assigneeId: duty.actor.id });
  await act(req.id, 'start');
  await act(req.id, 'answer', { body: 'The vehicle is registered to the witness.' });
});
after(() => env.close());

describe('reads are logged with a justification, by construction', () => {
  test('a consultation without a justification, or with one character, is refused and nothing is shown or logged', async () => {
    const before = await auditCount();
    for (const bad of ['', '?justification=', '?justification=x', `?justification=${q('   x   ')}`, `?justification=${q('too short')}`]) {
      const r = await duty.get(`/api/requests/${req.id}/persons${bad}`);
      assert.equal(r.status, 400, `persons${bad}`);
      assert.equal(r.body.items, undefined);
      assert.equal(r.body.fields[0].path, 'justification');
      assert.match(r.body.message, /invalid/i);
    }
    const wanted = await fast.post('/api/wanted', {
      fullName: 'Gregor Halvorsen', requestingAuthority: 'aklagarmyndigheten', authorityReference: 'AM-1-26', legalBasis: 'detention_in_absentia',
      offence: 'Aggravated assault', warrants: [],
    });
    assert.equal(wanted.status, 201, wanted.raw);
    const afterCreate = await auditCount();
    assert.equal((await fast.get('/api/wanted')).status, 400, 'the register list needs a justification');
    assert.equal((await fast.get('/api/wanted?justification=x')).status, 400, 'one character is not a justification');
    assert.equal((await fast.get(`/api/wanted/${wanted.body.id}?justification=x`)).status, 400);
    assert.equal((await admin.get(`/api/data-subjects?name=Oderberg&justification=x`)).status, 400);
    assert.equal(await auditCount(), afterCreate, 'refused reads are not logged as consultations');
    assert.ok(afterCreate > before);
  });

  test('a consultation with a justification, list views included, is logged with it', async () => {
    assert.equal((await duty.get(`/api/requests/${req.id}/persons?justification=${q(JUST)}`)).status, 200);
    assert.equal((await fast.get(`/api/wanted?justification=${q('FAST daily review of the register')}`)).status, 200);
    const log = rowsOf<{ action: string; justification: string }>(await env.database.db.execute(sql`
      SELECT action, justification FROM audit_event WHERE category = 'consultation' ORDER BY seq DESC LIMIT 2`));
    assert.deepEqual(log, [
      { action: 'wanted.register.search', justification: 'FAST daily review of the register' },
      { action: 'exchange.persons.view', justification: JUST },
    ]);
  });
});

describe('the auditor\'s search', () => {
  test('by person, officer, request, action, category and time', async () => {
    const byPerson = await auditor.get(`/api/audit?personId=${req.personId}`);
    assert.equal(byPerson.status, 200, byPerson.raw);
    const actions = byPerson.body.items.map((e: { action: string }) => e.action);
    assert.ok(actions.includes('exchange.request.register') && actions.includes('exchange.persons.view') && actions.includes('exchange.request.answer'), actions.join());
    assert.ok(byPerson.body.items.every((e: { personIds: string[] }) => e.personIds.includes(req.personId)));

    const byOfficer = await auditor.get('/api/audit?actor=JOUR1');
    const byOfficerId = await auditor.get(`/api/audit?actor=${duty.actor.id}`);
    assert.ok(byOfficer.body.total > 3);
    assert.equal(byOfficer.body.total, byOfficerId.body.total);
    assert.ok(byOfficer.body.items.every((e: { actorLabel: string }) => e.actorLabel === 'jour1'));

    const byRef = await auditor.get(`/api/audit?request=${req.reference.toLowerCase()}`);
    const byId = await auditor.get(`/api/audit?request=${req.id}`);
    assert.ok(byRef.body.total >= 5);
    assert.deepEqual(byRef.body.items.map((e: { seq: number }) => e.seq), byId.body.items.map((e: { seq: number }) => e.seq));
    assert.ok(byRef.body.items.every((e: { entityId: string }) => e.entityId === req.id));

    const disclosures = await auditor.get(`/api/audit?request=${req.reference}&category=disclosure`);
    assert.deepEqual(disclosures.body.items.map((e: { action: string; recipient: string }) => [e.action, e.recipient]), [['exchange.request.answer', 'DE: BKA SPOC']]);

    const prefix = await auditor.get('/api/audit?action=exchange.persons');
    assert.ok(prefix.body.items.length >= 2 && prefix.body.items.every((e: { action: string }) => e.action === 'exchange.persons.view'));
    assert.equal((await auditor.get('/api/audit?action=exchange.person')).body.total, 0, 'a prefix is a whole segment');

    // Time: the answer came an hour after registration.
    const early = await auditor.get(`/api/audit?request=${req.reference}&to=${q('2026-11-23T09:30:00Z')}`);
    const late = await auditor.get(`/api/audit?request=${req.reference}&from=${q('2026-11-23T09:30:00Z')}`);
    assert.equal(early.body.total + late.body.total, byRef.body.total);
    assert.ok(early.body.items.some((e: { action: string }) => e.action === 'exchange.request.register'));
    assert.ok(late.body.items.some((e: { action: string }) => e.action === 'exchange.request.answer'));

    const page = await auditor.get('/api/audit?limit=2&offset=1');
    assert.equal(page.body.items.length, 2);
    assert.ok(page.body.items[0].seq > page.body.items[1].seq, 'newest first');
  });

  test('bad filters are refused with a translated message; only auditors search', async () => {
    const bad = await auditor.get('/api/audit?personId=nobody&from=yesterday');
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.fields.map((f: { path: string }) => f.path).sort(), ['from', 'personId']);
    for (const c of [officer, duty, admin]) assert.equal((await c.get('/api/audit')).status, 404);
    assert.equal((await officer.get('/api/audit/export.csv')).status, 404);
    assert.equal((await officer.post('/api/audit/verify')).status, 404);
  });

  test('the CSV and the printable PDF hold what was found, and exporting is itself logged', async () => {
    const csv = await auditor.get(`/api/audit/export.csv?request=${req.reference}`);
    assert.equal(csv.status, 200);
    assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
    const lines = csv.raw.replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.equal(lines[0], 'No.,Time,Officer,Category,Action,Object,Persons,Justification,Recipient,Details');
    const found = (await auditor.get(`/api/audit?request=${req.reference}`)).body.total;
    assert.equal(lines.length - 1, found);
    assert.ok(lines.some((l) => l.includes('exchange.request.answer') && l.includes('DE: BKA SPOC')));

    // A download link cannot send Accept-Language: ?lang= gives the file in the page's language.
    const sv = await auditor.raw({ method: 'GET', url: `/api/audit/export.csv?request=${req.reference}&lang=sv`, headers: { 'accept-language': 'en' } });
    assert.equal(sv.status, 200);
    assert.match(sv.raw.replace(/^\uFEFF/, ''), /^Nr,[^\r\n]*Handläggare,[^\r\n]*Motivering/);

    const pdf = await auditor.get(`/api/audit/export.pdf?actor=jour1`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.match(pdf.raw, /^%PDF-1\.\d/);

    const exports = await auditor.get('/api/audit?action=accountability.audit.export');
    assert.deepEqual(exports.body.items.map((e: { details: { format: string } }) => e.details.format), ['pdf', 'csv', 'csv']);
    assert.equal(exports.body.items[2].details.entries, found);
  });

  test('a justification that looks like a formula is neutralised in the CSV', async () => {
    assert.equal((await duty.get(`/api/requests/${req.id}/persons?justification=${q('=HYPERLINK("http://x")')}`)).status, 200);
    const csv = await auditor.get(`/api/audit/export.csv?action=exchange.persons.view`);
    assert.ok(csv.raw.includes(`"'=HYPERLINK(""http://x"")"`), csv.raw);
  });

  test('verify reports an intact log, and the run is logged', async () => {
    const v = await auditor.post('/api/audit/verify');
    assert.equal(v.status, 200);
    assert.equal(v.body.ok, true);
    assert.match(v.body.message, /intact/);
    const sv = await (await env.login(auditor.actor, 'sv')).post('/api/audit/verify');
    assert.match(sv.body.message, /oförändrad|intakt|hel/i);
    assert.equal((await auditor.get('/api/audit?action=accountability.audit.verify')).body.total, 2);
  });
});

describe('data-subject requests', () => {
  test('an administrator finds the person by name or alias, with a justification, and the search is logged', async () => {
    const r = await admin.get(`/api/data-subjects?name=${q('mina o')}&justification=${q('Data-subject request DSR-2026-4')}`);
    assert.equal(r.status, 200, r.raw);
    assert.deepEqual(r.body.items.map((p: { id: string; fullName: string; reference: string }) => [p.id, p.fullName, p.reference]), [[req.personId, 'Wilhelmina Oderberg', req.reference]]);
    assert.deepEqual(r.body.wanted, []);
    const log = await auditor.get('/api/audit?action=accountability.data_subject.search');
    assert.equal(log.body.items[0].justification, 'Data-subject request DSR-2026-4');
    assert.deepEqual(log.body.items[0].personIds, [req.personId]);
    assert.equal(JSON.stringify(log.body.items[0].details).includes('mina'), false, 'the name searched is not written into the log');
  });

  test('the report holds everything held on the person and every disclosure, as JSON and as a PDF draft', async () => {
    const body = { personIds: [req.personId], justification: 'Data-subject request DSR-2026-4' };
    const r = await admin.post('/api/data-subject-reports', body);
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.persons[0].fullName, 'Wilhelmina Oderberg');
    assert.deepEqual(r.body.persons[0].aliases, ['Mina O']);
    assert.equal(r.body.requests[0].reference, req.reference);
    assert.deepEqual(r.body.requests[0].items.map((i: { content: string }) => i.content), ['Registered owner of the vehicle']);
    assert.ok(r.body.requests[0].messages.some((m: { kind: string; body: string }) => m.kind === 'answer' && m.body.includes('witness')));
    assert.deepEqual(r.body.disclosures.map((d: { action: string; recipient: string }) => [d.action, d.recipient]), [['exchange.request.answer', 'DE: BKA SPOC']]);
    assert.ok(r.body.otherProcessing.some((e: { action: string }) => e.action === 'exchange.persons.view'));

    const pdf = await admin.post('/api/data-subject-reports/pdf', body);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.match(pdf.raw, /^%PDF/);
    assert.equal((await auditor.get('/api/audit?action=accountability.data_subject.report')).body.total, 2);
  });

  test('the wanted register is searched and reported too', async () => {
    const found = await admin.get(`/api/data-subjects?name=halvorsen&justification=${q('Data-subject request DSR-2026-9')}`);
    assert.equal(found.status, 200, found.raw);
    assert.deepEqual(found.body.items, []);
    assert.deepEqual(found.body.wanted.map((w: { fullName: string; offence: string }) => [w.fullName, w.offence]), [['Gregor Halvorsen', 'Aggravated assault']]);
    const id = found.body.wanted[0].id;
    const r = await admin.post('/api/data-subject-reports', { personIds: [id], justification: 'Data-subject request DSR-2026-9' });
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.wanted[0].reference, found.body.wanted[0].reference);
    assert.deepEqual(r.body.persons, []);
    assert.ok(r.body.otherProcessing.some((e: { action: string }) => e.action === 'wanted.register.search'), 'the register searches that showed the person');
    const pdf = await admin.post('/api/data-subject-reports/pdf', { personIds: [id], justification: 'Data-subject request DSR-2026-9' });
    assert.equal(pdf.status, 200);
  });

  test('bad input and other roles: not found, refused', async () => {
    const unknown = await admin.post('/api/data-subject-reports', { personIds: ['00000000-0000-4000-8000-000000000000'], justification: 'Data-subject request DSR-2026-5' });
    assert.equal(unknown.status, 404);
    assert.equal((await admin.post('/api/data-subject-reports', { personIds: [], justification: 'Data-subject request DSR-2026-5' })).status, 400);
    assert.equal((await admin.post('/api/data-subject-reports', { personIds: [req.personId], justification: 'x' })).status, 400);
    assert.equal((await auditor.post('/api/data-subject-reports', { personIds: [req.personId], justification: 'Data-subject request DSR-2026-5' })).status, 404);
    assert.equal((await duty.get(`/api/data-subjects?name=Oderberg&justification=${q('Data-subject request DSR-2026-5')}`)).status, 404);
  });
});
