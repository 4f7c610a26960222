/**
 * The roster of pre-identified candidates (the Goalkeeper "Registrar" and "Schoolmaster" side): police employees
 * with their languages, driving licence, UN AMS/SAAT results, training certificates and earlier missions. Every
 * read names officers and is logged with its justification.
 */
import type { z } from 'zod';
import type { CandidateInput, candidateDetail, certificateInput, rosterQuery } from '../../../shared/peace.schemas.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { inTransaction } from '../../platform/context.ts';
import { requirePeace, today, type ActorCtx } from './peace.context.ts';
import { peaceErrors as E } from './peace.errors.ts';
import { planCertificateReminder } from './peace.jobs.ts';
import * as repo from './peace.repository.ts';

type CandidateDetail = z.infer<typeof candidateDetail>;
type Assessment = CandidateDetail['assessments'][number];

/** UN AMS: an officer is cleared when the latest attempt at each tested part (language, driving) was passed. */
export function amsPassed(assessments: Assessment[]): boolean {
  const latest = new Map<string, Assessment>();
  for (const a of assessments) {
    const cur = latest.get(a.part);
    if (!cur || cur.date <= a.date) latest.set(a.part, a);
  }
  const language = ['english', 'french'].some((p) => latest.get(p)?.passed);
  return language && !!latest.get('driving')?.passed && [...latest.values()].every((a) => a.passed || a.part === 'english' || a.part === 'french');
}

function summaryOf(ctx: ActorCtx, c: repo.CandidateRow, certs: repo.CertificateRow[], deployed: boolean) {
  const now = today(ctx);
  return {
    id: c.id, employeeNumber: c.employeeNumber, fullName: c.fullName, gender: c.gender as 'female', homeUnit: c.homeUnit,
    languages: c.languages as CandidateDetail['languages'], drivingLicence: c.drivingLicence, samPassed: amsPassed(c.assessments as Assessment[]),
    certificates: certs.filter((x) => x.candidateId === c.id).map((x) => ({ id: x.id, kind: x.kind as 'ehest', issuedOn: x.issuedOn, expiresOn: x.expiresOn, expired: !!x.expiresOn && x.expiresOn < now })),
    deployed,
  };
}

/** Puts an officer on the roster with the certificates they hold; the employee number is unique. */
export async function createCandidate(ctx: ActorCtx, input: CandidateInput): Promise<{ id: string }> {
  requirePeace(ctx);
  const langs = new Set<string>();
  input.languages.forEach((l, i) => {
    if (langs.has(l.language)) throw E.invalid('language_twice', `languages.${i}.language`);
    langs.add(l.language);
  });
  input.assessments.forEach((a, i) => { if (a.date > today(ctx)) throw E.invalid('date_in_future', `assessments.${i}.date`); });
  input.certificates.forEach((c, i) => { if (c.issuedOn > today(ctx)) throw E.invalid('date_in_future', `certificates.${i}.issuedOn`); });
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const { certificates, ...fields } = input;
    const c = await repo.insertCandidate(tx.db, { ...fields, employeeNumber: fields.employeeNumber.toUpperCase(), status: 'active', createdBy: ctx.actor.id, createdAt: now, updatedAt: now });
    if (!c) throw E.duplicate('employee_number_taken', 'employeeNumber');
    const certs = await repo.insertCertificates(tx.db, certificates.map((x) => ({ candidateId: c.id, kind: x.kind, issuedOn: x.issuedOn, expiresOn: x.expiresOn ?? null, createdAt: now })));
    for (const x of certs) await planCertificateReminder(tx, x);
    await audit(tx, { category: 'collection', action: 'peace.candidate.create', entityType: 'peace_candidate', entityId: c.id, personIds: [c.id], details: { certificates: certs.map((x) => x.kind) } });
    return { id: c.id };
  });
}

/** Records a new training certificate (e.g. a renewed eHEST) and plans its expiry reminder. */
export async function addCertificate(ctx: ActorCtx, candidateId: string, input: z.infer<typeof certificateInput>, justification: string): Promise<CandidateDetail> {
  requirePeace(ctx);
  if (input.issuedOn > today(ctx)) throw E.invalid('date_in_future', 'issuedOn');
  await inTransaction(ctx, async (tx) => {
    const c = await repo.findCandidate(tx.db, candidateId, true);
    if (!c) throw E.notFound();
    const [cert] = await repo.insertCertificates(tx.db, [{ candidateId, kind: input.kind, issuedOn: input.issuedOn, expiresOn: input.expiresOn ?? null, createdAt: tx.clock.now() }]);
    await planCertificateReminder(tx, cert);
    await audit(tx, { category: 'alteration', action: 'peace.candidate.certificate', entityType: 'peace_candidate', entityId: c.id, personIds: [c.id], details: { kind: cert.kind, expiresOn: cert.expiresOn } });
  });
  return consultCandidate(ctx, candidateId, justification);
}

/** The roster, searched by name, employee number or language level; logged as a consultation. */
export async function listRoster(ctx: ActorCtx, q: z.infer<typeof rosterQuery>) {
  requirePeace(ctx);
  const rows = await repo.listCandidates(ctx.db, q);
  const certs = await repo.certificatesOf(ctx.db, rows.map((r) => r.id));
  const active = new Set((await repo.listDeployments(ctx.db, { status: 'active' })).map((d) => d.d.candidateId));
  await inTransaction(ctx, (tx) => audit(tx, {
    category: 'consultation', action: 'peace.roster.search', entityType: 'peace_candidate', personIds: rows.map((r) => r.id), justification: q.justification,
    details: { withText: !!q.q, language: q.language ?? null, minLevel: q.minLevel ?? null, shown: rows.length },
  }));
  return { items: rows.map((r) => summaryOf(ctx, r, certs, active.has(r.id))) };
}

/** One officer's roster entry with assessments, earlier missions and tours; logged as a consultation. */
export async function consultCandidate(ctx: ActorCtx, id: string, justification: string): Promise<CandidateDetail> {
  requirePeace(ctx);
  const c = await repo.findCandidate(ctx.db, id);
  if (!c) throw E.notFound();
  const [certs, tours] = [await repo.certificatesOf(ctx.db, [id]), await repo.listDeployments(ctx.db, { candidateId: id })];
  await inTransaction(ctx, (tx) => audit(tx, { category: 'consultation', action: 'peace.candidate.view', entityType: 'peace_candidate', entityId: id, personIds: [id], justification }));
  return {
    ...summaryOf(ctx, c, certs, tours.some((t) => t.d.status === 'active')), version: c.version,
    assessments: c.assessments as Assessment[], earlierMissions: c.earlierMissions as CandidateDetail['earlierMissions'],
    deployments: tours.map((t) => ({ id: t.d.id, missionCode: t.missionCode, postTitle: t.d.postTitle, startDate: t.d.startDate, endDate: t.d.endDate, status: t.d.status as 'active' })),
  };
}
