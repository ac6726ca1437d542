import assert from 'node:assert/strict';
import { LineBitmap, LineRangeSet } from '../../../src/core/kafka/lineRanges';

describe('LineRangeSet', () => {
  it('merges in-order and adjacent ranges', () => {
    const set = new LineRangeSet();
    set.add(1, 10);
    set.add(11, 20);
    set.add(25, 30);
    assert.deepEqual(set.toArray(), [
      [1, 20],
      [25, 30],
    ]);
  });

  it('merges ranges that arrive out of order', () => {
    const set = new LineRangeSet();
    set.add(21, 30);
    set.add(1, 10);
    set.add(11, 20);
    set.add(50, 60);
    set.add(35, 40);
    assert.deepEqual(set.toArray(), [
      [1, 30],
      [35, 40],
      [50, 60],
    ]);
  });

  it('answers membership at range edges', () => {
    const set = new LineRangeSet();
    set.add(5, 9);
    set.add(20, 20);
    for (const [line, expected] of [
      [4, false],
      [5, true],
      [9, true],
      [10, false],
      [20, true],
      [21, false],
    ] as const) {
      assert.equal(set.has(line), expected, `line ${line}`);
    }
  });
});

describe('LineBitmap', () => {
  it('counts distinct lines and grows past its initial size', () => {
    const bitmap = new LineBitmap();
    assert.equal(bitmap.add(3), true);
    assert.equal(bitmap.add(3), false);
    assert.equal(bitmap.add(2_000_000), true);
    assert.equal(bitmap.size, 2);
    assert.equal(bitmap.has(2_000_000), true);
    assert.equal(bitmap.has(1_999_999), false);
  });
});
