/**
 * Use cases of cross-checking (Dir. (EU) 2023/977 Art 16(1)(d)): index persons as they are stored, find them
 * across spellings and scripts, store hits, let officers judge them, and search persons by name.
 */
import { sql, type SQL } from 'drizzle-orm';
import { OPEN_STATUSES } from '../../../shared/domain.ts';
import type { HitSummary } from '../../../shared/exchange.schemas.ts';
import type { DecideHitInput, PersonSearchQuery, PersonSearchResult, UnmergeHitInput } from '../../../shared/matching.schemas.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { inTransaction, type Actor, type Ctx } from '../../platform/context.ts';
import { notify } from '../../platform/notifications/notification.service.ts';
import { requestVisibleSql, visibilityScope, type HitView } from '../exchange/index.ts';
import { runningClocksForHits, type RunningClockFlag, type WantedIndexEntry } from '../wanted/index.ts';
import { findMatches, indexSubjects, personInputOf, preparedOf, tryPrepare, type QueryPerson, type SubjectInput } from './candidate-index.ts';
import { explanationOf, renderExplanation, type StoredExplanation } from './explain.ts';
import { hitErrors as E, MATCHING_ERRORS, matchingInvalid } from './matching.errors.ts';
import { mayJudgeHit, maySearchWanted } from './matching.policy.ts';
import { matchLevel } from './matching.settings.ts';
import { getMatchingSettings } from './settings.service.ts';
import * as links from './links.repository.ts';
import { preparePerson, scorePreparedPersons, type PreparedPerson } from './person.ts';
import * as repo from './matching.repository.ts';

type ActorCtx = Ctx & { actor: Actor };

/** What the index needs of a person named in a request (the exchange module's row satisfies it). */
export interface RequestPersonLike {
  id: string;
  fullName: string;
  aliases: string[];
  dateOfBirth: string | null;
  gender: string;
  nationalities: string[];
  documents: unknown;
}

interface RequestLike { id: string; reference: string; unitId: string }

// Wanted persons registered or changed a few at a time are also checked against persons of open requests;
// a bulk import of notices is not (100,000 notices would each cost a lookup), those meet requests as they arrive.
const REVERSE_CHECK_LIMIT = 100;
// Search shows weaker resemblances than the cross-check raises as hits: the officer is looking on purpose.
const SEARCH_MIN_SCORE = 0.5;

function subjectOfRequestPerson(r: RequestLike, p: RequestPersonLike): SubjectInput {
  const docs = Array.isArray(p.documents) ? (p.documents as { kind?: string; number?: string; country?: string | null }[]) : [];
  return {
    kind: 'request_person', sourceId: p.id, requestId: r.id, reference: r.reference, names: [p.fullName, ...p.aliases],
    birthDate: p.dateOfBirth, nationalities: p.nationalities, gender: p.gender,
    documents: docs.filter((d) => typeof d.number === 'string').map((d) => ({ type: d.kind ?? null, number: d.number!, country: d.country ?? null })),
  };
}

/** The person to look for, prepared once (null: no usable name); `prepared` when it was prepared already. */
function queryOf(s: SubjectInput, prepared?: PreparedPerson | null): QueryPerson | null {
  const input = personInputOf(s);
  const p = prepared === undefined ? tryPrepare(input) : prepared;
  return p ? { names: input.names, prepared: p, birthDate: input.birthDate ?? null } : null;
}

/**
 * Indexes a request's persons and cross-checks them against every other stored subject (other requests'
 * persons, wanted persons still sought), in ctx's transaction. A re-check keeps every decided hit as decided.
 */
