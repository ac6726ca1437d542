// UI check in French: a real VS Code (code-server + Chromium) started with the locale `fr`, our
// extension built from this tree into the profile, and a JVM broker of its own. Checks that the
// Kafka view, the produce questions, the summary notification, the dashboard (its tab and the
// webview's own text, also at a 700 px editor width) and the Consumer Group Lab speak French
// (l10n/bundle.l10n.fr.json, package.nls.fr.json), and takes a screenshot of each.
// Screenshots go to test-results/screenshots/*-fr.png; prints `N passed, N failed` last.
//
//   node scripts/vscode/screenshots-french.mjs [--brokers HOST:PORT]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
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
import { checkUnclipped, narrowEditor } from './narrowLayout.mjs';
import { answerQuickPick, appears, runCommand } from './workbench.mjs';

const log = logger('screenshots-fr');
const shots = path.join(repoRoot, 'test-results/screenshots');
const cli = path.join(repoRoot, 'dist/cli.js');
const checks = createChecks(log);
const { check } = checks;
const flag = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const runCli = (args) =>
  JSON.parse(
    execFileSync(process.execPath, [cli, ...args, '--json'])
      .toString()
      .trim()
      .split('\n')
      .pop(),
  );

const shoot = async (page, name) => {
  await page.screenshot({ path: path.join(shots, name) });
  log('screenshot:', path.relative(repoRoot, path.join(shots, name)));
};

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** `vsce package` of `dir`, installed into the sandbox's code-server; returns its listed extensions. */
function packageAndInstall(sandbox, dir, name) {
  const vsix = path.join(sandbox.dir, `${name}.vsix`);
  const vsce = path.join(repoRoot, 'node_modules/.bin/vsce');
  execFileSync(vsce, ['package', '--no-dependencies', '-o', vsix], { cwd: dir, stdio: 'ignore' });
  return installVsix(sandbox, vsix).listed;
}

/**
 * The extension as the .vsix lays it out, built from this tree into a folder of the sandbox (the
 * shared dist/ is left alone), packaged and installed.
 */
async function installBuiltExtension(sandbox) {
  const dest = path.join(sandbox.dir, 'extension');
  const files = ['package.json', 'package.nls.json', 'package.nls.fr.json', 'l10n', 'media', 'LICENSE', 'README.md'];
  for (const entry of files) fs.cpSync(path.join(repoRoot, entry), path.join(dest, entry), { recursive: true });
  // The project's one build (as `vsce package` runs it), written into the staged copy.
  execFileSync(process.execPath, ['scripts/build.mjs', '--production', '--out', path.join(dest, 'dist')], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  // The build is done: no prepublish script may run again in the staged copy.
  const manifest = JSON.parse(fs.readFileSync(path.join(dest, 'package.json'), 'utf8'));
  delete manifest.scripts;
  fs.writeFileSync(path.join(dest, 'package.json'), JSON.stringify(manifest, null, 1));
  const listed = packageAndInstall(sandbox, dest, 'kafka-log-lab');
  check(
    listed.some((l) => l.startsWith('kafka-log-lab.kafka-log-lab@')),
    'the extension built from this tree installs',
  );
}

/**
 * VS Code runs in a language only when a language pack for it is installed; without one,
 * `locale: fr` falls back to English for the workbench and every extension. The packs come from
 * the marketplace, out of reach here, so a stand-in pack declares French with no translation of
 * VS Code's own text: the workbench stays English and extensions get the language `fr`.
 */
function installStandInFrenchPack(sandbox) {
  const dir = path.join(sandbox.dir, 'language-pack-fr');
  fs.mkdirSync(path.join(dir, 'translations'), { recursive: true });
  const manifest = {
    name: 'stand-in-language-pack-fr',
    displayName: 'French stand-in language pack (test fixture)',
    description: 'Declares French without translations of VS Code itself.',
    publisher: 'kafka-log-lab-test',
    version: '1.0.0',
    license: 'MIT',
    repository: { type: 'git', url: 'https://example.invalid/none.git' },
    engines: { vscode: '^1.100.0' },
    categories: ['Language Packs'],
    contributes: {
      localizations: [
        {
          languageId: 'fr',
          languageName: 'French',
          localizedLanguageName: 'Français',
          translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
        },
      ],
    },
  };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 1));
  fs.writeFileSync(path.join(dir, 'translations/main.i18n.json'), '{ "version": "1.0.0", "contents": {} }\n');
  fs.writeFileSync(path.join(dir, 'README.md'), '# Test fixture\n');
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'MIT\n');
  const listed = packageAndInstall(sandbox, dir, 'language-pack-fr');
  // A running VS Code registers a pack it installs in languagepacks.json; the command-line install
  // does not, so the entry is written as VS Code writes it.
  const id = 'kafka-log-lab-test.stand-in-language-pack-fr';
  const translations = path.join(sandbox.extensions, `${id}-1.0.0`, 'translations/main.i18n.json');
  const pack = { hash: 'stand-in', label: 'Français', extensions: [{ extensionIdentifier: { id }, version: '1.0.0' }] };
  fs.writeFileSync(
    path.join(sandbox.userData, 'languagepacks.json'),
    JSON.stringify({ fr: { ...pack, translations: { vscode: translations } } }),
  );
  check(
    listed.some((l) => l.startsWith('kafka-log-lab-test.stand-in-language-pack-fr@')),
    'a French pack is installed',
  );
}

