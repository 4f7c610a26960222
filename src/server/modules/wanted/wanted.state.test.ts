import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../platform/context.ts';
import { canTransition, nextStatus, TRANSITIONS } from './wanted.state.ts';
import { allowedActions, BASES_BY_AUTHORITY, WARRANTS_BY_BASIS } from './wanted.policy.ts';
import type { WantedActionName, WantedStatus } from '../../../shared/wanted.schemas.ts';

const actor = (roles: Actor['roles']): Actor => ({ id: 'u', username: 'u', displayName: 'U', roles, unitId: 'x' });

test('each status transition goes where the FAST process says', () => {
  const cases: [WantedActionName, WantedStatus, WantedStatus][] = [
    ['locate', 'wanted', 'located'], ['lose_track', 'located', 'wanted'], ['arrest', 'wanted', 'arrested'], ['arrest', 'located', 'arrested'],
    ['surrender', 'arrested', 'surrendered'], ['return', 'located', 'returned'], ['return', 'arrested', 'returned'],
    ['withdraw', 'wanted', 'withdrawn'], ['withdraw', 'arrested', 'withdrawn'], ['expire', 'wanted', 'expired'], ['expire', 'located', 'expired'],
    ['record_consent', 'arrested', 'arrested'], ['extend_exceptional', 'arrested', 'arrested'], ['record_final_decision', 'arrested', 'arrested'],
  ];
  for (const [action, from, to] of cases) {
    assert.ok(canTransition(action, from), `${action} from ${from}`);
    assert.equal(nextStatus(action, from), to, `${action} from ${from}`);
  }
});

test('final statuses take no further status change, and the clocks are only recorded after an arrest', () => {
  for (const final of ['surrendered', 'returned', 'withdrawn', 'expired'] as const) {
    for (const a of Object.keys(TRANSITIONS) as WantedActionName[]) {
      if (a === 'unpublish') continue;
      assert.equal(canTransition(a, final), false, `${a} from ${final}`);
    }
  }
  assert.equal(canTransition('record_consent', 'wanted'), false);
  assert.equal(canTransition('surrender', 'located'), false);
  assert.equal(canTransition('expire', 'arrested'), false);
});

test('only a FAST supervisor is offered publication; a duty officer is offered nothing', () => {
  assert.ok(allowedActions(actor(['fast_officer', 'supervisor']), 'wanted', false).includes('publish'));
  assert.ok(!allowedActions(actor(['fast_officer']), 'wanted', false).includes('publish'));
  assert.ok(allowedActions(actor(['fast_officer']), 'wanted', true).includes('unpublish'));
  assert.deepEqual(allowedActions(actor(['duty_officer', 'supervisor']), 'wanted', false), []);
});

test('legal bases fit their authority, and arrest in absentia carries only a Nordic warrant', () => {
  assert.deepEqual(BASES_BY_AUTHORITY.kriminalvarden, ['prison_sentence']);
  assert.deepEqual(BASES_BY_AUTHORITY.socialstyrelsen, ['lrv_care_decision']);
  assert.deepEqual(WARRANTS_BY_BASIS.arrest_in_absentia, ['naw']);
  assert.ok(!WARRANTS_BY_BASIS.lrv_care_decision.includes('red_notice'));
});
