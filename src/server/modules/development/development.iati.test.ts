/**
 * The IATI export of the demo projects validates against the official IATI activity schema 2.03 (libxml2's XSD
 * validator, compiled to WASM). The XSD files are not part of the repository: they are read at test time from
 * IATI_SCHEMA_DIR, else ../shared/iati next to the repository, else /work/shared/iati — and the test fails when
 * none of these holds them.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';
import { createTestEnv, TEST_PASSWORD, type TestEnv } from '../../testing/harness.ts';
import { loadDemoDevelopment } from './development.demo.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const FILES = ['iati-activities-schema.xsd', 'iati-common.xsd', 'xml.xsd'];

function schemaDir(): string {
  const candidates = [process.env.IATI_SCHEMA_DIR, path.resolve(repoRoot, '../shared/iati'), '/work/shared/iati'].filter((x): x is string => !!x);
  const dir = candidates.find((d) => FILES.every((f) => fs.existsSync(path.join(d, f))));
  if (!dir) throw new Error(`IATI schema files (${FILES.join(', ')}) not found in: ${candidates.join(', ')}; set IATI_SCHEMA_DIR`);
  return dir;
}

async function validate(xml: string) {
  const dir = schemaDir();
  const [main, ...preload] = FILES.map((f) => ({ fileName: f, contents: fs.readFileSync(path.join(dir, f), 'utf8') }));
  return validateXML({ xml: { fileName: 'export.xml', contents: xml }, schema: main, preload });
}

let env: TestEnv;
let cookie = '';

before(async () => {
  env = await createTestEnv();
  // The demo's development officer and supervisor (src/server/demo.ts), then the demo projects as the demo loads them.
  await env.buildUser({ username: 'utveckling', roles: ['development_officer'], unit: 'DEV' });
  await env.buildUser({ username: 'utvecklingschef', roles: ['development_officer', 'supervisor'], unit: 'DEV' });
  await loadDemoDevelopment(env.ctx, env.clock.now().getTime());
  const r = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'utveckling', password: TEST_PASSWORD } });
  assert.equal(r.statusCode, 200, r.body);
  cookie = r.cookies.find((c) => c.name === 'polsam_session')!.value;
});
after(() => env.close());

const get = (url: string) => env.app.inject({ method: 'GET', url, cookies: { polsam_session: cookie } });

test('the export of all demo projects is valid IATI activity XML 2.03', async () => {
  const r = await get('/api/development/iati.xml');
  assert.equal(r.statusCode, 200, r.body);
  const result = await validate(r.body);
  assert.deepEqual(result.errors.map((e) => e.rawMessage), []);
  assert.equal(result.valid, true);
  // What the demo shows, as IATI codes: Moldova under way (2), Georgia in the pipeline (1).
  assert.equal((r.body.match(/<iati-activity /g) ?? []).length, 2);
  assert.match(r.body, /<reporting-org ref="SE-0-SE-6-2021000076" type="10">/);
  assert.match(r.body, /<recipient-country code="MD" percentage="100"\/>/);
  assert.match(r.body, /<recipient-country code="GE" percentage="100"\/>/);
  assert.match(r.body, /<activity-status code="2"\/>[\s\S]*<activity-status code="1"\/>/);
  assert.match(r.body, /<sector vocabulary="1" code="15210" percentage="100"\/>/);
  assert.match(r.body, /<policy-marker vocabulary="1" code="1" significance="1"\/>/);
  assert.match(r.body, /<policy-marker vocabulary="99" code="HR" significance="2">/);
  assert.equal((r.body.match(/<transaction-type code="3"\/>/g) ?? []).length, 3);
  assert.match(r.body, /<period-start iso-date="2025-01-01"\/>\s*<period-end iso-date="2025-12-31"\/>\s*<target value="45"\/>\s*<actual value="47"\/>/);
});

test('each demo project exported on its own is valid too', async () => {
  const list = JSON.parse((await get('/api/development/projects')).body) as { items: { id: string; reference: string }[] };
  assert.equal(list.items.length, 2);
  for (const p of list.items) {
    const r = await get(`/api/development/projects/${p.id}/iati.xml`);
    assert.equal(r.statusCode, 200);
    assert.ok(r.body.includes(`<iati-identifier>SE-0-SE-6-2021000076-${p.reference}</iati-identifier>`));
    const result = await validate(r.body);
    assert.deepEqual(result.errors.map((e) => e.rawMessage), [], p.reference);
  }
});

test('the validator refuses a document that breaks the schema (the check can fail)', async () => {
  const r = await get('/api/development/iati.xml');
  const broken = r.body.replace(/<reporting-org[\s\S]*?<\/reporting-org>/, '');
  const result = await validate(broken);
  assert.equal(result.valid, false);
  assert.match(result.errors[0].rawMessage, /reporting-org|title/);
});
