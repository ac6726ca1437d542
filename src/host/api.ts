// What `activate()` returns: read-only access for other extensions and the extension tests
// (the tree as VS Code sees it, and how long activation took).
import type * as vscode from 'vscode';
import type { ExplorerNode } from './explorer/explorerNode';
import type { KafkaExplorerProvider } from './explorer/explorerProvider';
import type { CommandFailure, CommandFailureRecord } from './runCommand';

export interface KafkaLogLabApi {
  /** Wall time of `activate()`, milliseconds. */
  readonly activationMs: number;
  readonly explorer: {
    /** Rows under `node` (the clusters when omitted), fetched exactly as the view fetches them. */
    children(node?: ExplorerNode): Promise<ExplorerNode[]>;
    item(node: ExplorerNode): vscode.TreeItem;
    refresh(): void;
    /** Resolves when the numbers fetched in the background (counts, lag) have arrived. */
    settled(): Promise<void>;
  };
  readonly commands: {
    /** How many Kafka Log Lab commands have failed so far (pass it to `failuresSince`). */
    failureCount(): number;
    /** The failures (shown to the user as error notifications) recorded after `mark`. */
    failuresSince(mark: number): CommandFailure[];
  };
}

export function createApi(explorer: KafkaExplorerProvider, failures: CommandFailureRecord, activationMs: number): KafkaLogLabApi {
  return {
    activationMs,
    commands: {
      failureCount: () => failures.count,
      failuresSince: (mark) => failures.since(mark),
    },
    explorer: {
      children: (node) => explorer.getChildren(node),
      item: (node) => explorer.getTreeItem(node),
      refresh: () => explorer.refresh(),
      settled: () => explorer.settled(),
    },
  };
}
