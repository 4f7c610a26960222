/**
 * Hostile input over every write route (issue 11, item 8): NUL bytes, lone surrogates, year-0000 dates and a
 * `null` body on every POST/PUT/PATCH/DELETE the running app has (read from its OpenAPI document, so routes
 * added later are covered too), plus a truncated multipart body on upload routes. None may answer 500; text
 * that PostgreSQL cannot store must come back as 400 with a field error.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ROLES } from '../../shared/domain.ts';
import { buildRequest, createTestEnv, TEST_PASSWORD, type TestEnv } from '../testing/harness.ts';

let env: TestEnv;
before(async () => { env = await createTestEnv(); });
after(() => env.close());

type Kind = 'nul' | 'surrogate' | 'year0' | 'null';
type Schema = Record<string, any>;
interface Route { method: string; path: string; body: Schema | null; multipart: boolean }

const METHODS = ['post', 'put', 'patch', 'delete'];

/** Every write route of the app, from its OpenAPI document (the swagger plugin sees every registered route). */
async function writeRoutes(): Promise<{ routes: Route[]; spec: Schema }> {
  await env.app.ready();
  const spec = (env.app as unknown as { swagger(): Schema }).swagger();
  const routes: Route[] = [];
  for (const [path, ops] of Object.entries(spec.paths as Record<string, Record<string, Schema>>)) {
    for (const [method, op] of Object.entries(ops)) {
      if (!METHODS.includes(method)) continue;
      const content = op.requestBody?.content ?? {};
      routes.push({ method: method.toUpperCase(), path, body: content['application/json']?.schema ?? null, multipart: !!content['multipart/form-data'] || (op.consumes ?? []).includes('multipart/form-data') });
    }
  }
  // Sign-out and password change last: they end or change the session the other calls use.
  const lastly = (r: Route) => (/\/auth\/(logout|password)/.test(r.path) ? 1 : 0);
  return { routes: routes.sort((a, b) => lastly(a) - lastly(b)), spec };
}

const FILLER = 'Fuzz value for a field';
const pad = (s: string, min = 0) => (s.length >= min ? s : s + 'x'.repeat(min - s.length));

/** A value for a JSON schema, as valid as the schema says except for the hostile part of this kind. */
function valueFor(schema: Schema | undefined, kind: Kind, spec: Schema, ids: string[], depth = 0): unknown {
  if (!schema || depth > 8) return FILLER;
  if (schema.$ref) return valueFor(spec.components?.schemas?.[String(schema.$ref).split('/').pop()!], kind, spec, ids, depth + 1);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return valueFor(union.find((s: Schema) => s.type !== 'null') ?? union[0], kind, spec, ids, depth + 1);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s: Schema) => valueFor(s, kind, spec, ids, depth + 1)));
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  switch (type) {
    case 'string': return stringFor(schema, kind, ids);
    case 'integer': case 'number': return Math.max(1, Number(schema.minimum ?? schema.exclusiveMinimum ?? 1));
    case 'boolean': return false;
    case 'array': return Array.from({ length: Math.max(1, Number(schema.minItems ?? 1)) }, () => valueFor(schema.items, kind, spec, ids, depth + 1));
    case 'object': case undefined: {
      const out: Record<string, unknown> = {};
      for (const [k, s] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) out[k] = valueFor(s, kind, spec, ids, depth + 1);
      return out;
    }
    default: return null;
  }
}

const looksLike = (schema: Schema, sample: string) => {
  try { return !!schema.pattern && new RegExp(schema.pattern, 'u').test(sample); } catch { return false; }
};

function stringFor(schema: Schema, kind: Kind, ids: string[]): string {
  const min = Number(schema.minLength ?? 0);
  if (schema.format === 'uuid') return ids[0];
  const dateTime = schema.format === 'date-time' || looksLike(schema, '2026-01-02T03:04:05Z');
  const date = schema.format === 'date' || looksLike(schema, '2026-01-02');
  if (kind === 'year0' && dateTime) return '0000-01-01T00:00:00Z';
  if (kind === 'year0' && date) return '0000-01-01';
  if (kind === 'nul') return pad(`${FILLER}\u0000 end`, min);
  if (kind === 'surrogate') return pad(`${FILLER} \uD800 end`, min);
  if (dateTime) return '2026-11-23T08:00:00Z';
  if (date) return '2026-01-02';
  return pad(FILLER, min).slice(0, Math.max(min, Number(schema.maxLength ?? 200)));
}

