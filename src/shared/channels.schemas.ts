/** The channel gateway API contract: tokens administrators issue to gateways, and the answer to a delivered message. */
import { z } from 'zod';

/** Channels that take messages in (each has a structured wire form, docs/channels.md). */
export const INGRESS_CHANNELS = ['siena', 'sirene', 'interpol', 'ptn', 'ameripol'] as const;
export type IngressChannel = (typeof INGRESS_CHANNELS)[number];

export const channelTokenInput = z.object({
  name: z.string().trim().min(3).max(100),
  channel: z.enum(INGRESS_CHANNELS),
});
export type ChannelTokenInput = z.infer<typeof channelTokenInput>;

export const channelTokenView = z.object({
  id: z.uuid(),
  name: z.string(),
  channel: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const channelTokenList = z.object({ items: z.array(channelTokenView) });
/** The token itself is shown once, when it is created; only its SHA-256 is stored. */
export const channelTokenCreated = channelTokenView.extend({ token: z.string() });

export const ingestResult = z.object({
  outcome: z.enum(['registered', 'attached', 'duplicate']),
  requestId: z.uuid().nullable(),
  caseReference: z.string().nullable(),
});
