// Composition root: builds the adapters once and lets each area register its commands.
// Nothing here talks to Kafka: kafkajs and the engine load on first use, after activation.
import * as vscode from 'vscode';
import { createApi, type KafkaLogLabApi } from './host/api';
import { registerBrokerCommands } from './host/broker/brokerCommands';
import { registerClusterCommands } from './host/clusters/clusterCommands';
import { ClusterRegistry } from './host/clusters/clusterRegistry';
import { registerConsumeCommands } from './host/consume/consumeCommand';
import { registerDashboard } from './host/dashboard/registerDashboard';
import { KafkaExplorerProvider } from './host/explorer/explorerProvider';
import { registerGroupCommands } from './host/explorer/groupCommands';
import { registerExplorer } from './host/explorer/registerExplorer';
import { registerTopicCommands } from './host/explorer/topicCommands';
import { registerGenerateCommands } from './host/generate/generateCommand';
import { registerGroupLab } from './host/groupLab/registerGroupLab';
import { createLog } from './host/log';
import { registerProduceCommands } from './host/produce/produceCommands';
import { registerClusterStatusBar } from './host/status/clusterStatusBar';

export function activate(context: vscode.ExtensionContext): KafkaLogLabApi {
  const started = performance.now();
  const log = createLog();
  const clusters = new ClusterRegistry(context.secrets, log);
  const explorer = new KafkaExplorerProvider(clusters, log);
  const deps = { context, log, clusters, explorer };
  context.subscriptions.push(
    log.channel,
    clusters,
    ...registerExplorer(deps),
    ...registerClusterCommands(deps),
    ...registerTopicCommands(deps),
    ...registerGroupCommands(deps),
    ...registerConsumeCommands(deps),
    ...registerDashboard(deps),
    ...registerGroupLab(deps),
    ...registerGenerateCommands(deps),
    ...registerProduceCommands(deps),
    ...registerBrokerCommands(deps),
    ...registerClusterStatusBar(deps),
  );
  const activationMs = performance.now() - started;
  log.info(`[activate] Kafka Log Lab ready in ${activationMs.toFixed(1)} ms`);
  return createApi(explorer, activationMs);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
