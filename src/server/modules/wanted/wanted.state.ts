/**
 * The status machine of a wanted person as data: which named action moves the search from which statuses
 * to which. Actions with `to: null` record facts the legal clocks turn on without changing the status.
 */
import type { WantedActionName, WantedStatus } from '../../../shared/wanted.schemas.ts';

interface Transition {
  from: readonly WantedStatus[];
  to: WantedStatus | null;
}

const SOUGHT: readonly WantedStatus[] = ['wanted', 'located'];

export const TRANSITIONS: Record<WantedActionName, Transition> = {
  locate: { from: ['wanted', 'located'], to: 'located' },
  lose_track: { from: ['located'], to: 'wanted' },
  arrest: { from: SOUGHT, to: 'arrested' },
  // FD 2002/584/JHA Art 13 / lag 2011:1165: consent may be given after the arrest, which shortens the clock.
  record_consent: { from: ['arrested'], to: null },
  // FD 2002/584/JHA Art 17(4): a further 30 days in exceptional cases (ECE 1957 Art 16(4): up to 40 days).
  extend_exceptional: { from: ['arrested'], to: null },
  record_final_decision: { from: ['arrested'], to: null },
  // FD 2002/584/JHA Art 23(3): surrender prevented; a new date is agreed and the 10 days run from it.
  agree_surrender_date: { from: ['arrested'], to: null },
  surrender: { from: ['arrested'], to: 'surrendered' },
  // The person came back to Sweden (or to care) without surrender proceedings.
  return: { from: ['wanted', 'located', 'arrested'], to: 'returned' },
  withdraw: { from: ['wanted', 'located', 'arrested'], to: 'withdrawn' },
  expire: { from: SOUGHT, to: 'expired' },
  publish: { from: SOUGHT, to: null },
  unpublish: { from: ['wanted', 'located', 'arrested', 'surrendered', 'returned', 'withdrawn', 'expired'], to: null },
  // Lag (2011:1165): a Nordic warrant's time limit exceeded for special reasons, recorded with the reasons.
  record_overrun: { from: ['arrested'], to: null },
};

/** Whether the action may be taken in this status. */
export function canTransition(action: WantedActionName, status: WantedStatus): boolean {
  return TRANSITIONS[action].from.includes(status);
}

/** The status after the action (unchanged for fact-recording actions). */
export function nextStatus(action: WantedActionName, status: WantedStatus): WantedStatus {
  return TRANSITIONS[action].to ?? status;
}

/** Statuses that end the search for good. */
export const FINAL_STATUSES: readonly WantedStatus[] = ['surrendered', 'returned', 'withdrawn', 'expired'];
