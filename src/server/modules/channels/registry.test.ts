import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CHANNELS } from '../../../shared/domain.ts';
import { createFileTransport } from './file.transport.ts';
import { createMemoryTransport } from './memory.transport.ts';
import { parsePolsamMessage } from './message.schemas.ts';
import { CHANNEL_ADAPTERS, adapterFor, receiveThrough, sendThrough } from './registry.ts';
import { sienaAdapter, toSienaWire } from './siena.adapter.ts';
import { assertDomainError, requestMessage } from './test-helpers.ts';

describe('channel registry', () => {
  it('has an adapter for every structured channel and none for bilateral', () => {
    for (const c of CHANNELS.filter((c) => c !== 'bilateral')) assert.equal(adapterFor(c).channel, c);
    assert.deepEqual(Object.keys(CHANNEL_ADAPTERS).sort(), ['ameripol', 'interpol', 'ptn', 'siena', 'sirene']);
    assertDomainError(() => adapterFor('bilateral'), 'channels.no_adapter');
  });

  it('sends through a transport and reports a failed delivery', async () => {
    const transport = createMemoryTransport();
    const message = parsePolsamMessage(requestMessage(), 'siena');
    const { result, wire } = await sendThrough(sienaAdapter, transport, message);
    assert.deepEqual(result, { ok: true, externalRef: 'mem-1' });
    assert.deepEqual(transport.sent, [{ channel: 'siena', format: 'polsam.siena/1', wire }]);
    transport.failNext('siena_gateway_down');
    const failed = await sendThrough(sienaAdapter, transport, message);
    assert.deepEqual(failed.result, { ok: false, code: 'siena_gateway_down', retryable: true });
  });

  it('receives through the file transport: valid messages mapped, invalid ones returned as errors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'polsam-registry-'));
    try {
      const transport = createFileTransport({ outbox: dir, inbox: dir });
      const message = parsePolsamMessage(requestMessage(), 'siena');
      await sendThrough(sienaAdapter, transport, message);
      await transport.send({ channel: 'siena', format: 'polsam.siena/1', wire: { ...toSienaWire(message), handling: { code: 'H9' } } });
      await transport.send({ channel: 'sirene', format: 'polsam.sirene/1', wire: {} }); // not SIENA's: left alone
      const results = await receiveThrough(sienaAdapter, transport);
      assert.equal(results.length, 2);
      const good = results.find((r) => r.ok);
      const bad = results.find((r) => !r.ok);
      assert.ok(good?.ok && bad && !bad.ok);
      assert.deepEqual(good.message, message);
      assert.equal(bad.error.code, 'channels.invalid_wire');
      assert.deepEqual(bad.error.fields, [{ path: 'handling.code', code: 'channels.siena_handling_code_invalid' }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
