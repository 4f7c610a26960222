/**
 * The register feeds the matching index through the `setWantedIndexProvider` seam: every registration, correction,
 * status change and notice import hands the index its entries in the same transaction. The provider installed
 * here writes the entries to a table through the caller's transaction, so a rolled-back act leaves no entry.
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db/client.ts';
import { createTestEnv, type Client, type TestEnv } from '../../testing/harness.ts';
import { setWantedIndexProvider, type WantedIndexEntry } from './index.ts';
import { IMPORT_BATCH } from './wanted.import.ts';

let env: TestEnv;
let fast: Client;
const J = 'justification=FAST+index+check';
const FAIL_NAME = 'Index Failure';

before(async () => {
  env = await createTestEnv();
  await env.database.db.execute(sql`CREATE TABLE test_wanted_index (seq serial PRIMARY KEY, entry jsonb NOT NULL)`);
  setWantedIndexProvider({
    async index(ctx, entries) {
      if (entries.some((e) => e.names.includes(FAIL_NAME))) throw new Error('index unavailable');
      for (const e of entries) await ctx.db.execute(sql`INSERT INTO test_wanted_index (entry) VALUES (${JSON.stringify(e)}::jsonb)`);
    },
  });
  fast = await env.login(await env.buildUser({ roles: ['fast_officer'], unit: 'FAST' }));
});
after(async () => {
  setWantedIndexProvider(null);
  await env.close();
});
beforeEach(() => env.database.db.execute(sql`DELETE FROM test_wanted_index`));

async function indexed(): Promise<WantedIndexEntry[]> {
  return rowsOf<{ entry: WantedIndexEntry }>(await env.database.db.execute(sql`SELECT entry FROM test_wanted_index ORDER BY seq`)).map((r) => r.entry);
}

const person = (fullName: string) => ({
  fullName, otherScriptNames: ['Олег Смирнов', 'أوليغ سميرنوف'], aliases: ['Oleg S'], dateOfBirth: '1979-05-04', gender: 'male',
  nationalities: ['RU'], requestingAuthority: 'kriminalvarden', authorityReference: 'KV-2026-77', legalBasis: 'prison_sentence',
  offence: 'Rån, 4 års fängelse', offenceSummary: 'Robbery',
  warrants: [{ kind: 'eaw', issuingCountry: 'SE', issuingAuthority: 'Åklagarmyndigheten', issuedAt: '2026-09-01', eaw: { c_judgment: 'Svea hovrätt B 1-26', d_offence: 'Rån' } }],
});

describe('the matching index follows the register', () => {
  test('registration indexes every written form of the name, active', async () => {
    const r = await fast.post('/api/wanted', person('Oleg Smirnov'));
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.deepEqual(await indexed(), [{
      kind: 'wanted_person', id: r.body.id, reference: r.body.reference, names: ['Oleg Smirnov', 'Олег Смирнов', 'أوليغ سميرنوف', 'Oleg S'],
      dateOfBirth: '1979-05-04', nationalities: ['RU'], gender: 'male', active: true,
    }]);
  });

  test('a correction re-indexes the new names; an arrest keeps the entry active (clocks run), a withdrawal makes it inactive', async () => {
    const p = (await fast.post('/api/wanted', person('Oleg Smirnoff'))).body;
    const u = await fast.post(`/api/wanted/${p.id}/edit`, { version: p.version, aliases: ['Oleg S', 'Олежка'] });
    assert.equal(u.status, 200, JSON.stringify(u.body));
    assert.deepEqual(u.body.otherScriptNames, ['Олег Смирнов', 'أوليغ سميرنوف'], 'fields not sent stay as they were');
    let entries = await indexed();
    assert.deepEqual(entries.at(-1)!.names, ['Oleg Smirnoff', 'Олег Смирнов', 'أوليغ سميرنوف', 'Oleg S', 'Олежка']);
    const located = await fast.post(`/api/wanted/${p.id}/locate`, { version: u.body.version, countryCode: 'DE' });
    assert.equal((await indexed()).at(-1)!.active, true, 'located: still sought');
    const arrested = await fast.post(`/api/wanted/${p.id}/arrest`, { version: located.body.version, warrantId: p.warrants[0].id, countryCode: 'DE', arrestedAt: '2026-11-20T10:00:00Z' });
    assert.equal(arrested.status, 200, JSON.stringify(arrested.body));
    entries = await indexed();
    assert.equal(entries.at(-1)!.active, true, 'arrested: a request naming him must still show him while the surrender clocks run');
    assert.equal(entries.at(-1)!.id, p.id);
    const withdrawn = await fast.post(`/api/wanted/${p.id}/withdraw`, { version: arrested.body.version, reason: 'Verkställighet preskriberad' });
    assert.equal(withdrawn.body.status, 'withdrawn');
    assert.equal((await indexed()).at(-1)!.active, false);
  });

  test('an index that fails takes the registration with it: nothing half-written', async () => {
    const before = rowsOf<{ n: number }>(await env.database.db.execute(sql`SELECT count(*)::int AS n FROM wanted_person`))[0].n;
    const r = await fast.post('/api/wanted', person(FAIL_NAME));
    assert.equal(r.status, 500);
    const after = rowsOf<{ n: number }>(await env.database.db.execute(sql`SELECT count(*)::int AS n FROM wanted_person`))[0].n;
    assert.equal(after, before);
    assert.deepEqual(await indexed(), []);
  });

  test('an Interpol import indexes each new notice once, with its reference; a re-import indexes nothing', async () => {
    const doc = {
      total: 2,
      _embedded: {
        notices: [
          { entity_id: '2026/55501', forename: 'ALI', name: 'HASSAN', date_of_birth: '1981/02/03', nationalities: ['EG'], sex_id: 'M', arrest_warrants: [{ issuing_country_id: 'EG', charge: 'Murder' }] },
          { entity_id: '2026/55502', forename: 'WEI', name: 'ZHANG', date_of_birth: '1975/07/08', nationalities: ['CN'], sex_id: 'F', arrest_warrants: [{ issuing_country_id: 'CN', charge: 'Fraud' }] },
        ],
      },
    };
    const r = await fast.post('/api/wanted/import/interpol', doc);
    assert.equal(r.body.inserted, 2, JSON.stringify(r.body));
    const entries = await indexed();
    assert.deepEqual(entries.map((e) => [e.names, e.active, /^FAST-\d{7}$/.test(e.reference)]), [
      [['ALI HASSAN'], true, true],
      [['WEI ZHANG'], true, true],
    ]);
    await env.database.db.execute(sql`DELETE FROM test_wanted_index`);
    assert.equal((await fast.post('/api/wanted/import/interpol', doc)).body.inserted, 0);
    assert.deepEqual(await indexed(), []);
  });

  test('an import of several batches indexes every new notice once; a batch the index refuses takes the whole import back', async () => {
    const notices = (prefix: string, failLast: boolean) => Array.from({ length: IMPORT_BATCH + 5 }, (_, i) => ({
      entity_id: `${prefix}/${String(i).padStart(5, '0')}`, forename: failLast && i === IMPORT_BATCH + 4 ? 'Index' : `Person${i}`,
      name: failLast && i === IMPORT_BATCH + 4 ? 'Failure' : 'Batchtest', nationalities: ['DE'], sex_id: 'M',
      arrest_warrants: [{ issuing_country_id: 'DE', charge: 'Fraud' }],
    }));
    const count = async () => rowsOf<{ n: number }>(await env.database.db.execute(sql`SELECT count(*)::int AS n FROM wanted_person`))[0].n;
    const before = await count();
    const failing = await fast.post('/api/wanted/import/interpol', { _embedded: { notices: notices('2025', true) } });
    assert.equal(failing.status, 500);
    assert.equal(await count(), before, 'nothing of the first batch is left');
    assert.deepEqual(await indexed(), []);

    const ok = await fast.post('/api/wanted/import/interpol', { _embedded: { notices: notices('2024', false) } });
    assert.equal(ok.status, 200, JSON.stringify(ok.body).slice(0, 300));
    assert.equal(ok.body.inserted, IMPORT_BATCH + 5);
    const entries = await indexed();
    assert.equal(entries.length, IMPORT_BATCH + 5);
    assert.equal(new Set(entries.map((e) => e.id)).size, IMPORT_BATCH + 5);
    assert.deepEqual(entries.map((e) => e.names[0]), Array.from({ length: IMPORT_BATCH + 5 }, (_, i) => `Person${i} Batchtest`));
    assert.equal(await count(), before + IMPORT_BATCH + 5);
  });
});
