// Measurements taken inside the benchmark page: frame rate, the page's own long-task log,
// heap (after a forced GC, through the DevTools protocol) and DOM size, and a scroll run
// through the virtualized list.
import type { CDPSession, Page } from 'playwright-core';

export interface FrameStats {
  frames: number;
  fps: number;
  p95FrameMs: number;
  worstFrameMs: number;
}

export interface PageMetrics {
  heapUsed: number;
  domNodes: number;
  rowElements: number;
  longestTaskMs: number;
  longTasks: number;
  updates: number;
  cspViolations: string[];
  /** The longest animation frame after `sinceMs` and the time scripts took in it. */
  worstFrame?: { duration: number; scriptMs: number; scripts: string[] };
}

/** Counts animation frames for `durationMs` (runs alongside whatever else happens). */
export function measureFrames(page: Page, durationMs: number): Promise<FrameStats> {
  return page.evaluate(
    (duration) =>
      new Promise<FrameStats>((resolve) => {
        const gaps: number[] = [];
        const start = performance.now();
        let last = start;
        const step = (now: number) => {
          gaps.push(now - last);
          last = now;
          if (now - start < duration) requestAnimationFrame(step);
          else {
            gaps.sort((a, b) => a - b);
            resolve({
              frames: gaps.length,
              fps: (gaps.length * 1000) / (now - start),
              p95FrameMs: gaps[Math.floor(gaps.length * 0.95)] ?? 0,
              worstFrameMs: gaps[gaps.length - 1] ?? 0,
            });
          }
        };
        requestAnimationFrame(step);
      }),
    durationMs,
  );
}

/** The page's clock, to count only the long tasks after a point (not the page load). */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

export async function pageMetrics(page: Page, cdp: CDPSession, sinceMs = 0): Promise<PageMetrics> {
  // Read the long tasks before forcing a collection: the forced GC is a long task of its own.
  const counts = await page.evaluate((since) => {
    type Frame = { start: number; duration: number; scriptMs: number; scripts: string[] };
    const perf = (
      window as unknown as {
        __kllPerf: {
          longTasks: Array<{ start: number; duration: number }>;
          longFrames: Frame[];
          cspViolations: string[];
          updates: number;
        };
      }
    ).__kllPerf;
    const tasks = perf.longTasks.filter((t) => t.start >= since);
    const frames = perf.longFrames.filter((f) => f.start >= since).sort((a, b) => b.duration - a.duration);
    return {
      domNodes: document.getElementsByTagName('*').length,
      rowElements: document.querySelectorAll('.row').length,
      longestTaskMs: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
      longTasks: tasks.length,
      updates: perf.updates,
      cspViolations: perf.cspViolations,
      worstFrame: frames[0] && {
        duration: frames[0].duration,
        scriptMs: frames[0].scriptMs,
        scripts: frames[0].scripts.slice(0, 4),
      },
    };
  }, sinceMs);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  return { heapUsed: heap.usedSize, ...counts };
}

export interface ScrollResult {
  frames: FrameStats;
  rowsTravelled: number;
  /**
   * Share of visible rows per frame still waiting for their data from the host: steady scrolling,
   * then dragging the scrollbar.
   */
  loadingShare: { steady: number; drag: number };
  jumpFillMs: number;
  jumps: number;
}

/**
 * Half the time scrolls steadily (30 rows a frame, a fast flick), half drags the scrollbar
 * from top to bottom of the whole list; then jumps to random rows and times until they show.
 */
export function scrollThroughList(page: Page, durationMs: number): Promise<ScrollResult> {
  return page.evaluate(
    (duration) =>
      new Promise<ScrollResult>((resolve) => {
        const viewport = document.querySelector<HTMLElement>('.list-viewport')!;
        const rowsShown = () => Array.from(document.querySelectorAll<HTMLElement>('.row')).filter((r) => !r.hidden);
        const gaps: number[] = [];
        const loading = { steady: [0, 0], drag: [0, 0] };
        let rowsTravelled = 0;
        const maxScroll = viewport.scrollHeight - viewport.clientHeight;
        const rowsPerPixel =
          Number(document.querySelector<HTMLElement>('[aria-rowcount]')!.getAttribute('aria-rowcount')) /
          Math.max(1, viewport.scrollHeight);
        viewport.scrollTop = 0;
        const start = performance.now();
        let last = start;
        const step = (now: number) => {
          gaps.push(now - last);
          last = now;
          const shown = rowsShown();
          const t = (now - start) / duration;
          const phase = t < 0.5 ? loading.steady : loading.drag;
          phase[0] += shown.length ? shown.filter((r) => r.classList.contains('loading')).length / shown.length : 0;
          phase[1]++;
          const before = viewport.scrollTop;
          if (t < 0.5) viewport.scrollTop = before + 30 / rowsPerPixel;
          else viewport.scrollTop = ((t - 0.5) / 0.5) * maxScroll;
          rowsTravelled += Math.abs(viewport.scrollTop - before) * rowsPerPixel;
          if (t < 1) requestAnimationFrame(step);
          else
            void jumps().then((jumpFillMs) => {
              gaps.sort((a, b) => a - b);
              const frames = {
                frames: gaps.length,
                fps: (gaps.length * 1000) / (now - start),
                p95FrameMs: gaps[Math.floor(gaps.length * 0.95)],
                worstFrameMs: gaps[gaps.length - 1],
              };
              const share = ([sum, n]: number[]) => (n ? sum / n : 0);
              resolve({
                frames,
                rowsTravelled: Math.round(rowsTravelled),
                loadingShare: { steady: share(loading.steady), drag: share(loading.drag) },
                jumpFillMs,
                jumps: 20,
              });
            });
        };
        const nextFrame = () => new Promise<number>((r) => requestAnimationFrame(r));
        async function jumps(): Promise<number> {
          const times: number[] = [];
          for (let i = 0; i < 20; i++) {
            viewport.scrollTop = Math.random() * maxScroll;
            const t0 = performance.now();
            await nextFrame();
            while (rowsShown().some((r) => r.classList.contains('loading')) && performance.now() - t0 < 2000)
              await nextFrame();
            times.push(performance.now() - t0);
          }
          times.sort((a, b) => a - b);
          return times[times.length >> 1];
        }
        requestAnimationFrame(step);
      }),
    durationMs,
  );
}
