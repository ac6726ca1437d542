import assert from 'node:assert/strict';
import { RateMeter } from '../../../src/host/dashboard/rateMeter';
import { ACK_TIMEOUT_MS, IDLE_REFRESH_MS, MIN_UPDATE_INTERVAL_MS, UpdatePacer } from '../../../src/host/dashboard/updatePacer';

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

describe('RateMeter', () => {
  it('measures messages per second over the last second and keeps one point per second', () => {
    const meter = new RateMeter();
    for (let t = 0; t <= 3000; t += 50) meter.record(t, t * 100); // 100,000 messages/s
    assert.equal(meter.perSecond(), 100_000);
    assert.equal(meter.history().length, 4);
    for (let t = 3050; t <= 4500; t += 50) meter.record(t, 300_000);
    assert.equal(meter.perSecond(), 0);
  });
});
