// Dashboard UI check and screenshots in a real VS Code (code-server + Chromium), used the way
// a person uses it: a web log produced with "Produce This File to Kafka" and opened from the
// summary's "Open Dashboard" (so "sent vs read" shows), nginx and product-event topics opened
// with "Kafka Log Lab: Open Dashboard…". Values are read from the webview's DOM and compared
// with `kafka-log-lab stats`; keyboard expansion and a window reload (the panel serializer)
// are checked; screenshots in dark, light (and one in high contrast) go to test-results/screenshots/.
//
//   node scripts/vscode/screenshots-dashboard.mjs [--no-build] [--brokers HOST:PORT]
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
import { contrastProblems } from './contrastCheck.mjs';
import { answerQuickPick, appears, pickColorTheme, runCommand } from './workbench.mjs';

const log = logger('dashboard-ui');
const shots = path.join(repoRoot, 'test-results/screenshots');
const cli = (...args) =>
  execFileSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), ...args], { cwd: repoRoot, encoding: 'utf8' });
const argValue = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
// Labels in the theme picker, and the class VS Code gives a webview's body in that theme.
const THEMES = {
  dark: { label: 'Dark Modern', workbench: 'vs-dark', body: 'vscode-dark' },
  light: { label: 'Light Modern', workbench: 'vs', body: 'vscode-light' },
  contrast: { label: 'Dark High Contrast', workbench: 'hc-black', body: 'vscode-high-contrast' },
};
const LOGS = [
  { format: 'web', topic: 'log_web', users: 400 },
  { format: 'nginx', topic: 'nginx_logs', users: 300 },
  { format: 'events', topic: 'events', users: 300 },
];

const checks = createChecks(log);
const { check } = checks;
const numberIn = (text) => Number((/-?[\d,]+(?:\.\d+)?/.exec(text ?? '')?.[0] ?? 'NaN').replace(/,/g, ''));

