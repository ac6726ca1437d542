// Smoke run in a real VS Code (code-server + Chromium), the way a person starts: open the Kafka
// view, produce a generated web log with "Produce This File to Kafka", open the dashboard from
// the summary and see every message counted. `--narrow` then shrinks the editor area to 700 px
// (today's VS Code opens its chat side panel by default) and checks that the dashboard and the
// Consumer Group Lab stay unclipped and that the UI toolkit's controls render and take keyboard
// focus; screenshots go to test-results/screenshots/narrow-*.png.
//
//   KLL_VSCODE=min|current node scripts/vscode/ui-smoke.mjs [--no-build] [--narrow]
// Without KLL_TEST_BROKERS it starts a local broker and stops it afterwards.
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
  vscodeFlavour,
  workbenchUrl,
} from './codeServer.mjs';
import { narrowLayoutChecks } from './narrowLayout.mjs';
import { runCommand, answerQuickPick, appears, openKafkaView } from './workbench.mjs';

const log = logger(`ui-smoke ${vscodeFlavour}`);
const cli = (...args) =>
  execFileSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), ...args], { cwd: repoRoot, encoding: 'utf8' });
const checks = createChecks(log);
const { check } = checks;
const SMOKE_PORT = 19494;

/** The visible dashboard webview's document. */
const dashboardFrame = (page) => page.frameLocator('iframe.webview >> visible=true').frameLocator('#active-frame');

async function waitForMessages(frame, count, timeout = 120000) {
  const started = Date.now();
  while (Date.now() - started < timeout) {
    const text = await frame
      .locator('[data-stat="counter.messages"]')
      .textContent({ timeout: 5000 })
      .catch(() => '');
    if (Number((text ?? '').replace(/[^\d]/g, '')) >= count) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

async function produceAndOpenDashboard(page, file, topic, expected) {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').fill(path.basename(file));
  await page.waitForTimeout(800);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(1000);
  await runCommand(page, 'Kafka Log Lab: Produce This File to Kafka');
  await answerQuickPick(page, path.basename(file));
  await answerQuickPick(page, topic);
  await answerQuickPick(page); // format: detected
  await answerQuickPick(page); // values: raw
  const open = page.locator('.notifications-toasts .monaco-button', { hasText: 'Open Dashboard' });
  check(await appears(open, 120000), 'producing the file ends with an "Open Dashboard" summary');
  await open.first().click();
  check(
    await waitForMessages(dashboardFrame(page), expected.messages),
    `the dashboard counts all ${expected.messages} messages produced`,
  );
}

async function main() {
  requireTools();
  if (!process.argv.includes('--no-build'))
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  let brokers = process.env.KLL_TEST_BROKERS;
  let ownBroker;
  const sandbox = createSandbox('kll-ui-smoke-');
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
      ownBroker = SMOKE_PORT;
      brokers = JSON.parse(cli('broker', 'start', '--engine', 'jvm', '--port', String(ownBroker), '--json')).bootstrap;
    }
    const file = path.join(sandbox.workspace, 'logs', 'web.log');
    fs.mkdirSync(path.dirname(file));
    cli('generate', '--format', 'web', '--out', file, '--users', '200', '--seed', 'smoke');
    const expected = JSON.parse(cli('stats', file, '--json'));
    const topic = `smoke_${vscodeFlavour}_${Date.now().toString(36)}`;
    addUserSettings(sandbox, localClusterSettings(brokers));
    server = await startCodeServer(sandbox, sandboxEnv(sandbox));
    log(`code-server pid ${server.pid} on ${server.host}`);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${server.host}${repoRoot}`],
      ['skipWelcome', 'true'],
    ];
    // The first load of the workbench can take a minute on a busy 2-core machine.
    await page.goto(workbenchUrl(server.host, sandbox.workspace, payload), { timeout: 180000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await page.waitForTimeout(4000); // the extension host starts and activates
    log(`VS Code ${await page.evaluate(() => document.title)}`);
    await openKafkaView(page, check);
    await produceAndOpenDashboard(page, file, topic, expected);
    if (process.argv.includes('--narrow')) await narrowLayoutChecks(page, { check, log, topic: `${topic}_lab` });
  } catch (e) {
    await page?.screenshot({ path: path.join(repoRoot, 'test-results/screenshots/ui-smoke-failure.png') });
    throw e;
  } finally {
    await cleanup();
  }
  keepSandboxOnFailure(sandbox, checks, log);
}

await runChecks(main, checks, log);
