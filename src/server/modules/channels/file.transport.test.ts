import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ManualClock } from '../../platform/clock.ts';
import { createFileTransport } from './file.transport.ts';

let root: string;
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'polsam-channels-'));
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('file transport', () => {
  it('writes one JSON file per message and reads it back once, until acknowledged', async () => {
    const dir = join(root, 'loop');
    const clock = new ManualClock('2026-03-01T10:15:00.123Z');
    const t = createFileTransport({ outbox: dir, inbox: dir, clock });
    const sent = await t.send({ channel: 'sirene', format: 'polsam.sirene/1', wire: { form: 'M', n: 1 } });
    assert.ok(sent.ok);
    assert.match(sent.externalRef, /^20260301T101500123Z-sirene-[0-9a-f-]{36}$/);
    assert.deepEqual(await readdir(dir), [`${sent.externalRef}.json`, '.tmp'].sort());
    const [item] = await t.receive();
    assert.ok(item.ok);
    assert.deepEqual(item.message.wire, { form: 'M', n: 1 });
    assert.equal(item.message.channel, 'sirene');
    assert.equal((await t.receive()).length, 1, 'not acknowledged yet: delivered again');
    await t.ack(sent.externalRef);
    assert.deepEqual(await t.receive(), []);
    assert.deepEqual(await readdir(join(dir, 'processed')), [`${sent.externalRef}.json`]);
  });

  it('never lets a reader see a partly written file while large messages are being written', async () => {
    const dir = join(root, 'race');
    const t = createFileTransport({ outbox: dir, inbox: dir });
    const big = 'x'.repeat(2_000_000);
    let writing = true;
    const writer = (async () => {
      const results = await Promise.all(Array.from({ length: 24 }, (_, i) => t.send({ channel: 'siena', format: 'polsam.siena/1', wire: { i, big } })));
      writing = false;
      return results;
    })();
    const seen = new Set<number>();
    const consume = async () => {
      for (const item of await t.receive()) {
        assert.ok(item.ok, `a partial or unreadable file was read: ${JSON.stringify(item).slice(0, 200)}`);
        const wire = item.message.wire as { i: number; big: string };
        assert.equal(wire.big.length, big.length);
        seen.add(wire.i);
        await t.ack(item.message.externalRef);
      }
    };
    let polls = 0;
    while (writing) {
      await consume();
      polls++;
    }
    await consume();
    assert.ok(polls > 1, 'the reader polled while writes were in progress');
    assert.ok((await writer).every((r) => r.ok));
    assert.equal(seen.size, 24);
  });

  it('ignores files still in .tmp and sets aside files that are not a valid envelope', async () => {
    const dir = join(root, 'inbox');
    await mkdir(join(dir, '.tmp'), { recursive: true });
    await writeFile(join(dir, '.tmp', 'half.json.part'), '{"envelope":"polsam.transp');
    await writeFile(join(dir, 'a-broken.json'), '{"envelope":"polsam.transp');
    await writeFile(join(dir, 'b-wrong.json'), JSON.stringify({ hello: 'world' }));
    await writeFile(join(dir, 'c-notes.txt'), 'not a message');
    const t = createFileTransport({ outbox: join(root, 'out'), inbox: dir });
    assert.deepEqual(await t.receive(), [
      { ok: false, externalRef: 'a-broken', code: 'channels.transport_unreadable' },
      { ok: false, externalRef: 'b-wrong', code: 'channels.transport_envelope_invalid' },
    ]);
    assert.deepEqual(await t.receive(), [], 'reported once, then set aside');
    assert.deepEqual((await readdir(join(dir, 'failed'))).sort(), ['a-broken.json', 'b-wrong.json']);
  });

  it('refuses an acknowledgement that could escape the folder', async () => {
    const t = createFileTransport({ outbox: join(root, 'o2'), inbox: join(root, 'i2') });
    await assert.rejects(() => t.ack('../../etc/passwd'), { code: 'channels.transport_ref_invalid' });
  });
});
