/**
 * All channel adapters, and the two use cases that join an adapter to a transport: send and receive.
 * `bilateral` (direct contact outside the listed channels) has no structured form and so no adapter.
 */
import type { Channel } from '../../../shared/domain.ts';
import { DomainError } from '../../platform/errors.ts';
import { ameripolAdapter, ameripolSendRefused } from './ameripol.adapter.ts';
import type { AnyChannelAdapter, ChannelAdapter, FromWireOptions } from './channel.ts';
import { interpolAdapter } from './interpol.adapter.ts';
import { ptnAdapter } from './ptn.adapter.ts';
import { sienaAdapter } from './siena.adapter.ts';
import { sireneAdapter } from './sirene.adapter.ts';
import type { SendResult, Transport } from './transport.ts';

export const CHANNEL_ADAPTERS = {
  siena: sienaAdapter,
  sirene: sireneAdapter,
  interpol: interpolAdapter,
  ptn: ptnAdapter,
  ameripol: ameripolAdapter,
} as const;
export type AdapterChannel = keyof typeof CHANNEL_ADAPTERS;

/** Returns the adapter of a channel, or throws 'channels.no_adapter' for a channel without a structured form. */
export function adapterFor(channel: Channel): AnyChannelAdapter {
  const adapter = (CHANNEL_ADAPTERS as Partial<Record<Channel, AnyChannelAdapter>>)[channel];
  if (!adapter) throw new DomainError('validation', 'channels.no_adapter', { channel });
  return adapter;
}

/** Maps a Polsam form with the adapter and hands it to the transport; refused outright on a receive-only channel. */
export async function sendThrough<P, W>(
  adapter: ChannelAdapter<P, W>,
  transport: Transport,
  input: P,
): Promise<{ wire: W; result: SendResult }> {
  if (!adapter.canSend) {
    // Ameripol: Sweden is an observer with no data-exchange obligations (requirements §7).
    throw adapter.channel === 'ameripol' ? ameripolSendRefused() : new DomainError('validation', 'channels.receive_only', { channel: adapter.channel });
  }
  const wire = adapter.toWire(input);
  const result = await transport.send({ channel: adapter.channel, format: adapter.wireFormat, wire });
  return { wire, result };
}

export type ReceivedResult<P> =
  | { ok: true; externalRef: string; receivedAt: string; message: P }
  | { ok: false; externalRef: string; error: DomainError };

/**
 * Reads what the transport holds for this adapter's channel and maps each wire object to the Polsam form;
 * invalid messages are returned as errors (to be recorded), never dropped. The caller acks once it has recorded each.
 */
export async function receiveThrough<P, W>(
  adapter: ChannelAdapter<P, W>,
  transport: Transport,
  options?: FromWireOptions,
): Promise<ReceivedResult<P>[]> {
  const out: ReceivedResult<P>[] = [];
  for (const item of await transport.receive()) {
    if (!item.ok) {
      out.push({ ok: false, externalRef: item.externalRef, error: new DomainError('validation', item.code, { channel: adapter.channel }) });
      continue;
    }
    const { message } = item;
    if (message.channel !== adapter.channel) continue; // another adapter's traffic in a shared folder
    if (message.format !== adapter.wireFormat) {
      out.push({ ok: false, externalRef: message.externalRef, error: new DomainError('validation', 'channels.wire_format_unknown', { format: message.format }) });
      continue;
    }
    try {
      out.push({ ok: true, externalRef: message.externalRef, receivedAt: message.receivedAt, message: adapter.fromWire(message.wire, options) });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      out.push({ ok: false, externalRef: message.externalRef, error: e });
    }
  }
  return out;
}
