// Mocha entry that VS Code loads inside the extension host (extensionTestsPath).
// The outside launchers only see the exit code and the browser/stdout console, so the results
// are also written to a JSON file that a runner can count from.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export interface ExtensionTestResults {
  passed: number;
  failed: number;
  failures: { title: string; error: string }[];
}

const testsRoot = path.resolve(__dirname, '..');
const repoRoot = path.resolve(__dirname, '../../../..');
const resultsFile =
  process.env.KLL_EXTENSION_TEST_RESULTS ?? path.join(repoRoot, 'test-results', 'extension-results.json');

function findTests(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findTests(full);
    return entry.name.endsWith('.test.js') ? [full] : [];
  });
}

function writeResults(results: ExtensionTestResults): void {
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));
  console.log(`[extension-tests] ${results.passed} passed, ${results.failed} failed`);
}

export async function run(): Promise<void> {
  // A stale file from an earlier run must never be read as this run's result.
  fs.rmSync(resultsFile, { force: true });
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 30000,
    reporter: 'spec',
    grep: process.env.KLL_EXTENSION_TEST_GREP || undefined,
  });
  const results: ExtensionTestResults = { passed: 0, failed: 0, failures: [] };
  try {
    const files = findTests(testsRoot).sort();
    if (files.length === 0) throw new Error(`no *.test.js under ${testsRoot}: run \`npx tsc -p tsconfig.json\` first`);
    files.forEach((f) => mocha.addFile(f));
    // Marks where test output starts in the workbench log the launchers read.
    console.log(`[extension-tests] running ${files.length} test file(s) in VS Code ${vscode.version}`);
    await new Promise<void>((resolve) => {
      mocha
        .run(() => resolve())
        .on('pass', () => void results.passed++)
        .on('fail', (test, err: Error) => {
          results.failed++;
          results.failures.push({ title: test.fullTitle(), error: err?.stack ?? String(err) });
        });
    });
  } catch (e) {
    results.failed++;
    results.failures.push({
      title: 'loading the extension test suite',
      error: e instanceof Error ? (e.stack ?? e.message) : String(e),
    });
  }
  writeResults(results);
  if (results.failed > 0) throw new Error(`${results.failed} extension test(s) failed`);
}
