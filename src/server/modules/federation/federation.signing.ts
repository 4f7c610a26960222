/**
 * Signed envelopes between Polsam nodes (pure, no I/O): Ed25519 over the RFC 8785 canonical JSON of
 * every field but the signature. Keys travel as base64 of the raw 32-byte Ed25519 public key.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import canonicalize from 'canonicalize';
import { z } from 'zod';

export const MESSAGE_KINDS = [
  'request', 'clarification_request', 'clarification_answer', 'answer', 'refusal', 'delay_notice', 'information', 'ack_read',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const nodeIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/);
const b64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);

/** The wire envelope; every field but `signature` is signed. */
export const envelopeSchema = z.strictObject({
  v: z.literal(1),
  id: z.uuid(),
  from: nodeIdSchema,
  to: nodeIdSchema,
  kind: z.enum(MESSAGE_KINDS),
  sentAt: z.iso.datetime({ offset: true }),
  seq: z.number().int().min(0).optional(),
  payload: z.record(z.string(), z.unknown()),
  signature: b64.max(200),
});
export type Envelope = z.infer<typeof envelopeSchema>;
export type UnsignedEnvelope = Omit<Envelope, 'signature'>;

/** The receiver's signed acknowledgement of a message (the answer to a successful POST). */
export const ackSchema = z.strictObject({
  v: z.literal(1),
  id: z.uuid(),
  from: nodeIdSchema,
  to: nodeIdSchema,
  status: z.enum(['received', 'duplicate']),
  receivedAt: z.iso.datetime({ offset: true }),
  signature: b64.max(200),
});
export type Ack = z.infer<typeof ackSchema>;

/** Most envelopes one batch may carry. */
export const BATCH_MAX = 100;

/** Several envelopes in one POST (`/api/federation/inbox/batch`); each is checked and signed on its own. */
export const batchSchema = z.strictObject({ v: z.literal(1), envelopes: z.array(z.unknown()).min(1).max(BATCH_MAX) });

/**
 * The answer to a batch: for each envelope (by its index) either the signed acknowledgement, or the refusal's
 * code, HTTP status and message — what the single-envelope inbox would have answered for it alone.
 */
export const batchAnswerSchema = z.object({
  v: z.literal(1),
  results: z.array(z.object({
    index: z.number().int().min(0), id: z.string().nullable(), ack: z.unknown().optional(),
    status: z.number().int().optional(), error: z.string().optional(), message: z.string().optional(),
  })).max(BATCH_MAX),
});
export type BatchAnswer = z.infer<typeof batchAnswerSchema>;

const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The exact bytes a signature covers: canonical JSON of the object without its signature. */
export function canonicalBytes(obj: Record<string, unknown>): Buffer {
  const { signature: _omit, ...rest } = obj;
  void _omit;
  const text = canonicalize(rest);
  if (text === undefined) throw new Error('not canonicalizable');
  return Buffer.from(text, 'utf8');
}

/** SHA-256 of the signed content, used to tell a duplicate from a reused id. */
export function digestOf(obj: Record<string, unknown>): string {
  return createHash('sha256').update(canonicalBytes(obj)).digest('hex');
}

export interface KeyPair { publicKey: string; privateKeyDer: Buffer }

/** A fresh Ed25519 key pair: raw public key (base64) and PKCS#8 DER private key. */
export function generateKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKey: rawPublicKey(publicKey), privateKeyDer: privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer };
}

export function rawPublicKey(k: KeyObject): string {
  return (k.export({ format: 'der', type: 'spki' }) as Buffer).subarray(SPKI_ED25519_PREFIX.length).toString('base64');
}

/** Parses a base64 raw Ed25519 public key; null when it is not one. */
export function publicKeyFrom(b64key: string): KeyObject | null {
  try {
    const raw = Buffer.from(b64key, 'base64');
    if (raw.length !== 32) return null;
    return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
  } catch {
    return null;
  }
}

export function privateKeyFrom(der: Buffer): KeyObject {
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

/** Signs any object (envelope or ack) and returns it with its signature. */
export function signObject<T extends Record<string, unknown>>(obj: T, key: KeyObject): T & { signature: string } {
  const signature = sign(null, canonicalBytes(obj), key).toString('base64');
  return { ...obj, signature };
}

/** Whether the object's signature verifies against the public key. */
export function verifyObject(obj: Record<string, unknown> & { signature: string }, key: KeyObject): boolean {
  try {
    const sig = Buffer.from(obj.signature, 'base64');
    if (sig.length !== 64) return false;
    return verify(null, canonicalBytes(obj), key, sig);
  } catch {
    return false;
  }
}

/** Signs an envelope with this node's key. */
export function signEnvelope(e: UnsignedEnvelope, key: KeyObject): Envelope {
  return signObject(e as UnsignedEnvelope & Record<string, unknown>, key) as Envelope;
}

export type EnvelopeCheck =
  | { ok: true; envelope: Envelope }
  | { ok: false; reason: 'malformed' | 'wrong_recipient' | 'unknown_peer' | 'bad_signature' | 'replayed' | 'clock_skew'; detail?: string };

/**
 * Checks a parsed body as an envelope for this node: shape, recipient, known sender, signature, and the
 * sentAt window (with the inbox's id uniqueness this is the replay protection).
 */
export function checkEnvelope(body: unknown, o: { self: string; keyOf: (nodeId: string) => KeyObject | null; now: Date; windowMs: number }): EnvelopeCheck {
  const parsed = envelopeSchema.safeParse(body);
  if (!parsed.success) return { ok: false, reason: 'malformed', detail: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.code}`).join('; ') };
  const e = parsed.data;
  if (e.to !== o.self) return { ok: false, reason: 'wrong_recipient', detail: e.to };
  const key = o.keyOf(e.from);
  if (!key) return { ok: false, reason: 'unknown_peer', detail: e.from };
  if (!verifyObject(e, key)) return { ok: false, reason: 'bad_signature' };
  const skew = new Date(e.sentAt).getTime() - o.now.getTime();
  if (skew < -o.windowMs) return { ok: false, reason: 'replayed', detail: e.sentAt };
  if (skew > o.windowMs) return { ok: false, reason: 'clock_skew', detail: e.sentAt };
  return { ok: true, envelope: e };
}
