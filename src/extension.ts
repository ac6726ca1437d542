// Composition root: builds the adapters once and lets each area register its commands.
// Nothing here talks to Kafka: kafkajs and the engine load on first use, after activation.
import { runsExtensionTests } from './host/testMode';
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
import { registerReplicationLab } from './host/replication/registerReplicationLab';
import { registerLiveCommands } from './host/live/liveCommands';
import { createLog } from './host/log';
import { registerProduceCommands } from './host/produce/produceCommands';
import { registerReportCommands } from './host/report/registerReport';
import { registerClusterStatusBar } from './host/status/clusterStatusBar';
import { registerTerminalCli } from './host/terminal/terminalCli';
import { CommandFailureRecord } from './host/runCommand';
import { BackgroundWork } from './core/util/backgroundWork';

export function activate(context: vscode.ExtensionContext): KafkaLogLabApi {
  const started = performance.now();
  const log = createLog();
  const failures = new CommandFailureRecord();
  const work = new BackgroundWork(log);
  background = work;
  const clusters = new ClusterRegistry(context.secrets, log);
  const explorer = new KafkaExplorerProvider(clusters, log);
  const deps = { context, log, failures, work, clusters, explorer };
  work.own('explorer connections', { stop: () => explorer.closeConnections() });
  context.subscriptions.push(
    log.channel,
    failures,
    work,
    clusters,
    ...registerExplorer(deps),
    ...registerClusterCommands(deps),
    ...registerTopicCommands(deps),
    ...registerGroupCommands(deps),
    ...registerConsumeCommands(deps),
    ...registerDashboard(deps),
    ...registerGroupLab(deps),
    ...registerReplicationLab(deps),
    ...registerGenerateCommands(deps),
    ...registerProduceCommands(deps),
    ...registerReportCommands(deps),
    ...registerLiveCommands(deps),
    ...registerBrokerCommands(deps),
    ...registerClusterStatusBar(deps),
    ...registerTerminalCli(deps),
  );
  const activationMs = performance.now() - started;
  log.info(`[activate] Kafka Log Lab ready in ${activationMs.toFixed(1)} ms`);
  // The cluster commands' questions can be answered in advance only by the extension tests.
  const test = runsExtensionTests(context)
    ? {
        prompter: clusters.prompter,
        logDir: context.logUri.fsPath,
        userSettings: vscode.Uri.joinPath(context.globalStorageUri, '..', '..', 'settings.json').fsPath,
      }
    : undefined;
  return createApi(explorer, failures, activationMs, test);
}

/** Set by `activate`: what `deactivate` must stop before the window closes. */
let background: BackgroundWork | undefined;

/**
 * VS Code awaits this before it disposes `context.subscriptions`: stop what still runs
 * (produce, consumers, follow mode, a broker started here) and wait for it, within a bound.
 */
export async function deactivate(): Promise<void> {
  await background?.stopAll(4000);
  background = undefined;
}
