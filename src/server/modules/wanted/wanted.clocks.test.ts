import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arrestClocks } from './wanted.clocks.ts';
import type { PersonRow } from './wanted.repository.ts';

// Tuesday 3 November 2026 10:00 UTC (11:00 in Stockholm, winter time).
const ARREST = new Date('2026-11-03T10:00:00Z');
const NOW = new Date('2026-11-04T10:00:00Z');
const person = (o: Partial<PersonRow> = {}) => ({
  id: 'p', status: 'arrested', arrestedAt: ARREST, consent: null, consentAt: null, exceptional: false, finalDecisionAt: null,
  agreedSurrenderAt: null, closedAt: null, ...o,
}) as PersonRow;
const due = (p: PersonRow, kind: Parameters<typeof arrestClocks>[1], clock = 'decision') =>
  arrestClocks(p, kind, NOW).find((c) => c.clock === clock)?.deadline;

test('EAW without consent: the decision is due 60 days after the arrest (FD 2002/584 Art 17(3))', () => {
  const d = due(person(), 'eaw')!;
  assert.equal(d.dueAt!.toISOString(), '2027-01-02T10:00:00.000Z');
  assert.equal(d.legalBasis, 'FD 2002/584/JHA Art. 17(3)');
});

test('EAW with consent: 10 days from the consent (Art 17(2)); the exceptional extension adds 30 days (Art 17(4))', () => {
  const consentAt = new Date('2026-11-05T08:00:00Z');
  assert.equal(due(person({ consent: true, consentAt }), 'eaw')!.dueAt!.toISOString(), '2026-11-15T08:00:00.000Z');
  const ext = due(person({ consent: true, consentAt, exceptional: true }), 'eaw')!;
  assert.equal(ext.dueAt!.toISOString(), '2026-12-15T08:00:00.000Z');
  assert.deepEqual(ext.extensions.map((e) => e.id), ['exceptional']);
  assert.equal(due(person({ exceptional: true }), 'eaw')!.dueAt!.toISOString(), '2027-02-01T10:00:00.000Z');
});

test('a refused consent leaves the 60-day clock', () => {
  assert.equal(due(person({ consent: false, consentAt: new Date('2026-11-05T08:00:00Z') }), 'eaw')!.ruleId, 'arrest');
});

test('EAW surrender: 10 days after the final decision (Art 23(2)), or after a newly agreed date (Art 23(3))', () => {
  const finalDecisionAt = new Date('2026-11-20T12:00:00Z');
  const clocks = arrestClocks(person({ finalDecisionAt }), 'eaw', NOW);
  assert.equal(clocks.find((c) => c.clock === 'decision')!.done, true);
  assert.equal(clocks.find((c) => c.clock === 'surrender')!.deadline.dueAt!.toISOString(), '2026-11-30T12:00:00.000Z');
  const moved = due(person({ finalDecisionAt, agreedSurrenderAt: new Date('2026-12-10T09:00:00Z') }), 'eaw', 'surrender')!;
  assert.equal(moved.dueAt!.toISOString(), '2026-12-20T09:00:00.000Z');
  assert.equal(moved.legalBasis, 'FD 2002/584/JHA Art. 23(3)');
});

test('an SIS Art 26 alert runs the EAW clocks it carries', () => {
  assert.equal(due(person(), 'sis_art26')!.regimeId, 'eaw-decision');
});

test('Nordic arrest warrant: 14 days after arrest, 3 after consent, surrender 5 days after the final decision (lag 2011:1165)', () => {
  assert.equal(due(person(), 'naw')!.dueAt!.toISOString(), '2026-11-17T10:00:00.000Z');
  assert.equal(due(person({ consent: true, consentAt: new Date('2026-11-03T15:00:00Z') }), 'naw')!.dueAt!.toISOString(), '2026-11-06T15:00:00.000Z');
  // The Nordic warrant has no exceptional extension.
  assert.equal(due(person({ exceptional: true }), 'naw')!.dueAt!.toISOString(), '2026-11-17T10:00:00.000Z');
  assert.equal(due(person({ finalDecisionAt: new Date('2026-11-10T10:00:00Z') }), 'naw', 'surrender')!.dueAt!.toISOString(), '2026-11-15T10:00:00.000Z');
});

test('Red Notice or diffusion: provisional arrest 18 days, 40 at most (ECE 1957 Art 16(4)); no surrender clock', () => {
  assert.equal(due(person(), 'red_notice')!.dueAt!.toISOString(), '2026-11-21T10:00:00.000Z');
  assert.equal(due(person({ exceptional: true }), 'diffusion')!.dueAt!.toISOString(), '2026-12-13T10:00:00.000Z');
  assert.equal(arrestClocks(person({ finalDecisionAt: NOW }), 'red_notice', NOW).length, 1);
});

test('no clock before an arrest, and a surrendered person\'s clocks are done', () => {
  assert.deepEqual(arrestClocks(person({ arrestedAt: null }), 'eaw', NOW), []);
  const after = arrestClocks(person({ status: 'surrendered', finalDecisionAt: NOW, closedAt: NOW }), 'eaw', NOW);
  assert.ok(after.every((c) => c.done));
});
