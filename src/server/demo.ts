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
  req({ direction: 'outgoing', countryCode: 'NL', subject: 'Förfrågan om företagsuppgifter', hoursAgo: 0 }),
];

/** Loads the demo users and requests once; returns the demo logins, or null when already loaded. */
export async function loadDemoData(database: Database, clock: Clock, config: Config) {
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
  return { users: USERS.map((u) => u.username), password: DEMO_PASSWORD };
}

