import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  SIRENE_DEADLINE_REGIME_ID, createSireneReferenceGenerator, formatSireneReference, fromSireneWire, isSireneReference,
  parseSireneReference, sireneAdapter, sireneMessage, sisAlertCategory, toSireneWire, type SireneMessageInput,
} from './sirene.adapter.ts';
import { assertDomainError } from './test-helpers.ts';

const aForm = (over: Partial<SireneMessageInput> = {}): SireneMessageInput => ({
  form: 'A',
  createdAt: '2026-03-01T22:05:00Z',
  reference: 'SE-2026-A-000017',
  sender: { country: 'SE', bureau: 'SIRENE Sverige', officer: 'Erik Lund' },
  recipient: { country: 'ES', bureau: 'SIRENE España' },
  alert: { schengenId: 'SE0000123456789', article: '26' },
  offenceCategory: 'Murder, grievous bodily injury',
  alertReason: 'Arrest for surrender on the basis of an EAW',
  important: { type: 'URGENT', reason: 'Subject expected to board a flight at 06:00 UTC' },
  keywords: ['EAW', 'violent'],
  europolDissemination: 'EUR-2',
  eaw: { facts: 'On 2026-01-10 in Göteborg the subject stabbed the victim.', eawOnly: 'Co-offender details', sequence: 1 },
  ...over,
});

const mForm = (over: Partial<SireneMessageInput> = {}): SireneMessageInput => ({
  form: 'M',
  createdAt: '2026-03-02T07:00:00.000Z',
  reference: 'SE-2026-M-000018',
  sender: { country: 'SE', bureau: 'SIRENE Sverige', officer: 'Erik Lund' },
  recipient: { country: 'DE' },
  important: { type: 'GEOGRAPHIC_SEARCH', countries: ['DE', 'AT', 'CH'] },
  text: 'Photographs and fingerprints are now attached to the alert.',
  ...over,
});

