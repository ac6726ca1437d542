// The dashboard under a broker outage, in a real VS Code: a dashboard counts a produced web log,
// the broker is stopped under it, and the view must say so (Reconnecting…, then Disconnected
// with the numbers kept and marked stale) within seconds; the broker is started again on the
// same data and the view must come back Live by itself with the same count. Then the crash case:
// the broker is killed (SIGKILL) and restarted. Screenshots of the Disconnected banner in dark
// and light (test-results/screenshots/dashboard-outage-*.png), each with the WCAG contrast check;
// prints `N passed, N failed` last.
//
//   KLL_VSCODE=min|current node scripts/vscode/screenshots-outage.mjs [--no-build]
// It always runs its own broker (it stops it), never the one in KLL_TEST_BROKERS.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  addUserSettings,
  createChecks,
  createSandbox,
  keepSandboxOnFailure,
  launchChromium,
  localClusterSettings,
  logger,
  onInterrupt,
  repoRoot,
  requireTools,
  runChecks,
  sandboxEnv,
  startCodeServer,
  workbenchUrl,
} from './codeServer.mjs';
import { contrastProblems } from './contrastCheck.mjs';
import { answerQuickPick, openKafkaView, pickColorTheme, runCommand } from './workbench.mjs';

const log = logger('outage-ui');
const shots = path.join(repoRoot, 'test-results/screenshots');
const cli = (...args) =>
  execFileSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), ...args], { cwd: repoRoot, encoding: 'utf8' });
const checks = createChecks(log);
const { check } = checks;
const OUTAGE_PORT = 19396;
const TOPIC = 'outage_web';
// What a user is promised: the view tells the truth within seconds (its own thresholds are
// shorter; these leave room for a loaded 2-core machine).
const RECONNECTING_WITHIN_MS = 10000;
const DISCONNECTED_WITHIN_MS = 20000;
const LIVE_AGAIN_WITHIN_MS = 120000;
const THEMES = {
  dark: { label: 'Dark Modern', workbench: 'vs-dark' },
  light: { label: 'Light Modern', workbench: 'vs' },
};
const numberIn = (text) => Number((/-?[\d,]+/.exec(text ?? '')?.[0] ?? 'NaN').replace(/,/g, ''));
const dashboardFrame = (page) => page.frameLocator('iframe.webview >> visible=true').frameLocator('#active-frame');

/** { bootstrap, pid } of a JVM broker on OUTAGE_PORT keeping its data in `dataDir` across restarts. */
function startBroker(dataDir) {
  const args = ['broker', 'start', '--engine', 'jvm', '--port', String(OUTAGE_PORT), '--data-dir', dataDir, '--json'];
  return JSON.parse(cli(...args));
}

/** Milliseconds until `test(frame)` holds, or undefined when it did not within `timeout`. */
async function timeUntil(frame, test, timeout) {
  const started = Date.now();
  while (Date.now() - started < timeout) {
    if (await test(frame).catch(() => false)) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 250));
  }
  return undefined;
}

const connectionIs = (status) => async (frame) =>
  (await frame.locator('[data-stat="connection"]').textContent({ timeout: 2000 })) === status;
const counted = (frame) => frame.locator('[data-stat="counter.messages"]').textContent({ timeout: 2000 });

async function shootBanner(page, theme) {
  await pickColorTheme(page, THEMES[theme]);
  const frame = dashboardFrame(page);
  const lowContrast = await contrastProblems(frame);
  check(lowContrast.length === 0, `${theme}: every text meets WCAG AA contrast ${lowContrast.slice(0, 10).join('; ')}`);
  await page.mouse.move(5, 500);
  await page.waitForTimeout(1000);
  const file = path.join(shots, `dashboard-outage-${theme}.png`);
  await page.screenshot({ path: file });
  log('screenshot:', path.relative(repoRoot, file));
}

async function openDashboard(page, expected) {
  await runCommand(page, 'Kafka Log Lab: Open Dashboard…');
  await answerQuickPick(page, TOPIC);
  const frame = dashboardFrame(page);
  const ms = await timeUntil(frame, async (f) => numberIn(await counted(f)) >= expected, 120000);
  check(ms !== undefined, `the dashboard counts all ${expected} messages`);
  check(await connectionIs('Live')(frame), 'the dashboard says Live while the broker answers');
  await page.keyboard.press('Control+B'); // the side bar away: the dashboard gets the width
  return frame;
}

