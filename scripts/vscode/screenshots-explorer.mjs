// UI check with screenshots of the editor features in a real VS Code (code-server + Chromium):
// the Kafka view with topics and consumer groups expanded, the Explorer's context menu on a
// .log file with "Produce This File to Kafka", the produce progress notification and its
// summary. Starts its own JVM broker (unless --brokers HOST:PORT) and seeds it with the CLI.
// Screenshots go to test-results/screenshots/; prints `N passed, N failed` last.
//
//   node scripts/vscode/screenshots-explorer.mjs [--no-package] [--brokers HOST:PORT]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  repoRoot,
  logger,
  requireTools,
  createSandbox,
  sandboxEnv,
  installVsix,
  startCodeServer,
  launchChromium,
  workbenchUrl,
  onInterrupt,
  createChecks,
  keepSandboxOnFailure,
  runChecks,
} from './codeServer.mjs';
import { seedCluster } from './screenshots-support.mjs';
import { appears, runCommand } from './workbench.mjs';

const log = logger('screenshots');
const shots = path.join(repoRoot, 'test-results/screenshots');
const vsix = path.join(repoRoot, 'dist/kafka-log-lab.vsix');
const flag = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};

const checks = createChecks(log);
const { check } = checks;
/** Saves the window, and with `clip` also a cropped copy (`*-crop.png`) small enough for the README. */
const shoot = async (page, name, clip) => {
  await page.screenshot({ path: path.join(shots, name) });
  log('screenshot:', path.relative(repoRoot, path.join(shots, name)));
  if (clip) await page.screenshot({ path: path.join(shots, name.replace(/\.png$/, '-crop.png')), clip });
};

/** Clicks a tree row of the sidebar by its label (exact text of the label element). */
async function clickRow(page, label, options = {}) {
  const row = page
    .locator('.sidebar .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) })
    .first();
  await row.waitFor({ timeout: 30000 });
  await row.click(options);
  return row;
}

/** Drags the sash right of the sidebar so the rows' descriptions fit in the picture. */
async function widenSidebar(page, width) {
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  const sashes = page.locator('.monaco-sash.vertical');
  for (let i = 0; i < (await sashes.count()); i++) {
    const box = await sashes.nth(i).boundingBox();
    if (!box || Math.abs(box.x + box.width / 2 - (sidebar.x + sidebar.width)) > 6) continue;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.down();
    await page.mouse.move(sidebar.x + width, y, { steps: 8 });
    await page.mouse.up();
    return;
  }
}

async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 15000 });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab', { hasText: name }).first().waitFor({ timeout: 15000 });
}

async function explorerWithTopicsAndGroups(page) {
  await openFile(page, 'web-sample.log');
  check(
    await appears(page.locator('.editor-actions .action-label[aria-label="Produce This File to Kafka"]')),
    'the editor title of a .log file offers "Produce This File to Kafka"',
  );
  await page.locator('.activitybar .action-item [aria-label^="Kafka Log Lab"]').first().click();
  await widenSidebar(page, 560);
  check(
    await appears(page.locator('.sidebar .monaco-list-row', { hasText: 'local' }), 60000),
    'the Kafka view lists the "local" cluster',
  );
  for (const label of ['Topics', 'log_web', 'Consumer groups', 'lab-members']) await clickRow(page, label);
  const member = page.locator('.sidebar .monaco-list-row', { hasText: 'member-a' }).first();
  check(await appears(member), 'the consumer group shows its members');
  await member.click();
  check(
    await appears(page.locator('.sidebar .monaco-list-row', { hasText: /log_web \/ \d.*committed/ })),
    'a member shows its partitions with committed offsets and lag',
  );
  check(
    await appears(page.locator('.sidebar .monaco-list-row', { hasText: /partition 0.*leader/ })),
    'the topic shows its partitions with offsets',
  );
  check(
    await appears(page.locator('.sidebar .monaco-list-row', { hasText: /lab-reports.*Empty.*lag [1-9]/ })),
    'the empty group shows its lag',
  );
  await page.mouse.move(1300, 850);
  await page.waitForTimeout(800);
  await shoot(page, 'explorer-topics-groups.png', { x: 0, y: 0, width: 610, height: 430 });
}

async function openExplorerContextMenu(page, fileName) {
  await page.keyboard.press('Control+Shift+E');
  const folder = page.locator('.explorer-folders-view .monaco-list-row', { hasText: /^logs$/ }).first();
  await folder.waitFor({ timeout: 30000 });
  if ((await folder.getAttribute('aria-expanded')) !== 'true') await folder.click();
  const file = page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).first();
  await file.waitFor({ timeout: 30000 });
  await file.click({ button: 'right' });
  const item = page.locator('.context-view .action-item', { hasText: 'Produce This File to Kafka' }).first();
  return item;
}

