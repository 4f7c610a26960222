/**
 * Demo data for strategic cooperation (embedded default only): the groups Sweden sits in — LEWP, COSI, Europol's
 * Management Board, an EMPACT priority and one of its operational action plans — a coming LEWP meeting with a draft
 * instruction waiting for approval, and a past COSI meeting that is reported, with an open action item.
 */
import type { Ctx } from '../../platform/context.ts';
import type { Role } from '../../../shared/domain.ts';
import { findUnitByCode, listUnitUsers } from '../identity/index.ts';
import { createGroup, addMember, createMeeting } from './strategic.service.ts';
import { addActionItem, approveInstruction, draftInstruction, reportMeeting } from './strategic.work.ts';

const D = 86_400_000;

/** Loads the demo for the STRAT unit's users `strategi` (officer) and `stratchef` (supervisor). */
export async function loadDemoStrategic(ctx: Ctx, now: number): Promise<void> {
  const unit = await findUnitByCode(ctx.db, 'STRAT');
  if (!unit) return;
  const users = await listUnitUsers(ctx, unit.id);
  const as = (username: string) => {
    const u = users.find((x) => x.username === username);
    if (!u) throw new Error(`demo user ${username} missing`);
    return { ...ctx, locale: 'sv' as const, actor: { id: u.id, username: u.username, displayName: u.displayName, roles: u.roles as Role[], unitId: unit.id } };
  };
  const officer = as('strategi');
  const chief = as('stratchef');
  // Meetings at 09:30 Brussels/The Hague time (CET/CEST), some days from now.
  const at = (days: number, hour: number) => {
    const d = new Date(now + days * D);
    d.setUTCHours(hour, 30, 0, 0);
    return d.toISOString();
  };

  const lewp = await createGroup(officer, { code: 'LEWP', name: 'Law Enforcement Working Party', kind: 'council_working_party', description: 'Rådets arbetsgrupp för brottsbekämpning (demo).' });
  const cosi = await createGroup(officer, { code: 'COSI', name: 'Ständiga kommittén för inre säkerhet', kind: 'council_committee', description: 'Art. 71 FEUF (demo).' });
  await createGroup(officer, { code: 'Europol MB', name: 'Europols styrelse', kind: 'agency_board', description: 'Förordning (EU) 2016/794 art. 10 (demo).' });
  const prio = await createGroup(officer, { code: 'EMPACT HRCN', name: 'Högriskkriminella nätverk', kind: 'empact_priority', description: 'EU:s brottsprioritering (demo).' });
  await createGroup(officer, { code: 'EMPACT HRCN OAP', name: 'Operativ handlingsplan – högriskkriminella nätverk', kind: 'empact_oap', parentId: prio.id });

  const l1 = await addMember(officer, lewp.id, { version: lewp.version, userId: officer.actor.id, role: 'delegate' });
  await addMember(officer, lewp.id, { version: l1.version, userId: chief.actor.id, role: 'substitute' });
  await addMember(officer, cosi.id, { version: cosi.version, userId: officer.actor.id, role: 'delegate' });

  const coming = await createMeeting(officer, lewp.id, {
    title: 'LEWP-möte (demo)', startsAt: at(6, 8), endsAt: at(6, 15), place: 'brussels', placeDetail: 'Justus Lipsius',
    agenda: [{ title: 'Godkännande av dagordningen' }, { title: 'Handbok om gränsöverskridande övervakning' }, { title: 'Övriga frågor' }],
  });
  await draftInstruction(officer, coming.id, { body: 'Sverige kan stödja förslaget till handbok men vill se en tydligare hänvisning till art. 40 i Schengenkonventionen (demo).', classification: 'limite', restricted: false });

  const past = await createMeeting(officer, cosi.id, {
    title: 'COSI-möte (demo)', startsAt: at(-3, 8), endsAt: at(-3, 14), place: 'brussels', placeDetail: null,
    agenda: [{ title: 'EMPACT: läget i de operativa handlingsplanerna' }, { title: 'Inre säkerhet: lägesbild' }],
  });
  const drafted = await draftInstruction(officer, past.id, { body: 'Sverige stöder fortsatt prioritering av högriskkriminella nätverk (demo).', classification: 'none', restricted: false });
  const approved = await approveInstruction(chief, drafted.instructions[0].id, { version: drafted.instructions[0].version });
  const reported = await reportMeeting(officer, past.id, { version: approved.version, body: 'Kommittén enades om att följa upp handlingsplanerna vid nästa möte (demo).' });
  await addActionItem(officer, reported.id, { title: 'Skicka skriftliga synpunkter till ordförandeskapet', ownerId: officer.actor.id, dueDate: new Date(now + 5 * D).toISOString().slice(0, 10) });
}
