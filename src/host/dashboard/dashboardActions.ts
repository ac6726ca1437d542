// The dashboard's actions that reach outside the webview: export to a file, copy to the
// clipboard, start the local broker.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HostDeps } from '../deps';
import type { ExportFormat } from '../../shared/protocol';
import type { DashboardSession } from './dashboardSession';
import { toJsonLine, writeExport } from '../../core/messages/exportMessages';
import { COMMANDS } from '../commands';
import { executeCommand } from '../runCommand';

function defaultExportUri(topic: string, format: ExportFormat): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `${topic}-${new Date().toISOString().replace(/[:.]/g, '-')}.${format === 'csv' ? 'csv' : 'jsonl'}`;
  return folder ? vscode.Uri.joinPath(folder, name) : vscode.Uri.file(path.join(process.cwd(), name));
}

/** Asks where, then writes the messages the list shows (filtered or not). */
export async function exportListedMessages(
  deps: HostDeps,
  session: DashboardSession,
  format: ExportFormat,
  target?: vscode.Uri,
): Promise<number | undefined> {
  const topic = session.config.topic;
  const uri =
    target ??
    (await vscode.window.showSaveDialog({
      defaultUri: defaultExportUri(topic, format),
      filters: format === 'csv' ? { CSV: ['csv'] } : { [vscode.l10n.t('JSON lines')]: ['jsonl', 'ndjson'] },
      saveLabel: vscode.l10n.t('Export'),
      title: vscode.l10n.t('Export the listed messages of {0}', topic),
    }));
  if (!uri) return undefined;
  const count = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting messages of {0}…', topic) },
    () => writeExport(uri.fsPath, format, topic, session.model.listedMessages()),
  );
  deps.log.info(`[dashboard] exported ${count} messages of ${topic} to ${uri.fsPath}`);
  if (!target) {
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t(
          'Kafka Log Lab: exported {0} messages to {1}.',
          count.toLocaleString('en-US'),
          path.basename(uri.fsPath),
        ),
        vscode.l10n.t('Open'),
      )
      .then((choice) => {
        if (choice === vscode.l10n.t('Open')) void vscode.window.showTextDocument(uri);
      });
  }
  return count;
}

export async function copyMessage(session: DashboardSession, seq: number, what: 'json' | 'value'): Promise<void> {
  const message = session.model.ring.get(seq);
  if (!message) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Kafka Log Lab: that message is no longer in the dashboard buffer.'),
    );
    return;
  }
  await vscode.env.clipboard.writeText(what === 'value' ? message.value : toJsonLine(session.config.topic, message));
  vscode.window.setStatusBarMessage(
    what === 'value' ? vscode.l10n.t('Message value copied') : vscode.l10n.t('Message copied as JSON'),
    2500,
  );
}

/** Starts the editor's local broker on the port of `brokers` (the panel's cluster). */
export async function startLocalBrokerAt(brokers: string[]): Promise<void> {
  const port = Number(brokers[0]?.split(':').pop());
  await executeCommand(COMMANDS.startLocalBroker, Number.isInteger(port) ? { port } : undefined);
}

/** Starts the local broker for a dashboard, which resumes once the broker answers. */
export async function startLocalBrokerFor(session: DashboardSession): Promise<void> {
  await startLocalBrokerAt(session.config.brokers);
  await session.retry();
}
