// Puts the shipped CLI on the integrated terminal's PATH as `kafka-log-lab`, pointed at the
// active cluster through KAFKA_BROKERS and speaking the editor's language (KAFKA_LOG_LAB_LANG),
// so the README's commands work in a new terminal as typed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { describeError } from '../../core/errors';
import type { KafkaDeps } from '../deps';
import { cliWrapper } from './cliWrapper';

/** Writes the wrapper into the extension's global storage; returns the folder to put on PATH. */
async function writeWrapper(context: vscode.ExtensionContext): Promise<string> {
  const binDir = path.join(context.globalStorageUri.fsPath, 'bin');
  const cliJs = path.join(context.extensionPath, 'dist', 'cli.js');
  const wrapper = cliWrapper(process.platform, process.execPath, cliJs);
  await fs.promises.mkdir(binDir, { recursive: true });
  const file = path.join(binDir, wrapper.name);
  await fs.promises.writeFile(file, wrapper.text, { mode: 0o755 });
  await fs.promises.chmod(file, 0o755);
  return binDir;
}

export function registerTerminalCli(deps: KafkaDeps): vscode.Disposable[] {
  const env = deps.context.environmentVariableCollection;
  const pointAtActiveCluster = () => {
    const cluster = deps.clusters.isConfigured() ? deps.clusters.active() : undefined;
    if (cluster) env.replace('KAFKA_BROKERS', cluster.bootstrapServers);
    else env.delete('KAFKA_BROKERS');
    env.description = new vscode.MarkdownString(
      cluster
        ? vscode.l10n.t('`kafka-log-lab` on PATH, KAFKA_BROKERS = the active cluster "{0}"', cluster.name)
        : vscode.l10n.t('`kafka-log-lab` on PATH'),
    );
  };
  writeWrapper(deps.context).then(
    (binDir) => {
      env.prepend('PATH', `${binDir}${path.delimiter}`);
      // The terminal's CLI speaks the editor's display language (its messages use the same bundles).
      env.replace('KAFKA_LOG_LAB_LANG', vscode.env.language);
      pointAtActiveCluster();
      deps.log.info(`[terminal] kafka-log-lab on the terminal's PATH (${binDir})`);
    },
    (e: unknown) => deps.log.warn(`[terminal] no kafka-log-lab command in the terminal: ${describeError(e)}`),
  );
  return [deps.clusters.onDidChange(pointAtActiveCluster)];
}
