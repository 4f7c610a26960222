/**
 * The deadline engine. Every expected instant is computed by hand and written as a literal:
 * Stockholm is +01:00 in winter and +02:00 in summer; in 2026 summer time starts on Sunday 29 March
 * (02:00 → 03:00) and ends on Sunday 25 October (03:00 → 02:00).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { DomainError } from '../errors.ts';
import {
  BUILT_IN_REGIMES,
  DEADLINE_ERROR_CODES,
  addDuration,
  computeDeadline,
  reminderTimes,
  type Deadline,
  type DeadlineInput,
  type Facts,
  type ReminderPolicy,
} from './index.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : d);

function throwsCode(fn: () => unknown, code: string, params?: Record<string, string>) {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof DomainError, `expected a DomainError, got ${String(e)}`);
    assert.equal(e.kind, 'validation');
    assert.equal(e.code, code);
    if (params) assert.deepEqual(e.params, params);
    return true;
  });
}

interface RuleCase {
  name: string;
  regimeId: string;
  facts: Facts;
  events: Record<string, string>;
  ruleId: string;
  legalBasis: string;
  startAt: string;
  dueAt: string;
  extensions?: string[];
}

// One case at least per rule of every built-in regime (checked below).
const RULE_CASES: RuleCase[] = [
  {
    name: 'urgent, directly accessible: 8 hours from receipt',
    regimeId: 'eu-2023-977',
    facts: { urgent: true, access: 'direct' },
    events: { received: '2026-05-05T11:00:00+02:00' },
    ruleId: 'urgent-direct',
    legalBasis: 'Dir. (EU) 2023/977 Art. 5(1)(a)',
    startAt: '2026-05-05T09:00:00.000Z',
    dueAt: '2026-05-05T17:00:00.000Z',
  },
  {
    name: 'urgent, access not yet assessed: the short 8-hour clock',
    regimeId: 'eu-2023-977',
    facts: { urgent: true, access: null },
    events: { received: '2026-05-05T11:00:00+02:00' },
    ruleId: 'urgent-direct',
    legalBasis: 'Dir. (EU) 2023/977 Art. 5(1)(a)',
    startAt: '2026-05-05T09:00:00.000Z',
    dueAt: '2026-05-05T17:00:00.000Z',
  },
  {
    name: 'urgent, indirectly accessible: 3 calendar days',
    regimeId: 'eu-2023-977',
    facts: { urgent: true, access: 'indirect' },
    events: { received: '2026-05-05T11:00:00+02:00' },
    ruleId: 'urgent-indirect',
    legalBasis: 'Dir. (EU) 2023/977 Art. 5(1)(b)',
    startAt: '2026-05-05T09:00:00.000Z',
    dueAt: '2026-05-08T09:00:00.000Z',
  },
  {
    name: 'not urgent, even if directly accessible: 7 calendar days',
    regimeId: 'eu-2023-977',
    facts: { urgent: false, access: 'direct' },
    events: { received: '2026-05-05T11:00:00+02:00' },
    ruleId: 'standard',
    legalBasis: 'Dir. (EU) 2023/977 Art. 5(1)(c)',
    startAt: '2026-05-05T09:00:00.000Z',
    dueAt: '2026-05-12T09:00:00.000Z',
  },
  {
    name: 'SIRENE: 12 hours, across midnight',
    regimeId: 'sirene',
    facts: {},
    events: { received: '2026-04-01T20:15:00+02:00' },
    ruleId: 'standard',
    legalBasis: 'SIRENE Manual 2011/406/EU §1.3.5',
    startAt: '2026-04-01T18:15:00.000Z',
    dueAt: '2026-04-02T06:15:00.000Z',
  },
  {
    name: 'EAW without consent: 60 days after arrest, across spring forward (14:00 CET → 14:00 CEST)',
    regimeId: 'eaw-decision',
    facts: { consent: false },
    events: { arrest: '2026-02-10T14:00:00+01:00' },
    ruleId: 'arrest',
    legalBasis: 'FD 2002/584/JHA Art. 17(3)',
    startAt: '2026-02-10T13:00:00.000Z',
    dueAt: '2026-04-11T12:00:00.000Z',
  },
  {
    name: 'EAW without consent, exceptional case: 60 + 30 days',
    regimeId: 'eaw-decision',
    facts: { exceptional: true },
    events: { arrest: '2026-02-10T14:00:00+01:00' },
    ruleId: 'arrest',
    legalBasis: 'FD 2002/584/JHA Art. 17(3)',
    startAt: '2026-02-10T13:00:00.000Z',
    dueAt: '2026-05-11T12:00:00.000Z',
    extensions: ['exceptional'],
  },
  {
    name: 'EAW with consent: 10 days after consent, not after arrest',
    regimeId: 'eaw-decision',
    facts: { consent: true },
    events: { arrest: '2026-05-01T09:30:00+02:00', consent: '2026-05-04T09:30:00+02:00' },
    ruleId: 'consent',
    legalBasis: 'FD 2002/584/JHA Art. 17(2)',
    startAt: '2026-05-04T07:30:00.000Z',
    dueAt: '2026-05-14T07:30:00.000Z',
  },
  {
    name: 'EAW with consent, exceptional case: 10 + 30 days',
    regimeId: 'eaw-decision',
    facts: { consent: true, exceptional: true },
    events: { consent: '2026-05-04T09:30:00+02:00' },
    ruleId: 'consent',
    legalBasis: 'FD 2002/584/JHA Art. 17(2)',
    startAt: '2026-05-04T07:30:00.000Z',
    dueAt: '2026-06-13T07:30:00.000Z',
    extensions: ['exceptional'],
  },
  {
    name: 'EAW surrender: 10 days after the final decision',
    regimeId: 'eaw-surrender',
    facts: {},
    events: { finalDecision: '2026-06-01T16:00:00+02:00' },
    ruleId: 'final-decision',
    legalBasis: 'FD 2002/584/JHA Art. 23(2)',
    startAt: '2026-06-01T14:00:00.000Z',
    dueAt: '2026-06-11T14:00:00.000Z',
  },
  {
    name: 'EAW surrender on a new agreed date: 10 days from that date',
    regimeId: 'eaw-surrender',
    facts: { newDateAgreed: true },
    events: { finalDecision: '2026-06-01T16:00:00+02:00', agreedDate: '2026-06-20T08:00:00+02:00' },
    ruleId: 'new-date',
    legalBasis: 'FD 2002/584/JHA Art. 23(3)',
    startAt: '2026-06-20T06:00:00.000Z',
    dueAt: '2026-06-30T06:00:00.000Z',
  },
  {
    name: 'NAW: the court decides within 14 days after arrest',
    regimeId: 'naw-decision',
    facts: {},
    events: { arrest: '2026-01-15T11:00:00+01:00' },
    ruleId: 'arrest',
    legalBasis: 'Lag (2011:1165) om nordisk arresteringsorder: 14 days',
    startAt: '2026-01-15T10:00:00.000Z',
    dueAt: '2026-01-29T10:00:00.000Z',
  },
  {
    name: 'NAW with consent: the prosecutor decides within 3 days of consent',
    regimeId: 'naw-decision',
    facts: { consent: true },
    events: { arrest: '2026-01-15T11:00:00+01:00', consent: '2026-01-16T15:00:00+01:00' },
    ruleId: 'consent',
    legalBasis: 'Lag (2011:1165) om nordisk arresteringsorder: consent, 3 days',
    startAt: '2026-01-16T14:00:00.000Z',
    dueAt: '2026-01-19T14:00:00.000Z',
  },
  {
    name: 'NAW, not arrested: 14 days from being told of the warrant',
    regimeId: 'naw-decision',
    facts: { arrested: false },
    events: { notified: '2026-09-30T12:00:00+02:00' },
    ruleId: 'not-arrested',
    legalBasis: 'Lag (2011:1165) om nordisk arresteringsorder: 14 days',
    startAt: '2026-09-30T10:00:00.000Z',
    dueAt: '2026-10-14T10:00:00.000Z',
  },
  {
    name: 'NAW surrender: 5 days after the decision became final, across the new year',
    regimeId: 'naw-surrender',
    facts: {},
    events: { finalDecision: '2026-12-30T10:00:00+01:00' },
    ruleId: 'final-decision',
    legalBasis: 'Lag (2011:1165) om nordisk arresteringsorder: 5 days',
    startAt: '2026-12-30T09:00:00.000Z',
    dueAt: '2027-01-04T09:00:00.000Z',
  },
];

describe('built-in regimes: every rule', () => {
  for (const c of RULE_CASES) {
    it(`${c.regimeId}: ${c.name}`, () => {
      const d = computeDeadline({ regimeId: c.regimeId, facts: c.facts, events: c.events }, c.startAt);
      assert.equal(d.regimeId, c.regimeId);
      assert.equal(d.ruleId, c.ruleId);
      assert.equal(d.legalBasis, c.legalBasis);
      assert.equal(iso(d.startAt), c.startAt);
      assert.equal(iso(d.dueAt), c.dueAt);
      assert.deepEqual(d.extensions.map((e) => e.id), c.extensions ?? []);
      assert.equal(d.remainingMs, Date.parse(c.dueAt) - Date.parse(c.startAt));
      assert.equal(d.overdue, false);
      assert.equal(d.paused, false);
    });
  }

  it('Ameripol (observer): no deadline, even with a clock stop and a delay', () => {
    const d = computeDeadline(
      {
        regimeId: 'ameripol',
        events: { received: '2026-05-05T09:00:00Z' },
        stops: [{ from: '2026-05-05T10:00:00Z', to: null }],
        delay: { expectedAt: '2026-05-06T10:00:00Z', notifiedAt: '2026-05-05T10:00:00Z' },
      },
      '2030-01-01T00:00:00Z',
    );
    assert.equal(d.ruleId, 'observer');
    assert.equal(iso(d.startAt), '2026-05-05T09:00:00.000Z');
    assert.equal(d.dueAt, null);
    assert.equal(d.remainingMs, null);
    assert.equal(d.overdue, false);
    assert.equal(d.paused, false);
    assert.equal(d.totalStoppedMs, 0);
    assert.equal(d.expectedAt, undefined);
  });

  for (const regimeId of ['third-country', 'own-initiative']) {
    it(`${regimeId}: outside the Directive's Art 5 limits, no deadline however urgent`, () => {
      const d = computeDeadline({ regimeId, facts: { urgent: true, access: 'direct' }, events: { received: '2026-05-05T09:00:00Z' } }, '2030-01-01T00:00:00Z');
      assert.equal(d.dueAt, null);
      assert.equal(d.overdue, false);
      assert.equal(d.remainingMs, null);
    });
  }

  it('has a case for every rule of every built-in regime', () => {
    const covered = new Set(RULE_CASES.map((c) => `${c.regimeId}/${c.ruleId}`).concat('ameripol/observer', 'third-country/no-legal-limit', 'own-initiative/no-deadline'));
    const all = BUILT_IN_REGIMES.flatMap((r) => r.rules.map((rule) => `${r.id}/${rule.id}`));
    assert.deepEqual(all.filter((k) => !covered.has(k)), []);
  });

  it('the EAW exceptional extension carries its own legal basis', () => {
    const d = computeDeadline({ regimeId: 'eaw-decision', facts: { exceptional: true }, events: { arrest: '2026-02-10T13:00:00Z' } }, '2026-02-10T13:00:00Z');
    assert.deepEqual(d.extensions, [{ id: 'exceptional', legalBasis: 'FD 2002/584/JHA Art. 17(4)' }]);
    assert.equal(iso(d.baseDueAt), '2026-05-11T12:00:00.000Z');
  });
});

describe('daylight saving time', () => {
  const eu = (facts: Facts, received: string): DeadlineInput => ({ regimeId: 'eu-2023-977', facts, events: { received } });
  const indirect = { urgent: true, access: 'indirect' };

  it('3 calendar days across spring forward keep 10:00 local time (71 elapsed hours)', () => {
    const d = computeDeadline(eu(indirect, '2026-03-28T10:00:00+01:00'), '2026-03-28T09:00:00Z');
    assert.equal(iso(d.dueAt), '2026-03-31T08:00:00.000Z');
    assert.equal(d.remainingMs, 71 * HOUR);
  });

  it('3 calendar days across fall back keep 10:00 local time (73 elapsed hours)', () => {
    const d = computeDeadline(eu(indirect, '2026-10-24T10:00:00+02:00'), '2026-10-24T08:00:00Z');
    assert.equal(iso(d.dueAt), '2026-10-27T09:00:00.000Z');
    assert.equal(d.remainingMs, 73 * HOUR);
  });

  it('8 hours across the 02:00 → 03:00 jump are 8 elapsed hours (22:00 CET → 07:00 CEST)', () => {
    const d = computeDeadline(eu({ urgent: true, access: 'direct' }, '2026-03-28T22:00:00+01:00'), '2026-03-28T21:00:00Z');
    assert.equal(iso(d.dueAt), '2026-03-29T05:00:00.000Z');
  });

  it('8 hours across the 03:00 → 02:00 fall back are 8 elapsed hours (22:00 CEST → 05:00 CET)', () => {
    const d = computeDeadline(eu({ urgent: true }, '2026-10-24T22:00:00+02:00'), '2026-10-24T20:00:00Z');
    assert.equal(iso(d.dueAt), '2026-10-25T04:00:00.000Z');
  });

  it('a local due time that does not exist (02:30 on 29 March) becomes 03:00 CEST', () => {
    const d = computeDeadline(eu(indirect, '2026-03-26T02:30:00+01:00'), '2026-03-26T01:30:00Z');
    assert.equal(iso(d.dueAt), '2026-03-29T01:00:00.000Z');
  });

  it('a local due time that exists twice (02:30 on 25 October) is the first, summer-time one', () => {
    const d = computeDeadline(eu(indirect, '2026-10-22T02:30:00+02:00'), '2026-10-22T00:30:00Z');
    assert.equal(iso(d.dueAt), '2026-10-25T00:30:00.000Z');
    // The same wall time reached from a winter start also resolves to the first occurrence.
    assert.equal(iso(addDuration(new Date('2026-01-01T01:30:00Z'), { amount: 297, unit: 'calendar_days' })), '2026-10-25T00:30:00.000Z');
  });

  it('both occurrences of the repeated hour give the same wall time a week later', () => {
    const first = computeDeadline(eu({}, '2026-10-25T02:30:00+02:00'), '2026-10-25T00:30:00Z');
    const second = computeDeadline(eu({}, '2026-10-25T02:30:00+01:00'), '2026-10-25T01:30:00Z');
    assert.equal(iso(first.dueAt), '2026-11-01T01:30:00.000Z');
    assert.equal(iso(second.dueAt), '2026-11-01T01:30:00.000Z');
  });

  it('an extension in days counts on from the wall time of the base due time, not the resolved instant', () => {
    // 10 days after 2026-03-19 02:30 CET is the missing 29 March 02:30; 30 more days give 28 April 02:30 CEST.
    const d = computeDeadline(
      { regimeId: 'eaw-decision', facts: { consent: true, exceptional: true }, events: { consent: '2026-03-19T02:30:00+01:00' } },
      '2026-03-19T01:30:00Z',
    );
    assert.equal(iso(d.dueAt), '2026-04-28T00:30:00.000Z');
  });
});

describe('clock stops', () => {
  // Not urgent: 7 calendar days from 2026-05-05T09:00Z, so due 2026-05-12T09:00Z without stops.
  const withStops = (stops: DeadlineInput['stops']): DeadlineInput => ({
    regimeId: 'eu-2023-977',
    facts: { urgent: false },
    events: { received: '2026-05-05T09:00:00Z' },
    stops,
  });
  const later = '2026-05-20T00:00:00Z';

  it('a single stop of 27 hours moves the due time by 27 hours', () => {
    const d = computeDeadline(withStops([{ from: '2026-05-06T09:00:00Z', to: '2026-05-07T12:00:00Z' }]), '2026-05-08T00:00:00Z');
    assert.equal(iso(d.baseDueAt), '2026-05-12T09:00:00.000Z');
    assert.equal(iso(d.dueAt), '2026-05-13T12:00:00.000Z');
    assert.equal(d.totalStoppedMs, 27 * HOUR);
    assert.equal(d.paused, false);
    assert.equal(d.remainingMs, Date.parse('2026-05-13T12:00:00Z') - Date.parse('2026-05-08T00:00:00Z'));
  });

  it('several stops add up (3 h + 2 h), given as Date objects', () => {
    const d = computeDeadline(
      withStops([
        { from: new Date('2026-05-06T09:00:00Z'), to: new Date('2026-05-06T12:00:00Z') },
        { from: new Date('2026-05-08T00:00:00Z'), to: new Date('2026-05-08T02:00:00Z') },
      ]),
      later,
    );
    assert.equal(iso(d.dueAt), '2026-05-12T14:00:00.000Z');
    assert.equal(d.totalStoppedMs, 5 * HOUR);
  });

  it('overlapping, unordered stops are merged and counted once (08:00–14:00 = 6 h)', () => {
    const d = computeDeadline(
      withStops([
        { from: '2026-05-07T10:00:00Z', to: '2026-05-07T14:00:00Z' },
        { from: '2026-05-07T08:00:00Z', to: '2026-05-07T11:00:00Z' },
        { from: '2026-05-07T13:00:00Z', to: '2026-05-07T13:30:00Z' },
      ]),
      later,
    );
    assert.equal(iso(d.dueAt), '2026-05-12T15:00:00.000Z');
    assert.equal(d.totalStoppedMs, 6 * HOUR);
    assert.deepEqual(d.stops.map((s) => [iso(s.from), iso(s.to)]), [['2026-05-07T08:00:00.000Z', '2026-05-07T14:00:00.000Z']]);
  });

  it('touching stops merge into one', () => {
    const d = computeDeadline(
      withStops([
        { from: '2026-05-07T08:00:00Z', to: '2026-05-07T09:00:00Z' },
        { from: '2026-05-07T09:00:00Z', to: '2026-05-07T10:00:00Z' },
      ]),
      later,
    );
    assert.equal(d.stops.length, 1);
    assert.equal(iso(d.dueAt), '2026-05-12T11:00:00.000Z');
  });

  it('a stop that begins before the start is clipped to the start; one wholly before is ignored', () => {
    const d = computeDeadline(
      withStops([
        { from: '2026-05-05T06:00:00Z', to: '2026-05-05T10:00:00Z' },
        { from: '2026-05-04T06:00:00Z', to: '2026-05-04T10:00:00Z' },
      ]),
      later,
    );
    assert.equal(iso(d.dueAt), '2026-05-12T10:00:00.000Z');
    assert.equal(d.totalStoppedMs, HOUR);
  });

  it('an open stop pauses the clock: remaining time is frozen while the due time moves on', () => {
    const open = withStops([{ from: '2026-05-06T09:00:00Z', to: null }]);
    const a = computeDeadline(open, '2026-05-07T09:00:00Z');
    assert.equal(a.paused, true);
    assert.equal(a.remainingMs, 6 * DAY);
    assert.equal(iso(a.dueAt), '2026-05-13T09:00:00.000Z');
    assert.equal(a.totalStoppedMs, DAY);
    const b = computeDeadline(open, '2026-05-08T09:00:00Z');
    assert.equal(b.paused, true);
    assert.equal(b.remainingMs, 6 * DAY);
    assert.equal(iso(b.dueAt), '2026-05-14T09:00:00.000Z');
    assert.equal(b.overdue, false);
  });

  it('once the stop is closed the clock runs again from where it stood', () => {
    const d = computeDeadline(withStops([{ from: '2026-05-06T09:00:00Z', to: '2026-05-08T09:00:00Z' }]), '2026-05-09T09:00:00Z');
    assert.equal(d.paused, false);
    assert.equal(iso(d.dueAt), '2026-05-14T09:00:00.000Z');
    assert.equal(d.remainingMs, 5 * DAY);
  });

  it('an open stop that begins exactly now already pauses', () => {
    const d = computeDeadline(withStops([{ from: '2026-05-06T09:00:00Z', to: null }]), '2026-05-06T09:00:00Z');
    assert.equal(d.paused, true);
    assert.equal(d.remainingMs, 6 * DAY);
  });

  it('a stop whose recorded end is still ahead counts as paused until then', () => {
    const d = computeDeadline(withStops([{ from: '2026-05-06T09:00:00Z', to: '2026-05-10T00:00:00Z' }]), '2026-05-07T09:00:00Z');
    assert.equal(d.paused, true);
    assert.equal(d.remainingMs, 6 * DAY);
    assert.equal(d.totalStoppedMs, DAY);
  });

  it('a stop that begins after now is ignored (the clock cannot have stopped in the future)', () => {
    const d = computeDeadline(withStops([{ from: '2026-05-08T09:00:00Z', to: null }]), '2026-05-07T09:00:00Z');
    assert.equal(d.paused, false);
    assert.equal(iso(d.dueAt), '2026-05-12T09:00:00.000Z');
    assert.equal(d.remainingMs, 5 * DAY);
  });

  it('a stop that begins after the time ran out does not revive the deadline', () => {
    const d = computeDeadline(withStops([{ from: '2026-05-12T10:00:00Z', to: null }]), '2026-05-13T09:00:00Z');
    assert.equal(iso(d.dueAt), '2026-05-12T09:00:00.000Z');
    assert.equal(d.paused, false);
    assert.equal(d.overdue, true);
    assert.equal(d.remainingMs, -DAY);
    assert.equal(d.totalStoppedMs, 0);
  });

  it('a stop that begins before the due time and ends after it still counts in full', () => {
    const d = computeDeadline(withStops([{ from: '2026-05-12T08:00:00Z', to: '2026-05-12T10:00:00Z' }]), later);
    assert.equal(iso(d.dueAt), '2026-05-12T11:00:00.000Z');
  });

  it('rejects a stop that ends before it starts', () => {
    throwsCode(
      () => computeDeadline(withStops([{ from: '2026-05-07T10:00:00Z', to: '2026-05-07T09:00:00Z' }]), later),
      'deadline.invalid_stop',
    );
  });
});

describe('overdue and judicial-authorisation delay', () => {
  const urgentDirect: DeadlineInput = { regimeId: 'eu-2023-977', facts: { urgent: true, access: 'direct' }, events: { received: '2026-05-05T09:00:00Z' } };
  const urgentIndirect: DeadlineInput = { regimeId: 'eu-2023-977', facts: { urgent: true, access: 'indirect' }, events: { received: '2026-05-05T09:00:00Z' } };

  it('reports a negative remaining time once overdue', () => {
    const d = computeDeadline(urgentDirect, '2026-05-05T18:30:00Z');
    assert.equal(d.overdue, true);
    assert.equal(d.remainingMs, -1.5 * HOUR);
  });

  it('the due instant itself is still in time', () => {
    const d = computeDeadline(urgentDirect, '2026-05-05T17:00:00Z');
    assert.equal(d.overdue, false);
    assert.equal(d.remainingMs, 0);
  });

  it('a notified delay gives expectedAt, the instant told to the requester, but does not stop the legal clock (Art 5(2))', () => {
    const d = computeDeadline(
      { ...urgentIndirect, delay: { expectedAt: '2026-05-10T09:00:00Z', notifiedAt: '2026-05-07T10:00:00Z' } },
      '2026-05-09T09:00:00Z',
    );
    assert.equal(iso(d.dueAt), '2026-05-08T09:00:00.000Z');
    assert.equal(iso(d.expectedAt), '2026-05-10T09:00:00.000Z');
    assert.equal(d.overdue, true);
    assert.equal(d.delayNotified, true);
    assert.equal(d.remainingMs, -DAY);
  });

  it('an expected delay may be less than a day, and a clock stop does not move it', () => {
    const d = computeDeadline(
      {
        ...urgentIndirect,
        stops: [{ from: '2026-05-06T09:00:00Z', to: '2026-05-06T13:00:00Z' }],
        delay: { expectedAt: '2026-05-08T19:30:00Z', notifiedAt: '2026-05-07T10:00:00Z' },
      },
      '2026-05-07T09:00:00Z',
    );
    assert.equal(iso(d.dueAt), '2026-05-08T13:00:00.000Z');
    assert.equal(iso(d.expectedAt), '2026-05-08T19:30:00.000Z');
    assert.equal(d.delayNotified, false); // told only after `now`
  });

  it('without a delay there is no expectedAt', () => {
    const d = computeDeadline(urgentIndirect, '2026-05-09T09:00:00Z');
    assert.equal('expectedAt' in d, false);
    assert.equal(d.delayNotified, false);
  });
});

describe('validation at the edge', () => {
  const ok: DeadlineInput = { regimeId: 'sirene', events: { received: '2026-05-05T09:00:00Z' } };
  const now = '2026-05-05T10:00:00Z';

  it('rejects an impossible start date', () => {
    throwsCode(() => computeDeadline({ ...ok, events: { received: '2026-13-01T00:00:00Z' } }, now), 'deadline.invalid_start', { event: 'received' });
  });

  it('rejects an Invalid Date as start', () => {
    throwsCode(() => computeDeadline({ ...ok, events: { received: new Date('nonsense') } }, now), 'deadline.invalid_start', { event: 'received' });
  });

  it('rejects a start without time zone (it would be ambiguous)', () => {
    throwsCode(() => computeDeadline({ ...ok, events: { received: '2026-05-05T09:00:00' } }, now), 'deadline.invalid_start');
  });

  it('rejects a missing start event, naming it', () => {
    throwsCode(() => computeDeadline({ ...ok, events: { arrest: '2026-05-05T09:00:00Z' } }, now), 'deadline.missing_start', {
      event: 'received',
      rule: 'standard',
    });
  });

  it('rejects an invalid now', () => {
    throwsCode(() => computeDeadline(ok, new Date(Number.NaN)), 'deadline.invalid_now');
  });

  it('rejects an unknown regime', () => {
    throwsCode(() => computeDeadline({ ...ok, regimeId: 'interpol-x' }, now), 'deadline.unknown_regime', { regime: 'interpol-x' });
  });

  it('rejects facts that are neither text nor yes/no', () => {
    throwsCode(() => computeDeadline({ ...ok, facts: { urgent: 1 as unknown as boolean } }, now), 'deadline.invalid_facts');
  });

  it('rejects a malformed delay', () => {
    const delay = { length: { amount: 2, unit: 'weeks' }, notifiedAt: now } as unknown as DeadlineInput['delay'];
    throwsCode(() => computeDeadline({ ...ok, delay }, now), 'deadline.invalid_delay');
    // An answer cannot be expected before the requester was told of the delay.
    throwsCode(() => computeDeadline({ ...ok, delay: { expectedAt: '2026-05-01T00:00:00Z', notifiedAt: '2026-05-02T00:00:00Z' } }, now), 'deadline.invalid_delay');
  });

  it('rejects unknown input fields, so a misspelt `stops` cannot silently drop a clock stop', () => {
    const input = { ...ok, stop: [{ from: now, to: null }] } as unknown as DeadlineInput;
    throwsCode(() => computeDeadline(input, now), 'deadline.invalid_input');
  });

  it('has an English and a Swedish message for every error code, and the same keys in both catalogs', () => {
    const read = (lang: string) => JSON.parse(fs.readFileSync(new URL(`../../../shared/i18n/${lang}/deadline.json`, import.meta.url), 'utf8'));
    const keys = (o: Record<string, unknown>, p = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v as Record<string, unknown>, `${p}${k}.`) : [`${p}${k}`]));
    const en = read('en');
    const sv = read('sv');
    assert.deepEqual(keys(sv).sort(), keys(en).sort());
    for (const code of DEADLINE_ERROR_CODES) {
      const key = code.replace(/^deadline\./, '');
      assert.equal(typeof en.errors[key], 'string', `en: ${code}`);
      assert.equal(typeof sv.errors[key], 'string', `sv: ${code}`);
      assert.notEqual(sv.errors[key], en.errors[key], `sv still in English: ${code}`);
    }
  });

  it('the engine never reads the system clock', () => {
    const source = fs.readFileSync(new URL('./deadline.ts', import.meta.url), 'utf8');
    assert.doesNotMatch(source, /Date\.now\(|new Date\(\)|DateTime\.(now|local)\(/);
  });
});

describe('reminder times', () => {
  const policy: ReminderPolicy = { fractionsLeft: [0.5, 0.25], before: [{ hours: 1 }], escalateAtDue: true };
  const points = (d: Deadline, p: ReminderPolicy = policy) => reminderTimes(d, p).map((r) => [r.kind, iso(r.at), r.key]);

  it('places fractions, "before" points and the escalation on an 8-hour clock, including points already past', () => {
    const d = computeDeadline(
      { regimeId: 'eu-2023-977', facts: { urgent: true, access: 'direct' }, events: { received: '2026-05-05T09:00:00Z' } },
      '2026-05-05T15:30:00Z',
    );
    assert.deepEqual(points(d), [
      ['reminder', '2026-05-05T13:00:00.000Z', 'eu-2023-977/urgent-direct/left/0.5'],
      ['reminder', '2026-05-05T15:00:00.000Z', 'eu-2023-977/urgent-direct/left/0.25'],
      ['reminder', '2026-05-05T16:00:00.000Z', 'eu-2023-977/urgent-direct/before/PT1H'],
      ['escalation', '2026-05-05T17:00:00.000Z', 'eu-2023-977/urgent-direct/due'],
    ]);
  });

  it('uses the real length of a calendar-day clock across DST (71 h: half is 35.5 h)', () => {
    const d = computeDeadline(
      { regimeId: 'eu-2023-977', facts: { urgent: true, access: 'indirect' }, events: { received: '2026-03-28T10:00:00+01:00' } },
      '2026-03-28T09:00:00Z',
    );
    assert.equal(iso(reminderTimes(d, { fractionsLeft: [0.5] })[0].at), '2026-03-29T20:30:00.000Z');
  });

  it('moves points that fall in or after a clock stop; points before it stay', () => {
    const d = computeDeadline(
      {
        regimeId: 'eu-2023-977',
        facts: { urgent: false },
        events: { received: '2026-05-05T09:00:00Z' },
        stops: [{ from: '2026-05-08T00:00:00Z', to: '2026-05-09T00:00:00Z' }],
      },
      '2026-05-10T00:00:00Z',
    );
    assert.deepEqual(points(d, { ...policy, fractionsLeft: [0.75, 0.5, 0.25] }), [
      ['reminder', '2026-05-07T03:00:00.000Z', 'eu-2023-977/standard/left/0.75'],
      // Without the stop: 2026-05-08T21:00Z, inside the stop; the clock reaches it 24 h later.
      ['reminder', '2026-05-09T21:00:00.000Z', 'eu-2023-977/standard/left/0.5'],
      ['reminder', '2026-05-11T15:00:00.000Z', 'eu-2023-977/standard/left/0.25'],
      ['reminder', '2026-05-13T08:00:00.000Z', 'eu-2023-977/standard/before/PT1H'],
      ['escalation', '2026-05-13T09:00:00.000Z', 'eu-2023-977/standard/due'],
    ]);
  });

  it('while paused, points are recomputed against the pushed due time, with the same keys', () => {
    const input: DeadlineInput = {
      regimeId: 'eu-2023-977',
      facts: { urgent: false },
      events: { received: '2026-05-05T09:00:00Z' },
      stops: [{ from: '2026-05-08T00:00:00Z', to: null }],
    };
    const d = computeDeadline(input, '2026-05-08T12:00:00Z');
    assert.deepEqual(points(d, { ...policy, fractionsLeft: [0.75, 0.5], before: [] }), [
      ['reminder', '2026-05-07T03:00:00.000Z', 'eu-2023-977/standard/left/0.75'],
      ['reminder', '2026-05-09T09:00:00.000Z', 'eu-2023-977/standard/left/0.5'],
      ['escalation', '2026-05-12T21:00:00.000Z', 'eu-2023-977/standard/due'],
    ]);
    const before = computeDeadline({ ...input, stops: [] }, '2026-05-06T00:00:00Z');
    assert.deepEqual(
      reminderTimes(before, policy).map((r) => r.key),
      reminderTimes(computeDeadline(input, '2026-05-08T12:00:00Z'), policy).map((r) => r.key),
    );
  });

  it('keys change when an extension is granted, so the new points fire again', () => {
    const d = computeDeadline(
      { regimeId: 'eaw-decision', facts: { exceptional: true }, events: { arrest: '2026-02-10T13:00:00Z' } },
      '2026-02-10T13:00:00Z',
    );
    assert.deepEqual(points(d, { escalateAtDue: true, before: [{ hours: 24, minutes: 30 }] }), [
      ['reminder', '2026-05-10T11:30:00.000Z', 'eaw-decision/arrest/+exceptional/before/PT24H30M'],
      ['escalation', '2026-05-11T12:00:00.000Z', 'eaw-decision/arrest/+exceptional/due'],
    ]);
  });

  it('skips points before the clock started and counts duplicates once', () => {
    const d = computeDeadline(
      { regimeId: 'eu-2023-977', facts: { urgent: true }, events: { received: '2026-05-05T09:00:00Z' } },
      '2026-05-05T09:00:00Z',
    );
    assert.deepEqual(points(d, { fractionsLeft: [0.5, 0.5], before: [{ hours: 24 }] }), [
      ['reminder', '2026-05-05T13:00:00.000Z', 'eu-2023-977/urgent-direct/left/0.5'],
    ]);
  });

  it('gives no points for a regime without deadline', () => {
    const d = computeDeadline({ regimeId: 'ameripol', events: { received: '2026-05-05T09:00:00Z' } }, '2026-05-05T09:00:00Z');
    assert.deepEqual(reminderTimes(d, policy), []);
  });

  it('rejects an invalid policy', () => {
    const d = computeDeadline({ regimeId: 'sirene', events: { received: '2026-05-05T09:00:00Z' } }, '2026-05-05T09:00:00Z');
    throwsCode(() => reminderTimes(d, { fractionsLeft: [1.5] }), 'deadline.invalid_policy');
  });
});
