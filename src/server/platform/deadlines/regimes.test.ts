/**
 * Regimes as data: the built-ins pass their own schema, and further regimes load from JSON
 * (settings) without code changes, or are refused with a field list saying why.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../errors.ts';
import {
  BUILT_IN_REGIMES,
  BUILT_IN_REGISTRY,
  computeDeadline,
  createRegimeRegistry,
  matchRule,
  parseRegimes,
  regimeSchema,
} from './index.ts';

function refused(fn: () => unknown, code: string): DomainError {
  let caught: unknown;
  assert.throws(fn, (e: unknown) => {
    caught = e;
    return e instanceof DomainError && e.kind === 'validation' && e.code === code;
  });
  return caught as DomainError;
}

// A hypothetical regime: 24 hours from receipt, 2 hours when life is at stake.
const EXTRA_JSON = `{
  "id": "bilateral-24h",
  "label": { "sv": "Bilateralt avtal, 24 timmar", "en": "Bilateral agreement, 24 hours" },
  "source": "Hypothetical bilateral police cooperation agreement, Art. 9",
  "rules": [
    { "id": "life", "when": { "urgent": true, "urgencyReason": "life_or_integrity" }, "startsAt": "received",
      "duration": { "amount": 2, "unit": "hours" }, "legalBasis": "Agreement Art. 9(2)" },
    { "id": "standard", "when": {}, "startsAt": "received",
      "duration": { "amount": 24, "unit": "hours" }, "legalBasis": "Agreement Art. 9(1)" }
  ]
}`;

const valid = () => JSON.parse(EXTRA_JSON) as Record<string, unknown> & { rules: Record<string, unknown>[] };

describe('built-in regimes', () => {
  it('are the clocks of the requirements, with third-country and own-initiative exchanges as regimes of their own', () => {
    assert.deepEqual(
      BUILT_IN_REGIMES.map((r) => r.id),
      ['eu-2023-977', 'sirene', 'ameripol', 'third-country', 'own-initiative', 'eaw-decision', 'eaw-surrender', 'naw-decision', 'naw-surrender'],
    );
  });

  for (const regime of BUILT_IN_REGIMES) {
    it(`${regime.id} passes the schema that loaded regimes must pass`, () => {
      const result = regimeSchema.safeParse(regime);
      assert.equal(result.success, true, JSON.stringify(result.error?.issues));
    });
  }

  it('are frozen, so no caller can change a legal clock by mutation', () => {
    const eu = BUILT_IN_REGISTRY.get('eu-2023-977');
    assert.ok(eu);
    assert.throws(() => {
      (eu.rules[0].duration as { amount: number }).amount = 30;
    }, TypeError);
  });

  it('matches the first rule whose facts all agree; facts no rule names are ignored', () => {
    const eu = BUILT_IN_REGISTRY.get('eu-2023-977');
    assert.ok(eu);
    assert.equal(matchRule(eu, { urgent: true, access: 'indirect', country: 'DE' })?.id, 'urgent-indirect');
    assert.equal(matchRule(eu, { urgent: 'true' })?.id, 'standard'); // a string is not the flag true
    assert.equal(matchRule(eu)?.id, 'standard');
  });
});

describe('loading regimes from JSON', () => {
  it('loads an extra regime from JSON text and computes with it', () => {
    const registry = createRegimeRegistry(parseRegimes(EXTRA_JSON));
    const standard = computeDeadline({ regimeId: 'bilateral-24h', events: { received: '2026-03-28T12:00:00+01:00' } }, '2026-03-28T11:00:00Z', registry);
    assert.equal(standard.legalBasis, 'Agreement Art. 9(1)');
    // 24 elapsed hours across the spring-forward night: 12:00 CET → 13:00 CEST.
    assert.equal(standard.dueAt?.toISOString(), '2026-03-29T11:00:00.000Z');
    const life = computeDeadline(
      { regimeId: 'bilateral-24h', facts: { urgent: true, urgencyReason: 'life_or_integrity' }, events: { received: '2026-05-05T09:00:00Z' } },
      '2026-05-05T09:00:00Z',
      registry,
    );
    assert.equal(life.ruleId, 'life');
    assert.equal(life.dueAt?.toISOString(), '2026-05-05T11:00:00.000Z');
    // The built-ins are still there.
    assert.equal(registry.get('sirene')?.rules[0].legalBasis, 'SIRENE Manual 2011/406/EU §1.3.5');
  });

  it('accepts a list of regimes as parsed JSON', () => {
    const second = { ...valid(), id: 'bilateral-48h' };
    assert.deepEqual(parseRegimes([valid(), second]).map((r) => r.id), ['bilateral-24h', 'bilateral-48h']);
  });

  it('is not known to the built-in registry', () => {
    assert.throws(
      () => computeDeadline({ regimeId: 'bilateral-24h', events: { received: '2026-05-05T09:00:00Z' } }, '2026-05-05T09:00:00Z'),
      (e: unknown) => e instanceof DomainError && e.code === 'deadline.unknown_regime',
    );
  });

  it('refuses text that is not JSON', () => {
    refused(() => parseRegimes('{ "id": '), 'deadline.invalid_regime');
  });

  it('refuses a regime without a catch-all last rule (some cases would get no clock)', () => {
    const bad = valid();
    bad.rules = [bad.rules[0]];
    const e = refused(() => parseRegimes(bad), 'deadline.invalid_regime');
    assert.deepEqual(e.fields.map((f) => f.path), ['0.rules.0.when']);
  });

  it('refuses a catch-all before the last rule (the rules after it could never apply)', () => {
    const bad = valid();
    bad.rules = [bad.rules[1], { ...bad.rules[0], id: 'life-2' }];
    const e = refused(() => parseRegimes(bad), 'deadline.invalid_regime');
    assert.ok(e.fields.some((f) => f.path === '0.rules.0.when'));
  });

  it('refuses a misspelt key instead of ignoring it', () => {
    const bad = valid();
    bad.rules[0] = { ...bad.rules[0], wehn: bad.rules[0].when };
    const e = refused(() => parseRegimes(bad), 'deadline.invalid_regime');
    assert.ok(e.fields.some((f) => f.path === '0.rules.0' && f.code === 'unrecognized_keys'));
  });

  it('refuses an unknown unit and a zero amount', () => {
    const bad = valid();
    bad.rules[0] = { ...bad.rules[0], duration: { amount: 1, unit: 'weeks' } };
    bad.rules[1] = { ...bad.rules[1], duration: { amount: 0, unit: 'hours' } };
    const e = refused(() => parseRegimes(bad), 'deadline.invalid_regime');
    assert.deepEqual(e.fields.map((f) => f.path).sort(), ['0.rules.0.duration.unit', '0.rules.1.duration.amount']);
  });

  it('refuses duplicate rule ids', () => {
    const bad = valid();
    bad.rules[0] = { ...bad.rules[0], id: 'standard' };
    refused(() => parseRegimes(bad), 'deadline.invalid_regime');
  });

  it('refuses a regime without legal basis on a rule', () => {
    const bad = valid();
    bad.rules[1] = { ...bad.rules[1], legalBasis: '  ' };
    refused(() => parseRegimes(bad), 'deadline.invalid_regime');
  });

  it('refuses an extension on a rule without deadline', () => {
    const bad = valid();
    bad.rules[1] = {
      ...bad.rules[1],
      duration: null,
      extensions: [{ id: 'more', when: { exceptional: true }, duration: { amount: 1, unit: 'hours' }, legalBasis: 'x' }],
    };
    refused(() => parseRegimes(bad), 'deadline.invalid_regime');
  });

  it('refuses an id that a built-in regime already has', () => {
    const clash = parseRegimes({ ...valid(), id: 'sirene' });
    const e = refused(() => createRegimeRegistry(clash), 'deadline.duplicate_regime');
    assert.deepEqual(e.params, { regime: 'sirene' });
  });
});