/** A small web log in log_web and a consumer group that read part of it. */
async function seed(workspace) {
  let stop = async () => {};
  let brokers = flag('--brokers');
  if (!brokers) {
    const port = await freePort();
    log(`starting a JVM broker on 127.0.0.1:${port}`);
    brokers = runCli(['broker', 'start', '--engine', 'jvm', '--port', String(port)]).bootstrap;
    stop = async () => void execFileSync(process.execPath, [cli, 'broker', 'stop', '--port', String(port)]);
  }
  const b = ['--brokers', brokers];
  const logs = path.join(workspace, 'logs');
  fs.mkdirSync(logs, { recursive: true });
  runCli(['generate', '--format', 'web', '--out', path.join(logs, 'web-sample.log'), '--users', '60', '--seed', 'fr']);
  // A broker given with --brokers may hold log_web from an earlier run already.
  if (runCli(['topics', 'list', ...b]).topics.some((t) => (t.name ?? t) === 'log_web')) return { brokers, stop };
  runCli(['topics', 'create', 'log_web', '--partitions', '3', ...b]);
  runCli(['produce', path.join(logs, 'web-sample.log'), '--topic', 'log_web', ...b]);
  runCli(['consume', '--topic', 'log_web', '--group', 'rapport-labo', '--from-beginning', '--max', '40', ...b]);
  return { brokers, stop };
}

const row = (page, text) => page.locator('.sidebar .monaco-list-row', { hasText: text }).first();

async function kafkaViewInFrench(page) {
  const container = page.locator('.activitybar .action-item [aria-label^="Kafka Log Lab"]');
  check(await appears(container, 180000), 'the activity bar shows the "Kafka Log Lab" container');
  await container.first().click();
  check(await appears(row(page, 'local'), 60000), 'the Kafka view lists the "local" cluster');
  const groups = row(page, /^Groupes de consommateurs/);
  check(await appears(groups), 'the Kafka view names the folder "Groupes de consommateurs"');
  check(await appears(row(page, /Topics\s*1 topic/)), 'the Topics folder counts "1 topic"');
  await row(page, /^Topics/).click();
  await row(page, /^log_web/).click();
  check(await appears(row(page, /partition 0.*leader 1/)), 'a partition row reads "partition 0 · leader 1"');
  await groups.click();
  check(await appears(row(page, /rapport-labo.*lag/)), 'the group row shows its lag');
  await page.waitForTimeout(800);
  await shoot(page, 'kafka-view-fr.png');
}

async function produceInFrench(page) {
  await page.keyboard.press('Control+Shift+E');
  const folder = page.locator('.explorer-folders-view .monaco-list-row', { hasText: /^logs$/ }).first();
  await folder.waitFor({ timeout: 30000 });
  if ((await folder.getAttribute('aria-expanded')) !== 'true') await folder.click();
  const file = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'web-sample.log' }).first();
  await file.click({ button: 'right' });
  const item = page.locator('.context-view .action-item', { hasText: 'Produire ce fichier vers Kafka' }).first();
  check(await appears(item, 15000), 'the Explorer menu offers "Produire ce fichier vers Kafka" (package.nls.fr.json)');
  // As a keyboard user picks it (hover focuses, Enter runs): a click right after the menu opens can go unseen.
  await item.hover();
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  const widget = page.locator('.quick-input-widget:visible');
  check(
    await appears(widget.locator('.quick-input-title', { hasText: 'Produire web-sample.log vers Kafka (1/3)' })),
    'the topic question is titled in French',
  );
  check(await appears(widget.locator('input[placeholder^="Choisissez un topic"]')), 'its placeholder is French');
  await page.waitForTimeout(800);
  await shoot(page, 'produce-prompt-fr.png');
  await page.keyboard.press('Enter');
  check(await appears(widget.locator('.monaco-list-row', { hasText: 'détecté' })), 'the format pick says "détecté"');
  await page.keyboard.press('Enter');
  check(await appears(widget.locator('.monaco-list-row', { hasText: 'Lignes brutes' })), 'the value pick is French');
  await page.keyboard.press('Enter');
}

