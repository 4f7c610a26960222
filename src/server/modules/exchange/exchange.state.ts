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
  from: readonly RequestStatus[];
  /** null: the status does not change (assigning an already assigned request). */
  to: RequestStatus | null;
  directions: readonly Direction[];
}

const WORKING: readonly RequestStatus[] = ['received', 'assigned', 'in_progress'];

export const TRANSITIONS: Record<TransitionAction, Transition> = {
  assign: { from: ['received', 'assigned', 'in_progress', 'awaiting_clarification', 'awaiting_judicial_authorisation', 'draft', 'sent'], to: null, directions: ['incoming', 'outgoing'] },
  start: { from: ['received', 'assigned'], to: 'in_progress', directions: ['incoming'] },
  request_clarification: { from: WORKING, to: 'awaiting_clarification', directions: ['incoming'] },
  receive_clarification: { from: ['awaiting_clarification'], to: 'in_progress', directions: ['incoming'] },
  delay_judicial: { from: WORKING, to: 'awaiting_judicial_authorisation', directions: ['incoming'] },
  resume_judicial: { from: ['awaiting_judicial_authorisation'], to: 'in_progress', directions: ['incoming'] },
  answer: { from: ['in_progress'], to: 'answered', directions: ['incoming'] },
  refuse: { from: [...WORKING, 'awaiting_clarification', 'awaiting_judicial_authorisation'], to: 'refused', directions: ['incoming'] },
  send: { from: ['draft'], to: 'sent', directions: ['outgoing'] },
  record_answer: { from: ['sent'], to: 'answered', directions: ['outgoing'] },
  close: { from: ['answered', 'refused', 'sent'], to: 'closed', directions: ['incoming', 'outgoing'] },
};

/** Whether an action may be taken on a request in this status and direction. */
export function canTransition(action: TransitionAction, status: RequestStatus, direction: Direction): boolean {
  const t = TRANSITIONS[action];
  return t.directions.includes(direction) && t.from.includes(status);
}

/** The status after an action (the same status when the action does not change it). */
export function nextStatus(action: TransitionAction, status: RequestStatus): RequestStatus {
  return TRANSITIONS[action].to ?? status;
}

/** Statuses in which the legal clock has stopped running for good. */
export const FINAL_STATUSES: readonly RequestStatus[] = ['answered', 'refused', 'closed'];