export async function crossCheckRequestPersons(ctx: Ctx, request: RequestLike, persons: RequestPersonLike[]): Promise<void> {
  if (!persons.length) return;
  const subjects = persons.map((p) => subjectOfRequestPerson(request, p));
  // Each person is prepared once, for the index and for the search.
  const prepared = subjects.map((s) => tryPrepare(personInputOf(s)));
  await indexSubjects(ctx, subjects, prepared);
  const queries = subjects.map((s, i) => ({ person: persons[i]!, q: queryOf(s, prepared[i]) })).filter((x): x is { person: RequestPersonLike; q: QueryPerson } => x.q !== null);
  // The thresholds in force, once per cross-check: a change applies to the next check; decided hits keep theirs.
  const settings = await getMatchingSettings(ctx);
  const matches = await findMatches(ctx, queries.map((x) => x.q), {
    filter: sql`s.active AND s.request_id IS DISTINCT FROM ${request.id}`, minScore: settings.reviewThreshold, settings,
  });
  const hits: (repo.NewHit & { targetSourceId: string })[] = [];
  queries.forEach((x, i) => {
    for (const m of matches[i]!) {
      hits.push({ request_id: request.id, request_person_id: x.person.id, subject_id: m.subject.id, score: m.score.score, level: m.score.level, explanation: explanationOf(m.score), targetSourceId: m.subject.source_id });
    }
  });
  // Open hits the engine no longer finds go; confirmed and rejected ones stay exactly as judged.
  await repo.dropOpenHitsExcept(ctx.db, persons.map((p) => p.id), hits.map((h) => ({ personId: h.request_person_id, subjectId: h.subject_id })));
  await storeHits(ctx, hits, new Map([[request.id, request]]));
}

/** Stores hits and, for new ones, writes the audit entry and tells the desk about alerts. */
async function storeHits(ctx: Ctx, hits: (repo.NewHit & { targetSourceId: string })[], requests: Map<string, RequestLike>): Promise<void> {
  if (!hits.length) return;
  const inserted = await repo.upsertHits(ctx.db, hits.map(({ targetSourceId: _, ...h }) => h), ctx.clock.now());
  const byRequest = new Map<string, typeof hits>();
  for (const ins of inserted) {
    const h = hits.find((x) => x.request_person_id === ins.request_person_id && x.subject_id === ins.subject_id)!;
    byRequest.set(h.request_id, [...(byRequest.get(h.request_id) ?? []), h]);
  }
  for (const [requestId, list] of byRequest) {
    const r = requests.get(requestId);
    if (!r) continue;
    // LED Art 25: a cross-check combines the request's persons with other files.
    await audit(ctx, {
      category: 'combination', action: 'matching.crosscheck.hits', entityType: 'request', entityId: requestId,
      personIds: [...new Set(list.flatMap((h) => [h.request_person_id, h.targetSourceId]))],
      details: { reference: r.reference, hits: list.length, alerts: list.filter((h) => h.level === 'alert').length },
    });
    if (list.some((h) => h.level === 'alert')) {
      await notify(ctx, { userIds: await repo.alertRecipients(ctx.db, requestId, r.unitId), kind: 'hit', entityType: 'request', entityId: requestId, messageKey: 'exchange.notifications.hit', params: { reference: r.reference } });
    }
  }
}

/**
 * Indexes wanted persons (registered, corrected, status changed, imported) in ctx's transaction; a few at a
 * time are also checked against persons of open requests, so a request that arrived before the registration
 * shows the hit too.
 */
export async function indexWantedEntries(ctx: Ctx, entries: WantedIndexEntry[]): Promise<void> {
  const subjects: SubjectInput[] = entries.map((e) => ({
    kind: 'wanted_person', sourceId: e.id, reference: e.reference, names: e.names, birthDate: e.dateOfBirth,
    nationalities: e.nationalities, gender: e.gender, active: e.active,
  }));
  const ids = await indexSubjects(ctx, subjects);
  if (entries.length > REVERSE_CHECK_LIMIT) return;
  const queries = subjects.map((s, i) => ({ subjectId: ids[i], sourceId: s.sourceId, q: s.active ? queryOf(s) : null }))
    .filter((x): x is { subjectId: string; sourceId: string; q: QueryPerson } => !!x.subjectId && x.q !== null);
  if (!queries.length) return;
  const settings = await getMatchingSettings(ctx);
  const open = sql.join(OPEN_STATUSES.map((s) => sql`${s}`), sql`, `);
  const matches = await findMatches(ctx, queries.map((x) => x.q), {
    filter: sql`s.kind = 'request_person' AND EXISTS (SELECT 1 FROM request r WHERE r.id = s.request_id AND r.status IN (${open}))`,
    minScore: settings.reviewThreshold, settings,
  });
  const hits: (repo.NewHit & { targetSourceId: string })[] = [];
  queries.forEach((x, i) => {
    for (const m of matches[i]!) {
      const person = preparedOf(m.subject);
      if (!person || !m.subject.request_id) continue;
      // Scored from the request person's side, as the forward cross-check does.
      const score = scorePreparedPersons(person, x.q.prepared, settings);
      if (score.level === 'none') continue;
      hits.push({ request_id: m.subject.request_id, request_person_id: m.subject.source_id, subject_id: x.subjectId, score: score.score, level: score.level, explanation: explanationOf(score), targetSourceId: x.sourceId });
    }
  });
  const briefs = await repo.requestsBrief(ctx.db, [...new Set(hits.map((h) => h.request_id))]);
  await storeHits(ctx, hits, new Map(briefs.map((b) => [b.id, { id: b.id, reference: b.reference, unitId: b.unit_id }])));
}

