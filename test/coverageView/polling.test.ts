import * as assert from 'node:assert/strict';
import { isStale, shouldPoll, showsStatusBar } from '../../client/src/coverageView/model/polling';

describe('coverage polling', () => {
  it('polls while the view is visible, or while the status-bar item shows in a focused window', () => {
    assert.equal(shouldPoll({ viewVisible: true, statusBarShown: false, windowFocused: false }), true);
    assert.equal(shouldPoll({ viewVisible: false, statusBarShown: true, windowFocused: true }), true);
    assert.equal(shouldPoll({ viewVisible: false, statusBarShown: true, windowFocused: false }), false);
    assert.equal(shouldPoll({ viewVisible: false, statusBarShown: false, windowFocused: true }), false);
  });

  it('calls data stale once the interval has passed since the last refresh, never with refreshes off', () => {
    const now = new Date('2026-11-27T10:00:00Z');
    assert.equal(isStale(undefined, 15, now), true);
    assert.equal(isStale(new Date('2026-11-27T09:50:00Z'), 15, now), false);
    assert.equal(isStale(new Date('2026-11-27T09:45:00Z'), 15, now), true);
    assert.equal(isStale(undefined, 0, now), false);
  });

  it('shows the status-bar item only in a trusted workspace with regions', () => {
    assert.equal(showsStatusBar(true, ['us-east-1']), true);
    assert.equal(showsStatusBar(false, ['us-east-1']), false);
    assert.equal(showsStatusBar(true, []), false);
  });
});
