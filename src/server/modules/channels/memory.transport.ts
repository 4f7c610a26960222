/** An in-memory Transport for tests: records what is sent, delivers what a test injects, fails on demand. */
import type { Channel } from '../../../shared/domain.ts';
import type { OutgoingWire, ReceiveItem, SendResult, Transport } from './transport.ts';

export interface MemoryTransport extends Transport {
  readonly sent: OutgoingWire[];
  /** Makes a wire object arrive, as if the channel had delivered it. */
  deliver(channel: Channel, format: string, wire: unknown, receivedAt?: string): string;
  /** Makes the next send fail with this code. */
  failNext(code: string, retryable?: boolean): void;
}

/** Creates an in-memory transport (a deep copy of each wire object is kept, as a real transport would serialise it). */
export function createMemoryTransport(): MemoryTransport {
  const sent: OutgoingWire[] = [];
  const inbox = new Map<string, ReceiveItem>();
  let failure: { code: string; retryable: boolean } | null = null;
  let seq = 0;
  return {
    sent,
    async send(out: OutgoingWire): Promise<SendResult> {
      if (failure) {
        const f = failure;
        failure = null;
        return { ok: false, code: f.code, retryable: f.retryable };
      }
      sent.push(structuredClone(out));
      return { ok: true, externalRef: `mem-${++seq}` };
    },
    async receive() {
      return [...inbox.values()];
    },
    async ack(externalRef: string) {
      inbox.delete(externalRef);
    },
    deliver(channel, format, wire, receivedAt = new Date().toISOString()) {
      const externalRef = `mem-in-${++seq}`;
      inbox.set(externalRef, { ok: true, message: { externalRef, receivedAt, channel, format, wire: structuredClone(wire) } });
      return externalRef;
    },
    failNext(code, retryable = true) {
      failure = { code, retryable };
    },
  };
}
