/**
 * The request status machine as data: which named action moves a request from which statuses to which.
 * Dir. (EU) 2023/977: clarification suspends the clock (Art 6(3)); judicial authorisation may delay the
 * answer (Art 5(2)); refusal only on Art 6 grounds; answers and refusals are recorded (Art 16(1)(a)).
 */
import type { Direction, RequestStatus } from '../../../shared/domain.ts';

export type TransitionAction =
  | 'assign' | 'start' | 'request_clarification' | 'receive_clarification' | 'delay_judicial' | 'resume_judicial'
  | 'answer' | 'refuse' | 'send' | 'record_answer' | 'withdraw' | 'reclassify' | 'close';

/**
 * What kind of exchange a record is, for the machine: a request we received or sent, or own-initiative
 * information we received (Art 7), which is read and closed but never answered or refused.
 */
export type Flow = Direction | 'information';

/** The flow of a stored request: its direction, or `information` under the own-initiative regime. */
export function flowOf(r: { direction: string; regimeId: string }): Flow {
  return r.regimeId === 'own-initiative' ? 'information' : (r.direction as Direction);
}

interface Transition {
  /** The statuses each flow may take this action from (none: not for that flow). */
  from: Partial<Record<Flow, readonly RequestStatus[]>>;
  /** null: the status does not change (assigning an already assigned request). */
  to: RequestStatus | null;
}

const WORKING: readonly RequestStatus[] = ['received', 'assigned', 'in_progress'];
const OPEN_INCOMING: readonly RequestStatus[] = [...WORKING, 'awaiting_clarification', 'awaiting_judicial_authorisation'];

export const TRANSITIONS: Record<TransitionAction, Transition> = {
  assign: { from: { incoming: OPEN_INCOMING, outgoing: ['draft', 'sent'], information: WORKING }, to: null },
  start: { from: { incoming: ['received', 'assigned'], information: ['received', 'assigned'] }, to: 'in_progress' },
  request_clarification: { from: { incoming: WORKING }, to: 'awaiting_clarification' },
  receive_clarification: { from: { incoming: ['awaiting_clarification'] }, to: 'in_progress' },
  delay_judicial: { from: { incoming: WORKING }, to: 'awaiting_judicial_authorisation' },
  resume_judicial: { from: { incoming: ['awaiting_judicial_authorisation'] }, to: 'in_progress' },
  answer: { from: { incoming: ['in_progress'] }, to: 'answered' },
  refuse: { from: { incoming: OPEN_INCOMING }, to: 'refused' },
  send: { from: { outgoing: ['draft'] }, to: 'sent' },
  record_answer: { from: { outgoing: ['sent'] }, to: 'answered' },
  // The requester withdrew its request: it ends unanswered, and it is not a refusal (no Art 6 ground, not in Art 18(c)).
  withdraw: { from: { incoming: OPEN_INCOMING }, to: 'withdrawn' },
  // Urgency and access decide the Art 5(1) clock; a wrong assessment is corrected while the request is open.
  reclassify: { from: { incoming: OPEN_INCOMING }, to: null },
  // An outgoing request may be closed unanswered (e.g. withdrawn); an incoming one once answered, refused or withdrawn;
  // received own-initiative information once it has been read and dealt with.
  close: { from: { incoming: ['answered', 'refused', 'withdrawn'], outgoing: ['answered', 'sent'], information: WORKING }, to: 'closed' },
};

/** Whether an action may be taken on a request in this status and flow. */
export function canTransition(action: TransitionAction, status: RequestStatus, flow: Flow): boolean {
  return TRANSITIONS[action].from[flow]?.includes(status) ?? false;
}

/** The status after an action (the same status when the action does not change it). */
export function nextStatus(action: TransitionAction, status: RequestStatus): RequestStatus {
  return TRANSITIONS[action].to ?? status;
}

/** Statuses in which the legal clock has stopped running for good. */
export const FINAL_STATUSES: readonly RequestStatus[] = ['answered', 'refused', 'withdrawn', 'closed'];
