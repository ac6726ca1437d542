// "Kafka Log Lab: Consumer Group Lab…": a panel that runs G groups of M real consumers on a
// topic in the extension host and shows fanout and load balancing as they happen. One panel
// per cluster and topic; closing it stops its consumers. In the extension's test mode a few
// extra commands let tests read the lab and what its webview rendered, and drive it.
import { runsExtensionTests } from '../testMode';
import * as vscode from 'vscode';
import { UserError } from '../../core/errors';
import { GroupLab } from '../../core/lab/groupLab';
import { LOCAL_CLUSTER } from '../broker/brokerCommands';
import type { HostDeps } from '../deps';
import type { KafkaExplorerProvider } from '../explorer/explorerProvider';
import { COMMANDS } from '../commands';
import { registerCommand, registerTestCommand } from '../runCommand';
import { OpenPanels, panelKey } from '../webview/openPanels';
import { webviewPanelOptions } from '../webview/webviewAppPanel';
import { labClients, type LabClusterLookup } from './groupLabClients';
import { GROUP_LAB_VIEW_TYPE, GroupLabPanel } from './groupLabPanel';
import { askForConfig, configFromArgs, topicRow, type GroupLabConfig } from './groupLabSetup';

/** `clusters` (the Kafka view's registry) gives the active cluster and its connection settings. */
/** `explorer`: refreshed when the lab changes the cluster, so its groups show in the tree at once. */
export function registerGroupLab(
  deps: HostDeps & { clusters?: LabClusterLookup; explorer?: Pick<KafkaExplorerProvider, 'refresh'> },
): vscode.Disposable[] {
  const panels = new OpenPanels<GroupLabPanel>('group lab');
  const warn = (line: string) => deps.log.warn(line);

  const open = async (raw?: unknown): Promise<{ topic: string; groups: string[] } | undefined> => {
    const args = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : undefined;
    let config: GroupLabConfig | string | undefined;
    if (args && 'topic' in args) config = configFromArgs(args, deps.clusters);
    else config = await askForConfig(deps.clusters, warn, topicRow(raw));
    if (config === undefined) return undefined;
    if (typeof config === 'string')
      throw new UserError(vscode.l10n.t('cannot open the Consumer Group Lab: {0}', config));
    const existing = panels.get(panelKey(config));
    if (existing) {
      existing.reveal();
      return { topic: config.topic, groups: existing.lab.snapshot().groups.map((g) => g.groupId) };
    }

    const lab = new GroupLab(
      { topic: config.topic, groups: config.groups, membersPerGroup: config.members, partitions: config.partitions },
      { ...(await labClients(config, deps.clusters, warn)), log: (line) => deps.log.info(line) },
    );
    const panel = vscode.window.createWebviewPanel(
      GROUP_LAB_VIEW_TYPE,
      `Group Lab: ${config.topic}`,
      vscode.ViewColumn.Active,
      webviewPanelOptions(deps.context),
    );
    const info = {
      topic: config.topic,
      cluster: config.clusterName ?? config.brokers.join(','),
      membersPerGroup: config.members,
      localBroker: config.clusterName === LOCAL_CLUSTER,
    };
    const panelDeps = { ...deps, brokers: config.brokers };
    panels.add(panelKey(config), (closed) => new GroupLabPanel(panel, lab, info, panelDeps, closed));
    deps.log.info(`[group lab] ${config.groups} groups of ${config.members} on ${config.topic} at ${info.cluster}`);
    try {
      await lab.start();
    } catch (e) {
      // The panel stays open with the reason; its consumers are stopped.
      await lab.stop().catch(() => undefined);
      throw e;
    }
    deps.explorer?.refresh(); // its groups (and a topic it created) show in the tree at once
    return { topic: config.topic, groups: lab.snapshot().groups.map((g) => g.groupId) };
  };

  const disposables: vscode.Disposable[] = [
    registerCommand(deps, COMMANDS.openGroupLab, open),
    // Their consumers and labs end when the window closes: deactivate waits for them.
    panels,
    new vscode.Disposable(deps.work.own('group labs', { stop: () => panels.dispose() })),
  ];
  if (runsExtensionTests(deps.context)) disposables.push(...registerTestCommands(panels));
  return disposables;
}

/** Test-only: not contributed to the palette, registered only when VS Code runs the extension's tests. */
function registerTestCommands(panels: OpenPanels<GroupLabPanel>): vscode.Disposable[] {
  const find = (topic: unknown) => panels.byTopic(topic);
  return [
    registerTestCommand(COMMANDS.testGroupLabSnapshot, (topic: string) => find(topic).lab.snapshot()),
    registerTestCommand(COMMANDS.testGroupLabRendered, (topic: string) => find(topic).requestRendered()),
    // The host's answer to an action (`done`), or undefined for a message outside the protocol.
    registerTestCommand(
      COMMANDS.testGroupLabReceive,
      async (topic: string, message: unknown) => (await find(topic).receive(message)).reply,
    ),
    registerTestCommand(COMMANDS.testGroupLabClose, (topic: string) => find(topic).dispose()),
    registerTestCommand(COMMANDS.testGroupLabPanels, () => panels.topics()),
  ];
}
