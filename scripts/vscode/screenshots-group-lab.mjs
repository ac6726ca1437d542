// The Consumer Group Lab in a real VS Code (code-server + Debian's Chromium), driven the way a
// user drives it: F1 → "Consumer Group Lab…", a new topic, 2 groups of 3; then Produce, a
// Python consumer (python3-confluent-kafka) joining group 1, Stop on a member, Add group, and
// the light theme. Checks what the webview shows and saves screenshots under
// test-results/screenshots/group-lab-*.png. Prints `N passed, N failed` last.
//
//   node scripts/vscode/screenshots-group-lab.mjs [--no-build] [--brokers HOST:PORT]
//
// Without --brokers (or $KLL_TEST_BROKERS) it starts a JVM broker with the CLI and stops it after.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
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
import { contrastProblems } from './contrastCheck.mjs';
import { appears as appearsWithin, pickColorTheme, runCommand } from './workbench.mjs';

/** The group lab waits longer by default: a rebalance takes its time. */
const appears = (locator, timeout = 60000) => appearsWithin(locator, timeout);
const log = logger('group-lab');
const shots = path.join(repoRoot, 'test-results/screenshots');
const cli = path.join(repoRoot, 'dist/cli.js');
const topic = `weblogs-lab-${Date.now().toString(36)}`;
const argValue = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};

const checks = createChecks(log);
const { check } = checks;

function startBroker() {
  const r = spawnSync(process.execPath, [cli, 'broker', 'start', '--engine', 'jvm', '--json'], { encoding: 'utf8' });
  const started = JSON.parse(r.stdout.trim().split('\n').pop() ?? 'null');
  if (!started?.bootstrap) throw new Error(`could not start a broker: ${r.stderr}`);
  return started;
}

// Labels in the theme picker, and the class the workbench gets in that theme.
const THEMES = {
  dark: { label: 'Dark Modern', workbench: 'vs-dark' },
  light: { label: 'Light Modern', workbench: 'vs' },
  contrast: { label: 'Dark High Contrast', workbench: 'hc-black' },
};

/** Picks a colour theme the way a user does (Preferences: Color Theme). */
async function useTheme(page, theme) {
  await pickColorTheme(page, THEMES[theme]);
}

async function shot(page, name) {
  await page.mouse.move(900, 48); // over the empty tab strip: no hover effects or tooltips in the picture
  await page.waitForTimeout(600);
  const file = path.join(shots, `group-lab-${name}.png`);
  await page.screenshot({ path: file });
  log('screenshot:', path.relative(repoRoot, file));
}

/** Answers the quick input: picks `label` in a list, or types `text` into a box (empty: accept the default). */
async function answer(page, { label, text }) {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await page.waitForTimeout(300);
  if (label)
    await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ timeout: 30000 });
  if (text !== undefined && text !== '') await input.fill(text);
  await page.keyboard.press('Enter');
}

