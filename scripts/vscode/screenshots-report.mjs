// "Export Lab Report…" in a real VS Code (code-server + Chromium), used the way a person uses
// it: a web log is produced to a topic, the command is run from the palette and its questions
// answered (topic, produced file, default place), then the Markdown preview it opens is checked
// (the report's numbers equal `kafka-log-lab stats`, the charts are shown) and photographed in
// the dark and the light theme into test-results/screenshots/report-preview-{dark,light}.png.
//
//   node scripts/vscode/screenshots-report.mjs [--brokers HOST:PORT]   (build first: scripts/build.mjs)
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
import { answerQuickPick, pickColorTheme, runCommand } from './workbench.mjs';

const log = logger('report-ui');
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

/** The visible preview webview's document. */
const previewFrame = (page) => page.frameLocator('iframe.webview >> visible=true').frameLocator('#active-frame');

async function shoot(page, theme) {
  await pickColorTheme(page, THEMES[theme]);
  await page.waitForTimeout(1500);
  for (const [part, heading] of [
    ['', 'Environment'],
    ['-charts', 'Charts'],
  ]) {
    await previewFrame(page)
      .locator('h2', { hasText: heading })
      .evaluate((e) => e.scrollIntoView());
    await page.waitForTimeout(800);
    const file = path.join(shots, `report-preview${part}-${theme}.png`);
    await page.screenshot({ path: file });
    log('screenshot:', path.relative(repoRoot, file));
  }
}

async function exportFromPalette(page, topic) {
  // On a loaded machine the extension's commands can reach the palette late: look once more.
  await runCommand(page, 'Kafka Log Lab: Export Lab Report…').catch(async () => {
    await page.keyboard.press('Escape');
    await page.waitForTimeout(10000);
    await runCommand(page, 'Kafka Log Lab: Export Lab Report…');
  });
  await answerQuickPick(page, topic);
  await answerQuickPick(page, 'web.log');
  await answerQuickPick(page); // the default place: reports/<topic>-report.md
}

async function checkPreview(page, expected) {
  const frame = previewFrame(page);
  await frame.locator('h1', { hasText: 'Lab report' }).waitFor({ timeout: 120000 });
  const cell = async (label) =>
    frame
      .locator('tr', { has: frame.locator('td', { hasText: new RegExp(`^${label}$`) }) })
      .locator('td')
      .nth(1)
      .textContent();
  const visitors = await cell('unique visitors');
  check(
    Number(visitors.replace(/,/g, '')) === expected.uniqueVisitors,
    `unique visitors ${visitors} = stats ${expected.uniqueVisitors}`,
  );
  const messages = await cell('messages');
  check(Number(messages.replace(/,/g, '')) === expected.messages, `messages ${messages} = stats ${expected.messages}`);
  const images = frame.locator('img');
  check((await images.count()) === 3, 'the preview shows the three charts');
  const loaded = await images.evaluateAll((list) => list.every((img) => img.complete && img.naturalWidth > 0));
  check(loaded, 'every chart image loaded');
  // Keys typed in a webview stay there: give the focus back to the workbench first.
  await page.locator('.tabs-container .tab.active').first().click();
  await page.keyboard.press('Control+B');
}

async function main() {
  requireTools();
  fs.mkdirSync(shots, { recursive: true });
  let brokers = argValue('--brokers') ?? process.env.KLL_TEST_BROKERS;
  let ownBroker;
  const sandbox = createSandbox('kll-report-ui-');
  let server;
  let browser;
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
    const topic = `log_web_${Date.now().toString(36)}`;
    const file = path.join(sandbox.workspace, 'logs', 'web.log');
    fs.mkdirSync(path.dirname(file));
    cli(
      'generate',
      '--format',
      'web',
      '--out',
      file,
      '--users',
      '20',
      '--seed',
      '42',
      '--start',
      '2025-10-16T08:00:00Z',
    );
    cli('topics', 'create', topic, '--partitions', '3', '--brokers', brokers);
    cli('produce', file, '--topic', topic, '--brokers', brokers);
    const expected = JSON.parse(cli('stats', file, '--json'));
    addUserSettings(sandbox, localClusterSettings(brokers));
    server = await startCodeServer(sandbox, sandboxEnv(sandbox));
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${server.host}${repoRoot}`],
      ['skipWelcome', 'true'],
    ];
    await page.goto(workbenchUrl(server.host, sandbox.workspace, payload), { timeout: 180000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await page.waitForTimeout(4000); // extensions activate
    await exportFromPalette(page, topic);
    const report = path.join(sandbox.workspace, 'reports', `${topic}-report.md`);
    await checkPreview(page, expected);
    check(fs.existsSync(report), `the report was written to ${path.relative(sandbox.workspace, report)}`);
    await shoot(page, 'dark');
    await shoot(page, 'light');
  } finally {
    await cleanup();
  }
  keepSandboxOnFailure(sandbox, checks, log);
}

await runChecks(main, checks, log);
