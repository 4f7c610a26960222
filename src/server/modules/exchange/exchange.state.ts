/**
 * The request status machine as data: which named action moves a request from which statuses to which.
 * Dir. (EU) 2023/977: clarification suspends the clock (Art 6(3)); judicial authorisation may delay the
 * answer (Art 5(2)); refusal only on Art 6 grounds; answers and refusals are recorded (Art 16(1)(a)).
 */
import type { Direction, RequestStatus } from '../../../shared/domain.ts';

export type TransitionAction =
  | 'assign' | 'start' | 'request_clarification' | 'receive_clarification' | 'delay_judicial' | 'resume_judicial'
  | 'answer' | 'refuse' | 'send' | 'record_answer' | 'close';

interface Transition {
  /** The statuses each direction may take this action from (none: not for that direction). */
  from: Partial<Record<Direction, readonly RequestStatus[]>>;
  /** null: the status does not change (assigning an already assigned request). */
  to: RequestStatus | null;
}

const WORKING: readonly RequestStatus[] = ['received', 'assigned', 'in_progress'];
const OPEN_INCOMING: readonly RequestStatus[] = [...WORKING, 'awaiting_clarification', 'awaiting_judicial_authorisation'];

export const TRANSITIONS: Record<TransitionAction, Transition> = {
  assign: { from: { incoming: OPEN_INCOMING, outgoing: ['draft', 'sent'] }, to: null },
  start: { from: { incoming: ['received', 'assigned'] }, to: 'in_progress' },
  request_clarification: { from: { incoming: WORKING }, to: 'awaiting_clarification' },
  receive_clarification: { from: { incoming: ['awaiting_clarification'] }, to: 'in_progress' },
  delay_judicial: { from: { incoming: WORKING }, to: 'awaiting_judicial_authorisation' },
  resume_judicial: { from: { incoming: ['awaiting_judicial_authorisation'] }, to: 'in_progress' },
  answer: { from: { incoming: ['in_progress'] }, to: 'answered' },
  refuse: { from: { incoming: OPEN_INCOMING }, to: 'refused' },
  send: { from: { outgoing: ['draft'] }, to: 'sent' },
  record_answer: { from: { outgoing: ['sent'] }, to: 'answered' },
  // An outgoing request may be closed unanswered (e.g. withdrawn); an incoming one only once answered or refused.
  close: { from: { incoming: ['answered', 'refused'], outgoing: ['answered', 'sent'] }, to: 'closed' },
};

/** Whether an action may be taken on a request in this status and direction. */
export function canTransition(action: TransitionAction, status: RequestStatus, direction: Direction): boolean {
  return TRANSITIONS[action].from[direction]?.includes(status) ?? false;
}

/** The status after an action (the same status when the action does not change it). */
export function nextStatus(action: TransitionAction, status: RequestStatus): RequestStatus {
  return TRANSITIONS[action].to ?? status;
}

/** Statuses in which the legal clock has stopped running for good. */
export const FINAL_STATUSES: readonly RequestStatus[] = ['answered', 'refused', 'closed'];