describe('SIRENE adapter', () => {
  it('round-trips an A form and maps names to field numbers', () => {
    const form = sireneMessage.parse(aForm());
    const wire = toSireneWire(form);
    assert.equal(wire.fields['001'], '2026-03-01T22:05:00Z');
    assert.equal(wire.fields['002'], 'SE-2026-A-000017');
    assert.deepEqual(wire.fields['005'], { schengenId: 'SE0000123456789', article: '26' });
    assert.equal(wire.fields['044'], 'On 2026-01-10 in Göteborg the subject stabbed the victim.');
    assert.equal(wire.fields['272'], 1);
    assert.deepEqual(wire.fields['311'], { type: 'URGENT', reason: 'Subject expected to board a flight at 06:00 UTC' });
    assert.deepEqual(fromSireneWire(JSON.parse(JSON.stringify(wire))), form);
  });

  it('round-trips an M form with a geographic search and no alert', () => {
    const form = sireneMessage.parse(mForm());
    const wire = toSireneWire(form);
    assert.equal(wire.fields['083'], 'Photographs and fingerprints are now attached to the alert.');
    assert.equal(wire.fields['005'], undefined);
    assert.deepEqual(fromSireneWire(wire), form);
  });

  it('exposes the 12-hour regime id and the alert categories', () => {
    assert.equal(SIRENE_DEADLINE_REGIME_ID, 'sirene');
    assert.equal(sireneAdapter.deadlineRegimeId, 'sirene');
    assert.equal(sisAlertCategory('26'), 'arrest_for_surrender');
    assert.equal(sisAlertCategory('40'), 'unknown_wanted_person');
  });

  it('generates, parses and validates 002 references', () => {
    let n = 41;
    const next = createSireneReferenceGenerator('SE', () => ++n);
    const ref = next('M', new Date('2026-12-31T23:59:59Z'));
    assert.equal(ref, 'SE-2026-M-000042');
    assert.deepEqual(parseSireneReference(ref), { country: 'SE', year: 2026, form: 'M', sequence: 42 });
    assert.equal(formatSireneReference({ country: 'SE', year: 2027, form: 'A', sequence: 1234567 }), 'SE-2027-A-1234567');
    for (const bad of ['SE-2026-A-12', 'se-2026-A-000001', 'SE-2026-Z-000001', 'SE-2026-A-000000', 'QQ-2026-A-000001', 'SE/2026/A/000001'])
      assert.equal(isSireneReference(bad), false, bad);
  });

  it('rejects a duplicate 002 reference via the caller\'s seen check', () => {
    const wire = toSireneWire(aForm());
    const seen = new Set<string>();
    const record = (r: string) => { const dup = seen.has(r); seen.add(r); return dup; };
    assert.equal(fromSireneWire(wire, { seen: record }).reference, 'SE-2026-A-000017');
    assertDomainError(() => fromSireneWire(wire, { seen: record }), 'channels.duplicate_reference', {
      path: 'fields.002', code: 'channels.duplicate_reference',
    });
  });

  it('rejects a non-UTC or missing 001', () => {
    const wire = toSireneWire(aForm());
    const withTime = (t: unknown) => ({ ...wire, fields: { ...wire.fields, '001': t } });
    assertDomainError(() => fromSireneWire(withTime('2026-03-01T23:05:00+01:00')), 'channels.invalid_wire', {
      path: 'fields.001', code: 'channels.sirene_time_not_utc',
    });
    assertDomainError(() => fromSireneWire(withTime('2026-03-01 22:05')), 'channels.invalid_wire', {
      path: 'fields.001', code: 'channels.sirene_time_not_utc',
    });
    const { '001': _drop, ...noTime } = wire.fields;
    assertDomainError(() => fromSireneWire({ ...wire, fields: noTime }), 'channels.invalid_wire', {
      path: 'fields.001', code: 'channels.sirene_time_required',
    });
    assertDomainError(() => toSireneWire(aForm({ createdAt: '2026-03-01T23:05:00+01:00' })), 'channels.invalid_message', {
      path: 'createdAt', code: 'channels.time_not_utc',
    });
  });

  it('rejects an unknown alert article and an unknown form', () => {
    const wire = toSireneWire(aForm());
    const bad = { ...wire, fields: { ...wire.fields, '005': { schengenId: 'SE1', article: '24' } } };
    assertDomainError(() => fromSireneWire(bad), 'channels.invalid_wire', { path: 'fields.005.article', code: 'channels.sirene_unknown_article' });
    assertDomainError(() => fromSireneWire({ ...wire, form: 'Z' }), 'channels.invalid_wire', { path: 'form', code: 'channels.sirene_unknown_form' });
  });

  it('enforces the A and M form rules', () => {
    const wire = toSireneWire(aForm());
    const { '272': _seq, ...noSequence } = wire.fields;
    assertDomainError(() => fromSireneWire({ ...wire, fields: noSequence }), 'channels.invalid_message', { path: 'eaw.sequence', code: 'channels.field_required' });
    assertDomainError(() => toSireneWire(aForm({ alert: { schengenId: 'SE1', article: '36' } })), 'channels.invalid_message', {
      path: 'alert', code: 'channels.sirene_a_form_needs_art26',
    });
    assertDomainError(() => toSireneWire(mForm({ text: null })), 'channels.invalid_message', { path: 'text', code: 'channels.sirene_m_form_text_required' });
    assertDomainError(() => toSireneWire(mForm({ eaw: { facts: 'x', sequence: 1 } })), 'channels.invalid_message', {
      path: 'eaw', code: 'channels.sirene_field_not_on_form',
    });
    assertDomainError(() => toSireneWire(aForm({ reference: 'DK-2026-A-000017' })), 'channels.invalid_message', {
      path: 'reference', code: 'channels.sirene_reference_country_mismatch',
    });
  });

  it('rejects a malformed 311', () => {
    assertDomainError(() => toSireneWire(mForm({ important: { type: 'GEOGRAPHIC_SEARCH', countries: [] } })), 'channels.invalid_message', {
      path: 'important.countries', code: 'channels.field_too_small',
    });
    const wire = toSireneWire(mForm());
    assertDomainError(() => fromSireneWire({ ...wire, fields: { ...wire.fields, '311': { type: 'URGENT' } } }), 'channels.invalid_wire', {
      path: 'fields.311.reason', code: 'channels.field_required',
    });
    assertDomainError(() => fromSireneWire({ ...wire, fields: { ...wire.fields, '311': { type: 'PRIORITY' } } }), 'channels.invalid_wire', {
      path: 'fields.311.type', code: 'channels.sirene_important_invalid',
    });
  });
});
