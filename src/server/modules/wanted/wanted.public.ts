/**
 * The public appeal ("most wanted"): only persons a supervisor decided to publish and who are still sought,
 * and only their public fields. Tips from the public become leads that no visitor can read back.
 */
import type { z } from 'zod';
import type { publicTipInput } from '../../../shared/wanted.schemas.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { notify } from '../../platform/notifications/notification.service.ts';
import { wantedErrors as E } from './wanted.errors.ts';
import * as repo from './wanted.repository.ts';

const photoUrl = (id: string, photoId: string | null) => (photoId ? `/api/public/wanted/${id}/photos/${photoId}` : null);

/** The published persons, with name, photo, offence summary and description only. */
export async function listPublicWanted(ctx: Ctx) {
  const rows = await repo.listPublished(ctx.db);
  return { items: rows.map((r) => ({ id: r.id, fullName: r.fullName, offenceSummary: r.offenceSummary, description: r.description, photoUrl: photoUrl(r.id, r.photoId) })) };
}

/** A published person's public photo; anything else is "not found". */
export async function getPublicPhoto(ctx: Ctx, id: string, photoId: string) {
  const ph = await repo.findPublicPhoto(ctx.db, id, photoId);
  if (!ph) throw E.notFound();
  return ph;
}

// Markup or script in a tip is refused outright rather than stored and escaped later: a tip is plain text.
const MARKUP = /<\s*\/?\s*[a-z!?]|javascript:|on[a-z]+\s*=/i;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Receives a tip from the public about a published person; it lands as a lead and the officer is told. */
export async function submitPublicTip(ctx: Ctx, id: string, input: z.infer<typeof publicTipInput>): Promise<void> {
  if (MARKUP.test(input.message) || MARKUP.test(input.contact ?? '')) throw E.invalid('tip_markup', 'message');
  if (CONTROL.test(input.message) || CONTROL.test(input.contact ?? '')) throw E.invalid('tip_control_characters', 'message');
  await inTransaction(ctx, async (tx) => {
    const [published] = await repo.listPublished(tx.db, id);
    if (!published) throw E.notFound();
    const p = (await repo.findPerson(tx.db, id, true))!;
    const lead = await repo.insertLead(tx.db, { personId: p.id, source: 'public', sourceCountry: null, body: input.message, contact: input.contact ?? null, receivedAt: tx.clock.now(), createdBy: null });
    await repo.insertEvent(tx.db, { personId: p.id, kind: 'lead', at: tx.clock.now(), params: { source: 'public' } });
    await audit(tx, { category: 'collection', action: 'wanted.tip.receive', entityType: 'wanted_person', entityId: p.id, personIds: [p.id], details: { leadId: lead.id } });
    const recipients = p.officerId ? [p.officerId] : (await repo.fastStaff(tx.db)).officers;
    await notify(tx, { userIds: recipients, kind: 'message', entityType: 'wanted_person', entityId: p.id, messageKey: 'wanted.notifications.tip', params: { reference: p.reference } });
  });
}