const hasStrings = (v: unknown): boolean =>
  typeof v === 'string' ? !/^[0-9a-f-]{36}$/.test(v) : Array.isArray(v) ? v.some(hasStrings) : v && typeof v === 'object' ? Object.values(v).some(hasStrings) : false;

test('no write route answers 500 to NUL bytes, lone surrogates, year-0000 dates, a null body or a truncated upload', async () => {
  const user = await env.buildUser({ roles: [...ROLES] });
  let client = await env.login(user);
  // Real records for the id parameters, so the hostile values get past "not found" to the database.
  const officer = await env.login(await env.buildUser({ roles: ['duty_officer', 'case_officer'] }));
  const created = await officer.post('/api/requests', buildRequest({
    persons: [{ fullName: 'Fuzz Person', aliases: [], dateOfBirth: '1980-01-01', gender: 'male', nationalities: ['DE'], documents: [], category: 'suspect', nature: 'fact', reliability: 'B', accuracy: '2' }],
  }));
  assert.equal(created.status, 201, created.raw);
  const mine = await client.post('/api/requests', buildRequest());
  assert.equal(mine.status, 201, mine.raw);
  const ids = [mine.body.id as string, created.body.id as string, user.id, randomUUID()];

  const { routes, spec } = await writeRoutes();
  assert.ok(routes.length >= 30, `only ${routes.length} write routes found`);
  const failures: string[] = [];
  const wrongAnswer: string[] = [];
  let calls = 0;
  for (const route of routes) {
    const urls = route.path.includes('{') ? ids.map((id) => route.path.replace(/\{[^}]+\}/g, id)) : [route.path];
    for (const url of urls) {
      for (const kind of ['nul', 'surrogate', 'year0', 'null'] as Kind[]) {
        const body = kind === 'null' ? null : valueFor(route.body ?? { type: 'object', properties: { note: { type: 'string' } } }, kind, spec, ids);
        const payload = kind === 'null' ? 'null' : JSON.stringify(body);
        const res = await client.raw({ method: route.method as 'POST', url, payload, headers: { 'content-type': 'application/json' } });
        calls++;
        if (res.status === 500) failures.push(`${route.method} ${url} [${kind}] → 500 ${res.raw.slice(0, 160)}`);
        // Text PostgreSQL cannot store (NUL) or that is not Unicode (a lone surrogate) is a field error whenever the
        // body is read at all (an access check may answer first). The inbox reads raw signed bytes and refuses them itself.
        const refusedBeforeReading = [401, 403, 404, 413, 415, 429].includes(res.status);
        if ((kind === 'nul' || kind === 'surrogate') && hasStrings(body) && !refusedBeforeReading && !(res.status === 400 && res.body?.fields?.length) && !url.includes('/federation/inbox')) {
          wrongAnswer.push(`${route.method} ${url} [${kind}] → ${res.status} ${res.raw.slice(0, 160)}`);
        }
        if (res.status === 401) client = await env.login(user);
      }
      if (route.multipart) {
        const boundary = '----polsamfuzz';
        const truncated = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhalf a fi`;
        const res = await client.raw({ method: route.method as 'POST', url, payload: truncated, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
        calls++;
        if (res.status !== 400) failures.push(`${route.method} ${url} [truncated multipart] → ${res.status} ${res.raw.slice(0, 160)}`);
      }
    }
  }
  assert.deepEqual(failures, [], `${failures.length} answers of 500 (or a truncated upload not refused) in ${calls} calls`);
  assert.deepEqual(wrongAnswer, [], `${wrongAnswer.length} hostile texts not refused as a field error`);
  // The session still works: nothing above broke the server.
  const me = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: TEST_PASSWORD } });
  assert.equal(me.statusCode, 200);
});
