// The dashboard's parsed-fields view in a real VS Code (code-server + Chromium): a web log (with
// two lines that are not web lines) produced to its own broker, the dashboard opened from the
// palette, "Fields" turned on. The user_id/action/page columns are compared with the produced
// file, an unparsed line must show raw across the field columns, the keyboard still expands a
// row, and the toggle survives a window reload (webview state). Screenshots in dark, light and
// at a 700 px editor width go to test-results/screenshots/dashboard-fields-*.png.
//
//   node scripts/vscode/screenshots-fields.mjs [--no-build]
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
import { narrowEditor } from './narrowLayout.mjs';
import { answerQuickPick, appears, openKafkaView, pickColorTheme, runCommand } from './workbench.mjs';

const log = logger('fields-ui');
const PORT = 19397;
const TOPIC = 'fields_web';
const JUNK = ['not-a-web-line one', 'not-a-web-line two'];
const EDITOR_WIDTH = 700;
const DARK = { label: 'Dark Modern', workbench: 'vs-dark', body: 'vscode-dark' };
const LIGHT = { label: 'Light Modern', workbench: 'vs', body: 'vscode-light' };
const shots = path.join(repoRoot, 'test-results/screenshots');
const cli = (...args) =>
  execFileSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), ...args], { cwd: repoRoot, encoding: 'utf8' });
const checks = createChecks(log);
const { check } = checks;
const numberIn = (text) => Number((/-?[\d,]+/.exec(text ?? '')?.[0] ?? 'NaN').replace(/,/g, ''));
const frameOf = (page) => page.frameLocator('iframe.webview >> visible=true').frameLocator('#active-frame');
// An independent reading of the web format (seed 000), so the check does not trust the parser it tests.
const WEB_LINE = /Timestamp : (\S+ \S+) - User_id : (\S+) -- Action : (\S+) -- Page : (\S+)\s*$/;

/** The web log with two foreign lines at its end; its lines by timestamp. */
function writeLog(file) {
  cli(
    'generate',
    '--format',
    'web',
    '--out',
    file,
    '--users',
    '120',
    '--seed',
    'fields',
    '--start',
    '2025-10-16T08:00:00Z',
  );
  fs.appendFileSync(file, JUNK.join('\n') + '\n');
  const byTimestamp = new Map();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = WEB_LINE.exec(line);
    if (m) byTimestamp.set(m[1], { user_id: m[2], action: m[3], page: m[4] });
  }
  return { lines: byTimestamp.size + JUNK.length, byTimestamp };
}