async function dashboardInFrench(page) {
  const summary = page.locator('.notifications-toasts .notification-toast', { hasText: /livrées à log_web/ });
  check(await appears(summary, 180000), 'the summary notification is French ("… lignes sur … livrées à log_web")');
  const open = summary.locator('.monaco-button', { hasText: 'Ouvrir le tableau de bord' });
  check(await appears(open), 'the summary offers "Ouvrir le tableau de bord"');
  await shoot(page, 'produce-summary-fr.png');
  await open.first().click();
  const tab = page.locator('.tabs-container .tab', { hasText: /Tableau de bord\s:\slog_web/ });
  check(await appears(tab, 60000), 'the dashboard tab is titled "Tableau de bord : log_web"');
  const frame = page.frameLocator('iframe.webview >> visible=true').frameLocator('#active-frame');
  check(await appears(frame.locator('body'), 60000), 'the dashboard webview loads');
  await page.keyboard.press('Control+B');
  await dashboardTextsInFrench(frame);
  await page.waitForTimeout(2000);
  await shoot(page, 'dashboard-fr.png');
  await checkUnclipped(frame, 'the French dashboard', check);
  // The message list and an expanded message, further down the page.
  await frame.locator('.message-table .row:not([hidden])').first().click();
  check(
    await appears(frame.locator('.detail vscode-button', { hasText: 'Copier en JSON' })),
    'the expanded message offers "Copier en JSON" (dashboard webview)',
  );
  await frame.locator('.messages').scrollIntoViewIfNeeded();
  await page.waitForTimeout(800);
  await shoot(page, 'dashboard-messages-fr.png');
  await narrowEditor(page, log);
  await page.waitForTimeout(1500);
  await checkUnclipped(frame, 'the French dashboard at 700 px', check);
  await shoot(page, 'narrow-dashboard-fr.png');
}

/**
 * The webview `frame` (the `where` panel) shows each French `[selector, text, what]` within
 * `timeoutMs`, and none of the `english` texts is left in its body.
 */
async function frenchTextsOnly(frame, where, { french, english, timeoutMs }) {
  for (const [selector, text, what] of french)
    check(await appears(frame.locator(selector, { hasText: text }).first(), timeoutMs), `${what} (${where} webview)`);
  const body = await frame.locator('body').innerText();
  const left = english.filter((text) => body.includes(text));
  check(left.length === 0, `no English text left in the ${where}${left.length ? ` (${left.join(', ')})` : ''}`);
}

/** The webview's own text: the French table the host writes into the page (webview/l10n.ts). */
async function dashboardTextsInFrench(frame) {
  check((await frame.locator('html').getAttribute('lang')) === 'fr', 'the dashboard page is marked lang="fr"');
  const french = [
    ['[data-stat="connection"]', 'En direct', 'the connection line says "En direct"'],
    ['.counter-label', 'messages lus', 'a counter reads "messages lus"'],
    ['.toolbar vscode-button', 'Relancer', 'the toolbar offers "Relancer"'],
    ['.list-header [role="columnheader"]', 'Horodatage', 'the message list has a column "Horodatage"'],
    ['.stat-table caption', 'Envoyés / lus', 'the produce check is titled "Envoyés / lus"'],
    ['.stat-table th', 'Visiteurs uniques', 'the web statistics count "Visiteurs uniques"'],
    ['.list-summary', 'messages en mémoire tampon', 'the list says how many "messages en mémoire tampon"'],
  ];
  const english = ['Restart', 'Follow newest', 'messages read', 'Unique visitors', 'buffered messages'];
  await frenchTextsOnly(frame, 'dashboard', { french, english, timeoutMs: 60000 });
}

