/**
 * How wire objects travel. Adapters only map; a Transport moves the mapped object. SIENA, I-24/7 and SIS cannot be
 * reached from here, so the file transport hands messages to a gateway through folders; tests use the memory transport.
 */
import { z } from 'zod';
import { CHANNELS, type Channel } from '../../../shared/domain.ts';

/** One wire object to send, labelled with its channel and wire format. */
export interface OutgoingWire {
  /** The message's own id (the outbox row): a transport that stores files names the file by it, so a resend overwrites, never doubles. */
  id?: string;
  channel: Channel;
  format: string;
  wire: unknown;
}

export type SendResult =
  | { ok: true; externalRef: string }
  | { ok: false; code: string; retryable: boolean; detail?: string };

/** A wire object that arrived; `receivedAt` is when it reached Polsam's side (the Art 5 clock starts on receipt). */
export interface ReceivedWire {
  externalRef: string;
  receivedAt: string;
  channel: Channel;
  format: string;
  wire: unknown;
}

export type ReceiveItem = { ok: true; message: ReceivedWire } | { ok: false; externalRef: string; code: string };

export interface Transport {
  /** Hands one wire object to the channel; never throws for a delivery failure, it returns it. */
  send(out: OutgoingWire): Promise<SendResult>;
  /** Lists what has arrived and not been acknowledged, oldest first; unreadable messages come back as errors once. */
  receive(): Promise<ReceiveItem[]>;
  /** Marks a received message as recorded, so it is not returned again (at-least-once delivery). */
  ack(externalRef: string): Promise<void>;
}

/** The envelope written around each wire object by transports that store messages (`polsam.transport/1`). */
export const transportEnvelope = z.strictObject({
  envelope: z.literal('polsam.transport/1'),
  id: z.string().min(1).max(100).optional(),
  channel: z.enum(CHANNELS),
  format: z.string().min(1).max(100),
  sentAt: z.iso.datetime(),
  wire: z.unknown(),
});
export type TransportEnvelope = z.output<typeof transportEnvelope>;
