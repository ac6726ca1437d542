import assert from 'node:assert/strict';
import { MessageRing } from '../../../src/core/messages/messageRing';

const fill = (ring: MessageRing, n: number) => {
  for (let i = 0; i < n; i++) ring.push(i % 3, i, 1000 + i, i % 2 ? `k${i}` : null, `v${i}`);
};

describe('MessageRing', () => {
  it('keeps the newest messages, addressed by arrival number', () => {
    const ring = new MessageRing(5);
    fill(ring, 12);
    assert.equal(ring.size, 5);
    assert.equal(ring.firstSeq, 7);
    assert.equal(ring.nextSeq, 12);
    assert.equal(ring.get(6), undefined, 'evicted');
    assert.deepEqual(ring.get(7), { seq: 7, partition: 1, offset: 7, timestamp: 1007, key: 'k7', value: 'v7' });
    assert.equal(ring.get(11)!.value, 'v11');
    assert.equal(ring.get(12), undefined, 'not yet arrived');
  });

  it('reads fields into a reused object for scans', () => {
    const ring = new MessageRing(4);
    fill(ring, 3);
    const target = { partition: 0, offset: 0, timestamp: 0, key: null as string | null, value: '' };
    assert.equal(ring.readInto(1, target), true);
    assert.deepEqual(target, { partition: 1, offset: 1, timestamp: 1001, key: 'k1', value: 'v1' });
    assert.equal(ring.readInto(9, target), false);
  });

  it('clears without reusing numbers', () => {
    const ring = new MessageRing(4);
    fill(ring, 3);
    ring.clear();
    assert.equal(ring.size, 0);
    assert.equal(ring.push(0, 0, 0, null, 'after'), 3);
    assert.equal(ring.get(3)!.value, 'after');
  });

  it('resizes keeping the newest messages and their numbers', () => {
    const ring = new MessageRing(10);
    fill(ring, 8);
    ring.resize(3);
    assert.deepEqual([ring.firstSeq, ring.nextSeq, ring.capacity], [5, 8, 3]);
    assert.deepEqual(
      [5, 6, 7].map((s) => ring.get(s)!.value),
      ['v5', 'v6', 'v7'],
    );
    ring.resize(6);
    ring.push(0, 8, 0, null, 'v8');
    assert.deepEqual([ring.firstSeq, ring.size], [5, 4]);
    assert.equal(ring.get(8)!.value, 'v8');
  });

  it('refuses a capacity that is not a positive integer', () => {
    assert.throws(() => new MessageRing(0), RangeError);
  });
});
