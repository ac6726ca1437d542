import assert from 'node:assert/strict';
import { BoundedCounter } from '../../../src/core/stats';

describe('BoundedCounter', () => {
  it('counts exactly below capacity and lists the most frequent first', () => {
    const counter = new BoundedCounter(10);
    for (const name of ['b', 'a', 'b', 'c', 'b', 'a']) counter.add(name);
    assert.deepEqual(counter.toObject(), { b: 3, a: 2, c: 1 });
    assert.deepEqual(counter.top(2), [
      ['b', 3],
      ['a', 2],
    ]);
    assert.deepEqual(counter.top(10), [
      ['b', 3],
      ['a', 2],
      ['c', 1],
    ]);
    assert.deepEqual(counter.top(0), []);
    assert.equal(counter.approximate, false);
  });

  it('stays within capacity, keeps the heavy hitters and says when counts are approximate', () => {
    const counter = new BoundedCounter(4);
    counter.add('a', 10);
    counter.add('b', 5);
    counter.add('c', 3);
    counter.add('d', 1);
    counter.add('e'); // full: keeps a and b, newcomers start from the largest dropped count (3)
    assert.ok(counter.size <= 4);
    assert.equal(counter.approximate, true);
    assert.deepEqual(counter.top(2), [
      ['a', 10],
      ['b', 5],
    ]);
    assert.equal(counter.toObject().e, 4);
  });

  it('keeps a frequent name exact through a flood of one-off names', () => {
    const counter = new BoundedCounter(100);
    for (let i = 0; i < 10_000; i++) {
      counter.add(`/random-${i}`);
      if (i % 4 === 0) counter.add('/');
    }
    assert.ok(counter.size <= 100);
    assert.deepEqual(counter.top(1), [['/', 2500]]);
  });
});
