/** Editing an outgoing draft before it is sent: a named action, checked against the version the officer saw, audited. */
import type { EditDraftInput, RequestDetail } from '../../../shared/exchange.schemas.ts';
import type { RequestStatus } from '../../../shared/domain.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { inTransaction, type Actor, type Ctx } from '../../platform/context.ts';
import { getAuthority } from '../reference/index.ts';
import { refreshDeadline, regimeFor } from './exchange.deadlines.ts';
import { exchangeErrors as E } from './exchange.errors.ts';
import { mayAct } from './exchange.policy.ts';
import * as repo from './exchange.repository.ts';
import { getRequestDetail, scopeOf } from './exchange.service.ts';

type ActorCtx = Ctx & { actor: Actor };

/** Changes the fields and items of an outgoing draft; a sent request is a record and is not edited. */
export async function editDraft(ctx: ActorCtx, id: string, input: EditDraftInput): Promise<RequestDetail> {
  const scope = scopeOf(ctx);
  if (input.channel === 'ameripol') throw E.invalid('ameripol_observer', [{ path: 'channel', code: 'exchange.ameripol_observer' }]);
  if (input.nationalAuthorityId && !(await getAuthority(ctx, input.nationalAuthorityId))) {
    throw E.invalid('unknown_authority', [{ path: 'nationalAuthorityId', code: 'exchange.unknown_authority' }]);
  }
  await inTransaction(ctx, async (tx) => {
    const t = tx as ActorCtx;
    const r = await repo.findVisibleRequest(t.db, scope, id, true);
    if (!r) throw E.notFound();
    const assignees = (await repo.assigneesOf(t.db, [r.id])).map((a) => a.id);
    if (!mayAct(t.actor, { status: r.status as RequestStatus, direction: r.direction as 'outgoing', unitId: r.unitId, assigneeIds: assignees }, 'edit')) {
      throw r.status === 'draft' ? E.notPermitted('edit') : E.invalidTransition('edit', r.status);
    }
    if (input.version !== r.version) throw E.staleVersion();
    const patch = {
      channel: input.channel, channelReason: input.channel === 'siena' ? null : input.channelReason ?? null, countryCode: input.countryCode,
      counterpartAuthority: input.counterpartAuthority, counterpartReference: input.counterpartReference ?? null,
      nationalAuthorityId: input.nationalAuthorityId ?? null, urgent: input.urgent, urgencyReason: input.urgent ? input.urgencyReason ?? null : null,
      access: input.access, language: input.language, handlingCode: input.handlingCode,
      handlingText: input.handlingCode === 'H3' ? input.handlingText ?? null : null,
      // Art 12: the reason not to copy Europol is kept only where the offence is within Europol's objectives.
      europolMandate: input.europolMandate, europolCopy: input.europolMandate && input.europolCopy,
      europolCopyReason: input.europolMandate ? input.europolCopyReason ?? null : null, subject: input.subject,
      informationSought: input.informationSought, purpose: input.purpose, offence: input.offence ?? null, regimeId: regimeFor({ channel: input.channel, countryCode: input.countryCode }),
    };
    const changed = (Object.keys(patch) as (keyof typeof patch)[]).filter((k) => JSON.stringify(patch[k]) !== JSON.stringify(r[k]));
    const updated = await repo.updateRequestVersioned(t.db, r.id, r.version, { ...patch, updatedAt: t.clock.now() });
    if (!updated) throw E.staleVersion();
    await repo.replaceItems(t.db, r.id, input.items.map((it) => ({ ...it, requestId: r.id, createdAt: t.clock.now() })));
    await repo.updateDraftRequestMessage(t.db, r.id, input.informationSought);
    await refreshDeadline(t, updated);
    // The log names the fields changed, not their contents (free text may name persons).
    await audit(t, { category: 'alteration', action: 'exchange.request.edit', entityType: 'request', entityId: r.id, details: { reference: r.reference, fields: changed, items: input.items.length } });
  });
  return getRequestDetail(ctx, id);
}
