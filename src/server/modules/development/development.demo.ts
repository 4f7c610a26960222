/**
 * Demo data of development cooperation (fictional figures): a police reform project in Moldova, under way with
 * budget, disbursements and measured results, and one in Georgia awaiting the supervisor's approval.
 */
import type { Role } from '../../../shared/domain.ts';
import type { CreateProjectInput, ProjectActionName, ProjectDetail } from '../../../shared/development.schemas.ts';
import type { Ctx } from '../../platform/context.ts';
import { findUnitByCode, listUnitUsers } from '../identity/index.ts';
import { performProjectAction } from './development.actions.ts';
import { createProject, type ActorCtx } from './development.service.ts';

const D = 86_400_000;

/** Loads the two demo projects as the DEV unit's demo officer (`officer`) and supervisor (`supervisor`). */
export async function loadDemoDevelopment(ctx: Ctx, now: number, officer = 'utveckling', supervisor = 'utvecklingschef'): Promise<void> {
  const unit = await findUnitByCode(ctx.db, 'DEV');
  if (!unit) return;
  const users = await listUnitUsers(ctx, unit.id);
  const as = (username: string): ActorCtx => {
    const u = users.find((x) => x.username === username)!;
    return { ...ctx, locale: 'sv', actor: { id: u.id, username: u.username, displayName: u.displayName, roles: u.roles as Role[], unitId: unit.id } };
  };
  const o = as(officer);
  const y = new Date(now).getUTCFullYear();
  const ago = (days: number) => new Date(now - days * D).toISOString().slice(0, 10);
  let p: ProjectDetail;
  const act = async <A extends ProjectActionName>(who: ActorCtx, action: A, body: Record<string, unknown>) => {
    p = await performProjectAction(who, p.id, action, { version: p.version, ...body } as never);
  };
  const base = { partnerType: '10', startDate: `${y - 1}-01-01`, endDate: `${y + 1}-12-31` } as const;

  p = await createProject(o, {
    ...base, title: 'Stöd till polisreformen i Moldavien (demo)', partnerCountry: 'MD', sector: '15210', genderMarker: '1', humanRightsMarker: '2',
    description: 'Närpolisarbete, utbildning av instruktörer och intern tillsyn tillsammans med Moldaviens polis (fiktivt demoprojekt).',
    partnerName: 'Generalinspektoratet för polisen, Moldavien (demo)', partnerRef: null,
  } satisfies CreateProjectInput);
  for (const [yr, amount] of [[y - 1, 4_000_000], [y, 4_500_000], [y + 1, 3_500_000]] as const) {
    await act(o, 'add_budget', { periodStart: `${yr}-01-01`, periodEnd: `${yr}-12-31`, amount, status: yr > y ? 'indicative' : 'committed' });
  }
  await act(o, 'add_result', { type: 'outcome', title: 'Ökat förtroende för polisen bland invånarna', description: null });
  await act(o, 'add_indicator', { resultId: p!.results[0].id, title: 'Andel invånare med förtroende för polisen', measure: 'percentage', ascending: true, baselineYear: y - 2, baselineValue: 41 });
  const trust = p!.results[0].indicators[0].id;
  await act(o, 'record_period', { indicatorId: trust, periodStart: `${y - 1}-01-01`, periodEnd: `${y - 1}-12-31`, target: 45, actual: 47 });
  await act(o, 'record_period', { indicatorId: trust, periodStart: `${y}-01-01`, periodEnd: `${y}-12-31`, target: 50, actual: null });
  await act(o, 'add_result', { type: 'output', title: 'Certifierade instruktörer i närpolisarbete', description: null });
  await act(o, 'add_indicator', { resultId: p!.results[1].id, title: 'Antal certifierade instruktörer', measure: 'unit', ascending: true, baselineYear: y - 2, baselineValue: 0 });
  await act(o, 'record_period', { indicatorId: p!.results[1].indicators[0].id, periodStart: `${y - 1}-01-01`, periodEnd: `${y - 1}-12-31`, target: 20, actual: 18 });
  await act(o, 'add_activity', { title: 'Instruktörsutbildning i Chișinău', startDate: `${y - 1}-03-01`, endDate: `${y - 1}-06-30`, status: 'done' });
  await act(o, 'add_activity', { title: 'Pilot för närpolisarbete i två distrikt', startDate: `${y}-01-15`, endDate: `${y}-12-15`, status: 'ongoing' });
  await act(o, 'add_risk', { description: 'Personalomsättning bland utbildade instruktörer', likelihood: 'medium', impact: 'high', mitigation: 'Avtal om tjänstgöring efter utbildning; utbildning av ersättare.' });
  await act(o, 'add_lesson', { lesson: 'Pilotdistrikten behöver egen budget för uppföljning från början.' });
  await act(o, 'add_contact', { fullName: 'Ion Popescu (demo)', organisation: 'Generalinspektoratet för polisen (demo)', role: 'Projektsamordnare', email: 'ion.popescu@example.org', phone: null });
  await act(as(supervisor), 'approve_start', { decision: 'Start godkänd enligt avtal med samarbetslandet (demo).' });
  await act(o, 'add_disbursement', { date: `${y - 1}-03-15`, amount: 2_000_000, description: 'Första delutbetalning' });
  await act(o, 'add_disbursement', { date: `${y - 1}-09-15`, amount: 2_000_000, description: 'Andra delutbetalning' });
  await act(o, 'add_disbursement', { date: ago(20) < `${y}-01-01` ? `${y - 1}-12-01` : ago(20), amount: 1_500_000, description: 'Tredje delutbetalning' });

  p = await createProject(o, {
    ...base, startDate: `${y}-01-01`, title: 'Polisreform i Georgien: utredningsförmåga och mänskliga rättigheter (demo)', partnerCountry: 'GE', sector: '15130',
    genderMarker: '2', humanRightsMarker: '1', partnerName: 'Inrikesministeriet, Georgien (demo)', partnerRef: null,
    description: 'Stöd till utredningsmetodik och bemötande av brottsutsatta kvinnor tillsammans med Georgiens polis (fiktivt demoprojekt).',
  } satisfies CreateProjectInput);
  await act(o, 'add_budget', { periodStart: `${y}-01-01`, periodEnd: `${y}-12-31`, amount: 3_000_000, status: 'indicative' });
  await act(o, 'add_result', { type: 'outcome', title: 'Fler anmälda fall av våld i nära relationer utreds', description: null });
  await act(o, 'add_indicator', { resultId: p!.results[0].id, title: 'Andel anmälda fall som leder till åtal', measure: 'percentage', ascending: true, baselineYear: y - 1, baselineValue: 22 });
  await act(o, 'record_period', { indicatorId: p!.results[0].indicators[0].id, periodStart: `${y}-01-01`, periodEnd: `${y}-12-31`, target: 30, actual: null });
  await act(o, 'add_risk', { description: 'Politiska förändringar fördröjer reformbeslut', likelihood: 'medium', impact: 'medium', mitigation: 'Förankring hos flera aktörer; flexibel tidsplan.' });
  await act(o, 'add_contact', { fullName: 'Giorgi Beridze (demo)', organisation: 'Inrikesministeriet (demo)', role: 'Handläggare', email: null, phone: null });
}
