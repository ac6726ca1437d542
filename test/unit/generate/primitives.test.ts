import assert from 'node:assert/strict';
import { SeededRandom, permute32 } from '../../../src/core/generate/random';
import {
  IsoTimestampFormatter,
  NginxTimestampFormatter,
  WebTimestampFormatter,
} from '../../../src/core/generate/timeText';
import { EventQueue } from '../../../src/core/generate/eventQueue';
import { DecimalCounter } from '../../../src/core/generate/decimalCounter';
import { createGenerator } from '../../../src/core/generate';

describe('generator building blocks', () => {
  it('SeededRandom repeats per seed and differs across seeds', () => {
    const a = new SeededRandom('42');
    const b = new SeededRandom('42');
    const c = new SeededRandom('43');
    const xs = Array.from({ length: 100 }, () => a.uint32());
    assert.deepEqual(
      Array.from({ length: 100 }, () => b.uint32()),
      xs,
    );
    assert.notDeepEqual(
      Array.from({ length: 100 }, () => c.uint32()),
      xs,
    );
    const r = new SeededRandom('stats');
    let sum = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = r.next();
      assert.ok(x >= 0 && x < 1);
      sum += x;
    }
    assert.ok(Math.abs(sum / 100_000 - 0.5) < 0.01);
  });

  it('permute32 never maps two inputs to the same id', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 200_000; i++) seen.add(permute32(i));
    assert.equal(seen.size, 200_000);
  });

  it('formats timestamps like Date does, across day and year boundaries', () => {
    const web = new WebTimestampFormatter();
    const nginx = new NginxTimestampFormatter();
    const iso = new IsoTimestampFormatter();
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const r = new SeededRandom('time');
    let ms = Date.UTC(2024, 11, 31, 23, 59, 0);
    for (let i = 0; i < 5000; i++) {
      ms += r.int(90_000);
      const micros = ms * 1000 + r.int(1000);
      const date = new Date(ms);
      const text = date.toISOString();
      assert.equal(iso.format(ms), text);
      assert.equal(
        web.format(micros),
        `${text.slice(0, 10)} ${text.slice(11, 23)}${String(micros % 1000).padStart(3, '0')}`,
      );
      const seconds = Math.floor(ms / 1000);
      const d = new Date(seconds * 1000);
      const expected = `${String(d.getUTCDate()).padStart(2, '0')}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${d.toISOString().slice(11, 19)} +0000`;
      assert.equal(nginx.format(seconds), expected);
    }
  });

  it('writes each timestamp as its label and the text format() gives, second after second', () => {
    const label = Buffer.from(' at: ');
    const kinds = [
      { writer: new WebTimestampFormatter(label), text: new WebTimestampFormatter(), unit: 1000, bytes: 26 },
      { writer: new NginxTimestampFormatter(label), text: new NginxTimestampFormatter(), unit: 1 / 1000, bytes: 26 },
      { writer: new IsoTimestampFormatter(label), text: new IsoTimestampFormatter(), unit: 1, bytes: 24 },
    ];
    const r = new SeededRandom('labelled time');
    const target = Buffer.alloc(64);
    let ms = Date.UTC(2024, 11, 31, 23, 59, 58);
    for (let i = 0; i < 5000; i++) {
      ms += r.int(3) === 0 ? 0 : r.int(2500); // repeated instants and seconds hit the per-second cache
      for (const { writer, text, unit, bytes } of kinds) {
        const value = unit < 1 ? Math.floor(ms * unit) : ms * unit + (unit > 1 ? r.int(1000) : 0);
        const end = writer.write(target, 3, value);
        assert.equal(end - 3, label.length + bytes);
        assert.equal(target.toString('latin1', 3, end), ' at: ' + text.format(value));
      }
    }
  });

  it('DecimalCounter writes line numbers as String() does, across carries and jumps', () => {
    const counter = new DecimalCounter();
    const target = Buffer.alloc(32);
    const values = [0, 1, 2, 8, 9, 10, 11, 99, 100, 999, 1000, 7, 8, 123_456_788, 123_456_789, 123_456_790];
    for (let n = 1; n <= 12_000; n++) values.push(n);
    for (const value of values) {
      const end = counter.write(target, 5, value);
      assert.equal(target.toString('latin1', 5, end), String(value), `value ${value}`);
    }
    assert.throws(() => counter.write(target, 0, -1), RangeError);
    assert.throws(() => counter.write(target, 0, 1.5), RangeError);
  });

  it('EventQueue pops by time, then in scheduling order', () => {
    const queue = new EventQueue<{ time: number; order: number; name: string }>();
    const r = new SeededRandom('queue');
    const items = Array.from({ length: 2000 }, (_, i) => ({ time: r.int(100), order: 0, name: `e${i}` }));
    items.forEach((item) => queue.push(item));
    const expected = [...items].sort((a, b) => a.time - b.time || a.order - b.order).map((i) => i.name);
    const popped: string[] = [];
    for (let item = queue.pop(); item; item = queue.pop()) popped.push(item.name);
    assert.deepEqual(popped, expected);
  });

  it('EventQueue shifts every waiting event and reports the earliest time', () => {
    const queue = new EventQueue<{ time: number; order: number }>();
    assert.equal(queue.peekTime(), Number.POSITIVE_INFINITY);
    for (const time of [30, 10, 20]) queue.push({ time, order: 0 });
    queue.shift(5);
    assert.equal(queue.peekTime(), 15);
    assert.deepEqual([queue.pop()?.time, queue.pop()?.time, queue.pop()?.time], [15, 25, 35]);
    assert.equal(queue.pop(), undefined);
    assert.equal(queue.size, 0);
  });
});

describe('generator options', () => {
  it('refuses counts that could never be reached or make no sense', () => {
    const base = { seed: 's', startMs: Date.UTC(2025, 0, 1) };
    for (const format of ['web', 'nginx', 'events'] as const) {
      for (const bad of [
        { lines: Number.NaN },
        { lines: -1 },
        { lines: 1.5 },
        { users: Number.POSITIVE_INFINITY },
        { startMs: Number.NaN },
        { meanThinkSeconds: 0 },
      ]) {
        assert.throws(
          () => createGenerator({ format, ...base, ...bad }),
          RangeError,
          `${format} ${JSON.stringify(bad)}`,
        );
      }
    }
  });
});
