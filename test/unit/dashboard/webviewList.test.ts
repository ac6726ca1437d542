// Pure parts of the webview's virtual list: scroll geometry and the row page cache.
import assert from 'node:assert/strict';
import type { MessageRow } from '../../../src/shared/protocol';
import { PAGE_ROWS, RowCache } from '../../../webview/dashboard/list/rowCache';
import { MAX_SCROLL_PIXELS, contentHeight, firstRowAt, scrollTopFor } from '../../../webview/dashboard/list/scrollMath';

const row = (position: number): MessageRow => ({
  position,
  seq: position,
  partition: 0,
  offset: position,
  timestamp: 0,
  key: null,
  value: `v${position}`,
});

describe('virtual list geometry', () => {
  it('maps scroll offsets to rows one to one while the list fits', () => {
    const g = { count: 1000, rowHeight: 22, viewportHeight: 440 };
    assert.equal(contentHeight(g), 22_000);
    assert.equal(firstRowAt(2200, g), 100);
    assert.equal(scrollTopFor(100, g), 2200);
  });

  it('scales a million rows into the browser height limit and still reaches both ends', () => {
    const g = { count: 1_000_000, rowHeight: 22, viewportHeight: 440 };
    assert.equal(contentHeight(g), MAX_SCROLL_PIXELS);
    assert.equal(firstRowAt(0, g), 0);
    assert.equal(firstRowAt(MAX_SCROLL_PIXELS - 440, g), 1_000_000 - 20);
    for (const index of [0, 1234, 500_000, 999_980])
      assert.ok(Math.abs(firstRowAt(scrollTopFor(index, g), g) - index) < 1e-6);
  });
});

describe('RowCache', () => {
  it('fetches missing pages once, and again when a partial page can grow', async () => {
    const requests: number[] = [];
    let count = 150;
    const cache = new RowCache(
      async (listVersion, from, n) => {
        requests.push(from);
        return {
          listVersion,
          rows: Array.from({ length: Math.max(0, Math.min(n, count - from)) }, (_, i) => row(from + i)),
        };
      },
      () => undefined,
    );
    cache.reset(1);
    cache.ensure(0, 150, count);
    cache.ensure(0, 150, count);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(requests, [0, PAGE_ROWS]);
    assert.equal(cache.row(149)!.value, 'v149');
    count = 180;
    cache.ensure(0, 180, count);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(requests, [0, PAGE_ROWS, PAGE_ROWS], 'only the page that was short is fetched again');
    assert.equal(cache.row(179)!.value, 'v179');
  });

  it('asks again for a page the extension did not answer', async () => {
    let answer = false;
    const requests: number[] = [];
    let cache: RowCache | undefined = undefined;
    const rendered = new Promise<void>((resolve) => {
      cache = new RowCache(
        async (listVersion, from) => {
          requests.push(from);
          return answer ? { listVersion, rows: [row(from)] } : { listVersion: -1, rows: [] };
        },
        // What the table does on `loaded`: render, which ensures the rows on screen.
        () => {
          answer = true;
          cache!.ensure(0, 1, 1);
          if (cache!.row(0)) resolve();
        },
        5,
      );
    });
    cache!.reset(1);
    cache!.ensure(0, 1, 1);
    await rendered;
    assert.deepEqual(requests, [0, 0]);
    assert.equal(cache!.row(0)!.value, 'v0');
  });

  it('forgets everything for a new list version and ignores late answers for the old one', async () => {
    let release: () => void = () => undefined;
    const cache = new RowCache(
      (listVersion, from) => new Promise((resolve) => (release = () => resolve({ listVersion, rows: [row(from)] }))),
      () => undefined,
    );
    cache.reset(1);
    cache.ensure(0, 10, 10);
    cache.reset(2);
    release();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(cache.row(0), undefined);
  });
});
