/**
 * Channel egress: the desk's acts that leave through a channel (our request sent, our answer, refusal, question
 * or delay notice on a request that came on the channel) are rendered in the channel's format in the act's own
 * transaction, stored in `channel_outbox` with a delivery job, and handed to the channel's transport by that job.
 * The transport names the file by the outbox id, so a job run again after a crash overwrites, never doubles.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { defineJob, scheduleJob } from '../../platform/jobs/job.service.ts';
import { setOutboundProvider, type OutboundEvent } from '../exchange/index.ts';
import { listAllUnits } from '../identity/index.ts';
import * as repo from './channels.repository.ts';
import { createFileTransport } from './file.transport.ts';
import { parsePolsamMessage, type MessageKind, type PolsamMessageInput } from './message.schemas.ts';
import { formatSireneReference, sireneAdapter, toSireneWire } from './sirene.adapter.ts';
import { sienaAdapter } from './siena.adapter.ts';
import type { Transport } from './transport.ts';

export interface ChannelSettings {
  /** The drop folder; null turns channel ingress and egress off. */
  dropDir: string | null;
  scanMs: number;
  settleMs: number;
}

let settings: ChannelSettings = { dropDir: null, scanMs: 1000, settleMs: 500 };

/** Installs channel egress into the desk (after federation: a peer node takes its own traffic first). */
export function configureChannels(s: ChannelSettings): void {
  settings = s;
  setOutboundProvider(s.dropDir ? { afterAction: onAction } : null, 'channels');
}

export function channelSettings(): ChannelSettings {
  return settings;
}

/** The folders of one channel in the drop folder. */
export function channelFolders(dropDir: string, channel: string) {
  return {
    incoming: join(dropDir, 'incoming', channel),
    processed: join(dropDir, 'processed', channel),
    failed: join(dropDir, 'failed', channel),
    outbound: join(dropDir, 'outbound', channel),
  };
}

/** The transport of a channel: files in its outbound folder, for the gateway to pick up. */
export function transportFor(channel: string): Transport {
  if (!settings.dropDir) throw new Error('channels are not configured (CHANNEL_DROP_DIR)');
  const f = channelFolders(settings.dropDir, channel);
  return createFileTransport({ outbox: f.outbound, inbox: f.incoming });
}

/** The SIENA message kind of each desk act that leaves on the channel. */
const REPLY_KINDS: Partial<Record<OutboundEvent['action'], MessageKind>> = {
  answer: 'answer', refuse: 'refusal', request_clarification: 'clarification_request', delay_judicial: 'information',
};

interface Rendered { kind: string; messageRef: string; format: string; wire: unknown }

async function onAction(ctx: Ctx, ev: OutboundEvent): Promise<boolean> {
  const r = ev.request;
  const outgoingRequest = ev.action === 'send' && r.direction === 'outgoing';
  const reply = r.direction === 'incoming' ? REPLY_KINDS[ev.action] : undefined;
  if (!outgoingRequest && !reply) return false;
  const id = randomUUID();
  const unitName = (await listAllUnits(ctx)).find((u) => u.id === r.unitId)?.name ?? 'SPOC';
  let rendered: Rendered | null = null;
  if (r.channel === 'siena') rendered = await renderSiena(ctx, ev, id, unitName, reply ?? 'request');
  else if (r.channel === 'sirene') rendered = await renderSirene(ctx, ev, unitName, reply ?? 'request');
  // Interpol, PTN and bilateral contacts leave by I-link, a liaison officer or by hand (docs/channels.md).
  if (!rendered) return false;
  await repo.insertOutbox(ctx.db, {
    id, channel: r.channel, format: rendered.format, kind: rendered.kind, messageRef: rendered.messageRef, wire: rendered.wire,
    requestId: r.id, createdAt: ctx.clock.now(),
  });
  await scheduleJob(ctx, { kind: DELIVER_JOB, runAt: ctx.clock.now(), payload: { outboxId: id }, dedupeKey: `channels.deliver:${id}` });
  return true;
}

function replyBody(ev: OutboundEvent): { body: string; refusalGrounds: string[] } {
  const b = ev.body as { body?: string; reason?: string; question?: string; expectedAt?: string; grounds?: string[]; partialRefusalGrounds?: string[] };
  switch (ev.action) {
    case 'answer': return { body: b.body ?? '', refusalGrounds: b.partialRefusalGrounds ?? [] };
    case 'refuse': return { body: b.reason ?? '', refusalGrounds: b.grounds ?? [] };
    case 'request_clarification': return { body: b.question ?? '', refusalGrounds: [] };
    // Art 5(2): the requester is told of the expected delay, its length and its reasons.
    default: return { body: `Art 5(2): ${b.expectedAt ?? ''} ${b.reason ?? ''}`.trim(), refusalGrounds: [] };
  }
}

