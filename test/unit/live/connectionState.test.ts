import assert from 'node:assert/strict';
import { caughtUp, ConnectionState, type ConnectionView } from '../../../src/core/live/connectionState';

describe('ConnectionState', () => {
  it('goes live on the first answer, then reconnecting, then disconnected after the bound, then back', () => {
    const seen: string[] = [];
    const state = new ConnectionState({ disconnectAfterMs: 5000 }, 0);
    state.onChange((v) => seen.push(v.status));
    assert.equal(state.view().status, 'connecting');
    state.succeeded(100);
    assert.equal(state.view().status, 'live');
    assert.equal(state.view().stale, false);
    state.failed('connect ECONNREFUSED 127.0.0.1:9092', 1000);
    assert.deepEqual(
      { status: state.view().status, reason: state.view().reason, stale: state.view().stale },
      { status: 'reconnecting', reason: 'connect ECONNREFUSED 127.0.0.1:9092', stale: true },
    );
    state.failed('connect ECONNREFUSED 127.0.0.1:9092', 3000);
    assert.equal(state.view().status, 'reconnecting', 'not yet past the bound');
    state.tick(6000);
    assert.equal(state.view().status, 'disconnected');
    assert.equal(state.view().sinceMs, 6000);
    state.succeeded(9000);
    assert.equal(state.view().status, 'live');
    assert.equal(state.view().reason, undefined);
    assert.equal(state.view().stale, false);
    assert.equal(state.view().outages, 1);
    assert.deepEqual(seen, ['live', 'reconnecting', 'disconnected', 'live']);
  });

  it('a repeated failure moves on to disconnected once the outage lasted long enough, without a tick', () => {
    const state = new ConnectionState({ disconnectAfterMs: 2000 }, 0);
    state.succeeded(0);
    state.failed('down', 100);
    state.failed('down', 2100);
    assert.equal(state.view().status, 'disconnected');
  });

  it('after an outage it is catching up until the reader has read what the broker holds', () => {
    const state = new ConnectionState({}, 0);
    state.succeeded(0);
    state.failed('down', 10);
    state.succeeded(20, false);
    assert.equal(state.view().status, 'catching-up');
    assert.equal(state.live, false);
    assert.equal(state.view().stale, true, 'the numbers are still from before the outage');
    state.succeeded(30, true);
    assert.equal(state.view().status, 'live');
    assert.equal(state.view().stale, false);
  });

  it('the first connection is never "catching up": there was no outage', () => {
    const state = new ConnectionState({}, 0);
    state.succeeded(5, false);
    assert.equal(state.view().status, 'live');
  });

  it('a failure before the first answer is an outage too, and a new reason is reported', () => {
    const views: ConnectionView[] = [];
    const state = new ConnectionState({ disconnectAfterMs: 1000 }, 0);
    state.onChange((v) => views.push(v));
    state.failed('no broker', 0);
    state.failed('still no broker', 10);
    assert.equal(state.view().status, 'reconnecting');
    assert.deepEqual(
      views.map((v) => v.reason),
      ['no broker', 'still no broker'],
    );
    state.failed('still no broker', 20);
    assert.equal(views.length, 2, 'the same failure again changes nothing');
  });

  it('two outages are counted apart', () => {
    const state = new ConnectionState({}, 0);
    state.succeeded(0);
    state.failed('a', 1);
    state.succeeded(2);
    state.failed('b', 3);
    assert.equal(state.view().outages, 2);
  });
});

describe('caughtUp', () => {
  const latest = [
    { partition: 0, earliest: 0, latest: 10 },
    { partition: 1, earliest: 5, latest: 5 },
  ];
  it('holds when every partition was read to its end (empty partitions need nothing)', () => {
    assert.equal(caughtUp(new Map([[0, 10]]), latest), true);
  });
  it('fails while a partition is behind or unread', () => {
    assert.equal(caughtUp(new Map([[0, 9]]), latest), false);
    assert.equal(caughtUp(new Map(), latest), false);
  });
});
