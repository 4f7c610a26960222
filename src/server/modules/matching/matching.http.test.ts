/**
 * Cross-check in the product, over HTTP on a real database: persons are indexed as they are stored, hits appear
 * on the request and in the queue, officers judge them, and person search honours need-to-know.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db/client.ts';
import { buildRequest, createTestEnv, type Client, type TestEnv } from '../../testing/harness.ts';

let env: TestEnv;
let duty: Client;
let officer: Client;
let otherUnit: Client;
let fast: Client;
let auditor: Client;

before(async () => {
  env = await createTestEnv();
  duty = await env.login(await env.buildUser({ roles: ['duty_officer'] }));
  officer = await env.login(await env.buildUser({ roles: ['case_officer'] }));
  otherUnit = await env.login(await env.buildUser({ roles: ['duty_officer', 'supervisor'], unit: 'SIRENE' }));
  fast = await env.login(await env.buildUser({ roles: ['fast_officer'], unit: 'FAST' }));
  auditor = await env.login(await env.buildUser({ roles: ['auditor'] }));
});
after(() => env.close());

const J = encodeURIComponent('checking a cross-check hit');
const person = (fullName: string, o: Record<string, unknown> = {}) => ({ fullName, category: 'suspect', ...o });

/** The hits of a request: they name persons, so they come with the justified consultation of its persons. */
async function hitsOf(as: Client, requestId: string) {
  const seen = await as.get(`/api/requests/${requestId}/persons?justification=${J}`);
  assert.equal(seen.status, 200, JSON.stringify(seen.body));
  return seen.body.hits;
}

/** Registers a request and consults its hits as the same officer. */
async function register(persons: ReturnType<typeof person>[], as: Client = duty) {
  const r = await as.post('/api/requests', buildRequest({ persons } as never));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return { ...r.body, hits: await hitsOf(as, r.body.id) };
}

