/** Types of the exchange API as seen by the web app; all derived from the shared contract. */
import type { z } from 'zod';
import type {
  ActionName,
  createRequestInput,
  hitView,
  personsView,
  personView,
  RequestDetail,
  RequestList,
  RequestSummary,
} from '../../../shared/exchange.schemas.ts';

export type { ActionName, RequestDetail, RequestList, RequestSummary };
export type PersonView = z.infer<typeof personView>;
/** A cross-check hit: it names persons, so it comes with the justified consultation, not with the request. */
export type Hit = z.infer<typeof hitView>;
/** What the justified, logged consultation of a request shows: its persons and the hits on them. */
export type Consultation = z.infer<typeof personsView>;
/** The body of `POST /api/requests` (defaults may be left out). */
export type CreateRequestBody = z.input<typeof createRequestInput>;

export interface Reference {
  authorities: { id: string; code: string; name: string }[];
  users: { id: string; displayName: string }[];
  units: { id: string; name: string }[];
}

export interface NotificationItem {
  id: string;
  kind: 'reminder' | 'escalation' | 'hit' | 'assigned';
  requestId: string | null;
  reference: string | null;
  message: string;
  createdAt: string;
  readAt: string | null;
}

/** The named actions that have their own dialog (the rest are gated panels on the page). */
export const DIALOG_ACTIONS: readonly ActionName[] = [
  'assign',
  'start',
  'request_clarification',
  'receive_clarification',
  'delay_judicial',
  'resume_judicial',
  'answer',
  'refuse',
  'send',
  'record_answer',
  'withdraw',
  'reclassify',
  'close',
];

export function isDialogAction(a: string): a is ActionName {
  return (DIALOG_ACTIONS as readonly string[]).includes(a);
}

/** `request_clarification` → `/api/requests/<id>/request-clarification`. */
export function actionPath(requestId: string, action: ActionName): string {
  return `/api/requests/${encodeURIComponent(requestId)}/${action.replace(/_/g, '-')}`;
}
