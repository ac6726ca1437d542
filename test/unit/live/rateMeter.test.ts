import assert from 'node:assert/strict';
import { RateMeter } from '../../../src/core/live/rateMeter';

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