function toHitView(ctx: Ctx, r: repo.HitRow, linked: HitView['linked'], wantedClock: RunningClockFlag | null): HitView {
  const stored = r.explanation as StoredExplanation;
  // Without need-to-know for the target, nothing of the target's data shows: not its name parts, not its dates.
  const e: StoredExplanation = r.target_name !== null ? stored : {
    ...stored, pairs: (stored.pairs ?? []).map((p) => ({ ...p, b: '…' })), unmatchedB: [],
    factors: (stored.factors ?? []).map((f) => ({ ...f, detail: '' })),
  };
  return {
    id: r.id, requestPersonId: r.request_person_id, targetKind: r.target_kind, targetId: r.target_id,
    targetLabel: [r.target_reference, r.target_name].filter(Boolean).join(' · '), score: Number(r.score),
    level: r.level === 'alert' ? 'alert' : 'review', explanation: renderExplanation(ctx.locale, e),
    status: r.status as HitView['status'], decidedBy: r.decided_by ? { id: r.decided_by, displayName: r.decided_by_name ?? '' } : null,
    decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null, version: r.version, note: r.note,
    parts: e.pairs ?? [], factors: e.factors ?? [], linked, wantedClock,
  };
}

/**
 * Whether the user may see the name of subject `s`: a request person of another request shows its name only to
 * whom may see that request (the reference stays, so the officer knows whom to ask); a wanted person or notice
 * is what a hit is for: the desk sees who is sought.
 */
function nameVisibleSql(ctx: Ctx): SQL {
  const scope = ctx.actor ? visibilityScope(ctx.actor) : null;
  return scope ? sql`CASE WHEN s.kind = 'request_person' THEN ${requestVisibleSql(scope, sql`s.request_id`)} ELSE true END` : sql`false`;
}

/** The other records of each subject's identity (active links), by subject id. */
async function linkedOf(ctx: Ctx, subjectIds: string[]): Promise<Map<string, links.LinkedRow[]>> {
  const out = new Map<string, links.LinkedRow[]>();
  for (const row of await links.linkedSubjects(ctx.db, subjectIds, nameVisibleSql(ctx))) out.set(row.root, [...(out.get(row.root) ?? []), row]);
  return out;
}

const linkedView = (rows: links.LinkedRow[]): HitView['linked'] =>
  rows.map((l) => ({ kind: l.kind, id: l.source_id, requestId: l.request_id, reference: l.reference, name: l.name }));

/** The hits shown on a request (the caller has checked the request is visible), each target with its linked records. */
export async function hitsFor(ctx: Ctx, requestId: string): Promise<HitView[]> {
  const rows = await repo.hitsOfRequest(ctx.db, requestId, nameVisibleSql(ctx));
  const linked = await linkedOf(ctx, rows.map((r) => r.subject_id));
  // A wanted person under a running surrender clock is flagged, in as much detail as the viewer may know.
  const clocks = await runningClocksForHits(ctx, ctx.actor ?? null, rows.filter((r) => r.target_kind === 'wanted_person').map((r) => r.target_id));
  // The hit's own person is shown as the hit's subject already, not again as "linked".
  const own = new Set(rows.map((r) => r.request_person_id));
  return rows.map((r) => toHitView(ctx, r, linkedView((linked.get(r.subject_id) ?? []).filter((l) => !(l.kind === 'request_person' && own.has(l.source_id)))),
    r.target_kind === 'wanted_person' ? (clocks.get(r.target_id) ?? null) : null));
}

