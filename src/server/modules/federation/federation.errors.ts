/** Error codes of Polsam-to-Polsam exchange; messages live under `federation.errors.*` in both catalogs. */
import { DomainError, type ErrorKind } from '../../platform/errors.ts';

/** Why an incoming message was refused; each reason is also the quarantine's reason code. */
export const REJECTION_KIND = {
  oversized: 'too_large',
  malformed: 'validation',
  malformed_payload: 'validation',
  wrong_recipient: 'validation',
  unknown_peer: 'forbidden',
  bad_signature: 'unauthenticated',
  replayed: 'unauthenticated',
  clock_skew: 'unauthenticated',
  id_reused: 'conflict',
  unknown_request: 'validation',
  out_of_order: 'unavailable',
  internal_error: 'unavailable',
} as const satisfies Record<string, ErrorKind>;
export type RejectionReason = keyof typeof REJECTION_KIND;

/** Rejections a sender should retry later (the message may apply once an earlier one has arrived). */
export const RETRYABLE_REJECTIONS: readonly string[] = ['federation.out_of_order', 'federation.internal_error'];

export const federationErrors = {
  rejected: (reason: RejectionReason, detail?: string) => new DomainError(REJECTION_KIND[reason], `federation.${reason}`, detail ? { detail: detail.slice(0, 200) } : {}),
  peerNotFound: () => new DomainError('not_found', 'federation.peer_not_found'),
  peerExists: () => new DomainError('conflict', 'federation.peer_exists'),
  invalidPublicKey: () => new DomainError('validation', 'federation.invalid_public_key', {}, [{ path: 'publicKey', code: 'federation.invalid_public_key' }]),
  outboxNotFound: () => new DomainError('not_found', 'federation.outbox_not_found'),
  noActivePeer: (country: string) => new DomainError('validation', 'federation.no_active_peer', { country }, [{ path: 'countryCode', code: 'federation.no_active_peer' }]),
  keyLocked: () => new DomainError('unavailable', 'federation.key_locked'),
  duplicateId: () => new DomainError('conflict', 'federation.duplicate_id'),
};
