/**
 * Demo data of the peace-operations area: a UN and an EU mission, calls, a roster of clearly fictional officers
 * (Swedish placeholder names), nominations with both outcomes, and tours under way — one ending within a month.
 */
import type { Actor, Ctx } from '../../platform/context.ts';
import { addDays, today, type ActorCtx } from './peace.context.ts';
import { createCall, createMission } from './missions.service.ts';
import { decideNomination, deployNomination, proposeNomination } from './nominations.service.ts';
import { createCandidate } from './roster.service.ts';
import { postsOf } from './peace.repository.ts';

const J = 'Demodata: utlandsstyrkans planering';

/** Loads the demo as the given peace supervisor (peace_ops_officer + supervisor). */
export async function loadDemoPeace(ctx: Ctx, chief: Actor): Promise<void> {
  const c: ActorCtx = { ...ctx, actor: chief };
  const d = (n: number) => addDays(today(c), n);
  const un = await createMission(c, {
    code: 'UNMISS', name: 'FN:s insats i Sydsudan', organisation: 'un', countryCode: 'SS', startDate: '2011-07-09', endDate: null,
    mandate: 'Skydd av civila, stöd till humanitärt bistånd och rådgivning till Sydsudans nationella polis (fiktiv demotext).',
  });
  const eu = await createMission(c, {
    code: 'EUMM', name: 'EU:s övervakningsinsats i Georgien', organisation: 'eu', countryCode: 'GE', startDate: '2008-10-01', endDate: null,
    mandate: 'Civil övervakning av att sexpunktsavtalet följs (fiktiv demotext).',
  });
  const people = [
    { employeeNumber: 'DEMO-1001', fullName: 'Anna Exempelsson', gender: 'female' as const, homeUnit: 'Polisregion Stockholm', lang: 'C1', certExp: d(40) },
    { employeeNumber: 'DEMO-1002', fullName: 'Erik Testman', gender: 'male' as const, homeUnit: 'Polisregion Väst', lang: 'B2', certExp: d(700) },
    { employeeNumber: 'DEMO-1003', fullName: 'Maria Provsson', gender: 'female' as const, homeUnit: 'Polisregion Nord', lang: 'C2', certExp: d(500) },
    { employeeNumber: 'DEMO-1004', fullName: 'Johan Demosson', gender: 'male' as const, homeUnit: 'Nationella operativa avdelningen', lang: 'B2', certExp: d(300) },
  ];
  const ids: string[] = [];
  for (const p of people) {
    const { id } = await createCandidate(c, {
      employeeNumber: p.employeeNumber, fullName: p.fullName, gender: p.gender, homeUnit: p.homeUnit, drivingLicence: true,
      languages: [{ language: 'en', level: p.lang as 'B2' }, { language: 'fr', level: 'A2' }],
      assessments: [{ part: 'english', date: d(-200), passed: true }, { part: 'driving', date: d(-200), passed: true }, { part: 'firearms', date: d(-200), passed: true }],
      earlierMissions: p.lang === 'C2' ? [{ mission: 'EULEX Kosovo', organisation: 'eu', from: '2016-03-01', to: '2017-02-28' }] : [],
      certificates: [{ kind: 'ehest', issuedOn: d(-600), expiresOn: p.certExp }, { kind: 'un_pdt', issuedOn: d(-250), expiresOn: null }],
    });
    ids.push(id);
  }
  // Calls for contributions: UN advisers (nominations done, two deployed), EU monitors (open, one proposal waiting).
  const unCall = await createCall(c, un.id, {
    reference: 'UN-PD-2026-14', title: 'Polisrådgivare, individuella poliser', deadline: d(10),
    posts: [{ title: 'Polisrådgivare – närpolisverksamhet', profile: 'Mentorskap för lokal polis', positions: 2, language: 'en', languageLevel: 'B2' }],
  });
  const euCall = await createCall(c, eu.id, {
    reference: 'CfC EUMM 2026/3', title: 'Övervakare', deadline: d(21),
    posts: [{ title: 'Övervakare', profile: null, positions: 3, language: 'en', languageLevel: 'C1' }],
  });
  const unPost = await postOf(c, unCall.id);
  const tours: [number, number, number, string][] = [[0, -150, 25, 'selected'], [1, -60, 120, 'selected'], [3, 0, 0, 'not_selected']];
  for (const [who, start, end, outcome] of tours) {
    let detail = await proposeNomination(c, unCall.id, { postId: unPost, candidateId: ids[who], note: null }, J);
    let n = detail.nominationList.find((x) => x.candidateId === ids[who])!;
    detail = await decideNomination(c, n.id, { action: 'nominate', body: { version: n.version, note: null } }, J);
    n = detail.nominationList.find((x) => x.id === n.id)!;
    detail = await decideNomination(c, n.id, { action: 'record_outcome', body: { version: n.version, outcome: outcome as 'selected', outcomeOn: today(c) } }, J);
    n = detail.nominationList.find((x) => x.id === n.id)!;
    if (outcome === 'selected') await deployNomination(c, n.id, { version: n.version, startDate: d(start), endDate: d(end) });
  }
  await proposeNomination(c, euCall.id, { postId: await postOf(c, euCall.id), candidateId: ids[2], note: 'Tidigare EULEX-erfarenhet' }, J);
}

async function postOf(c: ActorCtx, callId: string): Promise<string> {
  return (await postsOf(c.db, callId))[0].id;
}