/** A request's hits counted by state and level, naming no one (the caller has checked the request is visible). */
export async function hitSummaryFor(ctx: Ctx, requestId: string): Promise<HitSummary> {
  const c = await repo.hitCountsOfRequest(ctx.db, requestId);
  return { openAlerts: c.open_alerts, openReviews: c.open_reviews, decided: c.decided };
}

/** SQL counting a queue row's open hits (`r` is the request alias). */
export function openHitCountSql(): SQL {
  return sql`(SELECT count(*)::int FROM match_hit h WHERE h.request_id = r.id AND h.status = 'open')`;
}

type LockedHit = NonNullable<Awaited<ReturnType<typeof repo.lockHit>>>;

/** Runs `work` on a hit locked in a transaction, if the actor may see its request (else "not found") and judge it. */
async function withJudgeableHit<T>(ctx: ActorCtx, id: string, work: (tx: ActorCtx, h: LockedHit) => Promise<T>): Promise<T> {
  const scope = visibilityScope(ctx.actor);
  if (!scope) throw E.notFound();
  return inTransaction(ctx, async (tx) => {
    const h = await repo.lockHit(tx.db, id, requestVisibleSql(scope, sql`h.request_id`));
    if (!h) throw E.notFound();
    if (!mayJudgeHit(ctx.actor, { unitId: h.unit_id, assigneeIds: await repo.assigneeIds(tx.db, h.request_id) })) throw E.notPermitted();
    return work({ ...tx, actor: ctx.actor }, h);
  });
}

/** Confirms or rejects an open hit: version checked, audited, in one transaction; a decided hit stays decided. */
export async function decideHit(ctx: ActorCtx, id: string, verdict: 'confirm' | 'reject', input: DecideHitInput): Promise<HitView> {
  return withJudgeableHit(ctx, id, async (tx, h) => {
    if (h.status !== 'open') throw E.alreadyDecided(h.status);
    if (h.version !== input.version) throw E.staleVersion();
    const status = verdict === 'confirm' ? 'confirmed' : 'rejected';
    if (!(await repo.decideHit(tx.db, id, input.version, { status, note: input.note || null, decidedBy: ctx.actor.id, at: tx.clock.now() }))) throw E.staleVersion();
    // A confirmation merges the two records into one identity (reversible: unmergeHit).
    if (verdict === 'confirm') await links.createLink(tx.db, h, ctx.actor.id, tx.clock.now());
    const view = (await hitsFor(tx, h.request_id)).find((v) => v.id === id)!;
    await audit(tx, {
      category: 'alteration', action: `matching.hit.${verdict}`, entityType: 'request', entityId: h.request_id,
      personIds: [h.request_person_id, view.targetId], details: { hitId: id, reference: h.reference, score: view.score, level: view.level, withNote: !!input.note },
    });
    return view;
  });
}

/**
 * Undoes the merge a confirmed hit made: the link is marked undone (kept as history), the hit becomes rejected
 * with the reason as its note and the undoing officer as decider, audited; a re-check leaves it rejected.
 */
export async function unmergeHit(ctx: ActorCtx, id: string, input: UnmergeHitInput): Promise<HitView> {
  return withJudgeableHit(ctx, id, async (tx, h) => {
    if (h.version !== input.version) throw E.staleVersion();
    if (h.status !== 'confirmed') throw E.notMerged(h.status);
    const at = tx.clock.now();
    const linkId = await links.undoLink(tx.db, id, ctx.actor.id, at, input.reason);
    if (!(await links.rejectConfirmedHit(tx.db, id, input.version, { note: input.reason, decidedBy: ctx.actor.id, at }))) throw E.staleVersion();
    const view = (await hitsFor(tx, h.request_id)).find((v) => v.id === id)!;
    await audit(tx, {
      category: 'alteration', action: 'matching.hit.unmerge', entityType: 'request', entityId: h.request_id,
      personIds: [h.request_person_id, view.targetId], details: { hitId: id, linkId, reference: h.reference },
    });
    return view;
  });
}

