// Runs the extension suite (test/extension) in desktop VS Code 1.100.3, which @vscode/test-electron
// downloads into .cache/vscode-test/ on first use. For machines with internet access and a display:
//
//   npm run test:extension:electron             (Linux without a display: xvfb-run -a npm run ...)
//
// Offline machines and CI here use scripts/vscode/run-extension-tests.mjs (code-server) instead;
// both launchers load the same out/test/extension/suite/index.js and end with `N passed, N failed`.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests, TestRunFailedError } from '@vscode/test-electron';
import type { ExtensionTestResults } from './suite';

const repoRoot = path.resolve(__dirname, '../../..');
const resultsFile = path.join(repoRoot, 'test-results', 'extension-results.json');

function readResults(): ExtensionTestResults | undefined {
  return fs.existsSync(resultsFile)
    ? (JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as ExtensionTestResults)
    : undefined;
}

async function main(): Promise<number> {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'kll-electron-ws-'));
  fs.rmSync(resultsFile, { force: true });
  let exitCode = 0;
  try {
    exitCode = await runTests({
      version: '1.100.3',
      cachePath: path.join(repoRoot, '.cache', 'vscode-test'),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(__dirname, 'suite', 'index'),
      // Process env reaches the extension host too (e.g. KLL_TEST_BROKERS).
      extensionTestsEnv: { KLL_EXTENSION_TEST_RESULTS: resultsFile },
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
    });
  } catch (e) {
    exitCode = e instanceof TestRunFailedError ? (e.code ?? 1) : 1;
    if (!(e instanceof TestRunFailedError)) console.error(e);
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
  const results = readResults();
  const passed = results?.passed ?? 0;
  let failed = results?.failed ?? 0;
  if (!results) console.error(`no results file at ${resultsFile}: the suite never ran`);
  if (exitCode !== 0 && failed === 0) failed = 1;
  if (exitCode === 0 && passed + failed === 0) failed = 1;
  for (const f of results?.failures ?? []) console.log(`FAILED: ${f.title}: ${f.error.split('\n')[0]}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code));
