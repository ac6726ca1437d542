// The "Kafka" view. Until a cluster is configured it has no nodes, so VS Code shows the
// view's welcome content with the actions that get a user started.
import * as vscode from 'vscode';
import type { HostDeps } from '../deps';
import { registerCommand } from '../runCommand';

class KafkaExplorerProvider implements vscode.TreeDataProvider<vscode.TreeItem> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  refresh(): void {
    this.changed.fire();
  }
  getTreeItem(item: vscode.TreeItem): vscode.TreeItem {
    return item;
  }
  getChildren(): vscode.TreeItem[] {
    return [];
  }
  dispose(): void {
    this.changed.dispose();
  }
}

export function registerExplorer(deps: HostDeps): vscode.Disposable[] {
  const provider = new KafkaExplorerProvider();
  const view = vscode.window.createTreeView('kafkaLogLab.explorer', { treeDataProvider: provider, showCollapseAll: true });
  return [
    provider,
    view,
    registerCommand(deps, 'kafkaLogLab.refreshExplorer', () => provider.refresh()),
    registerCommand(deps, 'kafkaLogLab.showLogs', () => deps.log.show()),
  ];
}
