import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db/client.ts';
import { runDueJobs } from '../../platform/jobs/job.service.ts';
import { allJobs } from '../../jobs.ts';
import { createTestEnv, type Client, type TestEnv } from '../../testing/harness.ts';
import type { CreateWantedInput } from '../../../shared/wanted.schemas.ts';

let env: TestEnv;
let fast: Client;
let fastSupervisor: Client;
let duty: Client;
let admin: Client;
const J = 'justification=FAST+search+SE-2026-1';

before(async () => {
  env = await createTestEnv();
  fast = await env.login(await env.buildUser({ roles: ['fast_officer'], unit: 'FAST' }));
  fastSupervisor = await env.login(await env.buildUser({ roles: ['fast_officer', 'supervisor'], unit: 'FAST' }));
  duty = await env.login(await env.buildUser({ roles: ['duty_officer', 'supervisor'] }));
  admin = await env.login(await env.buildUser({ roles: ['administrator'] }));
});
after(() => env.close());

function eawPerson(o: Partial<CreateWantedInput> = {}): CreateWantedInput {
  return {
    fullName: 'Ivan Petrov', otherScriptNames: ['Иван Петров'], aliases: ['Vanja P'], dateOfBirth: '1984-03-12', placeOfBirth: 'Murmansk',
    gender: 'male', nationalities: ['RU'], documents: [], description: 'Tall, scar on the left cheek',
    requestingAuthority: 'aklagarmyndigheten', authorityReference: 'AM-12345-26', legalBasis: 'detention_in_absentia',
    offence: 'Grov narkotikasmuggling, Göteborgs tingsrätt B 1234-26', offenceSummary: 'Aggravated drug smuggling',
    dangerWarnings: 'May be armed', handlingWarnings: null,
    warrants: [{
      kind: 'eaw', issuingCountry: 'SE', issuingAuthority: 'Åklagarmyndigheten, Internationella åklagarkammaren Göteborg',
      issuedAt: '2026-10-01', validUntil: '2027-10-01', reviewAt: '2026-12-10', channelReference: 'SIS-SE-26-001',
      eaw: { c_judgment: 'Göteborgs tingsrätt häktningsbeslut 2026-09-30', d_offence: 'Grov narkotikasmuggling' },
      article3Status: null, article3Reason: null,
    }],
    ...o,
  } as CreateWantedInput;
}