/** A topic the producer just created can answer "not the leader" for a moment: try again. */
async function produce(file, brokers) {
  for (let attempt = 1; ; attempt++) {
    try {
      return cli('produce', file, '--topic', TOPIC, '--format', 'web', '--brokers', brokers, '--json');
    } catch (e) {
      if (attempt === 5 || !/not the leader/.test(String(e.stderr ?? e.message))) throw e;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

async function waitForMessages(frame, count, timeout = 90000) {
  for (const started = Date.now(); Date.now() - started < timeout; await new Promise((r) => setTimeout(r, 500))) {
    const text = await frame
      .locator('[data-stat="counter.messages"]')
      .textContent({ timeout: 5000 })
      .catch(() => '');
    if (numberIn(text) >= count) return true;
  }
  return false;
}

/** Header names and the texts of the rows on screen, read from the DOM. */
const readTable = (frame) =>
  frame.locator('.message-table').evaluate((table) => ({
    colcount: table.getAttribute('aria-colcount'),
    headers: [...table.querySelectorAll('.list-header [role=columnheader]')].map((c) => c.textContent),
    rows: [...table.querySelectorAll('.row:not([hidden])')].map((r) =>
      [...r.querySelectorAll('.cell')].map((c) => ({ text: c.textContent, hidden: c.hidden, span: c.className })),
    ),
  }));

async function checkFieldColumns(frame, byTimestamp) {
  const table = await readTable(frame);
  const names = table.headers.slice(5);
  check(
    names.join(',') === 'user_id,action,page,timestamp' && table.colcount === String(table.headers.length),
    `the Value column became user_id, action, page, timestamp (${table.headers.join(' | ')}; aria-colcount ${table.colcount})`,
  );
  // The two foreign lines (shown raw) are checked by checkUnparsedRows.
  const rows = table.rows
    .filter((cells) => !cells[5].span.includes('raw-span'))
    .map((cells) => Object.fromEntries(names.map((n, i) => [n, cells[5 + i]?.text])));
  const compared = rows.filter((r) => byTimestamp.has(r.timestamp));
  const wrong = compared.filter((r) => {
    const line = byTimestamp.get(r.timestamp);
    return line.user_id !== r.user_id || line.action !== r.action || line.page !== r.page;
  });
  check(
    compared.length >= 10 && compared.length === rows.length && wrong.length === 0,
    `${compared.length} of ${rows.length} rows on screen match the file's user_id/action/page` +
      (wrong.length ? `; differ: ${JSON.stringify(wrong.slice(0, 3))}` : ''),
  );
  log('rows, e.g.', JSON.stringify(rows.slice(-3)));
}

/** Filters to the two foreign lines: each shows raw, spanning the field columns. */
async function checkUnparsedRows(page, frame) {
  await frame.locator('.filter-bar vscode-text-field input').fill('not-a-web-line');
  await frame.locator('.list-summary', { hasText: '2 of' }).waitFor({ timeout: 15000 });
  await page.waitForTimeout(500);
  const { rows } = await readTable(frame);
  const raw = rows.map((cells) => cells.slice(5));
  check(
    raw.length === 2 &&
      raw.every((c) => c[0].span.includes('raw-span') && JUNK.includes(c[0].text) && c.slice(1).every((x) => x.hidden)),
    `a line that does not parse shows raw across the field columns (${JSON.stringify(raw.map((c) => c[0].text))})`,
  );
  await frame.locator('.filter-bar vscode-text-field input').fill('');
  await frame.locator('.list-summary', { hasNotText: ' of ' }).waitFor({ timeout: 15000 });
}

async function checkKeyboard(page, frame) {
  await frame.locator('.message-table').focus();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  // isVisible() does not wait: the detail is drawn a frame after the key.
  const shown = await appears(frame.locator('.detail .detail-value'), 5000);
  check(shown, 'in the fields view, Enter on a selected row still expands the message');
  await page.keyboard.press('Escape');
}

/** Texts of the message list below WCAG AA; the rest of the page is only logged (screenshots-dashboard checks it). */
async function listContrast(frame, what) {
  const problems = await contrastProblems(frame);
  const mine = problems.filter((p) => /\((span|div|p)\.(cell|row|list-|detail|field-)|\(vscode-checkbox/.test(p));
  const others = problems.filter((p) => !mine.includes(p));
  if (others.length) log(`${what}: outside the message list, below AA: ${others.slice(0, 5).join('; ')}`);
  check(mine.length === 0, `${what}: the message list's texts meet WCAG AA contrast ${mine.slice(0, 5).join('; ')}`);
}

async function shoot(page, name, theme) {
  const frame = frameOf(page);
  const body = await frame.locator('body').getAttribute('class');
  check(body.split(' ').includes(theme.body), `${name}: the webview follows the theme (${body})`);
  await listContrast(frame, name);
  await frame.locator('.messages').evaluate((e) => e.scrollIntoView());
  await page.mouse.move(5, 500);
  await page.waitForTimeout(1200);
  const file = path.join(shots, name);
  await page.screenshot({ path: file });
  log('screenshot:', path.relative(repoRoot, file));
}

/** The editor area narrowed to EDITOR_WIDTH (narrowLayout.mjs), and the dashboard must still fit. */
async function narrowDashboard(page) {
  const result = await narrowEditor(page, log);
  check(Math.abs(result - EDITOR_WIDTH) <= 2, `the editor area is ${EDITOR_WIDTH} px wide (${result})`);
  const overflow = await frameOf(page)
    .locator('body')
    .evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  check(overflow <= 1, `the narrow dashboard has no horizontal overflow (${overflow} px)`);
}

async function openWorkbench(browser, server, sandbox) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1200 } });
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${server.host}${repoRoot}`],
    ['skipWelcome', 'true'],
  ];
  await page.goto(workbenchUrl(server.host, sandbox.workspace, payload), { timeout: 180000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  await page.waitForTimeout(4000); // extensions activate
  return page;
}

async function fieldsSession(page, expected) {
  await openKafkaView(page, check); // the extension's commands are in the palette
  await pickColorTheme(page, DARK);
  await runCommand(page, 'Kafka Log Lab: Open Dashboard…');
  await answerQuickPick(page, TOPIC);
  let frame = frameOf(page);
  check(await waitForMessages(frame, expected.lines), `the dashboard counts all ${expected.lines} messages`);
  await page.keyboard.press('Control+B'); // the side bar away: the dashboard gets the width
  const toggle = frame.locator('.filter-bar vscode-checkbox', { hasText: 'Fields' });
  await toggle.click();
  await page.waitForTimeout(800);
  await checkFieldColumns(frame, expected.byTimestamp);
  await checkUnparsedRows(page, frame);
  await checkKeyboard(page, frame);
  await shoot(page, 'dashboard-fields-dark.png', DARK);
  await pickColorTheme(page, LIGHT);
  await shoot(page, 'dashboard-fields-light.png', LIGHT);

  await page.reload();
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  frame = frameOf(page);
  check(await waitForMessages(frame, expected.lines, 60000), 'after a window reload the dashboard reads again');
  const checked = await toggle.evaluate((e) => e.checked).catch(() => false);
  const headers = (await readTable(frame)).headers;
  check(checked && headers.includes('action'), `Fields stays on after a reload (${headers.join(' | ')})`);
  await narrowDashboard(page);
  await page.waitForTimeout(800);
  await shoot(page, 'dashboard-fields-narrow.png', LIGHT);
}

async function main() {
  requireTools();
  if (!process.argv.includes('--no-build'))
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  fs.mkdirSync(shots, { recursive: true });
  const sandbox = createSandbox('kll-fields-ui-');
  let server;
  let browser;
  let brokerStarted = false;
  const cleanup = async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    if (brokerStarted) cli('broker', 'stop', '--port', String(PORT));
  };
  onInterrupt(cleanup);
  try {
    log('starting a local broker on port', PORT);
    const brokers = JSON.parse(cli('broker', 'start', '--engine', 'jvm', '--port', String(PORT), '--json')).bootstrap;
    brokerStarted = true;
    const file = path.join(sandbox.workspace, 'logs', 'web.log');
    fs.mkdirSync(path.dirname(file));
    const expected = writeLog(file);
    await produce(file, brokers);
    addUserSettings(sandbox, localClusterSettings(brokers));
    server = await startCodeServer(sandbox, sandboxEnv(sandbox));
    browser = await launchChromium();
    await fieldsSession(await openWorkbench(browser, server, sandbox), expected);
  } finally {
    await cleanup();
  }
  keepSandboxOnFailure(sandbox, checks, log);
}

await runChecks(main, checks, log);