/** The crash case: SIGKILL, no goodbye to the clients; the view must notice just the same. */
async function killAndReturn(frame, expected, dataDir, pid) {
  process.kill(pid, 'SIGKILL');
  const gone = await timeUntil(frame, connectionIs('Disconnected'), DISCONNECTED_WITHIN_MS);
  check(gone !== undefined, `after a SIGKILL of the broker the view says Disconnected (${gone} ms)`);
  check(numberIn(await counted(frame)) === expected, 'keeping the count from before');
  startBroker(dataDir);
  const live = await timeUntil(frame, connectionIs('Live'), LIVE_AGAIN_WITHIN_MS);
  check(live !== undefined, `and says Live again once the killed broker is restarted (${live} ms)`);
  check(numberIn(await counted(frame)) === expected, 'with the same count');
}

async function outageAndReturn(page, frame, expected, dataDir) {
  cli('broker', 'stop', '--port', String(OUTAGE_PORT));
  const reconnecting = await timeUntil(
    frame,
    async (f) => (await connectionIs('Reconnecting…')(f)) || connectionIs('Disconnected')(f),
    RECONNECTING_WITHIN_MS,
  );
  check(reconnecting !== undefined, `the view leaves Live after the broker stops (${reconnecting} ms)`);
  const disconnected = await timeUntil(frame, connectionIs('Disconnected'), DISCONNECTED_WITHIN_MS);
  check(disconnected !== undefined, `then it says Disconnected (${disconnected} ms after Reconnecting…)`);
  const root = frame.locator('.numbers-stale');
  check((await root.count()) === 1, 'the numbers are marked stale');
  check(numberIn(await counted(frame)) === expected, 'and the count from before is kept');
  check(await frame.locator('.connection-button', { hasText: 'Retry' }).isVisible(), 'Disconnected offers Retry');
  const phase = await frame.locator('.badge.phase').textContent();
  check(phase === 'Waiting for the broker', `the reader's badge says it waits (${phase})`);
  await shootBanner(page, 'dark');
  await shootBanner(page, 'light');
  const restarted = startBroker(dataDir);
  const live = await timeUntil(frame, connectionIs('Live'), LIVE_AGAIN_WITHIN_MS);
  check(live !== undefined, `when the broker is back the view says Live again by itself (${live} ms)`);
  check(numberIn(await counted(frame)) === expected, 'with the same count: nothing re-labelled as missing');
  check((await frame.locator('.numbers-stale').count()) === 0, 'and the numbers are no longer marked stale');
  return restarted.pid;
}

async function main() {
  requireTools();
  if (!process.argv.includes('--no-build'))
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  fs.mkdirSync(shots, { recursive: true });
  const sandbox = createSandbox('kll-outage-ui-');
  const dataDir = path.join(sandbox.dir, 'kafka-data');
  let server;
  let browser;
  let page;
  const cleanup = async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    try {
      cli('broker', 'stop', '--port', String(OUTAGE_PORT));
    } catch {
      // already stopped by the scenario
    }
  };
  onInterrupt(cleanup);
  try {
    const brokers = startBroker(dataDir).bootstrap;
    const file = path.join(sandbox.workspace, 'logs', 'web.log');
    fs.mkdirSync(path.dirname(file));
    cli('generate', '--format', 'web', '--out', file, '--users', '150', '--seed', 'outage');
    const expected = JSON.parse(cli('stats', file, '--json')).messages;
    cli('produce', file, '--topic', TOPIC, '--brokers', brokers, '--json');
    addUserSettings(sandbox, localClusterSettings(brokers));
    server = await startCodeServer(sandbox, sandboxEnv(sandbox));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${server.host}${repoRoot}`],
      ['skipWelcome', 'true'],
    ];
    await page.goto(workbenchUrl(server.host, sandbox.workspace, payload), { timeout: 180000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await openKafkaView(page, check);
    const frame = await openDashboard(page, expected);
    const pid = await outageAndReturn(page, frame, expected, dataDir);
    await killAndReturn(frame, expected, dataDir, pid);
  } catch (e) {
    await page?.screenshot({ path: path.join(shots, 'outage-failure.png') }).catch(() => {});
    throw e;
  } finally {
    await cleanup();
  }
  keepSandboxOnFailure(sandbox, checks, log);
}

await runChecks(main, checks, log);