async function register(o: Partial<CreateWantedInput> = {}) {
  const r = await fast.post('/api/wanted', eawPerson(o));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

async function act(as: Client, id: string, action: string, body: Record<string, unknown> = {}) {
  const current = await fast.get(`/api/wanted/${id}?${J}`);
  return as.post(`/api/wanted/${id}/${action}`, { version: current.body.version, ...body });
}

async function count(table: string): Promise<number> {
  return rowsOf<{ n: number }>(await env.database.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0].n;
}

describe('registering and consulting', () => {
  test('a FAST officer registers a person wanted on an EAW and sees it only with a justification, which is logged', async () => {
    const p = await register();
    assert.equal(p.status, 'wanted');
    assert.match(p.reference, /^FAST-\d{7}$/);
    assert.deepEqual(p.warrantKinds, ['eaw']);
    assert.equal((await fast.get(`/api/wanted/${p.id}`)).status, 400);
    const seen = await fast.get(`/api/wanted/${p.id}?${J}`);
    assert.equal(seen.status, 200);
    assert.deepEqual(seen.body.otherScriptNames, ['Иван Петров']);
    const logged = rowsOf<{ justification: string }>(await env.database.db.execute(sql`SELECT justification FROM audit_event WHERE category = 'consultation' AND action = 'wanted.person.view' AND entity_id = ${p.id}`));
    assert.equal(logged[0]?.justification, 'FAST search SE-2026-1');
  });

  test('the register finds a person by a name in another script', async () => {
    const r = await fast.get(`/api/wanted?${J}&q=${encodeURIComponent('Петров')}`);
    assert.equal(r.status, 200);
    assert.ok(r.body.items.some((i: { fullName: string }) => i.fullName === 'Ivan Petrov'));
    assert.equal((await fast.get('/api/wanted?q=x')).status, 400);
    // The search is logged with its justification and the persons shown, but not the name searched for.
    const logged = rowsOf<{ details: unknown; justification: string }>(await env.database.db.execute(sql`
      SELECT details, justification FROM audit_event WHERE action = 'wanted.register.search' ORDER BY seq DESC LIMIT 1`))[0]!;
    assert.equal(logged.justification, 'FAST search SE-2026-1');
    assert.ok(!JSON.stringify(logged.details).includes('Петров'), JSON.stringify(logged.details));
  });

  test('should not show the register to a duty officer, nor to an administrator', async () => {
    const p = await register();
    for (const c of [duty, admin]) {
      assert.equal((await c.get(`/api/wanted?${J}`)).status, 404);
      assert.equal((await c.get(`/api/wanted/${p.id}?${J}`)).status, 404);
      assert.equal((await c.get('/api/wanted/clocks')).status, 404);
      assert.equal((await c.post('/api/wanted', eawPerson())).status, 404);
    }
    assert.equal((await act(duty, p.id, 'withdraw', { reason: 'x' })).status, 404);
  });
});

describe('bad input', () => {
  test('a legal basis that does not fit the requesting authority is refused, and nothing is stored', async () => {
    const before = await count('wanted_person');
    const r = await fast.post('/api/wanted', eawPerson({ requestingAuthority: 'kriminalvarden', legalBasis: 'detention_in_absentia' }));
    assert.equal(r.status, 400);
    assert.equal(r.body.error, 'wanted.basis_mismatch');
    assert.equal(await count('wanted_person'), before);
  });

  test('a warrant type that does not fit is refused: a Red Notice for an LRV absconder, an EAW on arrest in absentia', async () => {
    const lrv = await fast.post('/api/wanted', eawPerson({
      requestingAuthority: 'socialstyrelsen', legalBasis: 'lrv_care_decision',
      warrants: [{ kind: 'red_notice', issuingCountry: 'SE', issuingAuthority: 'NCB Stockholm', issuedAt: '2026-10-01' } as never],
    }));
    assert.equal(lrv.status, 400);
    assert.equal(lrv.body.error, 'wanted.warrant_mismatch');
    assert.equal(lrv.body.fields[0].path, 'warrants.0.kind');
    const anhallen = await fast.post('/api/wanted', eawPerson({ legalBasis: 'arrest_in_absentia' }));
    assert.equal(anhallen.body.error, 'wanted.warrant_mismatch');
  });

  test('a validity that ends before the warrant was issued is refused', async () => {
    const w = eawPerson().warrants[0];
    const r = await fast.post('/api/wanted', eawPerson({ warrants: [{ ...w, validUntil: '2026-09-01' }] }));
    assert.equal(r.body.error, 'wanted.date_out_of_order');
  });

  test('an arrest before the warrant was issued is refused and changes nothing', async () => {
    const p = await register();
    const r = await act(fast, p.id, 'arrest', { warrantId: p.warrants[0].id, countryCode: 'ES', arrestedAt: '2026-09-15T10:00:00Z' });
    assert.equal(r.status, 400);
    assert.equal(r.body.error, 'wanted.arrest_before_warrant');
    assert.equal((await fast.get(`/api/wanted/${p.id}?${J}`)).body.status, 'wanted');
  });

  test('a Red Notice refused under Interpol Article 3 needs a reason and can no longer carry an arrest', async () => {
    const p = await register({
      warrants: [
        eawPerson().warrants[0],
        { kind: 'red_notice', issuingCountry: 'SE', issuingAuthority: 'Interpol NCB Stockholm', issuedAt: '2026-10-05', channelReference: 'A-1234/10-2026' } as never,
      ],
    });
    const red = p.warrants.find((w: { kind: string }) => w.kind === 'red_notice');
    assert.equal(red.article3Status, 'pending');
    const noReason = await fast.post(`/api/wanted/${p.id}/warrants/${red.id}/article3`, { status: 'refused' });
    assert.equal(noReason.status, 400);
    assert.equal(noReason.body.error, 'wanted.article3_reason_required');
    const eawId = p.warrants.find((w: { kind: string }) => w.kind === 'eaw').id;
    const eaw = await fast.post(`/api/wanted/${p.id}/warrants/${eawId}/article3`, { status: 'approved' });
    assert.equal(eaw.body.error, 'wanted.article3_not_interpol');
    const refused = await fast.post(`/api/wanted/${p.id}/warrants/${red.id}/article3`, { status: 'refused', reason: 'Predominantly political character' });
    assert.equal(refused.status, 200, JSON.stringify(refused.body));
    assert.equal(refused.body.warrants.find((w: { id: string }) => w.id === red.id).article3Status, 'refused');
    const r = await act(fast, p.id, 'arrest', { warrantId: red.id, countryCode: 'TR', arrestedAt: '2026-11-20T10:00:00Z' });
    assert.equal(r.status, 400);
    assert.equal(r.body.error, 'wanted.article3_refused');
    assert.equal((await fast.get(`/api/wanted/${p.id}?${J}`)).body.status, 'wanted');
    assert.equal((await duty.post(`/api/wanted/${p.id}/warrants/${red.id}/article3`, { status: 'approved' })).status, 404);
  });

  test('a stale version is refused', async () => {
    const p = await register();
    const r = await fast.post(`/api/wanted/${p.id}/locate`, { version: p.version + 1, countryCode: 'ES' });
    assert.equal(r.status, 409);
    assert.equal(r.body.error, 'wanted.stale_version');
  });
});

describe('status transitions and clocks over HTTP', () => {
  test('wanted → located → arrested (consent) → decision → surrendered, with the EAW clocks on the desk', async () => {
    const p = await register();
    assert.equal((await act(fast, p.id, 'locate', { countryCode: 'ES', place: 'Málaga' })).body.status, 'located');
    const arrested = await act(fast, p.id, 'arrest', { warrantId: p.warrants[0].id, countryCode: 'ES', place: 'Málaga', arrestedAt: '2026-11-22T10:00:00Z' });
    assert.equal(arrested.status, 200, JSON.stringify(arrested.body));
    assert.equal(arrested.body.status, 'arrested');
    assert.equal(arrested.body.clocks[0].dueAt, '2027-01-21T10:00:00.000Z');
    const desk = await fast.get('/api/wanted/clocks');
    const row = desk.body.items.find((i: { id: string }) => i.id === p.id);
    assert.equal(row.clock.clock, 'decision');
    assert.equal(row.arrestCountry, 'ES');
    assert.equal(row.fullName, undefined, 'the desk shows no names');
    // Consent shortens the clock to 10 days from the consent (Art 17(2)).
    const consent = await act(fast, p.id, 'record-consent', { consent: true, consentAt: '2026-11-23T08:00:00Z' });
    assert.equal(consent.body.clocks[0].dueAt, '2026-12-03T08:00:00.000Z');
    const ext = await act(fast, p.id, 'extend-exceptional', { reason: 'Translation of the judgment outstanding' });
    assert.equal(ext.body.clocks[0].dueAt, '2027-01-02T08:00:00.000Z');
    assert.equal((await act(fast, p.id, 'extend-exceptional', { reason: 'again' })).body.error, 'wanted.already_extended');
    const decided = await act(fast, p.id, 'record-final-decision', { decidedAt: '2026-11-23T09:00:00Z' });
    const surrenderClock = decided.body.clocks.find((c: { clock: string }) => c.clock === 'surrender');
    assert.equal(surrenderClock.dueAt, '2026-12-03T09:00:00.000Z');
    const done = await act(fast, p.id, 'surrender', {});
    assert.equal(done.body.status, 'surrendered');
    assert.equal(done.body.warrants[0].status, 'closed');
    assert.equal((await act(fast, p.id, 'locate', { countryCode: 'ES' })).body.error, 'wanted.invalid_transition');
    const pending = await count(`job WHERE status = 'pending' AND dedupe_key LIKE 'wanted:clock:${p.id}:%'`);
    assert.equal(pending, 0, 'no reminders for a met clock');
  });

  test('lose track, withdraw, expire and return', async () => {
    const a = await register();
    await act(fast, a.id, 'locate', { countryCode: 'DE' });
    assert.equal((await act(fast, a.id, 'lose-track', {})).body.status, 'wanted');
    assert.equal((await act(fast, a.id, 'withdraw', { reason: 'Häktningsbeslutet hävt' })).body.status, 'withdrawn');
    const b = await register();
    assert.equal((await act(fast, b.id, 'expire', {})).body.status, 'expired');
    const c = await register();
    assert.equal((await act(fast, c.id, 'return', { note: 'Gave himself up in Sweden' })).body.status, 'returned');
  });

  test('a Nordic warrant clock reminds the officer and escalates to the FAST supervisors when it runs out', async () => {
    const p = await register({
      legalBasis: 'arrest_in_absentia',
      warrants: [{ kind: 'naw', issuingCountry: 'SE', issuingAuthority: 'Åklagarmyndigheten', issuedAt: '2026-11-01' } as never],
    });
    const r = await act(fast, p.id, 'arrest', { warrantId: p.warrants[0].id, countryCode: 'NO', arrestedAt: '2026-11-23T08:00:00Z' });
    assert.equal(r.body.clocks[0].dueAt, '2026-12-07T08:00:00.000Z');
    env.clock.set('2026-12-07T08:00:01Z');
    try {
      await runDueJobs(env.ctx, allJobs);
      const notes = rowsOf<{ user_id: string; kind: string }>(await env.database.db.execute(sql`SELECT user_id, kind FROM notification WHERE entity_id = ${p.id}`));
      assert.ok(notes.some((n) => n.kind === 'reminder' && n.user_id === fast.actor.id));
      assert.ok(notes.some((n) => n.kind === 'escalation' && n.user_id === fastSupervisor.actor.id));
    } finally {
      env.clock.set('2026-11-23T09:00:00Z');
    }
  });

  test('warrant validity and review dates raise reminders before they lapse', async () => {
    const p = await register();
    const keys = rowsOf<{ dedupe_key: string; run_at: Date }>(await env.database.db.execute(sql`SELECT dedupe_key, run_at FROM job WHERE dedupe_key LIKE ${`wanted:lapse:${p.warrants[0].id}:%`} AND status = 'pending' ORDER BY run_at`));
    assert.deepEqual(keys.map((k) => k.dedupe_key.split(':').slice(3).join(':')), [
      'reviewAt:2026-12-10:30', 'reviewAt:2026-12-10:7', 'reviewAt:2026-12-10:0',
      'validUntil:2027-10-01:30', 'validUntil:2027-10-01:7', 'validUntil:2027-10-01:0',
    ]);
    const desk = await fast.get('/api/wanted/clocks');
    assert.ok(desk.body.lapsing.some((l: { warrantId: string; field: string }) => l.warrantId === p.warrants[0].id && l.field === 'reviewAt'));
  });
});

describe('search work', () => {
  test('leads, tasks, locations and a drafted request to a foreign FAST team land on the timeline', async () => {
    const p = await register();
    await fast.post(`/api/wanted/${p.id}/leads`, { source: 'foreign_fast', sourceCountry: 'ES', body: 'Seen in Marbella last week' });
    await fast.post(`/api/wanted/${p.id}/tasks`, { title: 'Check flight passenger lists' });
    await fast.post(`/api/wanted/${p.id}/locations`, { countryCode: 'ES', place: 'Marbella', fromDate: '2026-11-10', toDate: '2026-11-15' });
    const bad = await fast.post(`/api/wanted/${p.id}/locations`, { countryCode: 'ES', fromDate: '2026-11-15', toDate: '2026-11-10' });
    assert.equal(bad.body.error, 'wanted.date_out_of_order');
    const r = await fast.post(`/api/wanted/${p.id}/requests`, { countryCode: 'ES', counterpartAuthority: 'FAST Spain', informationSought: 'Please locate and arrest' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const d = r.body.detail;
    assert.equal(d.leads.length, 1);
    assert.equal(d.tasks.length, 1);
    assert.equal(d.locations.length, 1);
    assert.equal(d.requests[0].requestId, r.body.requestId);
    assert.deepEqual(d.timeline.map((e: { kind: string }) => e.kind), ['registered', 'lead', 'task', 'location', 'request_drafted']);
    const request = await fast.get(`/api/requests/${r.body.requestId}`);
    assert.equal(request.body.status, 'draft');
  });

  test('a photo is stored by its sniffed type; a non-image is refused', async () => {
    const p = await register();
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const form = (data: Buffer, name: string) => {
      const b = '----polsam';
      return { payload: Buffer.concat([Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`), data, Buffer.from(`\r\n--${b}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
    };
    const ok = await fast.raw({ method: 'POST', url: `/api/wanted/${p.id}/photos?public=true`, ...form(png, 'a.png') });
    assert.equal(ok.status, 200, ok.raw);
    assert.equal(ok.body.photos[0].contentType, 'image/png');
    const bad = await fast.raw({ method: 'POST', url: `/api/wanted/${p.id}/photos`, ...form(Buffer.from('<script>alert(1)</script>'), 'x.png') });
    assert.equal(bad.status, 415);
    // For an officer the photo is a consultation like the record: refused without a justification, logged with it.
    const own = `/api/wanted/${p.id}/photos/${ok.body.photos[0].id}`;
    assert.equal((await fast.raw({ method: 'GET', url: own })).status, 400);
    assert.equal((await fast.raw({ method: 'GET', url: `${own}?${J}` })).status, 200);
    const viewed = rowsOf<{ justification: string }>(await env.database.db.execute(sql`
      SELECT justification FROM audit_event WHERE action = 'wanted.photo.view' AND entity_id = ${p.id}`));
    assert.deepEqual(viewed.map((v) => v.justification), ['FAST search SE-2026-1']);
    // A photo marked public is shown on the appeal once the person is published, and only then.
    const photoUrl = `/api/public/wanted/${p.id}/photos/${ok.body.photos[0].id}`;
    assert.equal((await env.app.inject({ method: 'GET', url: photoUrl })).statusCode, 404);
    await act(fastSupervisor, p.id, 'publish', { decision: 'Beslut: allmänhetens hjälp behövs' });
    const item = (await env.app.inject({ method: 'GET', url: '/api/public/wanted' })).json().items.find((i: { id: string }) => i.id === p.id);
    assert.equal(item.photoUrl, photoUrl);
    const shown = await env.app.inject({ method: 'GET', url: photoUrl });
    assert.equal(shown.statusCode, 200);
    assert.equal(shown.headers['content-type'], 'image/png');
  });
});

describe('public appeal', () => {
  const anon = (method: 'GET' | 'POST', url: string, payload?: unknown, ip = '10.0.0.1') =>
    env.app.inject({ method, url, payload: payload as never, remoteAddress: ip });

  test('only a FAST supervisor publishes, only public fields are shown, and unpublishing takes effect at once', async () => {
    const p = await register();
    assert.equal((await anon('GET', '/api/public/wanted')).json().items.some((i: { id: string }) => i.id === p.id), false);
    assert.equal((await act(fast, p.id, 'publish', { decision: 'Decision 2026-11-23' })).status, 403);
    const pub = await act(fastSupervisor, p.id, 'publish', { decision: 'Beslut: allmänhetens hjälp behövs' });
    assert.equal(pub.status, 200, JSON.stringify(pub.body));
    assert.equal(pub.body.publication.decidedBy !== null, true);
    const list = (await anon('GET', '/api/public/wanted')).json();
    const item = list.items.find((i: { id: string }) => i.id === p.id);
    assert.deepEqual(Object.keys(item).sort(), ['description', 'fullName', 'id', 'offenceSummary', 'photoUrl']);
    const raw = JSON.stringify(list);
    assert.ok(!raw.includes('May be armed') && !raw.includes('AM-12345-26') && !raw.includes('Göteborgs tingsrätt'));
    assert.equal((await act(fast, p.id, 'unpublish', { reason: 'Located' })).status, 200);
    assert.equal((await anon('GET', '/api/public/wanted')).json().items.some((i: { id: string }) => i.id === p.id), false);
  });

  test('a person leaving the search (arrest) leaves the public page', async () => {
    const p = await register();
    await act(fastSupervisor, p.id, 'publish', { decision: 'Beslut' });
    await act(fast, p.id, 'arrest', { warrantId: p.warrants[0].id, countryCode: 'ES', arrestedAt: '2026-11-23T08:00:00Z' });
    assert.equal((await anon('GET', '/api/public/wanted')).json().items.some((i: { id: string }) => i.id === p.id), false);
  });

  test('a tip lands as a lead, answered 202 with nothing echoed; tips on unpublished persons are not found', async () => {
    const p = await register();
    await act(fastSupervisor, p.id, 'publish', { decision: 'Beslut' });
    const tip = await anon('POST', `/api/public/wanted/${p.id}/tips`, { message: 'I saw him at the ferry terminal in Trelleborg', contact: 'anna@example.org' }, '10.0.0.2');
    assert.equal(tip.statusCode, 202);
    assert.equal(tip.body, '');
    const d = await fast.get(`/api/wanted/${p.id}?${J}`);
    assert.equal(d.body.leads[0].source, 'public');
    const hidden = await register();
    const r = await anon('POST', `/api/public/wanted/${hidden.id}/tips`, { message: 'I saw him at the ferry terminal' }, '10.0.0.3');
    assert.equal(r.statusCode, 404);
    assert.equal((await anon('GET', `/api/public/wanted/${hidden.id}/photos/${hidden.id}`)).statusCode, 404);
  });

  test('tips with markup or of 100 KB are refused and store nothing; tips are rate limited', async () => {
    const p = await register();
    await act(fastSupervisor, p.id, 'publish', { decision: 'Beslut' });
    const before = await count('wanted_lead');
    const script = await anon('POST', `/api/public/wanted/${p.id}/tips`, { message: 'Hello <script>alert(1)</script> there' }, '10.0.0.4');
    assert.equal(script.statusCode, 400);
    assert.equal(script.json().error, 'wanted.tip_markup');
    const huge = await anon('POST', `/api/public/wanted/${p.id}/tips`, { message: 'x'.repeat(100 * 1024) }, '10.0.0.5');
    assert.equal(huge.statusCode, 413);
    assert.equal(await count('wanted_lead'), before);
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await anon('POST', `/api/public/wanted/${p.id}/tips`, { message: `Seen him today, number ${i}` }, '10.0.0.6')).statusCode);
    assert.deepEqual(codes.slice(0, 5), [202, 202, 202, 202, 202]);
    assert.equal(codes[6], 429);
  });
});

describe('Interpol import', () => {
  const notice = (n: number, o: Record<string, unknown> = {}) => ({
    entity_id: `2026/${10000 + n}`, forename: 'JOHN', name: `DOE${n}`, date_of_birth: '1980/01/02', nationalities: ['GB'], sex_id: 'M',
    arrest_warrants: [{ issuing_country_id: 'GB', charge: 'Murder' }], _links: { self: { href: `https://ws-public.interpol.int/notices/v1/red/2026-${10000 + n}` } }, ...o,
  });
  const doc = (items: unknown[]) => ({ total: items.length, _embedded: { notices: items } });

  test('imports red notices once: a second import and duplicates in the file create nothing', async () => {
    const first = await fast.post('/api/wanted/import/interpol', doc([notice(1), notice(2), notice(2), { entity_id: 'bad' }]));
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.deepEqual({ ...first.body, errors: first.body.errors.length }, { received: 4, inserted: 2, duplicates: 1, skipped: 0, errors: 1 });
    const again = await admin.post('/api/wanted/import/interpol', doc([notice(1), notice(2)]));
    assert.deepEqual(again.body.inserted, 0);
    assert.equal(await count(`wanted_person WHERE interpol_entity_id IN ('2026/10001','2026/10002')`), 2);
    assert.equal(await count(`wanted_warrant w JOIN wanted_person p ON p.id = w.person_id WHERE p.interpol_entity_id = '2026/10001'`), 1);
    const r = await fast.get(`/api/wanted?${J}&q=DOE1`);
    assert.equal(r.body.items[0].requestingAuthority, 'foreign');
    assert.deepEqual(r.body.items[0].warrantKinds, ['red_notice']);
  });

  test('a duty officer cannot import', async () => {
    assert.equal((await duty.post('/api/wanted/import/interpol', doc([notice(3)]))).status, 404);
  });
});
