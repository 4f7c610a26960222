/** The federation admin API contract (peers, outbox, inbox, quarantine), shared by server and web. */
import { z } from 'zod';
import { COUNTRY_CODES, HANDLING_CODES, REQUEST_LANGUAGES } from './domain.ts';
import { itemInput, personInput } from './exchange.schemas.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
export const nodeIdField = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, { message: 'federation.node_id_format' });
/** A peer's base URL (the inbox is `<endpointUrl>/api/federation/inbox`). */
export const endpointUrl = z.url({ protocol: /^https?$/ }).max(500);

export const peerInput = z.object({
  nodeId: nodeIdField,
  countryCode: z.enum(COUNTRY_CODES as [string, ...string[]]),
  name: text(200),
  endpointUrl,
  publicKey: z.string().trim().regex(/^[A-Za-z0-9+/]{43}=$/, { message: 'federation.invalid_public_key' }),
  active: z.boolean().default(true),
});
export type PeerInput = z.infer<typeof peerInput>;
export const peerUpdate = peerInput.omit({ nodeId: true }).partial();
export type PeerUpdate = z.infer<typeof peerUpdate>;

export const peerView = z.object({
  id: z.uuid(), nodeId: z.string(), countryCode: z.string(), name: z.string(), endpointUrl: z.string(), publicKey: z.string(),
  active: z.boolean(), createdAt: z.string(), updatedAt: z.string(),
});
export const nodeInfo = z.object({ nodeId: z.string(), countryCode: z.string(), publicKey: z.string(), inboxPath: z.string() });

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export const outboxQuery = pageQuery.extend({ status: z.enum(['pending', 'delivered', 'failed_permanent']).optional() });

export const outboxView = z.object({
  id: z.uuid(), seq: z.number(), peerNodeId: z.string(), kind: z.string(), requestId: z.uuid().nullable(), status: z.string(),
  attempts: z.number().int(), createdAt: z.string(), nextAttemptAt: z.string(), lastAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(), deliveredAt: z.string().nullable(), ackedReceivedAt: z.string().nullable(), ackedReadAt: z.string().nullable(),
});
export const inboxView = z.object({
  id: z.uuid(), peerNodeId: z.string(), kind: z.string(), seq: z.number().nullable(), sentAt: z.string(), receivedAt: z.string(),
  processed: z.boolean(), requestId: z.uuid().nullable(), duplicateCount: z.number().int(),
});
export const quarantineView = z.object({
  id: z.uuid(), reason: z.string(), detail: z.string().nullable(), peerClaimed: z.string().nullable(), messageId: z.string().nullable(),
  size: z.number().int(), truncated: z.boolean(), remoteAddress: z.string().nullable(), receivedAt: z.string(), resolvedAt: z.string().nullable(),
});
export const quarantineDetail = quarantineView.extend({ rawBody: z.string() });
export const statsView = z.object({
  outbox: z.record(z.string(), z.number()),
  inbox: z.object({ total: z.number(), processed: z.number(), duplicates: z.number() }),
  quarantine: z.array(z.object({ reason: z.string(), count: z.number(), unresolved: z.number() })),
});

/** Dir. (EU) 2023/977 Art 7: information sent to a peer on the SPOC's own initiative. */
export const informationInput = z.object({
  /** Client-chosen message id: sending the same id twice sends once (safe retries). */
  id: z.uuid().optional(),
  countryCode: z.enum(COUNTRY_CODES as [string, ...string[]]),
  subject: text(300),
  body: text(50000),
  language: z.enum(REQUEST_LANGUAGES).default('en'),
  handlingCode: z.enum(HANDLING_CODES).default('H0'),
  handlingText: z.string().trim().max(2000).nullable().optional(),
  persons: z.array(personInput).max(100).default([]),
  items: z.array(itemInput).max(200).default([]),
});
export type InformationInput = z.infer<typeof informationInput>;
export const informationResult = z.object({ id: z.uuid(), duplicate: z.boolean() });

/** The requester's clarification of its own request, asked for by the peer (Art 6(3)). */
export const clarificationAnswerInput = z.object({ answer: text(20000) });
