// UI check with screenshots of secured clusters in a real VS Code (code-server + Chromium):
// "Import Cluster from client.properties…" on a right-click of a Confluent-Cloud-style file,
// the password question (the file has none), the imported SASL_SSL cluster in the Kafka view
// with its security tooltip, and the security question of "Add Cluster…". Uses the secured test
// broker (test/integration/support/securedBroker.ts) in --dir DIR, or starts one and stops it.
// Screenshots go to test-results/screenshots/secured-*.png; prints `N passed, N failed` last.
//
//   node scripts/vscode/screenshots-secured.mjs [--no-build] [--dir DIR]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  repoRoot,
  logger,
  requireTools,
  createSandbox,
  sandboxEnv,
  startCodeServer,
  launchChromium,
  workbenchUrl,
  onInterrupt,
  createChecks,
  keepSandboxOnFailure,
  runChecks,
} from './codeServer.mjs';
import { appears, runCommand } from './workbench.mjs';

const log = logger('screenshots-secured');
const shots = path.join(repoRoot, 'test-results/screenshots');
const checks = createChecks(log);
const { check } = checks;
const node = (...args) => execFileSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' });
const securedScript = path.join(repoRoot, 'out/test/integration/support/securedBroker.js');
const flag = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};

const shoot = async (page, name, clip) => {
  await page.screenshot({ path: path.join(shots, name), clip });
  log('screenshot:', path.relative(repoRoot, path.join(shots, name)));
};

/** The running secured broker of --dir, or a new one (with a stop function). */
function securedBroker() {
  const given = flag('--dir');
  const dir = given ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kll-secured-shots-'));
  const state = path.join(dir, 'secured-broker.json');
  if (given && fs.existsSync(state)) return { info: JSON.parse(fs.readFileSync(state, 'utf8')), stop: () => {} };
  log('starting a secured broker in', dir);
  const info = JSON.parse(node(securedScript, 'start', '--dir', dir).trim().split('\n').pop());
  return { info, stop: () => node(securedScript, 'stop', '--dir', dir) };
}

/** A Confluent-Cloud-style file in the workspace without its password, its CA next to it. */
function workspaceFiles(sandbox, info) {
  fs.copyFileSync(info.certs.caPem, path.join(sandbox.workspace, 'ca.pem'));
  const text = fs
    .readFileSync(info.files.ccPlain, 'utf8')
    .split('\n')
    .filter((l) => !l.startsWith('sasl.password'))
    .map((l) => (l.startsWith('ssl.ca.location') ? 'ssl.ca.location=ca.pem' : l))
    .join('\n');
  fs.writeFileSync(path.join(sandbox.workspace, 'confluent-cloud.properties'), text);
  const sample = path.join(sandbox.workspace, 'web-sample.log');
  node('dist/cli.js', 'generate', '--format', 'web', '--out', sample, '--users', '40', '--seed', 'secured');
  node('dist/cli.js', 'produce', sample, '--topic', 'log_web', '--brokers', info.listeners.plaintext);
}

async function typeAnswer(page, text, password = false) {
  const input = page.locator('.quick-input-widget:visible input');
  await input.waitFor({ timeout: 30000 });
  if (password) check((await input.getAttribute('type')) === 'password', 'the password is asked for in a password box');
  await input.fill(text);
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(600);
}

/** Right-clicks the file until the menu has the import (contributions load after the window). */
async function importMenuItem(page) {
  await page.keyboard.press('Control+Shift+E');
  const file = page
    .locator('.explorer-folders-view .monaco-list-row', { hasText: 'confluent-cloud.properties' })
    .first();
  await file.waitFor({ timeout: 30000 });
  const item = page.locator('.context-view .action-item', { hasText: 'Import Cluster from client.properties' }).first();
  for (let attempt = 0; attempt < 8; attempt++) {
    await file.click({ button: 'right' });
    if (await appears(item, 5000)) return item;
    await page.keyboard.press('Escape');
    await page.waitForTimeout(5000);
  }
  await shoot(page, 'secured-import-menu-missing.png');
  return undefined;
}

