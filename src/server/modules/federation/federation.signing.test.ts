import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  canonicalBytes, checkEnvelope, generateKeyPair, privateKeyFrom, publicKeyFrom, signEnvelope, signObject, verifyObject,
  type UnsignedEnvelope,
} from './federation.signing.ts';

const se = generateKeyPair();
const no = generateKeyPair();
const now = new Date('2026-11-23T09:00:00Z');
const keys: Record<string, string> = { SE: se.publicKey };
const opts = { self: 'NO', now, windowMs: 600_000, keyOf: (id: string) => (keys[id] ? publicKeyFrom(keys[id]) : null) };

function envelope(o: Partial<UnsignedEnvelope> = {}): UnsignedEnvelope {
  return { v: 1, id: randomUUID(), from: 'SE', to: 'NO', kind: 'answer', sentAt: now.toISOString(), seq: 7, payload: { requestId: randomUUID(), body: 'Svar: åäö', partialRefusalGrounds: [] }, ...o };
}
const signed = (o: Partial<UnsignedEnvelope> = {}, key = se) => signEnvelope(envelope(o), privateKeyFrom(key.privateKeyDer));

describe('federation signing', () => {
  it('accepts a message signed by the registered sender', () => {
    const r = checkEnvelope(signed(), opts);
    assert.equal(r.ok, true);
  });

  it('signs the canonical form, so key order and whitespace do not matter', () => {
    const e = signed();
    const reordered = JSON.parse(JSON.stringify({ signature: e.signature, payload: e.payload, to: e.to, seq: e.seq, sentAt: e.sentAt, kind: e.kind, id: e.id, from: e.from, v: e.v }, null, 2));
    assert.equal(checkEnvelope(reordered, opts).ok, true);
    assert.deepEqual(canonicalBytes(e), canonicalBytes(reordered));
  });

  for (const [field, change] of [
    ['id', (e: any) => { e.id = randomUUID(); }],
    ['from', (e: any) => { e.from = 'NO'; keys.NO = se.publicKey; }],
    ['kind', (e: any) => { e.kind = 'refusal'; }],
    ['sentAt', (e: any) => { e.sentAt = new Date(now.getTime() + 1000).toISOString(); }],
    ['seq', (e: any) => { e.seq = 8; }],
    ['payload', (e: any) => { e.payload.body = 'Svar: aao'; }],
    ['nested payload', (e: any) => { e.payload.partialRefusalGrounds = ['a']; }],
  ] as const) {
    it(`rejects a message whose ${field} was changed after signing`, () => {
      const e = signed() as any;
      change(e);
      const r = checkEnvelope(e, opts);
      delete keys.NO;
      assert.deepEqual(r.ok ? 'ok' : r.reason, 'bad_signature');
    });
  }

  it('rejects a message signed with another key', () => {
    const r = checkEnvelope(signed({}, no), opts);
    assert.equal(r.ok ? 'ok' : r.reason, 'bad_signature');
  });

  it('rejects an unsigned or garbage-signed message as malformed or badly signed', () => {
    const { signature: _s, ...unsigned } = signed();
    void _s;
    assert.equal((checkEnvelope(unsigned, opts) as { reason: string }).reason, 'malformed');
    assert.equal((checkEnvelope({ ...signed(), signature: 'AAAA' }, opts) as { reason: string }).reason, 'bad_signature');
  });

  it('rejects a message from an unknown peer', () => {
    const r = checkEnvelope(signed({ from: 'FI' }), opts);
    assert.equal(r.ok ? 'ok' : r.reason, 'unknown_peer');
  });

  it('rejects a message addressed to another node', () => {
    const r = checkEnvelope(signed({ to: 'DK' }), opts);
    assert.equal(r.ok ? 'ok' : r.reason, 'wrong_recipient');
  });

  it('rejects a replay outside the window and a message from the future', () => {
    const old = signed({ sentAt: new Date(now.getTime() - 601_000).toISOString() });
    assert.equal((checkEnvelope(old, opts) as { reason: string }).reason, 'replayed');
    const future = signed({ sentAt: new Date(now.getTime() + 601_000).toISOString() });
    assert.equal((checkEnvelope(future, opts) as { reason: string }).reason, 'clock_skew');
  });

  it('rejects unknown fields and kinds (the envelope is strict)', () => {
    assert.equal((checkEnvelope({ ...signed(), extra: 1 }, opts) as { reason: string }).reason, 'malformed');
    assert.equal((checkEnvelope(signed({ kind: 'drop_table' as never }), opts) as { reason: string }).reason, 'malformed');
    assert.equal((checkEnvelope('garbage', opts) as { reason: string }).reason, 'malformed');
  });

  it('signs and verifies acknowledgements the same way', () => {
    const ack = signObject({ v: 1, id: randomUUID(), from: 'NO', to: 'SE', status: 'received', receivedAt: now.toISOString() }, privateKeyFrom(no.privateKeyDer));
    assert.equal(verifyObject(ack, publicKeyFrom(no.publicKey)!), true);
    assert.equal(verifyObject({ ...ack, status: 'duplicate' }, publicKeyFrom(no.publicKey)!), false);
    assert.equal(verifyObject(ack, publicKeyFrom(se.publicKey)!), false);
  });

  it('refuses public keys that are not 32-byte Ed25519 keys', () => {
    assert.equal(publicKeyFrom('AAAA'), null);
    assert.equal(publicKeyFrom(Buffer.alloc(33).toString('base64')), null);
    assert.notEqual(publicKeyFrom(se.publicKey), null);
  });
});
