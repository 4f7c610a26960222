/**
 * The common shape of a channel adapter: a pure, two-way mapping between a Polsam form and the channel's
 * structured wire form, validated with zod in both directions (STYLE rule 5: zod at every edge).
 * Transports (how a wire object travels) are separate: see transport.ts.
 */
import type { z } from 'zod';
import type { Channel } from '../../../shared/domain.ts';
import { DomainError, type FieldIssue } from '../../platform/errors.ts';

/** Options for reading a wire message. */
export interface FromWireOptions {
  /**
   * Tells whether a message reference has been seen before (e.g. a SIRENE 002 form reference, unique within
   * the Member State). The caller owns the store; a true answer makes fromWire reject the message.
   */
  seen?: (reference: string) => boolean;
}

/** One adapter per channel; `P` is the Polsam form, `W` the channel's wire form. */
export interface ChannelAdapter<P, W> {
  readonly channel: Channel;
  /** Identifier of the wire format this adapter writes (for the file transport and for audit). */
  readonly wireFormat: string;
  /** The deadline regime the deadline engine applies to traffic on this channel; null when the request's own regime decides. */
  readonly deadlineRegimeId: string | null;
  /** False for observer channels that may only receive (Ameripol). */
  readonly canSend: boolean;
  /** Maps a Polsam form to the wire form; throws DomainError('validation') when the input is invalid. */
  toWire(input: P): W;
  /** Maps an untrusted wire object to the Polsam form; throws DomainError('validation') with field issues. */
  fromWire(raw: unknown, options?: FromWireOptions): P;
}

/** An adapter of any channel, as held by the registry (method parameters are bivariant). */
export type AnyChannelAdapter = ChannelAdapter<unknown, unknown>;

// zod's own issue codes, reported in the channels namespace so that every field issue has a catalog key.
const ZOD_CODES: Record<string, string> = {
  invalid_type: 'channels.field_invalid_type',
  invalid_value: 'channels.field_not_allowed',
  invalid_format: 'channels.field_format',
  too_small: 'channels.field_too_small',
  too_big: 'channels.field_too_big',
  unrecognized_keys: 'channels.field_unknown',
  invalid_union: 'channels.field_invalid',
};

/** Turns zod issues into DomainError field issues with `channels.*` codes. */
export function fieldIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const msg = issue.message;
    let code: string;
    if (msg.startsWith('channels.')) code = msg;
    else if (/^[a-z_]+$/.test(msg)) code = `channels.${msg}`; // custom codes of the shared exchange schemas
    else if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined) code = 'channels.field_required';
    else code = ZOD_CODES[issue.code] ?? 'channels.field_invalid';
    const params: Record<string, string | number> = {};
    if (issue.code === 'unrecognized_keys') params.keys = issue.keys.join(', ');
    if (issue.code === 'too_small' || issue.code === 'too_big') params.limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
    return Object.keys(params).length ? { path, code, params } : { path, code };
  });
}

/** Parses with a zod schema or throws DomainError('validation', code) carrying the field issues. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  code: string,
  params: Record<string, string | number> = {},
): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  throw new DomainError('validation', code, params, fieldIssues(result.error.issues));
}

/** Rejects a reference the caller has already seen (duplicate delivery or a reused reference). */
export function assertNotSeen(reference: string, path: string, options: FromWireOptions | undefined, channel: Channel): void {
  if (options?.seen?.(reference)) {
    throw new DomainError('validation', 'channels.duplicate_reference', { channel, reference }, [
      { path, code: 'channels.duplicate_reference', params: { reference } },
    ]);
  }
}

/** Drops keys whose value is null or undefined, so wire objects carry only what is there. */
export function compact<T extends Record<string, unknown>>(obj: T): { [K in keyof T]?: NonNullable<T[K]> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (v !== null && v !== undefined) out[k] = v;
  return out as { [K in keyof T]?: NonNullable<T[K]> };
}