/** Runs the cross-check of a visible request again (after an engine update, say); judgements are kept. */
export async function recheckRequest(ctx: ActorCtx, requestId: string): Promise<HitSummary> {
  const scope = visibilityScope(ctx.actor);
  if (!scope) throw E.notFound();
  return inTransaction(ctx, async (tx) => {
    const [r] = await repo.requestsBrief(tx.db, [requestId]);
    if (!r || !(await repo.holds(tx.db, requestVisibleSql(scope, sql`${requestId}::uuid`)))) throw E.notFound();
    if (!mayJudgeHit(ctx.actor, { unitId: r.unit_id, assigneeIds: await repo.assigneeIds(tx.db, r.id) })) throw E.notPermitted();
    const persons = (await repo.personsOfRequest(tx.db, r.id)).map((p) => ({
      id: p.id, fullName: p.full_name, aliases: p.aliases, dateOfBirth: p.date_of_birth, gender: p.gender, nationalities: p.nationalities, documents: p.documents,
    }));
    await crossCheckRequestPersons(tx, { id: r.id, reference: r.reference, unitId: r.unit_id }, persons);
    await audit(tx, { category: 'combination', action: 'matching.crosscheck.rerun', entityType: 'request', entityId: r.id, personIds: persons.map((p) => p.id), details: { reference: r.reference } });
    return hitSummaryFor(tx, r.id);
  });
}

/**
 * Searches persons by name with the cross-check's engine: persons of requests the user may see and, for FAST
 * officers, wanted persons. LED Art 25: logged as a consultation with the officer's justification.
 */
export async function searchPersons(ctx: ActorCtx, q: PersonSearchQuery): Promise<PersonSearchResult[]> {
  const scope = visibilityScope(ctx.actor);
  const wanted = maySearchWanted(ctx.actor);
  if (!scope && !wanted) throw E.noSearchAccess();
  const prepared = preparePerson({ names: [q.q], birthDate: q.dateOfBirth ?? null });
  if (!prepared.names.length) throw matchingInvalid(MATCHING_ERRORS.nameRequired);
  const settings = await getMatchingSettings(ctx);
  const filters: SQL[] = [];
  if (scope) filters.push(sql`(s.kind = 'request_person' AND ${requestVisibleSql(scope, sql`s.request_id`)})`);
  if (wanted) filters.push(sql`s.kind = 'wanted_person'`);
  const [matches] = await findMatches(ctx, [{ names: [q.q], prepared, birthDate: q.dateOfBirth ?? null }], {
    filter: sql`(${sql.join(filters, sql` OR `)})`, minScore: SEARCH_MIN_SCORE, settings, preLimit: 400, topK: 100,
  });
  const top = matches!.slice(0, q.limit);
  const linked = await linkedOf(ctx, top.map((m) => m.subject.id));
  const items = top.map((m): PersonSearchResult => ({
    kind: m.subject.kind as PersonSearchResult['kind'], id: m.subject.source_id, requestId: m.subject.request_id, reference: m.subject.reference,
    name: m.subject.names[0] ?? '', otherNames: m.subject.names.slice(1), dateOfBirth: m.subject.birth_date, nationalities: m.subject.nationalities,
    score: m.score.score, level: matchLevel(m.score.score, settings), explanation: renderExplanation(ctx.locale, explanationOf(m.score)),
    linked: linkedView(linked.get(m.subject.id) ?? []),
  }));
  await inTransaction(ctx, (tx) => audit(tx, {
    category: 'consultation', action: 'matching.persons.search', entityType: 'person_search',
    personIds: [...new Set(items.flatMap((i) => [i.id, ...i.linked.map((l) => l.id)]))],
    // The log names persons by id only (an erasure cannot edit it): the query text itself is not kept.
    justification: q.justification, details: { results: items.length, withDateOfBirth: !!q.dateOfBirth },
  }));
  return items;
}
