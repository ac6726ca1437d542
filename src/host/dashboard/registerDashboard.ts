// "Kafka Log Lab: Open Dashboard…": one webview panel per consumed topic, restored after a
// window reload by a WebviewPanelSerializer. In the extension's test mode a few extra
// commands let tests read what the webview rendered and drive it through the protocol.
import * as vscode from 'vscode';
import { UserError } from '../../core/errors';
import { sourceIdOf } from '../../core/kafka/produceCheckpoint';
import type { DashboardConfig } from '../../shared/protocol';
import type { HostDeps } from '../deps';
import { registerCommand } from '../runCommand';
import { OpenPanels, panelKey } from '../webview/openPanels';
import { webviewPanelOptions } from '../webview/webviewAppPanel';
import { toDashboardConfig } from './dashboardConfig';
import { DASHBOARD_VIEW_TYPE, DashboardPanel } from './dashboardPanel';
import { DashboardSession, runningReaders } from './dashboardSession';
import { bufferSize, onBufferSizeChanged } from './dashboardSettings';
import { askForTarget, dashboardClients, rememberBrokers, targetFromArgs, type ClusterLookup } from './dashboardTarget';

export const OPEN_DASHBOARD_COMMAND = 'kafkaLogLab.openDashboard';

/** The id our producer stamps on the file's messages (kll.src), when the file is still there. */
function fileSourceId(file: string): string | undefined {
  try {
    return sourceIdOf(file);
  } catch {
    return undefined;
  }
}

/** `clusters` (the Kafka view's registry) lets named clusters connect with their SSL/SASL settings. */
export function registerDashboard(deps: HostDeps & { clusters?: ClusterLookup }): vscode.Disposable[] {
  const panels = new OpenPanels<DashboardPanel>('dashboard');
  const createClient = dashboardClients(deps.clusters, (line) => deps.log.warn(line));

  const show = (config: DashboardConfig, existingPanel?: vscode.WebviewPanel): DashboardPanel => {
    const session = new DashboardSession(config, bufferSize(), createClient, (line) => deps.log.info(line));
    const panel = existingPanel ?? vscode.window.createWebviewPanel(
      DASHBOARD_VIEW_TYPE, `Dashboard: ${config.topic}`, vscode.ViewColumn.Active, webviewPanelOptions(deps.context));
    return panels.add(panelKey(config), (closed) => new DashboardPanel(panel, session, deps, closed));
  };

  const open = async (raw?: unknown): Promise<void> => {
    const args = typeof raw === 'object' && raw !== null && typeof (raw as { topic?: unknown }).topic === 'string' ? (raw as Record<string, unknown>) : undefined;
    let fields: Record<string, unknown>;
    if (args) {
      const target = targetFromArgs(args, deps.clusters, deps.context);
      if (!target) throw new UserError(`no cluster named "${String(args.clusterName ?? args.cluster)}" is configured`);
      fields = { ...args, ...target };
    } else {
      const target = await askForTarget(deps.context, deps.clusters);
      if (!target) return;
      fields = { ...target };
    }
    const config = toDashboardConfig(fields);
    if (typeof config === 'string') throw new UserError(`cannot open the dashboard: ${config}`);
    if (config.produced && config.produced.sourceId === undefined) config.produced.sourceId = fileSourceId(config.produced.file);
    rememberBrokers(deps.context, config.brokers);
    const existing = panels.get(panelKey(config));
    if (existing) {
      if (config.produced) existing.session.setProduced(config.produced);
      existing.reveal();
      return;
    }
    show(config);
  };

  const disposables: vscode.Disposable[] = [
    registerCommand(deps, OPEN_DASHBOARD_COMMAND, open),
    vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, {
      async deserializeWebviewPanel(panel, state) {
        const config = toDashboardConfig((state as { config?: unknown } | undefined)?.config);
        if (typeof config === 'string') {
          deps.log.warn(`[dashboard] not restoring a dashboard: ${config}`);
          panel.dispose();
          return;
        }
        const existing = panels.get(panelKey(config));
        if (existing) {
          panel.dispose();
          existing.reveal();
          return;
        }
        show(config, panel);
      },
    }),
    onBufferSizeChanged((size) => panels.all().forEach((p) => p.session.resize(size))),
    // Their consumers and labs end when the window closes: deactivate waits for them.
    panels,
    new vscode.Disposable(deps.work.own('dashboards', { stop: () => panels.dispose() })),
  ];
  if (deps.context.extensionMode === vscode.ExtensionMode.Test) disposables.push(...registerTestCommands(deps, panels));
  return disposables;
}

/** Test-only: not contributed to the palette, registered only when VS Code runs the extension's tests. */
function registerTestCommands(deps: HostDeps, panels: OpenPanels<DashboardPanel>): vscode.Disposable[] {
  const find = (topic: unknown) => panels.byTopic(topic);
  return [
    vscode.commands.registerCommand('kafkaLogLab.test.dashboardRendered', (topic: string) => find(topic).requestRendered()),
    // False for a message outside the protocol.
    vscode.commands.registerCommand('kafkaLogLab.test.dashboardReceive', async (topic: string, message: unknown) => (await find(topic).receive(message)).accepted),
    vscode.commands.registerCommand('kafkaLogLab.test.dashboardState', (topic: string) => find(topic).session.model.live(true)),
    vscode.commands.registerCommand('kafkaLogLab.test.dashboardClose', (topic: string) => find(topic).dispose()),
    vscode.commands.registerCommand('kafkaLogLab.test.dashboardReaders', () => runningReaders()),
    vscode.commands.registerCommand('kafkaLogLab.test.dashboardPanels', () => panels.topics()),
  ];
}
