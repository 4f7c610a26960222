import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, TEST_PASSWORD, type TestEnv } from '../../testing/harness.ts';
import { inTransaction } from '../context.ts';
import { notify } from './notification.service.ts';

let env: TestEnv;
let base: string;

before(async () => {
  env = await createTestEnv();
  await env.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(env.app.server.address() as { port: number }).port}`;
});
after(() => env.close());

/** Reads server-sent events from a live stream until one satisfies `want`, or fails after `ms`. */
async function nextEvent(reader: ReadableStreamDefaultReader<Uint8Array>, want: (data: { unread: number; latestAt: string | null }) => boolean, ms = 8000) {
  const decoder = new TextDecoder();
  let buffer = '';
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))]);
    if (!chunk || chunk.done) break;
    buffer += decoder.decode(chunk.value, { stream: true });
    let i: number;
    while ((i = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, i);
      buffer = buffer.slice(i + 2);
      const data = block.split('\n').find((l) => l.startsWith('data: '));
      if (block.includes('event: notifications') && data) {
        const parsed = JSON.parse(data.slice(6));
        if (want(parsed)) return parsed;
      }
    }
  }
  throw new Error('no matching event before the timeout');
}

test('the stream pushes the unread count when a notification arrives, without reloading', async () => {
  const actor = await env.buildUser({ roles: ['duty_officer'] });
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: actor.username, password: TEST_PASSWORD }) });
  assert.equal(login.status, 200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const ctrl = new AbortController();
  const res = await fetch(`${base}/api/notifications/stream`, { headers: { cookie }, signal: ctrl.signal });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
  const reader = res.body!.getReader();
  const first = await nextEvent(reader, () => true);
  assert.deepEqual(first, { unread: 0, latestAt: null });
  await inTransaction(env.ctx, (tx) => notify(tx, { userIds: [actor.id], kind: 'reminder', messageKey: 'exchange.notifications.reminder', params: { reference: 'SE-2026-000001' } }));
  const second = await nextEvent(reader, (d) => d.unread === 1);
  assert.equal(second.latestAt, '2026-11-23T09:00:00.000Z');
  ctrl.abort();
});

test('the stream needs a signed-in user', async () => {
  const res = await fetch(`${base}/api/notifications/stream`);
  assert.equal(res.status, 401);
});
