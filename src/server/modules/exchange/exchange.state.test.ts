import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REQUEST_STATUSES, type RequestStatus } from '../../../shared/domain.ts';
import { canTransition, flowOf, nextStatus, type TransitionAction } from './exchange.state.ts';

// The status machine, written out by hand from the issue: every (action, status) pair not listed is refused.
const ALLOWED: Record<TransitionAction, { incoming: RequestStatus[]; outgoing: RequestStatus[]; information?: RequestStatus[]; to: RequestStatus | null }> = {
  assign: { incoming: ['received', 'assigned', 'in_progress', 'awaiting_clarification', 'awaiting_judicial_authorisation'], outgoing: ['draft', 'sent'], information: ['received', 'assigned', 'in_progress'], to: null },
  start: { incoming: ['received', 'assigned'], outgoing: [], information: ['received', 'assigned'], to: 'in_progress' },
  request_clarification: { incoming: ['received', 'assigned', 'in_progress'], outgoing: [], to: 'awaiting_clarification' },
  receive_clarification: { incoming: ['awaiting_clarification'], outgoing: [], to: 'in_progress' },
  delay_judicial: { incoming: ['received', 'assigned', 'in_progress'], outgoing: [], to: 'awaiting_judicial_authorisation' },
  resume_judicial: { incoming: ['awaiting_judicial_authorisation'], outgoing: [], to: 'in_progress' },
  answer: { incoming: ['in_progress'], outgoing: [], to: 'answered' },
  refuse: { incoming: ['received', 'assigned', 'in_progress', 'awaiting_clarification', 'awaiting_judicial_authorisation'], outgoing: [], to: 'refused' },
  send: { incoming: [], outgoing: ['draft'], to: 'sent' },
  record_answer: { incoming: [], outgoing: ['sent'], to: 'answered' },
  withdraw: { incoming: ['received', 'assigned', 'in_progress', 'awaiting_clarification', 'awaiting_judicial_authorisation'], outgoing: [], to: 'withdrawn' },
  reclassify: { incoming: ['received', 'assigned', 'in_progress', 'awaiting_clarification', 'awaiting_judicial_authorisation'], outgoing: [], to: null },
  close: { incoming: ['answered', 'refused', 'withdrawn'], outgoing: ['answered', 'sent'], information: ['received', 'assigned', 'in_progress'], to: 'closed' },
};

for (const [action, spec] of Object.entries(ALLOWED) as [TransitionAction, (typeof ALLOWED)[TransitionAction]][]) {
  test(`${action}: allowed exactly from its statuses, refused from every other`, () => {
    for (const direction of ['incoming', 'outgoing', 'information'] as const) {
      for (const status of REQUEST_STATUSES) {
        const expected = (spec[direction] ?? []).includes(status);
        assert.equal(canTransition(action, status, direction), expected, `${action} from ${direction} ${status}`);
        if (expected) assert.equal(nextStatus(action, status), spec.to ?? status);
      }
    }
  });
}

test('a closed request accepts no action at all', () => {
  for (const action of Object.keys(ALLOWED) as TransitionAction[]) {
    assert.equal(canTransition(action, 'closed', 'incoming'), false);
    assert.equal(canTransition(action, 'closed', 'outgoing'), false);
  }
});

test('received own-initiative information is its own flow: read and closed, never answered, refused or withdrawn', () => {
  assert.equal(flowOf({ direction: 'incoming', regimeId: 'own-initiative' }), 'information');
  assert.equal(flowOf({ direction: 'incoming', regimeId: 'third-country' }), 'incoming');
  for (const action of ['answer', 'refuse', 'withdraw', 'request_clarification', 'delay_judicial'] as const) {
    assert.equal(canTransition(action, 'in_progress', 'information'), false, action);
  }
});

test('a withdrawn request can only be closed', () => {
  for (const action of Object.keys(ALLOWED) as TransitionAction[]) {
    assert.equal(canTransition(action, 'withdrawn', 'incoming'), action === 'close', action);
  }
});