/** The Consumer Group Lab on log_web, 2 groups of 2: its questions and its webview in French. */
async function groupLabInFrench(page) {
  await page.setViewportSize({ width: 1280, height: 1000 });
  await runCommand(page, 'View: Close All Editors');
  await runCommand(page, 'Kafka Log Lab: Labo des groupes de consommateurs…');
  const widget = page.locator('.quick-input-widget:visible');
  check(
    await appears(widget.locator('.quick-input-title', { hasText: 'Labo des groupes de consommateurs (1/3)' })),
    'the group lab asks for its topic in French',
  );
  await answerQuickPick(page, 'log_web');
  await answerQuickPick(page); // groups: the default 2
  await answerQuickPick(page, '2'); // members per group
  const lab = page.frameLocator('iframe.webview >> visible=true').frameLocator('#active-frame');
  check(
    await appears(lab.locator('.lab-header h1', { hasText: /Labo des groupes de consommateurs\s:\slog_web/ }), 60000),
    'the group lab opens, titled "Labo des groupes de consommateurs : log_web"',
  );
  check((await lab.locator('html').getAttribute('lang')) === 'fr', 'the group lab page is marked lang="fr"');
  check(await appears(lab.locator('.subtitle', { hasText: '· en cours' }), 90000), 'the lab runs ("en cours")');
  await lab.locator('#produce-count').fill('300');
  await lab.locator('#produce-count').press('Enter');
  check(
    await appears(lab.locator('.status', { hasText: '300 messages produits' }), 60000),
    'Produce says "300 messages produits"',
  );
  const holds = (fact) => lab.locator(`.fact.ok[data-fact="${fact}"] .fact-verdict`, { hasText: '✓ vérifié' });
  check(
    (await appears(holds('Load balancing'), 90000)) && (await appears(holds('Fanout'), 90000)),
    'both facts read "✓ vérifié"',
  );
  const french = [
    ['.fact-name', 'Répartition de charge', 'a fact is named "Répartition de charge"'],
    ['.lane-check', 'chacun une fois', 'a lane says every message came "chacun une fois"'],
    ['.lane button', 'Ajouter un membre', 'a lane offers "Ajouter un membre"'],
    ['.tag', 'démarré ici', 'a member card is tagged "démarré ici"'],
    ['.produce-hint', 'lignes de sessions web', 'the hint says Produce writes "lignes de sessions web"'],
    ['#timeline-title', 'Rééquilibrages', 'the timeline is titled "Rééquilibrages"'],
  ];
  const english = ['Load balancing', 'Add member', 'started here', 'each owned once', 'Rebalances', 'messages, each'];
  await frenchTextsOnly(lab, 'group lab', { french, english, timeoutMs: 30000 });
  await page.mouse.move(900, 48);
  await page.waitForTimeout(1500);
  await shoot(page, 'group-lab-fr.png');
  await checkUnclipped(lab, 'the French group lab', check);
}

async function main() {
  requireTools();
  fs.mkdirSync(shots, { recursive: true });
  const sandbox = createSandbox('kll-french-', { 'workbench.colorTheme': 'Default Dark Modern' });
  installStandInFrenchPack(sandbox);
  await installBuiltExtension(sandbox);
  // code-server reads its flags from this file too: the locale is VS Code's display language.
  const config = path.join(sandbox.home, '.config', 'code-server');
  fs.mkdirSync(config, { recursive: true });
  fs.writeFileSync(path.join(config, 'config.yaml'), 'locale: fr\n');

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
    seeded = await seed(sandbox.workspace);
    const settingsFile = path.join(sandbox.userData, 'User', 'settings.json');
    const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
    settings['kafkaLogLab.clusters'] = [{ name: 'local', bootstrapServers: seeded.brokers }];
    settings['kafkaLogLab.activeCluster'] = 'local';
    fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 1));
    server = await startCodeServer(sandbox, sandboxEnv(sandbox));
    log(`code-server pid ${server.pid} on ${server.host}`);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
    await page.goto(workbenchUrl(server.host, sandbox.workspace), { timeout: 180000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await kafkaViewInFrench(page);
    await produceInFrench(page);
    await dashboardInFrench(page);
    await groupLabInFrench(page);
  } finally {
    await cleanup();
  }
  keepSandboxOnFailure(sandbox, checks, log);
}

await runChecks(main, checks, log);
