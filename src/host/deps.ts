// What the composition root hands to every area of the host.
import type * as vscode from 'vscode';
import type { ClusterRegistry } from './clusters/clusterRegistry';
import type { KafkaExplorerProvider } from './explorer/explorerProvider';
import type { HostLog } from './log';
import type { CommandFailureRecord } from './runCommand';
import type { BackgroundWork } from '../core/util/backgroundWork';

export interface HostDeps {
  context: vscode.ExtensionContext;
  log: HostLog;
  /** Where `registerCommand` records the failures it showed to the user. */
  failures: CommandFailureRecord;
  /** Owner of everything that runs in the background; `deactivate()` stops it. */
  work: BackgroundWork;
}

/** Areas that talk to Kafka also get the clusters and the explorer (to refresh it). */
export interface KafkaDeps extends HostDeps {
  clusters: ClusterRegistry;
  explorer: KafkaExplorerProvider;
}
