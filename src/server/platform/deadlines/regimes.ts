/**
 * The legal clocks of Polsam as data. A regime is a list of rules; the first rule whose `when`
 * matches the facts of a case gives the clock: the event it starts at, its length and its legal
 * basis. Further regimes can be loaded from settings or JSON through `parseRegimes` without code
 * changes (requirements: numbers marked unconfirmed are configurable data, not constants).
 */
import { z } from 'zod';
import { deadlineError, zodFields } from './deadline.errors.ts';

export const DURATION_UNITS = [
  'hours', // elapsed real time
  'calendar_days', // the same Stockholm wall-clock time N days later (see deadline.ts)
] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case id');
const name = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'expected a camelCase name');
const text = z.string().trim().min(1);

/** A fact of a case as a rule can test it: a code (`access: 'direct'`) or a flag (`urgent: true`). */
export const factValueSchema = z.union([z.string().min(1), z.boolean()]);
export type FactValue = z.infer<typeof factValueSchema>;

/** A partial record of facts; a rule or extension applies when every entry equals the case's fact. */
const whenSchema = z.record(name, factValueSchema);

export const durationSchema = z.strictObject({
  amount: z.number().int().positive().max(100_000),
  unit: z.enum(DURATION_UNITS),
});
export type Duration = z.infer<typeof durationSchema>;

export const extensionSchema = z.strictObject({
  id: slug,
  // An extension is granted by a fact (e.g. `exceptional: true` once the authority has decided it).
  when: whenSchema.refine((w) => Object.keys(w).length > 0, 'an extension needs at least one fact'),
  duration: durationSchema,
  legalBasis: text,
});
export type Extension = z.infer<typeof extensionSchema>;

export const ruleSchema = z
  .strictObject({
    id: slug,
    when: whenSchema,
    startsAt: name, // the event the clock starts at, e.g. `received`, `arrest`, `consent`
    duration: durationSchema.nullable(), // null: no deadline (e.g. Ameripol, observer only)
    legalBasis: text,
    extensions: z.array(extensionSchema).optional(),
  })
  .superRefine((rule, ctx) => {
    const ids = (rule.extensions ?? []).map((e) => e.id);
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({ code: 'custom', path: ['extensions'], message: 'duplicate extension id' });
    }
    if (rule.duration === null && ids.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['extensions'], message: 'a rule without deadline cannot be extended' });
    }
  });
export type Rule = z.infer<typeof ruleSchema>;

export const regimeSchema = z
  .strictObject({
    id: slug,
    label: z.strictObject({ sv: text, en: text }),
    source: text, // the legal act(s) the regime implements
    rules: z.array(ruleSchema).min(1),
  })
  .superRefine((regime, ctx) => {
    const ids = regime.rules.map((r) => r.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['rules'], message: 'duplicate rule id' });
    // Every case must get a clock, and no rule may be unreachable: exactly the last rule is the catch-all.
    regime.rules.forEach((rule, i) => {
      const catchAll = Object.keys(rule.when).length === 0;
      if (catchAll !== (i === regime.rules.length - 1)) {
        const message = 'only the last rule, and always the last rule, has an empty `when`';
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'when'], message });
      }
    });
  });
export type Regime = z.infer<typeof regimeSchema>;

/** Regimes by id. */
export type RegimeRegistry = ReadonlyMap<string, Regime>;

const days = (amount: number): Duration => ({ amount, unit: 'calendar_days' });
const hours = (amount: number): Duration => ({ amount, unit: 'hours' });

const EU_2023_977: Regime = {
  id: 'eu-2023-977',
  label: { sv: 'Informationsutbyte enligt direktiv (EU) 2023/977', en: 'Information exchange under Directive (EU) 2023/977' },
  source: 'Directive (EU) 2023/977, Art. 5',
  rules: [
    // Art 5(1): every clock starts when the request is received.
    // Art 5(1)(b): 3 calendar days when urgent and only indirectly accessible.
    {
      id: 'urgent-indirect',
      when: { urgent: true, access: 'indirect' },
      startsAt: 'received',
      duration: days(3),
      legalBasis: 'Dir. (EU) 2023/977 Art. 5(1)(b)',
    },
    // Art 5(1)(a): 8 hours when urgent and directly accessible. Placed after (b) and matching any
    // urgent request, so that an urgent request whose access is not yet assessed gets the short clock.
    {
      id: 'urgent-direct',
      when: { urgent: true },
      startsAt: 'received',
      duration: hours(8),
      legalBasis: 'Dir. (EU) 2023/977 Art. 5(1)(a)',
    },
    // Art 5(1)(c): 7 calendar days for all other requests.
    {
      id: 'standard',
      when: {},
      startsAt: 'received',
      duration: days(7),
      legalBasis: 'Dir. (EU) 2023/977 Art. 5(1)(c)',
    },
  ],
};