function startPython(brokers, group) {
  const script = path.join(repoRoot, 'test/integration/support/pythonConsumer.py');
  return spawn('/usr/bin/python3', [script, brokers, topic, group, 'python-lab-consumer'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function drive(page, lab, brokers) {
  const lanes = lab.locator('.lane');
  const fact = (name) => lab.locator(`.fact[data-fact="${name}"] .fact-verdict`);
  const bothHold = async (what, messages) => {
    const ok =
      (await appears(lab.locator('.fact.ok[data-fact="Fanout"]', { hasText: `all ${messages} messages` }), 90000)) &&
      (await appears(lab.locator('.fact.ok[data-fact="Load balancing"]', { hasText: `add up to ${messages}` }), 90000));
    check(
      ok,
      `${what}: both facts hold (${await fact('Load balancing').innerText()} / ${await fact('Fanout').innerText()})`,
    );
  };
  check(await appears(lab.locator('.subtitle', { hasText: '· running' }), 90000), 'the lab is running');

  check(await appears(lanes.nth(1)), 'the lab shows 2 group lanes');
  check(
    await appears(lab.locator('.lane').nth(1).locator('.member.state-active').nth(2), 90000),
    'each lane has 3 active member cards',
  );
  check((await lab.locator('.partition-strip .chip').count()) === 6, "the topic's 6 partitions are listed");

  // Produce with the keyboard: focus the count, type, Enter.
  await lab.locator('#produce-count').fill('3000');
  await lab.locator('#produce-count').press('Enter');
  await appears(lab.locator('.status', { hasText: 'Produced 3,000 messages' }));
  await bothHold('after producing 3,000', '3,000');
  const checks = await lab.locator('.lane-check').allInnerTexts();
  check(
    checks.length === 2 && checks.every((t) => t.startsWith('✓ all 3,000 messages, each once')),
    `each lane says it got every message: ${JSON.stringify(checks)}`,
  );
  const cardPartitions = await lanes.first().locator('.member .member-owns').allInnerTexts();
  check(
    cardPartitions.length === 3 && cardPartitions.every((t) => /P\d/.test(t)),
    `member cards name their partitions: ${JSON.stringify(cardPartitions)}`,
  );
  await shot(page, 'balanced');

  // A consumer of another process joins group 1.
  const group1 = await lanes.first().locator('.lane-title').innerText();
  const python = startPython(brokers, group1);
  const foreign = lanes.first().locator('.member.foreign');
  check(
    await appears(foreign.locator('.member-owns .chip'), 90000),
    'the Python consumer appears in group 1 with its partitions',
  );
  check(
    await appears(lab.locator('.event-change', { hasText: 'python-lab-consumer joined' })),
    'the timeline shows it joining',
  );
  await page.waitForTimeout(1500);
  await shot(page, 'foreign');

  // Stop a member of group 2 with the keyboard; the group rebalances and still gets everything.
  const stop = lanes.nth(1).locator('button', { hasText: 'Stop' }).nth(1);
  await stop.focus();
  await page.keyboard.press('Enter');
  check(
    await appears(lab.locator('.event-change', { hasText: 'm2 left' })),
    'stopping m2 shows a rebalance with "m2 left"',
  );
  check(
    await appears(lanes.nth(1).locator('button:focus', { hasText: 'Add member' }), 10000),
    'the keyboard focus stays in the lane (on "Add member")',
  );
  await lab.locator('#produce-count').fill('1000');
  await lab.locator('button', { hasText: 'Produce' }).click();
  await appears(lab.locator('.status', { hasText: 'Produced 1,000 messages' }));
  await bothHold('after stopping m2 and producing 1,000 more', '4,000');
  await shot(page, 'rebalanced');

  python.kill('SIGTERM');
  await lab.locator('button', { hasText: 'Add group' }).click();
  check(
    await appears(lanes.nth(2).locator('.member.state-active').nth(2), 90000),
    'Add group starts a third group of 3',
  );
  await bothHold('with a third group that read the topic from its beginning', '4,000');
  await lab.locator('.lab-header').scrollIntoViewIfNeeded();
  await shot(page, 'three-groups');
}

async function main() {
  requireTools();
  if (!process.argv.includes('--no-build'))
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  let broker;
  const brokers = argValue('--brokers') ?? process.env.KLL_TEST_BROKERS ?? (broker = startBroker()).bootstrap;
  log(`broker ${brokers}${broker ? ` (started, pid ${broker.pid})` : ''}`);
  const sandbox = createSandbox('kll-group-lab-');
  addUserSettings(sandbox, {
    'kafkaLogLab.clusters': [{ name: 'local', bootstrapServers: brokers }],
    'kafkaLogLab.activeCluster': 'local',
  });
  let server;
  let browser;
  const cleanup = async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    if (broker)
      spawnSync(process.execPath, [cli, 'broker', 'stop', '--port', String(broker.port)], { stdio: 'inherit' });
    broker = undefined;
  };
  onInterrupt(cleanup);
  try {
    fs.mkdirSync(shots, { recursive: true });
    server = await startCodeServer(sandbox, sandboxEnv(sandbox));
    log(`code-server pid ${server.pid} on ${server.host}`);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1440, height: 1320 } });
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${server.host}${repoRoot}`],
      ['skipWelcome', 'true'],
    ];
    // A loaded machine can take minutes to serve the workbench: the same bound as the other scripts.
    await page.goto(workbenchUrl(server.host, sandbox.workspace, payload), { timeout: 180000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await page.waitForTimeout(4000); // let the extension host start and activate
    await runCommand(page, 'View: Close Primary Side Bar');
    await useTheme(page, 'dark');

    await runCommand(page, 'Kafka Log Lab: Consumer Group Lab…');
    await answer(page, { label: 'New topic…' });
    await answer(page, { text: topic });
    await answer(page, { text: '2' });
    await answer(page, { text: '3' });
    const lab = page.frameLocator('iframe.webview').frameLocator('#active-frame');
    try {
      check(await appears(lab.locator('.lab-header h1', { hasText: topic })), 'the lab panel opens for the new topic');
      await drive(page, lab, brokers);
      const contrast = async (theme) => {
        const low = await contrastProblems(lab);
        check(
          low.length === 0,
          `${theme}: every text of the lab meets WCAG AA contrast ${low.slice(0, 10).join('; ')}`,
        );
      };
      await contrast('dark');
      for (const theme of ['light', 'contrast']) {
        await useTheme(page, theme);
        await shot(page, theme);
        await contrast(theme);
      }
      // Under the strict policy the stylesheet still applies and nothing carries inline styles.
      const styled = await lab
        .locator('.partition-strip .chip')
        .first()
        .evaluate((e) => getComputedStyle(e).borderTopLeftRadius);
      // VS Code itself styles <html> with the theme's variables; an empty style="" is harmless.
      const inline = await lab.locator('#group-lab [style]:not([style=""])').count();
      check(
        styled === '10px' && inline === 0,
        `the lab's stylesheet applies under its CSP, no inline styles (radius ${styled}, ${inline} styled elements)`,
      );
    } finally {
      if (checks.failed) await shot(page, 'failure');
    }
  } finally {
    await cleanup();
  }
  keepSandboxOnFailure(sandbox, checks, log);
}

await runChecks(main, checks, log);
