/**
 * The seam where messages to other nodes plug into the desk: a provider (the federation module) is told
 * of every named action in the action's own transaction, so it can write its outbox row atomically with
 * the act. Exchange does not know how, or whether, anything leaves the node.
 */
import type { ActionName } from '../../../shared/exchange.schemas.ts';
import type { Ctx } from '../../platform/context.ts';
import * as repo from './exchange.repository.ts';

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
  /** Called in the action's transaction; throwing rolls the action back. */
  afterAction(ctx: Ctx, event: OutboundEvent): Promise<void>;
}

let provider: OutboundProvider | null = null;

/** Installs the outbound provider (called once when the app is composed); null removes it. */
export function setOutboundProvider(p: OutboundProvider | null): void {
  provider = p;
}

/** Tells the provider about an action, in the caller's transaction; without a provider nothing happens. */
export async function emitOutbound(ctx: Ctx, action: ActionName, request: repo.RequestRow, body: unknown): Promise<void> {
  if (!provider) return;
  const content = action === 'send';
  await provider.afterAction(ctx, {
    action, request, body: (body ?? {}) as Record<string, unknown>,
    persons: content ? await repo.personsOf(ctx.db, request.id) : [],
    items: content ? await repo.itemsOf(ctx.db, request.id) : [],
  });
}
