import assert from 'node:assert/strict';
import {
  ACK_TIMEOUT_MS,
  IDLE_REFRESH_MS,
  MIN_UPDATE_INTERVAL_MS,
  UpdatePacer,
} from '../../../src/host/dashboard/updatePacer';

describe('UpdatePacer', () => {
  it('sends at most one update per interval, and only once the previous one was applied', () => {
    const pacer = new UpdatePacer();
    assert.equal(pacer.due(0, true), true);
    const id = pacer.sent(0);
    assert.equal(pacer.due(MIN_UPDATE_INTERVAL_MS, true), false, 'not acknowledged yet');
    pacer.acked(id);
    assert.equal(pacer.due(MIN_UPDATE_INTERVAL_MS - 1, true), false, 'too soon');
    assert.equal(pacer.due(MIN_UPDATE_INTERVAL_MS, true), true);
  });

  it('forgives a lost acknowledgement and refreshes an idle view once a second', () => {
    const pacer = new UpdatePacer();
    pacer.sent(0);
    assert.equal(pacer.due(ACK_TIMEOUT_MS, true), true);
    const id = pacer.sent(ACK_TIMEOUT_MS);
    pacer.acked(id);
    assert.equal(pacer.due(ACK_TIMEOUT_MS + IDLE_REFRESH_MS - 1, false), false);
    assert.equal(pacer.due(ACK_TIMEOUT_MS + IDLE_REFRESH_MS, false), true);
  });

  it('at 10 ms ticks and instant acknowledgements, never exceeds 10 updates per second', () => {
    const pacer = new UpdatePacer();
    let sent = 0;
    for (let now = 0; now < 10_000; now += 10) {
      if (pacer.due(now, true)) {
        pacer.acked(pacer.sent(now));
        sent++;
      }
    }
    assert.equal(sent, 100);
  });
});