async function produceFromContextMenu(page) {
  const item = await openExplorerContextMenu(page, 'web-sample.log');
  check(await appears(item, 15000), 'the Explorer context menu of a .log file offers "Produce This File to Kafka"');
  await item.hover();
  await page.waitForTimeout(400);
  await shoot(page, 'explorer-context-menu.png', { x: 0, y: 0, width: 700, height: 630 });
  await page.keyboard.press('Escape');

  // Pick the menu item the way a keyboard user does (hover focuses it, Enter runs it).
  const big = await openExplorerContextMenu(page, 'web-large.log');
  await big.hover();
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  const quickInput = page.locator('.quick-input-widget .quick-input-list');
  check(
    await appears(quickInput.locator('.monaco-list-row', { hasText: 'log_web' })),
    'the topic pick suggests log_web',
  );
  await page.keyboard.press('Enter');
  check(
    await appears(quickInput.locator('.monaco-list-row', { hasText: 'detected' })),
    'the format pick shows the detected format',
  );
  await page.keyboard.press('Enter');
  check(
    await appears(quickInput.locator('.monaco-list-row', { hasText: 'Raw lines' })),
    'the value pick offers raw lines and JSON',
  );
  await page.keyboard.press('Enter');
  const progress = page.locator('.notifications-toasts .notification-toast', {
    hasText: /Producing web-large\.log to log_web/,
  });
  check(await appears(progress, 20000), 'a progress notification shows the produce');
  check(
    await appears(progress.locator('.monaco-progress-container'), 5000),
    'the progress notification has a progress bar',
  );
  await appears(progress.getByText(/lines\/s/), 15000);
  await shoot(page, 'produce-progress.png');
  const summary = page.locator('.notifications-toasts .notification-toast', { hasText: /lines delivered to log_web/ });
  check(await appears(summary, 180000), 'a summary notification reports the delivered lines');
  check(await appears(summary.locator('.monaco-button', { hasText: 'Verify' })), 'the summary offers "Verify"');
  check(
    await appears(summary.locator('.monaco-button', { hasText: 'Open Dashboard' })),
    'the summary offers "Open Dashboard"',
  );
  await page.mouse.move(700, 400);
  await page.waitForTimeout(500);
  await shoot(page, 'produce-summary.png', { x: 600, y: 560, width: 680, height: 240 });
  log('summary:', await summary.first().innerText());
}

async function openWalkthrough(page) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>Welcome: Open Walkthrough');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Walkthrough' }).first().click();
  const entry = page
    .locator('.quick-input-list .monaco-list-row', { hasText: 'Get Started with Kafka Log Lab' })
    .first();
  check(await appears(entry), 'the walkthrough is listed');
  await entry.click();
}

/**
 * The walkthrough is opened first, as a new user would (VS Code creates its walkthrough service
 * on first use and only sees later events); after the produce, its produce step is ticked.
 */
async function walkthroughAfterProduce(page) {
  await openWalkthrough(page);
  const steps = [
    'Start a local Kafka broker',
    'Generate web logs',
    'Produce the file to Kafka',
    'Open the dashboard',
    'Try the consumer-group lab',
  ];
  for (const step of steps)
    check(
      await appears(page.locator('.getting-started-step', { hasText: step })),
      `the walkthrough has the step "${step}"`,
    );
  const produced = page.locator('.getting-started-step[aria-checked="true"]', { hasText: 'Produce the file to Kafka' });
  check(await appears(produced, 10000), 'the produce step is ticked after a produce');
  await page.waitForTimeout(800);
  await shoot(page, 'walkthrough.png');
}

async function main() {
  requireTools();
  fs.mkdirSync(shots, { recursive: true });
  if (!process.argv.includes('--no-package')) {
    log('packaging the extension (npm run package)');
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: 'inherit' });
  }
  const sandbox = createSandbox('kll-screenshots-');
  const installed = installVsix(sandbox, vsix);
  check(
    installed.listed.some((l) => l.startsWith('kafka-log-lab.kafka-log-lab@')),
    'the .vsix installs into code-server',
  );

  let server;
  let browser;
  let seeded;
  const cleanup = async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    await seeded?.stop();
  };
  onInterrupt(cleanup);
  try {
    seeded = await seedCluster({ brokers: flag('--brokers'), workspace: sandbox.workspace, log });
    const settingsFile = path.join(sandbox.userData, 'User', 'settings.json');
    const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
    settings['kafkaLogLab.clusters'] = [{ name: 'local', bootstrapServers: seeded.brokers }];
    settings['kafkaLogLab.activeCluster'] = 'local';
    settings['workbench.colorTheme'] = 'Default Dark Modern';
    fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 1));

    server = await startCodeServer(sandbox, sandboxEnv(sandbox));
    log(`code-server pid ${server.pid} on ${server.host}`);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(workbenchUrl(server.host, sandbox.workspace));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await openWalkthrough(page);
    // VS Code 1.100 names the walkthrough's tab "Walkthrough: …", today's "Welcome".
    await page
      .locator('.tabs-container .tab', { hasText: /Walkthrough|Welcome/ })
      .first()
      .waitFor({ timeout: 15000 });
    await runCommand(page, 'View: Close All Editors');
    await explorerWithTopicsAndGroups(page);
    await produceFromContextMenu(page);
    await walkthroughAfterProduce(page);
  } finally {
    await cleanup();
  }
  keepSandboxOnFailure(sandbox, checks, log);
}

await runChecks(main, checks, log);
