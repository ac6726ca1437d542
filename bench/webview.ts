// npm run bench:webview — the dashboard webview in headless Chromium, outside VS Code.
// The real host pipeline (DashboardModel + DashboardController, 1,000,000-message ring
// buffer) is fed synthetic web-log batches at 100,000 messages/s for 10 s; the page gets
// the same protocol messages VS Code would deliver. Reports the page's longest main-thread
// task (PerformanceObserver "longtask"), frames per second while streaming and while
// scrolling through the million buffered messages, the JS heap, and the DOM size.
// Options: --rate N (messages/s), --seconds N, --capacity N.
import { chromium } from 'playwright-core';
import { generateToString } from '../src/core/generate';
import type { IncomingMessage } from '../src/core/kafka/ports';
import { DashboardSession } from '../src/host/dashboard/dashboardSession';
import { CHROMIUM_ARGS, openHarness } from './webviewHarness';
import { measureFrames, pageMetrics, pageNow, scrollThroughList, type FrameStats } from './webviewMeasures';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RATE = arg('rate', 100_000);
const SECONDS = arg('seconds', 10);
const CAPACITY = arg('capacity', 1_000_000);
const PARTITIONS = 3;
const TICK_MS = 10;

const ms = (n: number) => `${n.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const fps = (f: FrameStats) => `${f.fps.toFixed(1)} fps (p95 frame ${ms(f.p95FrameMs)}, worst ${ms(f.worstFrameMs)})`;

function syntheticLines(count: number): string[] {
  const started = performance.now();
  const { text } = generateToString({
    format: 'web',
    seed: 'bench-webview',
    startMs: Date.UTC(2025, 9, 16),
    lines: count,
    users: count,
  });
  const lines = text.split('\n', count);
  console.log(
    `[bench] ${lines.length.toLocaleString('en-US')} web-log lines generated in ${ms(performance.now() - started)}`,
  );
  return lines;
}

/** Feeds `lines` to the model at RATE messages/s, as consumeTopic would hand them over. */
async function feed(
  session: DashboardSession,
  lines: string[],
): Promise<{ hostMs: number; worstBatchMs: number; seconds: number }> {
  const offsets = new Array(PARTITIONS).fill(0);
  const startedAt = performance.now();
  let sent = 0;
  let hostMs = 0;
  let worstBatchMs = 0;
  while (sent < lines.length) {
    const due = Math.min(lines.length, Math.floor(((performance.now() - startedAt) / 1000) * RATE));
    while (sent < due) {
      const partition = sent % PARTITIONS;
      const size = Math.min(due - sent, 2000);
      const batch = lines.slice(sent, sent + size);
      const t = performance.now();
      const messages: IncomingMessage[] = batch.map((line, i) => ({
        topic: 'bench',
        partition,
        offset: String(offsets[partition]++),
        key: Buffer.from(line.slice(line.indexOf('User_id : ') + 10, line.indexOf(' -- Action'))),
        value: null,
        timestamp: String(Date.now()),
        headers: { 'kll.line': String(sent + i + 1), 'kll.src': 'bench' },
      }));
      session.model.addBatch({ topic: 'bench', partition, messages, lines: batch });
      const took = performance.now() - t;
      hostMs += took;
      worstBatchMs = Math.max(worstBatchMs, took);
      sent += size;
    }
    await new Promise((resolve) => setTimeout(resolve, TICK_MS));
  }
  return { hostMs, worstBatchMs, seconds: (performance.now() - startedAt) / 1000 };
}

async function main(): Promise<void> {
  const total = RATE * SECONDS;
  const lines = syntheticLines(total);
  const session = new DashboardSession(
    {
      topic: 'bench',
      brokers: ['127.0.0.1:9092'],
      from: { kind: 'beginning' },
      format: 'auto',
      produced: { file: 'web.log', acked: total, sourceId: 'bench' },
    },
    CAPACITY,
    async () => {
      throw new Error('the benchmark feeds the model directly');
    },
    () => undefined,
  );
  session.model.setPhase('consuming');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const harness = await openHarness(browser, session);
    const { page } = harness;
    const cdp = await page.context().newCDPSession(page);
    const before = await pageMetrics(page, cdp);
    console.log(
      `[bench] page ready: heap ${mb(before.heapUsed)}, ${before.domNodes} DOM nodes, longest task while loading ${ms(before.longestTaskMs)}`,
    );

    const feedStart = await pageNow(page);
    const streaming = measureFrames(page, SECONDS * 1000);
    const fed = await feed(session, lines);
    const streamFrames = await streaming;
    await new Promise((resolve) => setTimeout(resolve, 500)); // the last update lands
    const afterFeed = await pageMetrics(page, cdp, feedStart);
    const hostHeap = process.memoryUsage().heapUsed;

    const scrollStart = await pageNow(page);
    const scroll = await scrollThroughList(page, 5000);
    const afterScroll = await pageMetrics(page, cdp, feedStart);
    const scrollTasks = await pageMetrics(page, cdp, scrollStart);
    const state = session.model.live(false);

    console.log('');
    console.log(`Dashboard webview benchmark (Chromium ${browser.version()}, headless, outside VS Code)`);
    console.log(
      `  fed:                 ${fed.seconds.toFixed(1)} s, ${state.messages.toLocaleString('en-US')} messages (${Math.round(state.messages / fed.seconds).toLocaleString('en-US')}/s), ring buffer ${state.list.buffered.toLocaleString('en-US')} of ${state.list.capacity.toLocaleString('en-US')}`,
    );
    console.log(`  updates received:    ${afterFeed.updates} (${(afterFeed.updates / fed.seconds).toFixed(1)}/s)`);
    console.log(
      `  longest task:        ${ms(afterScroll.longestTaskMs)} (tasks over 50 ms: ${afterScroll.longTasks}); while streaming ${ms(afterFeed.longestTaskMs)}, while scrolling ${ms(scrollTasks.longestTaskMs)}`,
    );
    console.log(`  while streaming:     ${fps(streamFrames)}`);
    const worst = afterScroll.worstFrame;
    if (worst)
      console.log(
        `  longest frame:       ${ms(worst.duration)}, of which scripts ${ms(worst.scriptMs)}${worst.scripts.length ? ` (${worst.scripts.join('; ')})` : ''}`,
      );
    console.log(
      `  while scrolling:     ${fps(scroll.frames)} over ${scroll.rowsTravelled.toLocaleString('en-US')} rows`,
    );
    console.log(
      `  rows not yet loaded: ${(scroll.loadingShare.steady * 100).toFixed(1)}% per frame scrolling 30 rows/frame, ${(scroll.loadingShare.drag * 100).toFixed(1)}% dragging the scrollbar end to end`,
    );
    console.log(`  jump to a row:       rows filled after ${ms(scroll.jumpFillMs)} (median of ${scroll.jumps} jumps)`);
    console.log(
      `  page JS heap:        ${mb(afterFeed.heapUsed)} after streaming, ${mb(afterScroll.heapUsed)} after scrolling (after GC)`,
    );
    console.log(`  DOM nodes:           ${afterScroll.domNodes} (list rows in the DOM: ${afterScroll.rowElements})`);
    console.log(
      `  CSP violations:      ${afterScroll.cspViolations.length}${afterScroll.cspViolations.length ? ` (${afterScroll.cspViolations.slice(0, 3).join('; ')})` : ''}`,
    );
    console.log(
      `  host pipeline:       ${((fed.hostMs * 1000) / state.messages).toFixed(2)} µs/message, longest batch ${ms(fed.worstBatchMs)}, Node heap ${mb(hostHeap)}`,
    );
    await harness.close();
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
