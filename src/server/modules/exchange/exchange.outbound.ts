/**
 * The seam where messages to other nodes plug into the desk: a provider (the federation module) is told
 * of every named action in the action's own transaction, so it can write its outbox row atomically with
 * the act. Exchange does not know how, or whether, anything leaves the node.
 */
import type { ActionName } from '../../../shared/exchange.schemas.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import type { Actor, Ctx } from '../../platform/context.ts';
import { exchangeErrors as E } from './exchange.errors.ts';
import { mayAct } from './exchange.policy.ts';
import * as repo from './exchange.repository.ts';
import { scopeOf } from './exchange.service.ts';

export type ItemRow = Awaited<ReturnType<typeof repo.itemsOf>>[number];

export interface OutboundEvent {
  action: ActionName;
  /** The request after the action (new status and version). */
  request: repo.RequestRow;
  /** The validated action body (question, answer text, grounds …). */
  body: Record<string, unknown>;
  /** Persons and items, loaded only for `send` (the content of an outgoing request). */
  persons: repo.PersonRow[];
  items: ItemRow[];
}

export interface OutboundProvider {
  /**
   * Called in the action's transaction; throwing rolls the action back. Returns true when it takes the message
   * (it leaves the node its way), so that one act leaves by one route: the providers after it are not asked.
   */
  afterAction(ctx: Ctx, event: OutboundEvent): Promise<boolean | void>;
}

const providers = new Map<string, OutboundProvider>();

/** Installs an outbound provider under a name (called when the app is composed); null removes it. Asked in installation order. */
export function setOutboundProvider(p: OutboundProvider | null, name = 'federation'): void {
  if (p) providers.set(name, p);
  else providers.delete(name);
}

/** Tells the providers about an action, in the caller's transaction, until one takes it; without providers nothing happens. */
export async function emitOutbound(ctx: Ctx, action: ActionName, request: repo.RequestRow, body: unknown): Promise<void> {
  if (!providers.size) return;
  const content = action === 'send';
  const event: OutboundEvent = {
    action, request, body: (body ?? {}) as Record<string, unknown>,
    persons: content ? await repo.personsOf(ctx.db, request.id) : [],
    items: content ? await repo.itemsOf(ctx.db, request.id) : [],
  };
  for (const p of providers.values()) if (await p.afterAction(ctx, event)) return;
}

/**
 * Records, in the caller's transaction, our clarification to the question a peer asked about one of our
 * outgoing requests (Art 6(3): the peer's clock restarts when it arrives); the caller sends it. Only an
 * officer who may work on the request, and only while it awaits the peer's answer.
 */
export async function recordClarificationToPeer(ctx: Ctx & { actor: Actor }, requestId: string, answer: string): Promise<repo.RequestRow> {
  const r = await repo.findVisibleRequest(ctx.db, scopeOf(ctx), requestId, true);
  if (!r || r.direction !== 'outgoing') throw E.notFound();
  const assignees = (await repo.assigneesOf(ctx.db, [r.id])).map((a) => a.id);
  if (!mayAct(ctx.actor, { status: r.status as 'sent', direction: 'outgoing', unitId: r.unitId, assigneeIds: assignees }, 'add_message')) throw E.notPermitted('clarify');
  if (r.status !== 'sent') throw E.invalidTransition('clarify', r.status);
  await repo.insertMessage(ctx.db, { requestId: r.id, kind: 'clarification_answer', direction: 'out', body: answer, authorId: ctx.actor.id, createdAt: ctx.clock.now() });
  await audit(ctx, {
    category: 'disclosure', action: 'exchange.request.clarify_to_peer', entityType: 'request', entityId: r.id,
    recipient: `${r.countryCode}: ${r.counterpartAuthority}`, details: { reference: r.reference },
  });
  return r;
}
