// "Kafka Log Lab: Replication Lab…": a panel that runs the replication lab on a 3-node JVM
// cluster (the running one, else one of its own) and shows brokers, partitions, the timeline
// and the account live, with Stop, Kill and Start per broker. One panel at a time; closing it
// stops the lab and the cluster it started. In the extension's test mode a few extra commands
// let tests read the panel's state and what its webview rendered, and drive it.
import * as vscode from 'vscode';
import { createKafkaClient } from '../../core/kafka/client';
import { UserError } from '../../core/errors';
import { ReplicationLab } from '../../core/replication/replicationLab';
import { COMMANDS } from '../commands';
import type { HostDeps } from '../deps';
import { registerCommand, registerTestCommand } from '../runCommand';
import { runsExtensionTests } from '../testMode';
import { OpenPanels } from '../webview/openPanels';
import { webviewPanelOptions } from '../webview/webviewAppPanel';
import { REPLICATION_VIEW_TYPE, ReplicationPanel } from './replicationPanel';
import type { LabCluster } from '../../core/replication/labCluster';
import {
  askForConfig,
  configFromArgs,
  openCluster,
  type ReplicationLabArgs,
  type ReplicationLabConfig,
} from './replicationSetup';

const KEY = 'replication';

/** The lab on a new topic of `cluster`, connecting as the CLI's lab does. */
function newLab(cluster: LabCluster, config: ReplicationLabConfig): { lab: ReplicationLab; topic: string } {
  const topic = `replication-lab-${Date.now().toString(36)}`;
  const client = createKafkaClient({
    brokers: cluster.bootstrap,
    clientId: 'kafka-log-lab-replication-lab',
    connectionTimeoutMs: 1000,
    requestTimeoutMs: 5000,
    retries: 2,
  });
  const lab = new ReplicationLab(
    { topic, minInsyncReplicas: config.minIsr, acks: config.acks, rate: config.rate },
    { client, cluster: cluster.control },
  );
  return { lab, topic };
}

export function registerReplicationLab(deps: HostDeps): vscode.Disposable[] {
  const panels = new OpenPanels<ReplicationPanel>('replication lab');

  const open = async (args?: ReplicationLabArgs): Promise<{ topic: string; bootstrap: string } | undefined> => {
    const existing = panels.get(KEY);
    if (existing) {
      existing.reveal();
      return { topic: existing.topic, bootstrap: existing.info.bootstrap };
    }
    const config = args && typeof args === 'object' ? configFromArgs(args) : await askForConfig();
    if (config === undefined) return undefined;
    if (typeof config === 'string') throw new UserError(vscode.l10n.t('cannot open the Replication Lab: {0}', config));
    const cluster = await openCluster(config.ownCluster);
    if (cluster.startMs !== undefined)
      deps.log.info(`[replication lab] 3-node cluster ready in ${(cluster.startMs / 1000).toFixed(1)} s`);
    const { lab, topic } = newLab(cluster, config);
    const info = {
      topic,
      acks: config.acks,
      minInsyncReplicas: config.minIsr,
      bootstrap: cluster.bootstrap.join(','),
      clusterStartedHere: cluster.temporary,
    };
    const view = vscode.window.createWebviewPanel(
      REPLICATION_VIEW_TYPE,
      vscode.l10n.t('Replication Lab'),
      vscode.ViewColumn.Active,
      webviewPanelOptions(deps.context),
    );
    const panel = panels.add(
      KEY,
      (closed) => new ReplicationPanel(view, lab, cluster, info, config.rate, deps, closed),
    );
    deps.log.info(`[replication lab] ${topic} at ${info.bootstrap}, acks=${config.acks}, min ISR ${config.minIsr}`);
    try {
      await lab.start();
    } catch (e) {
      // The panel stays open with the reason; closing it still stops the cluster it started.
      panel.app.setProblem((e as Error).message, true);
      await lab.dispose().catch(() => undefined);
      throw e;
    }
    return { topic, bootstrap: info.bootstrap };
  };

  const disposables: vscode.Disposable[] = [
    registerCommand(deps, COMMANDS.openReplicationLab, open),
    // The lab's clients and the cluster it started end when the window closes: deactivate waits.
    panels,
    new vscode.Disposable(deps.work.own('replication lab', { stop: () => panels.dispose() })),
  ];
  if (runsExtensionTests(deps.context)) disposables.push(...registerTestCommands(panels));
  return disposables;
}

/** Test-only: not contributed to the palette, registered only when VS Code runs the extension's tests. */
function registerTestCommands(panels: OpenPanels<ReplicationPanel>): vscode.Disposable[] {
  const find = () => {
    const panel = panels.get(KEY);
    if (!panel) throw new Error('no replication lab is open');
    return panel;
  };
  return [
    registerTestCommand(COMMANDS.testReplicationLabState, () => find().app.state),
    registerTestCommand(COMMANDS.testReplicationLabRendered, () => find().requestRendered()),
    // The host's answer to an action (`done`), or undefined for a message outside the protocol.
    registerTestCommand(COMMANDS.testReplicationLabReceive, async (m: unknown) => (await find().receive(m)).reply),
    registerTestCommand(COMMANDS.testReplicationLabClose, () => panels.get(KEY)?.dispose()),
  ];
}
