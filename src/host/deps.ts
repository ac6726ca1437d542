// What the composition root hands to every area of the host.
import type * as vscode from 'vscode';
import type { ClusterRegistry } from './clusters/clusterRegistry';
import type { KafkaExplorerProvider } from './explorer/explorerProvider';
import type { HostLog } from './log';

export interface HostDeps {
  context: vscode.ExtensionContext;
  log: HostLog;
}

/** Areas that talk to Kafka also get the clusters and the explorer (to refresh it). */
export interface KafkaDeps extends HostDeps {
  clusters: ClusterRegistry;
  explorer: KafkaExplorerProvider;
}