async function renderSiena(ctx: Ctx, ev: OutboundEvent, id: string, unitName: string, kind: MessageKind): Promise<Rendered> {
  const r = ev.request;
  const request = kind === 'request';
  const messageRef = request ? r.reference : `${r.reference}-${id.slice(0, 8).toUpperCase()}`;
  const reply = request ? null : replyBody(ev);
  const input: PolsamMessageInput = {
    kind, reference: messageRef,
    caseReference: request ? null : (await repo.caseRefOf(ctx.db, r.id)) ?? r.counterpartReference,
    inReplyTo: request ? null : r.counterpartReference,
    sentAt: ctx.clock.now().toISOString(),
    from: { country: ctx.nodeCountry, authority: unitName, officer: ctx.actor?.displayName ?? null },
    to: { country: r.countryCode, authority: r.counterpartAuthority },
    language: r.language as 'en', subject: r.subject, body: reply?.body ?? null,
    urgent: request && r.urgent, urgencyReason: request && r.urgent ? (r.urgencyReason as 'public_security') : null,
    access: request ? (r.access as 'direct') : null,
    informationSought: request ? r.informationSought : null, purpose: request ? r.purpose : null, offence: request ? r.offence : null,
    handlingCode: r.handlingCode as 'H0', handlingText: r.handlingText,
    europolMandate: r.europolMandate, europolCopy: r.europolCopy, europolCopyReason: r.europolCopyReason,
    channelReason: null, refusalGrounds: (reply?.refusalGrounds ?? []) as never,
    persons: ev.persons.map((p) => ({
      fullName: p.fullName, aliases: p.aliases, dateOfBirth: p.dateOfBirth, gender: p.gender as 'unknown', nationalities: p.nationalities,
      documents: p.documents as never, category: p.category as 'suspect', nature: p.nature as 'fact', reliability: p.reliability as 'X',
      accuracy: p.accuracy as '4', notes: p.notes,
    })),
    items: ev.items.map((i) => ({ content: i.content, nature: i.nature as 'fact', reliability: i.reliability as 'A', accuracy: i.accuracy as '1' })),
  };
  const wire = sienaAdapter.toWire(parsePolsamMessage(input, 'siena'));
  return { kind, messageRef, format: sienaAdapter.wireFormat, wire };
}

/** SIRENE: our messages travel as M forms (field 083), numbered by the database so 002 is unique in the Member State. */
async function renderSirene(ctx: Ctx, ev: OutboundEvent, unitName: string, kind: MessageKind): Promise<Rendered> {
  const r = ev.request;
  const now = ctx.clock.now();
  const messageRef = formatSireneReference({ country: ctx.nodeCountry, year: now.getUTCFullYear(), form: 'M', sequence: await repo.nextSireneSequence(ctx.db) });
  const text = kind === 'request'
    ? `${r.subject}\n\n${r.informationSought}\n\n${r.purpose}`
    : `${r.counterpartReference ? `${r.counterpartReference}: ` : ''}${replyBody(ev).body}`;
  const wire = toSireneWire({
    form: 'M', createdAt: now.toISOString(), reference: messageRef,
    sender: { country: ctx.nodeCountry, bureau: unitName, officer: ctx.actor?.displayName ?? unitName },
    recipient: { country: r.countryCode, bureau: r.counterpartAuthority },
    keywords: [kind], text: text.slice(0, 50000),
  });
  return { kind, messageRef, format: sireneAdapter.wireFormat, wire };
}

/** A job kind, not a message code (hence not in the catalog). */
export const DELIVER_JOB = `channels.deliver`;

/** Hands one outbox row to its channel's transport; failures are retried with the job runner's back-off. */
export const deliverJob = defineJob({
  kind: DELIVER_JOB,
  payload: z.object({ outboxId: z.uuid() }),
  async run(ctx, p) {
    const row = await repo.findOutboxForUpdate(ctx.db, p.outboxId);
    if (!row || row.status === 'sent') return;
    const res = await transportFor(row.channel).send({ id: row.id, channel: row.channel as 'siena', format: row.format, wire: row.wire });
    if (!res.ok) throw new Error(`${res.code}${res.detail ? `: ${res.detail}` : ''}`);
    await repo.markOutboxSent(ctx.db, row.id, res.externalRef, ctx.clock.now());
  },
});
