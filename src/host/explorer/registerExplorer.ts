// The "Kafka" view: clusters, brokers, topics and consumer groups. With no cluster configured
// it has no rows, so VS Code shows the view's welcome content with the getting-started buttons.
import * as vscode from 'vscode';
import type { KafkaDeps } from '../deps';
import { COMMANDS } from '../commands';
import { registerCommand } from '../runCommand';
import { onDidChangeSettings, readSettings } from '../settings';
import { markDone } from '../walkthrough/walkthroughProgress';
import type { ExplorerNode } from './explorerNode';
import { GroupsFolderNode } from './groupNodes';

/** Refreshes on the `kafkaLogLab.explorer.autoRefreshSeconds` interval, only while the view is visible. */
function autoRefresh(deps: KafkaDeps, view: vscode.TreeView<ExplorerNode>): vscode.Disposable {
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    clearInterval(timer);
    const seconds = readSettings().autoRefreshSeconds;
    timer =
      seconds > 0 ? setInterval(() => view.visible && deps.explorer.refresh(), Math.max(2, seconds) * 1000) : undefined;
  };
  schedule();
  const subscription = onDidChangeSettings(schedule);
  // What changed while the view was hidden shows as soon as it is shown again.
  const shown = view.onDidChangeVisibility((e) => e.visible && timer && deps.explorer.refresh());
  return { dispose: () => (clearInterval(timer), subscription.dispose(), shown.dispose()) };
}

/** Opens the view on the active cluster's consumer groups (the walkthrough's last step). */
async function revealConsumerGroups(deps: KafkaDeps, view: vscode.TreeView<ExplorerNode>): Promise<void> {
  await vscode.commands.executeCommand('kafkaLogLab.explorer.focus');
  markDone('groupsViewed');
  const active = (await deps.explorer.getChildren()).find((c) => c.cluster.name === deps.clusters.active().name);
  if (!active) return;
  const folder = (await deps.explorer.getChildren(active)).find((n) => n instanceof GroupsFolderNode);
  if (folder) await view.reveal(folder, { expand: true, focus: true, select: true });
}

export function registerExplorer(deps: KafkaDeps): vscode.Disposable[] {
  const view = vscode.window.createTreeView('kafkaLogLab.explorer', {
    treeDataProvider: deps.explorer,
    showCollapseAll: true,
  });
  return [
    deps.explorer,
    view,
    autoRefresh(deps, view),
    registerCommand(deps, COMMANDS.refreshExplorer, () => deps.explorer.refresh()),
    registerCommand(deps, COMMANDS.showLogs, () => deps.log.show()),
    registerCommand(deps, COMMANDS.showConsumerGroups, () => revealConsumerGroups(deps, view)),
  ];
}
