// The Replication Lab in a real VS Code (code-server + Debian's Chromium), driven the way a user
// drives it: F1 → "Replication Lab…", acks all, min ISR 2; the panel starts a 3-node JVM cluster
// of its own; Kill on the leader of partition 0 (keyboard), Start again, Finish. Screenshots
// before, during and after the kill in the dark and light themes, and one at 760 px, under
// test-results/screenshots/replication-*.png. Prints `N passed, N failed` last.
//
//   node scripts/vscode/screenshots-replication.mjs [--no-build]
//
// The sandbox gets a broker-state folder of its own (the Kafka jars are shared), so the panel
// never picks up, or kills, a cluster another process runs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
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
  sandboxLabCache,
} from './codeServer.mjs';
import { answerQuickPick, appears, pickColorTheme, runCommand } from './workbench.mjs';

const log = logger('replication');
const shots = path.join(repoRoot, 'test-results/screenshots');
const checks = createChecks(log);
const { check } = checks;
const THEMES = {
  dark: { label: 'Dark Modern', workbench: 'vs-dark' },
  light: { label: 'Light Modern', workbench: 'vs' },
};

async function shot(page, name) {
  await page.mouse.move(900, 48);
  await page.waitForTimeout(600);
  const file = path.join(shots, `replication-${name}.png`);
  await page.screenshot({ path: file });
  log('screenshot:', path.relative(repoRoot, file));
}

/** The same moment in both themes (the lab keeps running meanwhile). */
async function bothThemes(page, stage) {
  await shot(page, `${stage}-dark`);
  await pickColorTheme(page, THEMES.light);
  await shot(page, `${stage}-light`);
  await pickColorTheme(page, THEMES.dark);
}

/** A cache folder whose Kafka jars are the user's, with broker state of its own. */
async function drive(page, lab, pids) {
  const brokersUp = lab.locator('.broker:not([data-state="down"])');
  check(await appears(brokersUp.nth(2), 240000), 'three broker cards, all up');
  check(await appears(lab.locator('.subtitle', { hasText: 'producing and consuming' }), 120000), 'the lab runs');
  check(await appears(lab.locator('.partition-row').nth(2).locator('.replica[data-kind="leader"]')), '3 partitions');
  for (const t of await lab.locator('.broker-detail').allInnerTexts())
    pids.push(...[...t.matchAll(/pid (\d+)/g)].map((m) => Number(m[1])));
  await page.waitForTimeout(4000);
  await bothThemes(page, 'before');

  const leader = await lab.locator('.partition-row').first().locator('.replica[data-kind="leader"]').innerText();
  const node = Number(/node (\d+)/.exec(leader)[1]);
  const card = lab.locator(`.broker[data-node="${node}"]`);
  await card.locator('button', { hasText: 'Kill' }).focus();
  await page.keyboard.press('Enter');
  check(await appears(card.locator('.broker-state', { hasText: '○ down' }), 60000), `Kill: node ${node} is down`);
  check(await appears(lab.locator('.replica[data-kind="out"]'), 60000), 'a replica shows ✗ out of sync');
  check(await appears(lab.locator('.event-text', { hasText: 'leader node' }), 60000), 'the timeline shows an election');
  await page.waitForTimeout(3000);
  await bothThemes(page, 'during');

  await card.locator('button', { hasText: 'Start' }).focus();
  await page.keyboard.press('Enter');
  check(await appears(card.locator('.broker-state', { hasText: 'up' }), 180000), `Start: node ${node} is up`);
  const allInSync = async () => (await lab.locator('.replica[data-kind="out"]').count()) === 0;
  for (let i = 0; i < 120 && !(await allInSync()); i++) await page.waitForTimeout(1000);
  check(await allInSync(), 'every replica is back in sync');
  await lab.locator('button', { hasText: 'Finish and account' }).click();
  const lost = lab.locator('.account-row[data-name="lost"] .account-value');
  check(await appears(lost.filter({ hasText: '0 ✓' }), 90000), `final account: lost ${await lost.innerText()}`);
  await bothThemes(page, 'after');
  await page.setViewportSize({ width: 760, height: 1300 });
  await shot(page, 'after-narrow');
}

async function main() {
  requireTools();
  if (!process.argv.includes('--no-build'))
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  const sandbox = createSandbox('kll-replication-');
  let server;
  let browser;
  const pids = [];
  const cleanup = async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    // The panel stops its cluster when it closes; a node left by a crash is ours to end.
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  onInterrupt(cleanup);
  try {
    fs.mkdirSync(shots, { recursive: true });
    server = await startCodeServer(sandbox, sandboxEnv(sandbox, { KAFKA_LOG_LAB_CACHE: sandboxLabCache(sandbox) }));
    log(`code-server pid ${server.pid} on ${server.host}`);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 1300 } });
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${server.host}${repoRoot}`],
      ['skipWelcome', 'true'],
    ];
    await page.goto(workbenchUrl(server.host, sandbox.workspace, payload), { timeout: 180000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await page.waitForTimeout(4000);
    await runCommand(page, 'View: Close Primary Side Bar');
    await pickColorTheme(page, THEMES.dark);
    await runCommand(page, 'Kafka Log Lab: Replication Lab…');
    await answerQuickPick(page, 'all');
    await answerQuickPick(page, '2');
    const lab = page.frameLocator('iframe.webview').frameLocator('#active-frame');
    try {
      check(
        await appears(lab.locator('.notice', { hasText: 'stops the lab and the 3-node cluster' }), 240000),
        'the panel opens and says what closing does',
      );
      await drive(page, lab, pids);
      await runCommand(page, 'View: Close All Editors');
      await page.waitForTimeout(15000);
    } finally {
      if (checks.failed) await shot(page, 'failure');
    }
  } finally {
    await cleanup();
  }
  keepSandboxOnFailure(sandbox, checks, log);
}

await runChecks(main, checks, log);