// Dir. (EU) 2023/977 binds the Member States (and the Schengen-associated states that apply it); a request
// to or from a third country or an international organisation (e.g. through Interpol, Art 13(2)(a)) is not
// under its Art 5 time limits. No legal time limit is known for those exchanges; a national rule that sets one
// is loaded as a regime of its own (`parseRegimes`) and chosen by the desk's regime selection.
const THIRD_COUNTRY: Regime = {
  id: 'third-country',
  label: { sv: 'Begäran om information till eller från tredjeland', en: 'Request for information to or from a third country' },
  source: 'Directive (EU) 2023/977, Art. 1 and 13(2)(a): the Directive applies between Member States only',
  rules: [
    {
      id: 'no-legal-limit',
      when: {},
      startsAt: 'received',
      duration: null,
      legalBasis: 'Outside Dir. (EU) 2023/977 (third country): no legal time limit',
    },
  ],
};

// Art 7: information provided on a Member State's own initiative is not a request; nothing is due.
const OWN_INITIATIVE: Regime = {
  id: 'own-initiative',
  label: { sv: 'Information på eget initiativ', en: 'Own-initiative information' },
  source: 'Directive (EU) 2023/977, Art. 7',
  rules: [
    {
      id: 'no-deadline',
      when: {},
      startsAt: 'received',
      duration: null,
      legalBasis: 'Dir. (EU) 2023/977 Art. 7: no time limit',
    },
  ],
};

const SIRENE: Regime = {
  id: 'sirene',
  label: { sv: 'SIRENE-begäran', en: 'SIRENE request' },
  source: 'SIRENE Manual (Commission Implementing Decision 2011/406/EU), §1.3.5',
  rules: [
    // SIRENE Manual §1.3.5: answer as soon as possible, within 12 hours at most.
    {
      id: 'standard',
      when: {},
      startsAt: 'received',
      duration: hours(12),
      legalBasis: 'SIRENE Manual 2011/406/EU §1.3.5',
    },
  ],
};

const AMERIPOL: Regime = {
  id: 'ameripol',
  label: { sv: 'Ameripol (observatör)', en: 'Ameripol (observer)' },
  source: 'Ameripol constitutive treaty (November 2023); Sweden holds observer status',
  rules: [
    // Sweden is an observer: a channel without data-exchange obligations, hence no legal clock.
    {
      id: 'observer',
      when: {},
      startsAt: 'received',
      duration: null,
      legalBasis: 'Ameripol observer status: no exchange obligations',
    },
  ],
};

// FD 2002/584/JHA Art 17(4): in specific cases the limits of Art 17(2) and (3) may be extended by
// a further 30 days; the issuing authority must be told of the reasons.
const EAW_EXCEPTIONAL: Extension = {
  id: 'exceptional',
  when: { exceptional: true },
  duration: days(30),
  legalBasis: 'FD 2002/584/JHA Art. 17(4)',
};

const EAW_DECISION: Regime = {
  id: 'eaw-decision',
  label: { sv: 'Europeisk arresteringsorder – beslut om överlämnande', en: 'European arrest warrant – decision on surrender' },
  source: 'Council Framework Decision 2002/584/JHA, Art. 17',
  rules: [
    // Art 17(2): with consent, the final decision within 10 days after consent.
    {
      id: 'consent',
      when: { consent: true },
      startsAt: 'consent',
      duration: days(10),
      legalBasis: 'FD 2002/584/JHA Art. 17(2)',
      extensions: [EAW_EXCEPTIONAL],
    },
    // Art 17(3): otherwise within 60 days after the arrest.
    {
      id: 'arrest',
      when: {},
      startsAt: 'arrest',
      duration: days(60),
      legalBasis: 'FD 2002/584/JHA Art. 17(3)',
      extensions: [EAW_EXCEPTIONAL],
    },
  ],
};