async function registerWanted(fullName: string, o: Record<string, unknown> = {}) {
  const r = await fast.post('/api/wanted', {
    fullName, otherScriptNames: [], aliases: [], dateOfBirth: '1985-03-14', gender: 'male', nationalities: ['TJ'],
    requestingAuthority: 'kriminalvarden', authorityReference: `KV-2026-${Math.floor(Math.random() * 1e6)}`, legalBasis: 'prison_sentence',
    offence: 'Grov narkotikasmuggling', offenceSummary: 'Drug smuggling',
    warrants: [{ kind: 'eaw', issuingCountry: 'SE', issuingAuthority: 'Åklagarmyndigheten', issuedAt: '2026-09-01', eaw: { c_judgment: 'Svea hovrätt B 1-26', d_offence: 'Narkotika' } }],
    ...o,
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

const search = (as: Client, q: string, extra = '') => as.get(`/api/persons/search?q=${encodeURIComponent(q)}&justification=${J}${extra}`);

describe('cross-check of incoming requests', () => {
  test('a wanted person registered in Latin script is hit by a request naming him in Cyrillic; the desk sees it', async () => {
    const w = await registerWanted('Muhammad Abdullaev');
    const r = await register([person('Мухаммад Абдуллаев', { dateOfBirth: '1985-03-14', nationalities: ['TJ'] })]);
    const hit = r.hits.find((h: { targetId: string }) => h.targetId === w.id);
    assert.ok(hit, JSON.stringify(r.hits));
    assert.equal(hit.targetKind, 'wanted_person');
    assert.equal(hit.level, 'alert');
    assert.equal(hit.status, 'open');
    assert.ok(hit.score >= 0.8);
    assert.match(hit.targetLabel, /Muhammad Abdullaev/);
    assert.ok(hit.parts.length >= 2, 'the explanation names the part pairs');
    assert.ok(hit.factors.some((f: { factor: string }) => f.factor === 'birth_date'));
    assert.match(hit.explanation, /Абдуллаев/);
    assert.equal(r.openHitCount, 1);
    const queue = await duty.get('/api/requests?status=open');
    assert.equal(queue.body.items.find((x: { id: string }) => x.id === r.id).openHitCount, 1);
    const notes = await duty.get('/api/notifications');
    assert.ok(notes.body.items.some((n: { kind: string; entityId: string }) => n.kind === 'hit' && n.entityId === r.id));
  });

  test('a hit on a person of another unit\'s request names its reference but not the person', async () => {
    const held = await register([person('Konstantin Wielopolski', { dateOfBirth: '1966-04-02' })], otherUnit);
    const r = await register([person('Konstanty Wielopolski', { dateOfBirth: '1966-04-02' })]);
    const hit = r.hits.find((h: { targetLabel: string }) => h.targetLabel.includes(held.reference));
    assert.ok(hit, JSON.stringify(r.hits));
    assert.doesNotMatch(hit.targetLabel, /Wielopolski/);
    assert.doesNotMatch(hit.explanation, /Konstantin/);
    const own = await register([person('Konstantin Wielopolski', { dateOfBirth: '1966-04-02' })], otherUnit);
    const mine = own.hits.find((h: { targetLabel: string }) => h.targetLabel.includes(held.reference));
    assert.ok(mine, 'the unit holding both sees its own hit');
    assert.match(mine.targetLabel, /Konstantin Wielopolski/);
  });

  test('an explanation is rendered in the reader\'s language', async () => {
    await registerWanted('Dmitrij Sokolov', { dateOfBirth: '1971-01-05', nationalities: ['RU'] });
    const r = await register([person('Дмитрий Соколов', { dateOfBirth: '1971-01-05' })]);
    const sv = await env.login(duty.actor, 'sv');
    assert.match((await hitsOf(sv, r.id))[0].explanation, /Födelsedatum/);
    assert.match(r.hits[0].explanation, /Date of birth/);
  });

  test('a person saved a second ago is found by the next request, in another script', async () => {
    const first = await register([person('Nikita Chrusjtjov', { dateOfBirth: '1964-04-15' })]);
    const second = await register([person('Никита Хрущёв', { dateOfBirth: '1964-04-15' })]);
    const hit = second.hits.find((h: { targetKind: string; targetLabel: string }) => h.targetKind === 'request_person' && h.targetLabel.includes(first.reference));
    assert.ok(hit, JSON.stringify(second.hits));
  });

  test('Mohammed Hassan and Mohammed Hussein with different dates of birth do not alert', async () => {
    await register([person('Mohammed Hassan', { dateOfBirth: '1980-01-01' })]);
    const r = await register([person('Mohammed Hussein', { dateOfBirth: '1992-06-06' })]);
    assert.equal(r.hits.filter((h: { level: string }) => h.level === 'alert').length, 0, JSON.stringify(r.hits));
  });

  test('a person added later to a request is cross-checked at once', async () => {
    await registerWanted('Jovan Petrović', { dateOfBirth: '1977-07-07', nationalities: ['RS'] });
    const r = await register([]);
    const added = await duty.post(`/api/requests/${r.id}/persons`, person('Йован Петровић', { dateOfBirth: '1977-07-07' }));
    assert.equal(added.status, 200, JSON.stringify(added.body));
    assert.equal(added.body.openHitCount, 1);
    assert.equal((await hitsOf(duty, r.id)).length, 1);
  });

  test('an imported Interpol Red Notice goes through the same index: a request in Arabic script hits it', async () => {
    const notice = { entity_id: '2026/55501', forename: 'AHMED', name: 'AL-RASHIDI', date_of_birth: '1983/06/21', nationalities: ['IQ'], sex_id: 'M',
      arrest_warrants: [{ issuing_country_id: 'IQ', charge: 'Murder' }], _links: { self: { href: 'https://ws-public.interpol.int/notices/v1/red/2026-55501' } } };
    const imported = await fast.post('/api/wanted/import/interpol', { total: 1, _embedded: { notices: [notice] } });
    assert.equal(imported.status, 200, JSON.stringify(imported.body));
    assert.equal(imported.body.inserted, 1);
    const r = await register([person('أحمد الراشدي', { dateOfBirth: '1983-06-21' })]);
    const hit = r.hits.find((h: { targetKind: string; targetLabel: string }) => h.targetKind === 'wanted_person' && /AL-RASHIDI/i.test(h.targetLabel));
    assert.ok(hit, JSON.stringify(r.hits));
  });

  test('a wanted person registered after a request arrived raises the hit on that open request', async () => {
    const r = await register([person('Шерзод Юсупов', { dateOfBirth: '1991-11-11' })]);
    assert.equal(r.hits.length, 0);
    const w = await registerWanted('Sherzod Yusupov', { dateOfBirth: '1991-11-11' });
    const hits = await hitsOf(duty, r.id);
    assert.ok(hits.some((h: { targetId: string }) => h.targetId === w.id), JSON.stringify(hits));
  });

  test('a wanted person no longer sought raises no hit', async () => {
    const w = await registerWanted('Aleksandr Vasilevskij', { dateOfBirth: '1969-09-09' });
    await env.database.db.execute(sql`UPDATE match_subject SET active = false WHERE source_id = ${w.id}`);
    const r = await register([person('Александр Василевский', { dateOfBirth: '1969-09-09' })]);
    assert.equal(r.hits.filter((h: { targetId: string }) => h.targetId === w.id).length, 0);
  });
});

describe('officers judge hits', () => {
  test('confirm and reject are stored, audited, and survive a re-run of the cross-check', async () => {
    await registerWanted('Rustam Nazarov', { dateOfBirth: '1990-02-02' });
    await register([person('Rustam Nazarov', { dateOfBirth: '1990-02-02' })]);
    const r = await register([person('Рустам Назаров', { dateOfBirth: '1990-02-02' })]);
    assert.equal(r.hits.length, 2, JSON.stringify(r.hits));
    const [a, b] = r.hits;
    const c = await officer.post(`/api/hits/${a.id}/confirm`, { version: a.version, note: 'Same passport photo' });
    assert.equal(c.status, 200, JSON.stringify(c.body));
    assert.equal(c.body.hit.status, 'confirmed');
    assert.equal(c.body.hit.decidedBy.id, officer.actor.id);
    const rj = await officer.post(`/api/hits/${b.id}/reject`, { version: b.version });
    assert.equal(rj.body.hit.status, 'rejected');
    // A decision is never silently undone: a re-run keeps both.
    const rerun = await duty.post(`/api/requests/${r.id}/cross-check`);
    assert.equal(rerun.status, 200, JSON.stringify(rerun.body));
    assert.deepEqual(rerun.body, { openAlerts: 0, openReviews: 0, decided: 2 });
    const statuses = Object.fromEntries((await hitsOf(duty, r.id)).map((h: { id: string; status: string }) => [h.id, h.status]));
    assert.deepEqual(statuses, { [a.id]: 'confirmed', [b.id]: 'rejected' });
    // Deciding again, or with a stale version, is a conflict; nothing changes.
    assert.equal((await officer.post(`/api/hits/${a.id}/reject`, { version: 2 })).status, 409);
    const audit = rowsOf<{ action: string }>(await env.database.db.execute(sql`SELECT action FROM audit_event WHERE action LIKE 'matching.hit.%' ORDER BY seq`));
    assert.deepEqual(audit.map((x) => x.action), ['matching.hit.confirm', 'matching.hit.reject']);
    const detail = await duty.get(`/api/requests/${r.id}`);
    assert.equal(detail.body.openHitCount, 0);
  });

  test('a stale version is refused', async () => {
    await registerWanted('Farrukh Tashkentov', { dateOfBirth: '1988-08-08' });
    const r = await register([person('Фаррух Ташкентов', { dateOfBirth: '1988-08-08' })]);
    const res = await officer.post(`/api/hits/${r.hits[0].id}/confirm`, { version: 7 });
    assert.equal(res.status, 409);
    assert.equal(res.body.error, 'matching.stale_version');
  });

  test('an officer of another unit gets "not found"; an auditor may read but not judge', async () => {
    await registerWanted('Oybek Karimov', { dateOfBirth: '1984-04-04' });
    const r = await register([person('Ойбек Каримов', { dateOfBirth: '1984-04-04' })]);
    const h = r.hits[0];
    const other = await otherUnit.post(`/api/hits/${h.id}/confirm`, { version: h.version });
    assert.equal(other.status, 404);
    assert.equal((await otherUnit.post(`/api/requests/${r.id}/cross-check`)).status, 404);
    assert.equal((await auditor.post(`/api/hits/${h.id}/confirm`, { version: h.version })).status, 403);
    assert.equal((await hitsOf(duty, r.id))[0].status, 'open');
  });
});

describe('person search', () => {
  test('finds a request person in another script, audited as a consultation with the justification', async () => {
    const r = await register([person('Ivan Kuznetsov', { dateOfBirth: '1975-05-05' })]);
    const res = await search(duty, 'Иван Кузнецов');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const item = res.body.items.find((i: { requestId: string }) => i.requestId === r.id);
    assert.ok(item, JSON.stringify(res.body));
    assert.equal(item.kind, 'request_person');
    assert.equal(item.reference, r.reference);
    const a = rowsOf<{ category: string; justification: string }>(await env.database.db.execute(sql`
      SELECT category, justification FROM audit_event WHERE action = 'matching.persons.search' ORDER BY seq DESC LIMIT 1`))[0];
    assert.deepEqual(a, { category: 'consultation', justification: 'checking a cross-check hit' });
  });

  test('need-to-know: another unit does not find the persons; only FAST finds wanted persons', async () => {
    await register([person('Bakhtiyor Sultanov', { dateOfBirth: '1979-03-03' })]);
    const w = await registerWanted('Bakhtiyor Sultanov');
    const other = await search(otherUnit, 'Bakhtiyor Sultanov');
    assert.equal(other.status, 200);
    assert.deepEqual(other.body.items, []);
    const desk = await search(duty, 'Bakhtiyor Sultanov');
    assert.ok(desk.body.items.length >= 1);
    assert.ok(desk.body.items.every((i: { kind: string }) => i.kind === 'request_person'));
    const f = await search(fast, 'Бахтиёр Султанов');
    assert.ok(f.body.items.some((i: { id: string }) => i.id === w.id), JSON.stringify(f.body));
  });
});

describe('bad input never crashes or hangs', () => {
  test('search refuses what is not a name, with a translated message', async () => {
    const noJustification = await duty.get(`/api/persons/search?q=Ivan`);
    assert.equal(noJustification.status, 400);
    assert.equal((await duty.get(`/api/persons/search?q=Ivan&justification=short`)).status, 400);
    assert.equal((await search(duty, '')).status, 400);
    assert.equal((await search(duty, '   ')).status, 400);
    const long = await search(duty, 'A'.repeat(5000));
    assert.equal(long.status, 400);
    assert.ok(long.body.fields?.length, JSON.stringify(long.body));
    assert.equal((await search(duty, 'Ivan\u0000Kuz')).status, 400);
    assert.equal((await search(duty, 'Ivan\u0007')).status, 400);
    const emoji = await search(duty, '😀😀😀');
    assert.equal(emoji.status, 400);
    assert.equal(emoji.body.error, 'matching.name_no_letters');
    assert.equal((await search(duty, 'Ivan', '&dateOfBirth=1975-02-30')).status, 400);
    assert.equal((await search(duty, 'Ivan', '&dateOfBirth=yesterday')).status, 400);
    const mixed = await search(duty, 'Ivan Кузнецов 😀');
    assert.equal(mixed.status, 200, JSON.stringify(mixed.body));
  });

  test('a request naming odd persons is registered; unusable names are simply not matched', async () => {
    const r = await register([
      person('😀😀'), person('!!!'), person('Ivan 😀 Кузнецов'), person('X'.repeat(300)), person('Łukasz Żółć-Öberg', { aliases: ['😀', 'Lukasz Zolc'] }),
    ]);
    assert.equal(r.personCount, 5);
    const bad = await duty.post('/api/requests', buildRequest({ persons: [person('A'.repeat(5000))] } as never));
    assert.equal(bad.status, 400);
    const badDate = await duty.post('/api/requests', buildRequest({ persons: [person('Ivan', { dateOfBirth: '1990-13-01' })] } as never));
    assert.equal(badDate.status, 400);
  });

  test('a hit decision with a malformed body or id is a 400, not a crash', async () => {
    assert.equal((await duty.post('/api/hits/not-a-uuid/confirm', { version: 1 })).status, 400);
    assert.equal((await duty.post(`/api/hits/${crypto.randomUUID()}/confirm`, { version: 'x' })).status, 400);
    assert.equal((await duty.post(`/api/hits/${crypto.randomUUID()}/confirm`, { version: 1 })).status, 404);
  });
});