async function importFromExplorer(page, info) {
  const item = await importMenuItem(page);
  check(item !== undefined, 'the Explorer context menu of a .properties file offers the import');
  if (!item) return;
  await item.hover();
  await page.waitForTimeout(400);
  await shoot(page, 'secured-import-menu.png', { x: 0, y: 0, width: 700, height: 560 });
  await item.click();
  const name = page.locator('.quick-input-widget:visible', { hasText: 'A name for the cluster' });
  check(await appears(name), 'the import asks for a name');
  await typeAnswer(page, 'confluent-lab');
  const password = page.locator('.quick-input-widget:visible', { hasText: 'has no password' });
  check(await appears(password), 'the import asks for the password the file leaves out');
  await page.locator('.quick-input-widget:visible input').fill(info.users.plain.password);
  await shoot(page, 'secured-import-password.png', { x: 200, y: 0, width: 880, height: 200 });
  await typeAnswer(page, info.users.plain.password, true);
}

/** Drags the sash right of the sidebar so the rows' descriptions fit in the picture. */
async function widenSidebar(page, width) {
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  const sashes = page.locator('.monaco-sash.vertical');
  for (let i = 0; i < (await sashes.count()); i++) {
    const box = await sashes.nth(i).boundingBox();
    if (!box || Math.abs(box.x + box.width / 2 - (sidebar.x + sidebar.width)) > 6) continue;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(sidebar.x + width, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    return;
  }
}

async function securedClusterInTree(page) {
  await page.locator('.activitybar [aria-label^="Kafka Log Lab"]').first().click({ timeout: 30000 });
  await widenSidebar(page, 520);
  const cluster = page.locator('.sidebar .monaco-list-row', { hasText: 'confluent-lab' }).first();
  check(await appears(cluster, 60000), 'the Kafka view lists the imported cluster');
  const topics = page.locator('.sidebar .monaco-list-row', { hasText: /^Topics/ }).first();
  check(await appears(topics, 60000), 'the imported cluster answers with its folders');
  await topics.click();
  check(
    await appears(page.locator('.sidebar .monaco-list-row', { hasText: 'log_web' }), 60000),
    'its topics are listed',
  );
  await cluster.locator('.label-name').hover();
  await page.mouse.move(140, 82, { steps: 4 });
  const tooltip = page.locator('.monaco-hover, .workbench-hover', { hasText: 'SASL_SSL · PLAIN' });
  check(await appears(tooltip, 15000), 'the cluster tooltip says "SASL_SSL · PLAIN · CA: ca.pem"');
  await page.waitForTimeout(500);
  await shoot(page, 'secured-cluster-tree.png', { x: 0, y: 0, width: 760, height: 300 });
}

async function addClusterSecurityQuestion(page, info) {
  await page.mouse.move(900, 600);
  await runCommand(page, 'Kafka Log Lab: Add Cluster…');
  await typeAnswer(page, info.listeners.saslSsl);
  await typeAnswer(page, 'company-cluster');
  const pick = page.locator('.quick-input-widget:visible', { hasText: 'Add Cluster: security' });
  check(await appears(pick), 'Add Cluster asks for the security protocol');
  check(
    await appears(pick.locator('.quick-input-list .monaco-list-row', { hasText: 'SASL_SSL' })),
    'it offers SASL_SSL',
  );
  check(
    await appears(pick.locator('.codicon-quick-input-back, [title^="Back"], [aria-label^="Back"]'), 5000),
    'the question has a Back button',
  );
  await page.waitForTimeout(400);
  await shoot(page, 'secured-add-cluster.png', { x: 200, y: 0, width: 880, height: 300 });
  await page.keyboard.press('Escape');
}

async function main() {
  requireTools();
  fs.mkdirSync(shots, { recursive: true });
  if (!process.argv.includes('--no-build')) node('scripts/build.mjs');
  const sandbox = createSandbox('kll-secured-shots-', { 'workbench.colorTheme': 'Default Dark Modern' });
  let server;
  let browser;
  let broker;
  const cleanup = async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    broker?.stop();
  };
  onInterrupt(cleanup);
  try {
    broker = securedBroker();
    workspaceFiles(sandbox, broker.info);
    server = await startCodeServer(sandbox, sandboxEnv(sandbox));
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${server.host}${repoRoot}`],
      ['skipWelcome', 'true'],
    ];
    await page.goto(workbenchUrl(server.host, sandbox.workspace, payload), { timeout: 180000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 120000 });
    await page.waitForTimeout(4000); // extensions activate
    await importFromExplorer(page, broker.info);
    await securedClusterInTree(page);
    await addClusterSecurityQuestion(page, broker.info);
  } finally {
    await cleanup();
  }
  keepSandboxOnFailure(sandbox, checks, log);
}

await runChecks(main, checks, log);
