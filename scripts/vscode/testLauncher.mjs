// VS Code 1.139's web workbench honours the extensionDevelopmentPath / extensionTestsPath payload
// only in development builds (or with a smoke-test flag code-server does not accept). There the
// suite runs from regular extensions instead: the repository linked into the profile's
// extensions folder (createSandbox), and a launcher extension that runs the suite once the
// window has started and copies its console to a file. The results come back through the
// suite's results file.
import fs from 'node:fs';
import path from 'node:path';

/** Installs the launcher into the sandbox; returns the file the suite's output goes to. */
export function installTestLauncher(sandbox, testsEntry) {
  const launcher = path.join(sandbox.extensions, 'kll-tests.launcher-0.0.1');
  const output = path.join(sandbox.dir, 'extension-tests.log');
  fs.mkdirSync(launcher);
  fs.writeFileSync(
    path.join(launcher, 'package.json'),
    JSON.stringify({
      name: 'launcher',
      publisher: 'kll-tests',
      version: '0.0.1',
      engines: { vscode: '^1.100.0' },
      activationEvents: ['onStartupFinished'],
      main: './extension.js',
      capabilities: { untrustedWorkspaces: { supported: true } },
    }),
  );
  fs.writeFileSync(
    path.join(launcher, 'extension.js'),
    `const fs = require('fs');
const { format } = require('util');
exports.activate = () => {
  for (const level of ['log', 'info', 'warn', 'error']) {
    const original = console[level].bind(console);
    console[level] = (...args) => {
      fs.appendFileSync(${JSON.stringify(output)}, format(...args) + '\\n');
      original(...args);
    };
  }
  require(${JSON.stringify(testsEntry)}).run().catch(() => {});
};
`,
  );
  return output;
}

/** Waits for the suite's results file: 0 when all passed, 1 on failures, 'timeout' without one. */
export async function waitForResults(resultsFile, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
      return results.failed ? 1 : 0;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  return 'timeout';
}