const EAW_SURRENDER: Regime = {
  id: 'eaw-surrender',
  label: { sv: 'Europeisk arresteringsorder – överlämnande', en: 'European arrest warrant – surrender' },
  source: 'Council Framework Decision 2002/584/JHA, Art. 23',
  rules: [
    // Art 23(3)-(4): when surrender was prevented or postponed, within 10 days of the new agreed date.
    {
      id: 'new-date',
      when: { newDateAgreed: true },
      startsAt: 'agreedDate',
      duration: days(10),
      legalBasis: 'FD 2002/584/JHA Art. 23(3)',
    },
    // Art 23(2): no later than 10 days after the final decision on execution.
    {
      id: 'final-decision',
      when: {},
      startsAt: 'finalDecision',
      duration: days(10),
      legalBasis: 'FD 2002/584/JHA Art. 23(2)',
    },
  ],
};

// Lag (2011:1165) implements the Nordic Convention of 15 December 2005. The paragraph numbers of the
// time limits are not verified here; the legal basis strings name the act only (configurable data).
const NAW_LAW = 'Lag (2011:1165) om nordisk arresteringsorder';

const NAW_DECISION: Regime = {
  id: 'naw-decision',
  label: { sv: 'Nordisk arresteringsorder – beslut om överlämnande', en: 'Nordic arrest warrant – decision on surrender' },
  source: 'Lag (2011:1165) om överlämnande från Sverige enligt en nordisk arresteringsorder',
  rules: [
    // With consent the prosecutor decides, no later than 3 days after the consent.
    {
      id: 'consent',
      when: { consent: true },
      startsAt: 'consent',
      duration: days(3),
      legalBasis: `${NAW_LAW}: consent, 3 days`,
    },
    // Not (yet) arrested: the court decides within 14 days of the person being told of the warrant.
    {
      id: 'not-arrested',
      when: { arrested: false },
      startsAt: 'notified',
      duration: days(14),
      legalBasis: `${NAW_LAW}: 14 days`,
    },
    // The court decides no later than 14 days after the arrest.
    {
      id: 'arrest',
      when: {},
      startsAt: 'arrest',
      duration: days(14),
      legalBasis: `${NAW_LAW}: 14 days`,
    },
  ],
};

const NAW_SURRENDER: Regime = {
  id: 'naw-surrender',
  label: { sv: 'Nordisk arresteringsorder – överlämnande', en: 'Nordic arrest warrant – surrender' },
  source: 'Lag (2011:1165) om överlämnande från Sverige enligt en nordisk arresteringsorder',
  rules: [
    // Surrender within 5 days after the decision became final (vann laga kraft).
    {
      id: 'final-decision',
      when: {},
      startsAt: 'finalDecision',
      duration: days(5),
      legalBasis: `${NAW_LAW}: 5 days`,
    },
  ],
};

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The built-in regimes, frozen: a legal clock is never changed by mutating shared state. */
export const BUILT_IN_REGIMES: readonly Regime[] = deepFreeze([
  EU_2023_977,
  SIRENE,
  AMERIPOL,
  THIRD_COUNTRY,
  OWN_INITIATIVE,
  EAW_DECISION,
  EAW_SURRENDER,
  NAW_DECISION,
  NAW_SURRENDER,
]);

/** Validates regimes from settings or JSON (text, one regime or a list) and returns them frozen. */
export function parseRegimes(input: unknown): Regime[] {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      throw deadlineError('deadline.invalid_regime', {}, [{ path: '', code: 'invalid_json' }]);
    }
  }
  const parsed = z.array(regimeSchema).safeParse(Array.isArray(value) ? value : [value]);
  if (!parsed.success) throw deadlineError('deadline.invalid_regime', {}, zodFields(parsed.error.issues));
  return deepFreeze(parsed.data);
}

/** Builds the lookup of the built-in regimes plus extra ones; an id may occur only once. */
export function createRegimeRegistry(extra: readonly Regime[] = []): RegimeRegistry {
  const registry = new Map<string, Regime>();
  // A loaded regime may not silently replace a built-in legal clock: a changed rule needs a new id.
  for (const regime of [...BUILT_IN_REGIMES, ...extra]) {
    if (registry.has(regime.id)) throw deadlineError('deadline.duplicate_regime', { regime: regime.id });
    registry.set(regime.id, regime);
  }
  return registry;
}

/** The registry of the built-in regimes only. */
export const BUILT_IN_REGISTRY: RegimeRegistry = createRegimeRegistry();
