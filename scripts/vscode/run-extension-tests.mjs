// Runs test/extension inside a real VS Code (code-server's Node extension host), offline,
// with Debian's Chromium as the window. Prints the suite's output and, last, one line
// `N passed, N failed`; exits non-zero on any failure or timeout.
//
//   node scripts/vscode/run-extension-tests.mjs [--no-build]
//
// --no-build skips `node scripts/build.mjs` + `tsc` when the caller already built.
// Env: KLL_EXTENSION_TEST_TIMEOUT_MS (default 1200000, a hang guard: the suite starts brokers of its own),
// VERBOSE=1 for the workbench's whole log,
// KLL_EXTENSION_TEST_GREP=TEXT to run only the tests whose title matches, KLL_EXTENSION_TEST_RESULTS=FILE,
// KLL_VSCODE=min|current (which VS Code), KLL_WORKSPACE_TRUST=restricted to open the folder untrusted.
// Everything in this process's environment reaches the extension host (e.g. KLL_TEST_BROKERS).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import {
  repoRoot,
  logger,
  requireTools,
  createSandbox,
  sandboxEnv,
  sandboxLabCache,
  startCodeServer,
  launchChromium,
  workbenchUrl,
  onInterrupt,
  honoursTestPayload,
} from './codeServer.mjs';
import { installTestLauncher, waitForResults } from './testLauncher.mjs';

const log = logger('extension-tests');
const timeoutMs = Number(process.env.KLL_EXTENSION_TEST_TIMEOUT_MS || 1200000);
const resultsFile =
  process.env.KLL_EXTENSION_TEST_RESULTS || path.join(repoRoot, 'test-results', 'extension-results.json');
const testsEntry = path.join(repoRoot, 'out/test/extension/suite/index');
const restricted = process.env.KLL_WORKSPACE_TRUST === 'restricted';
// Trust on, and no prompt: a folder never trusted before opens in Restricted Mode.
const RESTRICTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
};

/** What test/extension/trust.test.ts expects an untrusted folder to ask for. */
function writeUntrustedFolderSettings(sandbox) {
  fs.mkdirSync(path.join(sandbox.workspace, '.vscode'));
  fs.writeFileSync(
    path.join(sandbox.workspace, '.vscode', 'settings.json'),
    JSON.stringify({
      'kafkaLogLab.localBroker.engine': 'docker',
      'kafkaLogLab.localBroker.dockerImage': 'example/not-a-kafka-image',
      'kafkaLogLab.explorer.showInternalTopics': true,
    }),
  );
}

function build() {
  log('building extension and tests');
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  try {
    execFileSync(process.execPath, [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], {
      cwd: repoRoot,
      stdio: 'inherit',
    });
  } catch {
    // tsc still emits; type errors are the typecheck step's to report, not a reason to skip VS Code.
    log('tsc reported type errors (above); running the emitted tests anyway');
  }
  if (!fs.existsSync(`${testsEntry}.js`)) throw new Error(`${path.relative(repoRoot, testsEntry)}.js was not built`);
}

// In test mode the workbench hands every log line, its own and the extension host's console,
// to codeAutomationLog. The suite brackets its output with `[extension-tests] running ...` and
// `[extension-tests] N passed, N failed`; print what lies in between, formatted like console.log.
function testOutputFilter() {
  let inSuite = false;
  return (type, args = []) => {
    const text = format(...args);
    if (text.startsWith('[extension-tests] running')) inSuite = true;
    if (inSuite || process.env.VERBOSE) console.log(process.env.VERBOSE ? `[${type}] ${text}` : text);
    if (/^\[extension-tests\] \d+ passed, \d+ failed/.test(text)) inSuite = false;
  };
}

async function runSuite(sandbox) {
  let server;
  let browser;
  const cleanup = async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
  };
  onInterrupt(cleanup);
  try {
    fs.rmSync(resultsFile, { force: true });
    // Without the test payload the extension is a regular install: the environment tells it that it is under test.
    const testEnv = honoursTestPayload ? {} : { KLL_EXTENSION_TEST_MODE: '1' };
    server = await startCodeServer(
      sandbox,
      sandboxEnv(sandbox, {
        KLL_EXTENSION_TEST_RESULTS: resultsFile,
        KAFKA_LOG_LAB_CACHE: sandboxLabCache(sandbox),
        ...testEnv,
      }),
      {
        workspaceTrust: restricted,
      },
    );
    log(`code-server pid ${server.pid} on ${server.host}`);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let finish;
    const exitCode = new Promise((resolve) => (finish = resolve));
    // The workbench calls these when it runs with extensionTestsPath.
    await page.exposeFunction('codeAutomationLog', testOutputFilter());
    await page.exposeFunction('codeAutomationExit', (code) => finish(code));

    const remote = (p) => `vscode-remote://${server.host}${p}`;
    const payload = honoursTestPayload
      ? [
          ['extensionDevelopmentPath', remote(repoRoot)],
          ['extensionTestsPath', remote(testsEntry)],
          ['skipWelcome', 'true'],
        ]
      : undefined;
    // The first load of the workbench can take a minute on a busy 2-core machine.
    await page.goto(workbenchUrl(server.host, sandbox.workspace, payload), { timeout: 180000 });
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    if (!honoursTestPayload) void waitForResults(resultsFile, timeoutMs).then(finish);
    const code = await exitCode;
    clearTimeout(timer);
    if (launcherOutput && fs.existsSync(launcherOutput)) {
      const filter = testOutputFilter();
      for (const line of fs.readFileSync(launcherOutput, 'utf8').split('\n')) filter('log', [line]);
    }
    if (code !== 0) {
      const shot = path.join(repoRoot, 'test-results/screenshots/extension-tests-failure.png');
      fs.mkdirSync(path.dirname(shot), { recursive: true });
      await page.screenshot({ path: shot }).catch(() => {});
      log(`screenshot of the workbench: ${path.relative(repoRoot, shot)}; code-server log: ${sandbox.log}`);
    }
    return code;
  } finally {
    await cleanup();
  }
}

let passed = 0;
let failed = 0;
let sandbox;
/** Where the launcher extension copies the suite's output (VS Code versions without test mode). */
let launcherOutput;
try {
  requireTools();
  if (!process.argv.includes('--no-build')) build();
  sandbox = createSandbox('kll-ext-tests-', restricted ? RESTRICTED_SETTINGS : {});
  if (restricted) writeUntrustedFolderSettings(sandbox);
  if (!honoursTestPayload) launcherOutput = installTestLauncher(sandbox, testsEntry);
  const code = await runSuite(sandbox);
  log(code === 'timeout' ? `no result within ${timeoutMs} ms` : `VS Code exited with code ${code}`);
  if (fs.existsSync(resultsFile)) {
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    passed = results.passed;
    failed = results.failed;
    for (const f of results.failures) console.log(`FAILED: ${f.title}: ${f.error.split('\n')[0]}`);
  } else {
    log(`no results file at ${path.relative(repoRoot, resultsFile)}: the suite never ran`);
  }
  // An exit code or a timeout that the results do not explain is still a failure.
  if (code !== 0 && failed === 0) failed = 1;
  if (code === 0 && passed + failed === 0) failed = 1;
} catch (e) {
  log('ERROR', e instanceof Error ? e.message : e);
  failed = Math.max(failed, 1);
}
// Keep the profile and code-server log only when there is something to look at.
if (sandbox && !failed) fs.rmSync(sandbox.dir, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
