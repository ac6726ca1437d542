// Live traffic in a real VS Code (code-server + Chromium), used the way a person uses it:
// "Kafka Log Lab: Start Live Traffic…" from the palette with its ready defaults (events, 5
// lines/s, logs/live-events.log) onto a new topic, the dashboard it opens counting up, the
// status-bar item and its menu, then Stop from that menu. Screenshots in dark and light go to
// test-results/screenshots/live-*.png.
//
//   node scripts/vscode/screenshots-live.mjs [--no-build] [--brokers HOST:PORT]
// Without --brokers (or KLL_TEST_BROKERS) it starts a local broker and stops it afterwards.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  addUserSettings,
  createChecks,
  createSandbox,
  keepSandboxOnFailure,
  launchChromium,
  logger,
  onInterrupt,
  repoRoot,
  requireTools,
  runChecks,
  sandboxEnv,
  startCodeServer,
  workbenchUrl,
} from './codeServer.mjs';
import { answerQuickPick, pickColorTheme, runCommand } from './workbench.mjs';

const log = logger('live-ui');
const shots = path.join(repoRoot, 'test-results/screenshots');
const cli = (...args) =>
  execFileSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), ...args], { cwd: repoRoot, encoding: 'utf8' });
const argValue = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const THEMES = {
  dark: { label: 'Dark Modern', workbench: 'vs-dark' },
  light: { label: 'Light Modern', workbench: 'vs' },
};
const checks = createChecks(log);
const { check } = checks;
const numberIn = (text) => Number((/-?[\d,]+(?:\.\d+)?/.exec(text ?? '')?.[0] ?? 'NaN').replace(/,/g, ''));
const dashboardFrame = (page) => page.frameLocator('iframe.webview >> visible=true').frameLocator('#active-frame');
const statusItem = (page) => page.locator('.statusbar-item', { hasText: 'Live:' }).first();

async function messagesOnScreen(page) {
  const text = await dashboardFrame(page)
    .locator('[data-stat="counter.messages"]')
    .textContent({ timeout: 5000 })
    .catch(() => '');
  return numberIn(text);
}

async function waitForMessages(page, atLeast, timeout = 90000) {
  const started = Date.now();
  let n = NaN;
  while (Date.now() - started < timeout) {
    n = await messagesOnScreen(page);
    if (n >= atLeast) return n;
    await page.waitForTimeout(500);
  }
  return n;
}

async function shoot(page, name) {
  await page.mouse.move(5, 500);
  await page.waitForTimeout(1500); // charts redraw on the next frames
  const file = path.join(shots, name);
  await page.screenshot({ path: file });
  log('screenshot:', path.relative(repoRoot, file));
}

/** The palette command with its defaults, a new topic typed into the topic question. */
async function startLiveTraffic(page, topic) {
  await runCommand(page, 'Kafka Log Lab: Start Live Traffic…');
  await answerQuickPick(page); // format: Product events
  await answerQuickPick(page); // rate: 5
  await answerQuickPick(page); // file: logs/live-events.log
  await answerQuickPick(page, topic);
}

async function checkLiveRun(page, sandbox, topic) {
  const item = statusItem(page);
  await item.waitFor({ timeout: 60000 });
  const text = (await item.textContent()).trim();
  check(text.includes(`Live: 5 lines/s → ${topic}`), `status bar shows "${text}"`);
  const file = path.join(sandbox.workspace, 'logs', 'live-events.log');
  check(fs.existsSync(file), 'the default file logs/live-events.log grows in the workspace');
  const first = await waitForMessages(page, 1);
  check(first >= 1, `the dashboard counts live messages (${first})`);
  const later = await waitForMessages(page, first + 10, 30000);
  check(later >= first + 10, `the count rises: ${first} then ${later}`);
}

async function stopFromMenu(page, sandbox) {
  await statusItem(page).click();
  await answerQuickPick(page, 'Stop');
  const done = page.locator('.notifications-toasts', { hasText: 'Live traffic stopped' });
  await done.first().waitFor({ timeout: 30000 });
  const text = await done.first().textContent();
  const [written, delivered] = [/([\d,]+) lines written/, /([\d,]+) delivered/].map((r) => numberIn(r.exec(text)?.[1]));
  const lines = fs.readFileSync(path.join(sandbox.workspace, 'logs', 'live-events.log'), 'utf8').split('\n').length - 1;
  check(written === lines && delivered === lines, `stop reports ${written} written, ${delivered} delivered (${lines})`);
  check((await statusItem(page).count()) === 0, 'the status-bar item is gone after the stop');
}

async function main() {
  requireTools();
  if (!process.argv.includes('--no-build'))
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  fs.mkdirSync(shots, { recursive: true });
  let brokers = argValue('--brokers') ?? process.env.KLL_TEST_BROKERS;
  let ownBroker;
  const sandbox = createSandbox('kll-live-ui-');
  let server;
  let browser;
  let page;
  const cleanup = async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    if (ownBroker) cli('broker', 'stop', '--port', String(ownBroker));
  };
  onInterrupt(cleanup);
  try {
    if (!brokers) {
      ownBroker = 19394;
      brokers = JSON.parse(cli('broker', 'start', '--engine', 'jvm', '--port', String(ownBroker), '--json')).bootstrap;
    }
    const topic = `live_events_${Date.now().toString(36)}`;
    addUserSettings(sandbox, {
      'kafkaLogLab.clusters': [{ name: 'local', bootstrapServers: brokers }],
      'kafkaLogLab.activeCluster': 'local',
      'window.commandCenter': false,
    });
    server = await startCodeServer(sandbox, sandboxEnv(sandbox));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${server.host}${repoRoot}`],
      ['skipWelcome', 'true'],
    ];
    await page.goto(workbenchUrl(server.host, sandbox.workspace, payload), { timeout: 180000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await page.waitForTimeout(4000); // extensions activate
    await pickColorTheme(page, THEMES.dark);
    await startLiveTraffic(page, topic);
    await checkLiveRun(page, sandbox, topic);
    await page.keyboard.press('Control+B'); // the side bar away: the dashboard gets the width
    await page.waitForTimeout(5000);
    await shoot(page, 'live-dashboard-dark.png');
    await pickColorTheme(page, THEMES.light);
    await page.waitForTimeout(3000);
    await shoot(page, 'live-dashboard-light.png');
    await statusItem(page).click();
    await page.locator('.quick-input-widget:visible').waitFor({ timeout: 15000 });
    await shoot(page, 'live-menu-light.png');
    await page.keyboard.press('Escape');
    await stopFromMenu(page, sandbox);
  } catch (e) {
    await page?.screenshot({ path: path.join(shots, 'live-failure.png') }).catch(() => {});
    throw e;
  } finally {
    await cleanup();
  }
  keepSandboxOnFailure(sandbox, checks, log);
}

await runChecks(main, checks, log);