/** A topic the producer just created can answer "not the leader" for a moment: try again. */
async function produceWithRetry(l, brokers) {
  for (let attempt = 1; ; attempt++) {
    try {
      return cli('produce', l.file, '--topic', l.topic, '--brokers', brokers, '--json');
    } catch (e) {
      if (attempt === 5 || !/not the leader/.test(String(e.stderr ?? e.message))) throw e;
      log(`producing ${l.topic}: the new topic has no leader yet, retrying`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

/** The visible dashboard webview's document. */
const dashboardFrame = (page) => page.frameLocator('iframe.webview >> visible=true').frameLocator('#active-frame');

async function waitForMessages(frame, count, timeout = 90000) {
  const started = Date.now();
  while (Date.now() - started < timeout) {
    const text = await frame
      .locator('[data-stat="counter.messages"]')
      .textContent({ timeout: 5000 })
      .catch(() => '');
    if (numberIn(text) >= count) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

async function statsOnScreen(frame) {
  return frame
    .locator('[data-stat]')
    .evaluateAll((els) => Object.fromEntries(els.map((e) => [e.dataset.stat, e.textContent])));
}

/** Web log through the produce UI, then the summary's "Open Dashboard" (falls back to the palette). */
async function openWebFromProduce(page, file, topic) {
  try {
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill(path.basename(file));
    await page.waitForTimeout(800);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1000);
    await runCommand(page, 'Kafka Log Lab: Produce This File to Kafka');
    await answerQuickPick(page, path.basename(file)); // the file
    await answerQuickPick(page, topic); // topic
    await answerQuickPick(page); // format: detected
    await answerQuickPick(page); // values: raw
    const open = page.locator('.notifications-toasts .monaco-button', { hasText: 'Open Dashboard' });
    await open.first().waitFor({ timeout: 90000 });
    await open.first().click();
    return true;
  } catch (e) {
    log('produce UI flow did not complete, opening from the palette instead:', e.message.split('\n')[0]);
    await page.keyboard.press('Escape');
    return false;
  }
}

async function openFromPalette(page, topic) {
  await runCommand(page, 'Kafka Log Lab: Open Dashboard…');
  await answerQuickPick(page, topic);
}

/** Picks a colour theme the way a user does (Preferences: Color Theme). */
async function useTheme(page, theme) {
  await pickColorTheme(page, THEMES[theme]);
}

/** Types a per-field filter like a user and checks the list count against the statistics. */
async function filterClientErrors(frame, expected) {
  const want = Object.entries(expected.status)
    .filter(([code]) => code.startsWith('4'))
    .reduce((sum, [, n]) => sum + n, 0);
  await frame.locator('.filter-bar vscode-text-field input').fill('status:4xx');
  const summary = frame.locator('.list-summary');
  const text = await summary
    .filter({ hasText: `${want.toLocaleString('en-US')} of` })
    .textContent({ timeout: 15000 })
    .catch(async () => summary.textContent());
  check(numberIn(text) === want, `filter status:4xx lists ${text} (stats: ${want} requests with a 4xx status)`);
}

/** The newest event expanded with the keyboard: its JSON value pretty-printed below the list. */
async function shootExpandedEvent(page, frame) {
  await frame.locator('.message-table').focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  const value = await frame
    .locator('.detail .detail-value')
    .textContent({ timeout: 5000 })
    .catch(() => '');
  check(value.startsWith('{\n  "'), 'an expanded JSON value is pretty-printed');
  await frame.locator('.messages').evaluate((e) => e.scrollIntoView());
  await page.waitForTimeout(500);
  const file = path.join(shots, 'dashboard-events-expanded-dark.png');
  await page.screenshot({ path: file });
  log('screenshot:', path.relative(repoRoot, file));
}

async function shoot(page, name) {
  const theme = Object.keys(THEMES).find((t) => name.includes(`-${t}`));
  const body = await dashboardFrame(page).locator('body').getAttribute('class');
  check(body.split(' ').includes(THEMES[theme].body), `${name}: the webview follows the ${theme} theme (${body})`);
  const lowContrast = await contrastProblems(dashboardFrame(page));
  check(lowContrast.length === 0, `${name}: every text meets WCAG AA contrast ${lowContrast.slice(0, 10).join('; ')}`);
  await dashboardFrame(page)
    .locator('body')
    .evaluate(() => window.scrollTo(0, 0));
  await page.mouse.move(5, 500);
  await page.waitForTimeout(1200); // charts redraw on the next frames
  const file = path.join(shots, name);
  await page.screenshot({ path: file });
  log('screenshot:', path.relative(repoRoot, file));
}

async function main() {
  requireTools();
  if (!process.argv.includes('--no-build'))
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  fs.mkdirSync(shots, { recursive: true });
  let brokers = argValue('--brokers') ?? process.env.KLL_TEST_BROKERS;
  let ownBroker;
  const sandbox = createSandbox('kll-dashboard-ui-');
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
      ownBroker = 19393;
      log('starting a local broker on port', ownBroker);
      brokers = JSON.parse(cli('broker', 'start', '--engine', 'jvm', '--port', String(ownBroker), '--json')).bootstrap;
    }
    const suffix = ownBroker ? '' : `_${Date.now().toString(36)}`;
    const logs = LOGS.map((l) => ({
      ...l,
      topic: `${l.topic}${suffix}`,
      file: path.join(sandbox.workspace, 'logs', `${l.format}.log`),
    }));
    fs.mkdirSync(path.join(sandbox.workspace, 'logs'));
    for (const l of logs) {
      cli(
        'generate',
        '--format',
        l.format,
        '--out',
        l.file,
        '--users',
        String(l.users),
        '--seed',
        `screens-${l.format}`,
        '--start',
        '2025-10-16T08:00:00Z',
      );
      l.expected = JSON.parse(cli('stats', l.file, '--json'));
      if (l.format !== 'web') await produceWithRetry(l, brokers);
    }
    addUserSettings(sandbox, localClusterSettings(brokers));
    server = await startCodeServer(sandbox, sandboxEnv(sandbox));
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1600, height: 1200 } });
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${server.host}${repoRoot}`],
      ['skipWelcome', 'true'],
    ];
    // A loaded machine can take minutes to serve the workbench: the same bound as the other scripts.
    await page.goto(workbenchUrl(server.host, sandbox.workspace, payload), { timeout: 180000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await page.waitForTimeout(4000); // extensions activate
    await useTheme(page, 'dark');

    const [web, nginx, events] = logs;
    const fromProduce = await openWebFromProduce(page, web.file, web.topic);
    if (!fromProduce) await openFromPalette(page, web.topic);
    let frame = dashboardFrame(page);
    check(
      await waitForMessages(frame, web.expected.messages),
      `web dashboard counts all ${web.expected.messages} messages`,
    );
    const stats = await statsOnScreen(frame);
    check(
      numberIn(stats.messages) === web.expected.messages,
      `messages on screen ${stats.messages} = stats ${web.expected.messages}`,
    );
    check(
      numberIn(stats.uniqueVisitors) === web.expected.uniqueVisitors,
      `unique visitors on screen ${stats.uniqueVisitors} = stats ${web.expected.uniqueVisitors}`,
    );
    check(
      numberIn(stats.averageVisitDuration) === web.expected.sessions.averageDurationSeconds,
      `average visit duration on screen ${stats.averageVisitDuration} = stats ${web.expected.sessions.averageDurationSeconds}`,
    );
    if (fromProduce)
      check(
        numberIn(stats['sent.missing']) === 0 && numberIn(stats['sent.duplicates']) === 0,
        'sent vs read: nothing missing, no duplicates',
      );
    await page.keyboard.press('Control+B'); // the side bar away: the dashboard gets the width
    await shoot(page, 'dashboard-web-dark.png');

    // Keyboard: focus the list, go to the newest row, one up, and expand it.
    await frame.locator('.message-table').focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    // isVisible() does not wait: the detail is drawn a frame after the key.
    check(await appears(frame.locator('.detail .detail-value'), 5000), 'Enter on a selected row expands the message');
    const expanded = await frame.locator('.detail .detail-value').textContent();
    check(expanded.includes('User_id : '), 'the expanded message shows the whole value');

    for (const l of [nginx, events]) {
      await openFromPalette(page, l.topic);
      frame = dashboardFrame(page);
      check(
        await waitForMessages(frame, l.expected.messages),
        `${l.format} dashboard counts all ${l.expected.messages} messages`,
      );
      const shown = await statsOnScreen(frame);
      if (l === nginx) {
        check(
          numberIn(shown.sessions) === l.expected.sessions.count &&
            numberIn(shown.averageSessionDuration) === l.expected.sessions.averageDurationSeconds,
          `nginx sessions ${shown.sessions} / ${shown.averageSessionDuration} = stats ${l.expected.sessions.count} / ${l.expected.sessions.averageDurationSeconds} s`,
        );
        await filterClientErrors(frame, l.expected);
      } else {
        check(
          numberIn(shown.revenue) === l.expected.revenue &&
            numberIn(shown.uniqueVisitors) === l.expected.uniqueVisitors,
          `events revenue ${shown.revenue}, users ${shown.uniqueVisitors} = stats ${l.expected.revenue}, ${l.expected.uniqueVisitors}`,
        );
      }
      await shoot(page, `dashboard-${l.format}-dark.png`);
    }
    await shootExpandedEvent(page, dashboardFrame(page));

    await useTheme(page, 'light');
    for (const l of logs) {
      await page
        .locator('.tabs-container .tab', { hasText: `Dashboard: ${l.topic}` })
        .first()
        .click();
      frame = dashboardFrame(page);
      check(await waitForMessages(frame, l.expected.messages), `${l.format} dashboard restored after switching tabs`);
      await shoot(page, `dashboard-${l.format}-light.png`);
    }

    await useTheme(page, 'contrast');
    await page
      .locator('.tabs-container .tab', { hasText: `Dashboard: ${web.topic}` })
      .first()
      .click();
    check(await waitForMessages(dashboardFrame(page), web.expected.messages), 'web dashboard in high contrast');
    await shoot(page, 'dashboard-web-contrast.png');

    // A window reload: the panels come back through the WebviewPanelSerializer.
    await page.reload();
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    frame = dashboardFrame(page);
    check(
      await waitForMessages(frame, events.expected.messages, 60000),
      'after a window reload the dashboard is restored and reads again',
    );
  } finally {
    await cleanup();
  }
  keepSandboxOnFailure(sandbox, checks, log);
}

await runChecks(main, checks, log);
