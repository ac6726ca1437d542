// `npm test`: lint + typecheck, build, unit, integration (real Kafka broker) and extension
// tests (real VS Code), then ONE summary line `N passed, N failed` over all of them.
// `node scripts/test-all.mjs unit integration` runs only the named stages.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const mocha = ['node_modules/.bin/mocha', '--color', '--reporter', 'spec'];
/** Today's VS Code (scripts/vscode/codeServer.mjs); a stage without it runs in the oldest supported. */
const CURRENT = { KLL_VSCODE: 'current' };
const stages = [
  { name: 'lint', kind: 'check', cmd: ['node_modules/.bin/eslint', '.'] },
  { name: 'format', kind: 'check', cmd: ['npm', 'run', '--silent', 'format:check'] },
  {
    name: 'typecheck',
    kind: 'check',
    cmd: ['node_modules/.bin/tsc', '-p', 'tsconfig.json'],
    before: () => fs.rmSync('out', { recursive: true, force: true }),
  },
  { name: 'build', kind: 'check', cmd: ['node', 'scripts/build.mjs'] },
  { name: 'unit', kind: 'mocha', cmd: [...mocha, '--timeout', '20000', 'out/test/unit/**/*.test.js'] },
  {
    name: 'integration',
    kind: 'mocha',
    cmd: [
      ...mocha,
      '--timeout',
      '120000',
      '--require',
      'out/test/integration/support/testBroker.js',
      'out/test/integration/**/*.test.js',
    ],
  },
  // The extension tests run in the oldest VS Code we support (engines.vscode) and in today's
  // (KLL_VSCODE, scripts/vscode/codeServer.mjs); the trust tests in today's, in an untrusted folder.
  {
    name: 'extension',
    kind: 'counted',
    needsBroker: true,
    env: { KLL_VSCODE: 'min' },
    cmd: ['node', 'scripts/vscode/run-extension-tests.mjs', '--no-build'],
  },
  {
    name: 'extension-current',
    kind: 'counted',
    needsBroker: true,
    env: CURRENT,
    cmd: ['node', 'scripts/vscode/run-extension-tests.mjs', '--no-build'],
  },
  {
    name: 'extension-restricted',
    kind: 'counted',
    env: { KLL_VSCODE: 'current', KLL_WORKSPACE_TRUST: 'restricted', KLL_EXTENSION_TEST_GREP: 'Restricted Mode' },
    cmd: ['node', 'scripts/vscode/run-extension-tests.mjs', '--no-build'],
  },
  { name: 'ui', kind: 'counted', needsBroker: true, env: CURRENT, cmd: ['node', 'scripts/vscode/ui-check.mjs'] },
  // A smoke run (view, produce, dashboard) in the oldest VS Code; in today's, the same at an
  // editor width of 700 px (its chat side panel open), where nothing may be clipped.
  {
    name: 'ui-smoke',
    kind: 'counted',
    needsBroker: true,
    env: { KLL_VSCODE: 'min' },
    cmd: ['node', 'scripts/vscode/ui-smoke.mjs', '--no-build'],
  },
  {
    name: 'ui-narrow',
    kind: 'counted',
    needsBroker: true,
    env: CURRENT,
    cmd: ['node', 'scripts/vscode/ui-smoke.mjs', '--no-build', '--narrow'],
  },
  // Its own broker, stopped and killed under an open dashboard.
  {
    name: 'ui-outage',
    kind: 'counted',
    env: CURRENT,
    cmd: ['node', 'scripts/vscode/screenshots-outage.mjs', '--no-build'],
  },
  // Its own broker: the message list's per-field columns, at full and at 700 px width.
  {
    name: 'ui-fields',
    kind: 'counted',
    env: CURRENT,
    cmd: ['node', 'scripts/vscode/screenshots-fields.mjs', '--no-build'],
  },
  {
    name: 'ui-live',
    kind: 'counted',
    needsBroker: true,
    env: CURRENT,
    cmd: ['node', 'scripts/vscode/screenshots-live.mjs', '--no-build'],
  },
  {
    name: 'ui-report',
    kind: 'counted',
    needsBroker: true,
    env: CURRENT,
    cmd: ['node', 'scripts/vscode/screenshots-report.mjs'],
  },
  // VS Code started in French, with a broker of its own.
  { name: 'ui-french', kind: 'counted', env: CURRENT, cmd: ['node', 'scripts/vscode/screenshots-french.mjs'] },
  // Playwright drives the real VS Code like a person and saves the README's screenshots.
  {
    name: 'ui-explorer',
    kind: 'counted',
    needsBroker: true,
    env: CURRENT,
    cmd: ['node', 'scripts/vscode/screenshots-explorer.mjs'],
  },
  {
    name: 'ui-dashboard',
    kind: 'counted',
    needsBroker: true,
    env: CURRENT,
    cmd: ['node', 'scripts/vscode/screenshots-dashboard.mjs'],
  },
  {
    name: 'ui-group-lab',
    kind: 'counted',
    needsBroker: true,
    env: CURRENT,
    cmd: ['node', 'scripts/vscode/screenshots-group-lab.mjs'],
  },
];

