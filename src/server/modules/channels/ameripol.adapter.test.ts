import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AMERIPOL_DEADLINE_REGIME_ID, ameripolAdapter, fromAmeripolWire, toAmeripolWire } from './ameripol.adapter.ts';
import { createMemoryTransport } from './memory.transport.ts';
import { sendThrough } from './registry.ts';
import { DomainError } from '../../platform/errors.ts';
import { assertDomainError, requestMessage } from './test-helpers.ts';

const wire = {
  format: 'polsam.ameripol/1',
  reference: 'AMP-CO-2026-311',
  sent_at: '2026-03-05T14:00:00Z',
  sender_country: 'CO',
  sender_organisation: 'Policía Nacional de Colombia',
  subject: 'Cocaine shipment to Göteborg',
  body: 'Container MSKU1234567 expected in Göteborg on 2026-03-20.',
  language: 'es',
};

describe('Ameripol observer channel', () => {
  it('records received information and round-trips it', () => {
    const info = fromAmeripolWire(wire);
    assert.equal(info.direction, 'incoming');
    assert.equal(info.from.organisation, 'Policía Nacional de Colombia');
    assert.deepEqual(toAmeripolWire(info), wire);
  });

  it('has the obligation-free deadline regime', () => {
    assert.equal(AMERIPOL_DEADLINE_REGIME_ID, 'ameripol');
    assert.equal(ameripolAdapter.deadlineRegimeId, 'ameripol');
    assert.equal(ameripolAdapter.canSend, false);
  });

  it('refuses to send a request through it', async () => {
    const transport = createMemoryTransport();
    await assert.rejects(
      () => sendThrough(ameripolAdapter, transport, fromAmeripolWire(wire)),
      (e: unknown) => e instanceof DomainError && e.kind === 'validation' && e.code === 'channels.ameripol_send_refused',
    );
    assert.equal(transport.sent.length, 0);
    assertDomainError(() => ameripolAdapter.toWire(requestMessage() as never), 'channels.ameripol_send_refused');
    assertDomainError(() => toAmeripolWire({ ...fromAmeripolWire(wire), direction: 'outgoing' } as never), 'channels.ameripol_send_refused');
  });

  it('rejects malformed information', () => {
    assertDomainError(() => fromAmeripolWire({ ...wire, sender_country: 'XX' }), 'channels.invalid_wire', {
      path: 'sender_country', code: 'channels.field_not_allowed',
    });
  });
});
