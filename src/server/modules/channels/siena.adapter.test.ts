import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRequestInput } from '../../../shared/exchange.schemas.ts';
import { messageFromRequest, parsePolsamMessage, requestFromMessage } from './message.schemas.ts';
import { fromSienaWire, sienaAdapter, toSienaWire } from './siena.adapter.ts';
import { assertDomainError, requestMessage } from './test-helpers.ts';

describe('SIENA adapter', () => {
  it('round-trips a full request without loss, through JSON', () => {
    const message = parsePolsamMessage(requestMessage(), 'siena');
    const wire = toSienaWire(message);
    assert.equal(wire.format, 'polsam.siena/1');
    assert.deepEqual(wire.handling, { code: 'H3', text: "Not to be shared with the suspect's employer." });
    assert.deepEqual(wire.items?.[0].evaluation, { sourceReliability: 'C', informationAccuracy: '3' });
    assert.deepEqual(wire.europolCopy, { copy: true, reason: 'Organised armed robbery series within Europol mandate.' });
    assert.equal(wire.caseRef, 'SIENA-CASE-2026-77');
    assert.deepEqual(fromSienaWire(JSON.parse(JSON.stringify(wire))), message);
  });

  it('round-trips an answer and a refusal with minimal fields', () => {
    const answer = parsePolsamMessage(
      requestMessage({
        kind: 'answer', reference: 'DE-BKA-1', inReplyTo: 'SE-SPOC-2026-000042', urgent: false, urgencyReason: null,
        access: null, informationSought: null, purpose: null, offence: null, handlingCode: 'H1', handlingText: null,
        europolCopy: false, europolCopyReason: 'No Europol-mandate offence.', body: 'Address: Berliner Str. 1.', persons: [], items: [],
        from: { country: 'DE', authority: 'BKA SPOC' }, to: { country: 'SE', authority: 'Polismyndigheten SPOC' },
      }),
      'siena',
    );
    assert.deepEqual(fromSienaWire(toSienaWire(answer)), answer);
    const refusal = parsePolsamMessage({ ...answer, kind: 'refusal', refusalGrounds: ['a', 'f'], europolCopyReason: null }, 'siena');
    const wire = toSienaWire(refusal);
    assert.deepEqual(wire.refusalGrounds, ['a', 'f']);
    assert.deepEqual(fromSienaWire(wire), refusal);
  });

  it('bridges to and from the Polsam request contract', () => {
    const request = createRequestInput.parse({
      direction: 'outgoing', channel: 'siena', countryCode: 'DE', counterpartAuthority: 'BKA SPOC', urgent: false,
      access: 'indirect', language: 'de', subject: 'Fahrzeughalter', informationSought: 'Halter von B-XY 123',
      purpose: 'Fahrerflucht', europolCopyReason: 'Kein Europol-Mandat',
    });
    const msg = messageFromRequest(request, { reference: 'SE-1', sentAt: '2026-03-02T10:00:00Z', from: { country: 'SE', authority: 'SPOC' } });
    const incoming = requestFromMessage(fromSienaWire(toSienaWire(msg)), 'siena', '2026-03-02T10:00:05Z');
    assert.equal(incoming.direction, 'incoming');
    assert.equal(incoming.countryCode, 'SE');
    assert.equal(incoming.counterpartReference, 'SE-1');
    assert.equal(incoming.informationSought, 'Halter von B-XY 123');
    assert.equal(incoming.receivedAt, '2026-03-02T10:00:05Z');
  });

  it('rejects a wrong handling code', () => {
    const wire = { ...toSienaWire(requestMessage()), handling: { code: 'H4' } };
    assertDomainError(() => fromSienaWire(wire), 'channels.invalid_wire', { path: 'handling.code', code: 'channels.siena_handling_code_invalid' });
  });

  it('rejects H3 without its text, both ways', () => {
    const wire = { ...toSienaWire(requestMessage()), handling: { code: 'H3' } };
    assertDomainError(() => fromSienaWire(wire), 'channels.invalid_wire', { path: 'handling.text', code: 'channels.siena_h3_text_required' });
    assertDomainError(() => toSienaWire(requestMessage({ handlingText: null })), 'channels.invalid_message', {
      path: 'handlingText', code: 'channels.handling_text_required',
    });
  });

  it('rejects free text on H0–H2', () => {
    assertDomainError(() => toSienaWire(requestMessage({ handlingCode: 'H2' })), 'channels.invalid_message', {
      path: 'handlingText', code: 'channels.handling_text_only_h3',
    });
  });

  it("rejects source reliability 'D' and accuracy '5'", () => {
    const wire = toSienaWire(requestMessage()) as Record<string, unknown> & { items: unknown[]; persons: Array<Record<string, unknown>> };
    const badItem = { ...wire, items: [{ content: 'x', nature: 'fact', evaluation: { sourceReliability: 'D', informationAccuracy: '1' } }] };
    assertDomainError(() => fromSienaWire(badItem), 'channels.invalid_wire', {
      path: 'items.0.evaluation.sourceReliability', code: 'channels.siena_reliability_invalid',
    });
    const badPerson = { ...wire, persons: [{ ...wire.persons[0], evaluation: { sourceReliability: 'A', informationAccuracy: '5' } }] };
    assertDomainError(() => fromSienaWire(badPerson), 'channels.invalid_wire', {
      path: 'persons.0.evaluation.informationAccuracy', code: 'channels.siena_accuracy_invalid',
    });
  });

  it('requires the Art 12 Europol-copy reason on a request', () => {
    const wire = { ...toSienaWire(requestMessage()), europolCopy: { copy: false, mandate: true } };
    assertDomainError(() => fromSienaWire(wire), 'channels.invalid_message', { path: 'europolCopyReason', code: 'channels.europol_reason_required' });
  });

  it('rejects unknown fields, a non-UTC time and a message reference already seen', () => {
    const wire = toSienaWire(requestMessage());
    assertDomainError(() => fromSienaWire({ ...wire, priorityLevel: 1 }), 'channels.invalid_wire', { path: '', code: 'channels.field_unknown' });
    assertDomainError(() => fromSienaWire({ ...wire, createdAt: '2026-03-01T10:15:00+01:00' }), 'channels.invalid_wire', {
      path: 'createdAt', code: 'channels.time_not_utc',
    });
    const seen = new Set(['SE-SPOC-2026-000042']);
    assertDomainError(() => sienaAdapter.fromWire(wire, { seen: (r) => seen.has(r) }), 'channels.duplicate_reference');
  });
});
