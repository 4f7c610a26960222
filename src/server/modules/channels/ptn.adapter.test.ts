import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePolsamMessage } from './message.schemas.ts';
import { fromPtnWire, parseDirectory, ptnAdapter, routeVia, toPtnWire, type LiaisonOfficerInput } from './ptn.adapter.ts';
import { assertDomainError, requestMessage } from './test-helpers.ts';

const officer = (over: Partial<LiaisonOfficerInput>): LiaisonOfficerInput => ({
  id: 'x', name: 'X', homeCountry: 'SE', agency: 'police', postedIn: 'TH', covers: ['TH'], from: '2024-01-01',
  contact: { email: 'x@example.org' }, ...over,
});

const directory = parseDirectory([
  officer({ id: 'se-bkk', name: 'Karin Sjö', postedIn: 'TH', covers: ['TH', 'LA', 'KH', 'MM'], from: '2024-09-01', to: '2027-08-31' }),
  officer({ id: 'no-bkk', name: 'Ola Nordmann', homeCountry: 'NO', postedIn: 'TH', covers: ['TH', 'VN'], from: '2025-01-01' }),
  officer({ id: 'dk-hcm', name: 'Mette Hansen', homeCountry: 'DK', agency: 'customs', postedIn: 'VN', covers: ['VN', 'LA'], from: '2023-03-01', to: '2026-02-28' }),
  officer({ id: 'fi-bog', name: 'Mikko Virtanen', homeCountry: 'FI', postedIn: 'CO', covers: ['CO', 'EC', 'PE'], from: '2022-01-01' }),
  officer({ id: 'no-lim', name: 'Kari Berg', homeCountry: 'NO', postedIn: 'PE', covers: ['PE'], from: '2026-05-01' }),
]);

describe('PTN liaison-officer routing', () => {
  it('prefers the officer posted in the target country, then a Swedish one', () => {
    const th = routeVia(directory, 'TH', '2026-03-01');
    assert.ok(th.ok);
    assert.equal(th.officer.id, 'se-bkk'); // both posted in TH: the Swedish officer wins
    assert.equal(th.basis, 'posted_in');
    const la = routeVia(directory, 'LA', '2026-01-15');
    assert.ok(la.ok);
    assert.equal(la.officer.id, 'se-bkk'); // two cover LA from elsewhere: Swedish first
  });

  it('respects posting dates, inclusive, on the Stockholm calendar day', () => {
    const vn = routeVia(directory, 'VN', '2026-02-28');
    assert.ok(vn.ok && vn.officer.id === 'dk-hcm');
    const vnLater = routeVia(directory, 'VN', new Date('2026-02-28T23:30:00Z')); // already 1 March in Stockholm
    assert.ok(vnLater.ok && vnLater.officer.id === 'no-bkk' && vnLater.basis === 'covers');
    const pe = routeVia(directory, 'PE', '2026-04-30');
    assert.ok(pe.ok && pe.officer.id === 'fi-bog');
    const peLater = routeVia(directory, 'PE', '2026-05-01');
    assert.ok(peLater.ok && peLater.officer.id === 'no-lim');
  });

  it('gives a clear result when no officer covers the country', () => {
    assert.deepEqual(routeVia(directory, 'BR', '2026-03-01'), { ok: false, code: 'channels.ptn_no_officer', country: 'BR', date: '2026-03-01' });
    assert.deepEqual(routeVia(directory, 'KH', '2024-08-31'), { ok: false, code: 'channels.ptn_no_officer', country: 'KH', date: '2024-08-31' });
  });

  it('is deterministic whatever the directory order', () => {
    const twins = parseDirectory([officer({ id: 'b', from: '2025-01-01' }), officer({ id: 'a', from: '2025-01-01' }), officer({ id: 'c', from: '2024-01-01' })]);
    for (const order of [twins, [...twins].reverse()]) {
      const r = routeVia(order, 'TH', '2026-01-01');
      assert.ok(r.ok && r.officer.id === 'a');
    }
  });

  it('rejects an invalid directory entry', () => {
    assertDomainError(() => parseDirectory([officer({ from: '2026-02-30' })]), 'channels.ptn_directory_invalid', { path: '0.from', code: 'channels.ptn_date_invalid' });
    assertDomainError(() => parseDirectory([officer({ from: '2026-02-01', to: '2026-01-01' })]), 'channels.ptn_directory_invalid', {
      path: '0.to', code: 'channels.ptn_period_invalid',
    });
  });
});

describe('PTN adapter', () => {
  it('round-trips a message routed through an officer', () => {
    const msg = { via: { officerId: 'se-bkk', postedIn: 'TH' }, message: parsePolsamMessage(requestMessage({ to: { country: 'TH', authority: 'Royal Thai Police' }, europolCopy: false }), 'ptn') };
    const wire = toPtnWire(msg);
    assert.equal(wire.format, 'polsam.ptn/1');
    assert.deepEqual(fromPtnWire(JSON.parse(JSON.stringify(wire))), msg);
    assertDomainError(() => ptnAdapter.fromWire(wire, { seen: () => true }), 'channels.duplicate_reference');
  });
});