/** No stage of a healthy run comes near this; it only ends one that hangs. */
const STAGE_LIMIT_MIN = 30;
let running;

const only = process.argv.slice(2);
const selected = only.length ? stages.filter((s) => only.includes(s.name)) : stages;
const stripAnsi = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');

function runStage(stage) {
  return new Promise((resolve) => {
    const started = Date.now();
    stage.before?.();
    if (stage.cmd.some((part, i) => i > 0 && part.endsWith('.mjs') && !fs.existsSync(part))) {
      console.log(`[test] ${stage.name}: runner missing`);
      return resolve({ passed: 0, failed: 1, skipped: 0, code: 1, ms: 0 });
    }
    // Its own process group, so a stage that hangs (a leaked handle, a stuck child) can be
    // ended whole: it then fails with the reason instead of stalling the run.
    const child = spawn(stage.cmd[0], stage.cmd.slice(1), {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      env: { ...process.env, FORCE_COLOR: '1', ...stage.env },
    });
    running = child;
    let timedOut = false;
    const watchdog = setTimeout(() => {
      timedOut = true;
      console.log(`[test] ${stage.name}: still running after ${STAGE_LIMIT_MIN} min; ending it`);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, STAGE_LIMIT_MIN * 60000);
    let text = '';
    const relay = (stream) => (chunk) => {
      stream.write(chunk);
      text += chunk.toString();
    };
    child.stdout.on('data', relay(process.stdout));
    child.stderr.on('data', relay(process.stderr));
    child.on('close', (code) => {
      const plain = stripAnsi(text);
      const num = (re) => Number(plain.match(re)?.[1] ?? 0);
      let passed,
        failed,
        skipped = 0;
      if (stage.kind === 'check') {
        passed = code === 0 ? 1 : 0;
        failed = code === 0 ? 0 : 1;
      } else if (stage.kind === 'mocha') {
        passed = num(/(\d+) passing/);
        failed = num(/(\d+) failing/);
        skipped = num(/(\d+) pending/);
      } else {
        const lines = plain.trim().split('\n');
        const last = lines.reverse().find((l) => /^\s*(\w+:\s*)?\d+ passed, \d+ failed/.test(l)) ?? '';
        passed = Number(last.match(/(\d+) passed/)?.[1] ?? 0);
        failed = Number(last.match(/(\d+) failed/)?.[1] ?? 0);
        skipped = Number(last.match(/(\d+) skipped/)?.[1] ?? 0);
      }
      // A runner that crashed, hung or exited non-zero without reporting a failure still fails.
      clearTimeout(watchdog);
      running = undefined;
      if (timedOut) failed += 1;
      if (code !== 0 && failed === 0) failed = 1;
      resolve({ passed, failed, skipped, code, ms: Date.now() - started });
    });
  });
}

// The editor stages talk to a real broker too: one JVM broker started with the CLI, its
// address handed to VS Code's extension host through KLL_TEST_BROKERS.
let editorBroker;
function startEditorBroker() {
  if (editorBroker !== undefined || process.env.KLL_TEST_BROKERS) return;
  const r = spawnSync('node', ['dist/cli.js', 'broker', 'start', '--engine', 'jvm', '--json'], { encoding: 'utf8' });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  try {
    editorBroker = JSON.parse(line);
    process.env.KLL_TEST_BROKERS = editorBroker.bootstrap;
    console.log(`[test] broker for the editor stages: ${editorBroker.bootstrap}`);
  } catch {
    editorBroker = null;
    console.log(`[test] could not start a broker for the editor stages: ${r.stderr.trim()}`);
  }
}
function stopEditorBroker() {
  if (editorBroker)
    spawnSync('node', ['dist/cli.js', 'broker', 'stop', '--port', String(editorBroker.port)], { stdio: 'inherit' });
}
process.on('exit', stopEditorBroker);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    try {
      if (running) process.kill(-running.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    process.exit(130);
  });
}

const results = [];
for (const stage of selected) {
  if (stage.needsBroker) startEditorBroker();
  console.log(`\n[test] ===== ${stage.name} =====`);
  const result = await runStage(stage);
  results.push({ stage: stage.name, ...result });
  console.log(
    `[test] ${stage.name}: ${result.passed} passed, ${result.failed} failed${result.skipped ? `, ${result.skipped} skipped` : ''} (${(result.ms / 1000).toFixed(1)} s)`,
  );
}

stopEditorBroker();
editorBroker = null;
const total = results.reduce(
  (t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, skipped: t.skipped + r.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log('\n[test] summary');
for (const r of results)
  console.log(
    `[test]   ${r.stage.padEnd(17)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${(r.ms / 1000).toFixed(1)} s`,
  );
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed > 0 ? 1 : 0);
