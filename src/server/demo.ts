/**
 * Demo data for the embedded default: clearly fictional persons (each country's placeholder name, such as
 * Erika Mustermann or Jan Kowalski) and requests over channels, countries and deadlines, some overdue.
 * Loaded once; never in production (DEMO=false, or PostgreSQL without DEMO=true).
 */
import type { Clock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import { systemCtx, type Actor } from './platform/context.ts';
import type { Database } from './platform/db/client.ts';
import { createUser, findUnitByCode, listUnitUsers } from './modules/identity/index.ts';
import { createRequest, performAction } from './modules/exchange/index.ts';
import { createWanted, performWantedAction } from './modules/wanted/index.ts';
import { loadDemoPeace } from './modules/peace/index.ts';
import { loadDemoStrategic } from './modules/strategic/index.ts';
import { loadDemoDevelopment } from './modules/development/index.ts';
import type { CreateWantedInput } from '../shared/wanted.schemas.ts';
import type { CreateRequestInput } from '../shared/exchange.schemas.ts';
import type { Role } from '../shared/domain.ts';


export const DEMO_PASSWORD = 'polsam-demo-2026';
const H = 3600_000;

const USERS: { username: string; displayName: string; roles: Role[]; unit: string }[] = [
  { username: 'jour', displayName: 'Jourhavande Demo', roles: ['duty_officer'], unit: 'SPOC' },
  { username: 'handlaggare', displayName: 'Handläggare Demo', roles: ['case_officer'], unit: 'SPOC' },
  { username: 'chef', displayName: 'Chef Demo', roles: ['supervisor'], unit: 'SPOC' },
  { username: 'revisor', displayName: 'Revisor Demo', roles: ['auditor'], unit: 'SPOC' },
  { username: 'fast', displayName: 'FAST Demo', roles: ['fast_officer', 'case_officer'], unit: 'FAST' },
  { username: 'fastchef', displayName: 'FAST-chef Demo', roles: ['fast_officer', 'supervisor'], unit: 'FAST' },
  { username: 'strategi', displayName: 'Strategisk handläggare Demo', roles: ['strategic_officer'], unit: 'STRAT' },
  { username: 'stratchef', displayName: 'Strategichef Demo', roles: ['strategic_officer', 'supervisor'], unit: 'STRAT' },
  { username: 'utveckling', displayName: 'Utvecklingshandläggare Demo', roles: ['development_officer'], unit: 'DEV' },
  { username: 'utvecklingschef', displayName: 'Utvecklingschef Demo', roles: ['development_officer', 'supervisor'], unit: 'DEV' },
  { username: 'insats', displayName: 'Insatshandläggare Demo', roles: ['peace_ops_officer'], unit: 'PEACE' },
  { username: 'insatschef', displayName: 'Insatschef Demo', roles: ['peace_ops_officer', 'supervisor'], unit: 'PEACE' },
];

type Demo = Omit<CreateRequestInput, 'receivedAt'> & { hoursAgo: number };

function req(p: Partial<Demo> & Pick<Demo, 'countryCode' | 'subject' | 'hoursAgo'>): Demo {
  return {
    direction: 'incoming', channel: 'siena', counterpartAuthority: `SPOC ${p.countryCode}`, urgent: false, access: 'direct',
    language: 'en', handlingCode: 'H0', europolCopy: false, europolCopyReason: 'Utanför Europols mandat (demo).',
    informationSought: 'Uppgifter om registrerade fordon och adresser (fiktivt demoärende).',
    purpose: 'Förundersökning om grovt bedrägeri (fiktivt demoärende).', persons: [], items: [], ...p,
  } as Demo;
}

const DEMO_REQUESTS: Demo[] = [
  req({ countryCode: 'DE', subject: 'Fordonsuppgifter – människorov', hoursAgo: 5, urgent: true, urgencyReason: 'life_or_integrity', language: 'de',
    persons: [{ fullName: 'Erika Mustermann', aliases: [], dateOfBirth: '1964-08-12', gender: 'female', nationalities: ['DE'], documents: [], category: 'suspect', nature: 'fact', reliability: 'B', accuracy: '2' }] }),
  req({ countryCode: 'PL', subject: 'Adressuppgift – bedrägeri', hoursAgo: 200, language: 'pl',
    persons: [{ fullName: 'Jan Kowalski', aliases: ['Janek Kowalsky'], dateOfBirth: '1979-03-02', gender: 'male', nationalities: ['PL'], documents: [{ kind: 'passport', number: 'ZZ0000001', country: 'PL' }], category: 'suspect', nature: 'fact', reliability: 'A', accuracy: '1' }] }),
  req({ countryCode: 'NO', channel: 'ptn', channelReason: 'b_urgency', subject: 'Vittnesuppgifter – rån', hoursAgo: 30, urgent: true, urgencyReason: 'loss_of_relevance', access: 'indirect', language: 'no',
    persons: [{ fullName: 'Ola Nordmann', aliases: [], dateOfBirth: '1985', gender: 'male', nationalities: ['NO'], documents: [], category: 'witness_informant_contact', nature: 'assessment', reliability: 'B', accuracy: '3' }] }),
  req({ countryCode: 'IT', channel: 'sirene', channelReason: 'a_third_country', subject: 'SIRENE: träff på efterlysning (art. 26)', hoursAgo: 14,
    persons: [{ fullName: 'Mario Rossi', aliases: [], dateOfBirth: '1970-01-01', gender: 'male', nationalities: ['IT'], documents: [], category: 'suspect', nature: 'fact', reliability: 'A', accuracy: '1' }] }),
  req({ countryCode: 'ES', subject: 'Telefonabonnemang – människohandel', hoursAgo: 60, language: 'es',
    persons: [{ fullName: 'Juan Pérez', aliases: ['Juan Perez Garcia'], dateOfBirth: '1990-06-15', gender: 'male', nationalities: ['ES'], documents: [], category: 'victim', nature: 'fact', reliability: 'B', accuracy: '2' }] }),
  req({ countryCode: 'UA', channel: 'interpol', channelReason: 'a_third_country', subject: 'Identitetskontroll – resehandling', hoursAgo: 100, language: 'uk',
    persons: [{ fullName: 'Мария Образцова', aliases: ['Maria Obraztsova'], dateOfBirth: '1988-11-30', gender: 'female', nationalities: ['UA'], documents: [], category: 'victim', nature: 'fact', reliability: 'C', accuracy: '3' }] }),
  req({ countryCode: 'FI', subject: 'Bankuppgifter – penningtvätt', hoursAgo: 2, urgent: true, urgencyReason: 'restrictive_measure', language: 'fi',
    persons: [{ fullName: 'Matti Meikäläinen', aliases: [], dateOfBirth: '1975-05-05', gender: 'male', nationalities: ['FI'], documents: [], category: 'suspect', nature: 'fact', reliability: 'B', accuracy: '2' }] }),
  req({ countryCode: 'CO', channel: 'ameripol', subject: 'Ameripol: information för kännedom – narkotika', hoursAgo: 20, language: 'es',
    persons: [{ fullName: 'Juan Valdez', aliases: [], gender: 'male', nationalities: ['CO'], documents: [], category: 'other', nature: 'assessment', reliability: 'X', accuracy: '4' }] }),
  req({ countryCode: 'FR', subject: 'Tidigare domar – grov misshandel', hoursAgo: 180, language: 'fr',
    persons: [{ fullName: 'Jean Dupont', aliases: [], dateOfBirth: '1968-02-29', gender: 'male', nationalities: ['FR'], documents: [], category: 'convicted', nature: 'fact', reliability: 'A', accuracy: '1' }] }),
  req({ countryCode: 'DK', subject: 'Fordonsägare – smitning', hoursAgo: 26, urgent: true, urgencyReason: 'public_security', language: 'da' }),
  req({ direction: 'outgoing', countryCode: 'NL', subject: 'Begäran om företagsuppgifter', hoursAgo: 0 }),
];

const D = 86_400_000;
const day = (now: number, daysAgo: number) => new Date(now - daysAgo * D).toISOString().slice(0, 10);

/** Fictional wanted persons (each language's placeholder name), one per requesting authority. */
function demoWanted(now: number): CreateWantedInput[] {
  const base = { documents: [], description: 'Fiktiv demoperson.', placeOfBirth: null, handlingWarnings: null };
  return [
    { ...base, fullName: 'Sven Svensson', otherScriptNames: [], aliases: ['Svenne Demo'], dateOfBirth: '1981-01-01', gender: 'male', nationalities: ['SE'],
      requestingAuthority: 'aklagarmyndigheten', authorityReference: 'AM-DEMO-0001', legalBasis: 'detention_in_absentia',
      offence: 'Grovt rån (fiktivt demoärende)', offenceSummary: 'Grovt rån (demo)', dangerWarnings: 'Kan vara beväpnad (demo)',
      warrants: [{ kind: 'eaw', issuingCountry: 'SE', issuingAuthority: 'Åklagarmyndigheten (demo)', issuedAt: day(now, 40), validUntil: day(now, -325), reviewAt: day(now, -20),
        channelReference: 'SIS-DEMO-1', eaw: { c_judgment: 'Häktning i sin frånvaro (demo)', d_offence: 'Grovt rån (demo)' } }] },
    { ...base, fullName: 'Ivan Ivanov', otherScriptNames: ['Иван Иванов'], aliases: [], dateOfBirth: '1975-05-05', gender: 'male', nationalities: ['RU'],
      requestingAuthority: 'kriminalvarden', authorityReference: 'KV-DEMO-0002', legalBasis: 'prison_sentence',
      offence: 'Fängelse 4 år för grov narkotikasmuggling (fiktivt demoärende)', offenceSummary: null, dangerWarnings: null,
      warrants: [{ kind: 'eaw', issuingCountry: 'SE', issuingAuthority: 'Åklagarmyndigheten (demo)', issuedAt: day(now, 90),
        eaw: { c_judgment: 'Svea hovrätt (demo)', d_offence: 'Grov narkotikasmuggling (demo)' } }] },
    { ...base, fullName: 'Fulan al-Fulani', otherScriptNames: ['فلان الفلاني'], aliases: [], dateOfBirth: '1990', gender: 'male', nationalities: [],
      requestingAuthority: 'socialstyrelsen', authorityReference: 'SOS-DEMO-0003', legalBasis: 'lrv_care_decision',
      offence: 'Avviken från rättspsykiatrisk vård (fiktivt demoärende)', offenceSummary: null, dangerWarnings: null,
      warrants: [{ kind: 'naw', issuingCountry: 'SE', issuingAuthority: 'Åklagarmyndigheten (demo)', issuedAt: day(now, 10) }] },
  ] as CreateWantedInput[];
}

/** Loads the FAST demo: three wanted persons, one published (supervisor's decision), one arrested abroad (a running clock). */
async function loadDemoWanted(ctx: ReturnType<typeof systemCtx>, now: number) {
  const unit = await findUnitByCode(ctx.db, 'FAST');
  if (!unit) return;
  const users = await listUnitUsers(ctx, unit.id);
  const as = (username: string) => {
    const u = users.find((x) => x.username === username)!;
    return { ...ctx, locale: 'sv' as const, actor: { id: u.id, username: u.username, displayName: u.displayName, roles: u.roles as Role[], unitId: unit.id } };
  };
  const officer = as('fast');
  const created = [];
  for (const w of demoWanted(now)) created.push(await createWanted(officer, w));
  const [published, arrested] = created;
  await performWantedAction(as('fastchef'), published.id, 'publish', { version: published.version, decision: 'Demobeslut: allmänhetens hjälp behövs.' });
  const located = await performWantedAction(officer, arrested.id, 'locate', { version: arrested.version, countryCode: 'ES', place: 'Málaga' });
  await performWantedAction(officer, arrested.id, 'arrest', {
    version: located.version, warrantId: arrested.warrants[0].id, countryCode: 'ES', place: 'Málaga', arrestedAt: new Date(now - 3 * D).toISOString(), consent: null,
  });
}

/** Loads the demo users and requests once; returns the demo logins, or null when already loaded. */
export async function loadDemoData(database: Database, clock: Clock, config: Config) {
  // The demo password is in the README: a production installation must never have these accounts.
  if (config.NODE_ENV === 'production') throw new Error('demo data is never loaded with NODE_ENV=production');
  const ctx = systemCtx(database.db, clock, config.NODE_COUNTRY);
  const spoc = await findUnitByCode(ctx.db, 'SPOC');
  if (!spoc) return null;
  if ((await listUnitUsers(ctx, spoc.id)).some((u) => u.username === 'jour')) return null;
  for (const u of USERS) await createUser(ctx, { ...u, password: DEMO_PASSWORD, unitCode: u.unit, locale: 'sv', mustChangePassword: false });
  const users = await listUnitUsers(ctx, spoc.id);
  const duty = users.find((u) => u.username === 'jour')!;
  const officer = users.find((u) => u.username === 'handlaggare')!;
  const actor: Actor = { id: duty.id, username: duty.username, displayName: duty.displayName, roles: duty.roles as Role[], unitId: spoc.id };
  const actx = { ...ctx, actor, locale: 'sv' as const };
  const now = clock.now().getTime();
  for (const [i, d] of DEMO_REQUESTS.entries()) {
    const { hoursAgo, ...input } = d;
    const created = await createRequest(actx, { ...input, receivedAt: input.direction === 'incoming' ? new Date(now - hoursAgo * H).toISOString() : null } as CreateRequestInput);
    // Spread the demo over statuses: some assigned and in progress, one waiting for clarification.
    if (i % 3 === 1 && created.status === 'received') {
      const a = await performAction(actx, created.id, 'assign', { version: created.version, assigneeId: officer.id });
      const s = await performAction(actx, created.id, 'start', { version: a.version });
      if (i === 4) await performAction(actx, created.id, 'request_clarification', { version: s.version, question: 'Vilken tidsperiod avses? (demo)' });
    }
  }
  // The FAST demo is Swedish (Swedish authorities, warrants issued in Sweden): other countries' nodes skip it.
  if (ctx.nodeCountry === 'SE') await loadDemoWanted(ctx, now);
  // Development cooperation: Swedish Police projects in Moldova and Georgia (reported as Polisen in IATI).
  if (ctx.nodeCountry === 'SE') await loadDemoDevelopment(ctx, now);
  // Strategic cooperation: Sweden's seats in EU working groups and institutions.
  if (ctx.nodeCountry === 'SE') await loadDemoStrategic(ctx, now);
  // Peace operations: the utlandsstyrka's UN and EU missions, roster and tours (a PEACE supervisor enters them).
  if (ctx.nodeCountry === 'SE') {
    const peace = await findUnitByCode(ctx.db, 'PEACE');
    const chief = peace && (await listUnitUsers(ctx, peace.id)).find((u) => u.username === 'insatschef');
    if (peace && chief) await loadDemoPeace(ctx, { id: chief.id, username: chief.username, displayName: chief.displayName, roles: chief.roles as Role[], unitId: peace.id });
  }
  return { users: USERS.map((u) => u.username), password: DEMO_PASSWORD };
}

