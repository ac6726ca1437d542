// The CLI in the integrated terminal: a new terminal finds `kafka-log-lab` on its PATH (the
// wrapper in the extension's global storage) with KAFKA_BROKERS set to the active cluster.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extensionApi } from './support/explorerTree';
import { pollUntil } from '../support/polling';

const manifestVersion = (): string =>
  (vscode.extensions.getExtension('kafka-log-lab.kafka-log-lab')?.packageJSON as { version: string }).version;

/** Runs `script` in a new integrated terminal (plain sh) and returns what it wrote, once it is done. */
async function inTerminal(script: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kll-terminal-'));
  const out = path.join(dir, 'out.txt');
  const terminal = vscode.window.createTerminal({
    name: 'Kafka Log Lab CLI test',
    shellPath: '/bin/sh',
    shellArgs: ['-c', `{ ${script}; } > '${out}.part' 2>&1; mv '${out}.part' '${out}'`],
  });
  try {
    return await pollUntil(
      'the terminal command to finish',
      () => (fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : undefined),
      undefined,
      20000,
    );
  } finally {
    terminal.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('The CLI in the integrated terminal', function () {
  this.timeout(120000);
  const config = () => vscode.workspace.getConfiguration('kafkaLogLab');
  let saved: { clusters: unknown; active: unknown };

  before(async function () {
    if (process.platform === 'win32') this.skip();
    await extensionApi();
    saved = {
      clusters: config().inspect('clusters')?.globalValue,
      active: config().inspect('activeCluster')?.globalValue,
    };
    const clusters = [{ name: 'terminal-cli', bootstrapServers: '127.0.0.1:19871' }];
    await config().update('clusters', clusters, vscode.ConfigurationTarget.Global);
    await config().update('activeCluster', 'terminal-cli', vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    if (!saved) return;
    await config().update('clusters', saved.clusters, vscode.ConfigurationTarget.Global);
    await config().update('activeCluster', saved.active, vscode.ConfigurationTarget.Global);
  });

  it('runs `kafka-log-lab --version` with KAFKA_BROKERS = the active cluster', async () => {
    // The collection reaches terminals opened after it changed: open new ones until one has it.
    const output = await pollUntil(
      'a terminal with kafka-log-lab and the active cluster',
      () => inTerminal('command -v kafka-log-lab; kafka-log-lab --version; echo "KAFKA_BROKERS=$KAFKA_BROKERS"'),
      (text) => text.includes('KAFKA_BROKERS=127.0.0.1:19871'),
      60000,
      1000,
    );
    const [where, version] = output.trim().split('\n');
    assert.match(where, /[/\\]bin[/\\]kafka-log-lab$/, `the wrapper on PATH: ${output}`);
    assert.equal(version, manifestVersion(), `kafka-log-lab --version printed: ${output}`);
  });
});
