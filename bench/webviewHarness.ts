// The dashboard webview outside VS Code: the built bundle (dist/webview) served on 127.0.0.1
// under the same document and Content-Security-Policy the extension uses, in headless
// Chromium, with `acquireVsCodeApi` stubbed so that the page talks the real protocol to a
// real DashboardController (behind the same webview channel as in the extension) in this
// process. Also used by the screenshot script's fallback.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DashboardController } from '../src/host/dashboard/dashboardController';
import { DASHBOARD_PAGE } from '../src/host/dashboard/dashboardPage';
import type { DashboardSession } from '../src/host/dashboard/dashboardSession';
import { parseWebviewMessage } from '../src/host/dashboard/webviewMessages';
import { WebviewChannel } from '../src/host/webview/webviewChannel';
import { createNonce, webviewHtml } from '../src/host/webview/webviewDocument';
import type { DashboardProtocol } from '../src/shared/protocol';

const repoRoot = path.resolve(__dirname, '../..');
const webviewDir = path.join(repoRoot, 'dist/webview');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Harness {
  page: Page;
  controller: DashboardController;
  close(): Promise<void>;
}

/** Serves the dashboard document and the two bundle files, nothing else. */
async function serveWebview(theme: string): Promise<{ url: string; server: http.Server }> {
  const files = [`${DASHBOARD_PAGE.bundle}.js`, `${DASHBOARD_PAGE.bundle}.css`];
  for (const file of files) {
    if (!fs.existsSync(path.join(webviewDir, file)))
      throw new Error(`dist/webview/${file} is missing: run node scripts/build.mjs`);
  }
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  server.on('request', (req, res) => {
    const name = req.url === '/' ? '' : path.basename(req.url ?? '');
    if (name === '') {
      const html = webviewHtml(DASHBOARD_PAGE, {
        cspSource: origin,
        scriptUri: `${origin}/${files[0]}`,
        styleUri: `${origin}/${files[1]}`,
        nonce: createNonce(),
        title: 'Dashboard',
      });
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(html.replace('<body>', `<body class="${theme}">`));
    } else if (files.includes(name)) {
      res.writeHead(200, { 'content-type': name.endsWith('.js') ? 'text/javascript' : 'text/css' });
      fs.createReadStream(path.join(webviewDir, name)).pipe(res);
    } else {
      res.writeHead(404).end();
    }
  });
  return { url: `${origin}/`, server };
}

/** Installed before the page's own scripts: the VS Code API stub and the measurements. */
function pageInstrumentation(): void {
  const w = window as unknown as Record<string, unknown> & { __kllPost(m: unknown): void };
  const perf = {
    longTasks: [] as Array<{ start: number; duration: number }>,
    longFrames: [] as Array<{ start: number; duration: number; blocking: number; scriptMs: number; scripts: string[] }>,
    cspViolations: [] as string[],
    updates: 0,
  };
  w.__kllPerf = perf;
  window.addEventListener('message', (e) => {
    if ((e.data as { type?: string } | null)?.type === 'update') perf.updates++;
  });
  let state: unknown;
  w.acquireVsCodeApi = () => ({
    postMessage: (m: unknown) => w.__kllPost(m),
    getState: () => state,
    setState: (s: unknown) => (state = s),
  });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) perf.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Long animation frames say which script ran in a long frame (or that none did: the thread was starved).
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as unknown as Array<
      PerformanceEntry & { blockingDuration: number; scripts: Array<{ invoker: string; duration: number }> }
    >) {
      perf.longFrames.push({
        start: e.startTime,
        duration: e.duration,
        blocking: e.blockingDuration,
        scriptMs: e.scripts.reduce((sum, x) => sum + x.duration, 0),
        scripts: e.scripts.map((x) => `${x.invoker} ${Math.round(x.duration)} ms`),
      });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
  document.addEventListener('securitypolicyviolation', (e) =>
    perf.cspViolations.push(
      `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`,
    ),
  );
}

export async function openHarness(
  browser: Browser,
  session: DashboardSession,
  options: { theme?: string; width?: number; height?: number } = {},
): Promise<Harness> {
  const { url, server } = await serveWebview(options.theme ?? 'vscode-dark');
  const page = await browser.newPage({ viewport: { width: options.width ?? 1400, height: options.height ?? 1000 } });
  // The host's posts arrive as window messages, as in VS Code; CDP keeps them in order.
  const channel = new WebviewChannel<DashboardProtocol>({
    name: 'dashboard',
    parse: parseWebviewMessage,
    post: (message) => void page.evaluate((m) => window.postMessage(m, '*'), message).catch(() => undefined),
    visible: () => true,
    warn: (line) => console.warn(line),
  });
  const controller = new DashboardController(session, {
    webview: channel,
    exportListed: async () => undefined,
    copy: async () => undefined,
    startLocalBroker: async () => undefined,
  });
  channel.serve(controller);
  await page.exposeFunction('__kllPost', (m: unknown) => void channel.receive(m));
  await page.addInitScript(pageInstrumentation);
  controller.start();
  await page.goto(url);
  await page.locator('main[aria-busy="false"]').waitFor({ timeout: 30000 });
  return {
    page,
    controller,
    close: async () => {
      controller.stop();
      channel.close();
      await page.close().catch(() => undefined);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
