// "Kafka Log Lab: Open Dashboard…": one webview panel per consumed topic, restored after a
// window reload by a WebviewPanelSerializer. In the extension's test mode a few extra
// commands let tests read what the webview rendered and drive it through the protocol.
import { runsExtensionTests } from '../testMode';
import * as vscode from 'vscode';
import type { HostDeps } from '../deps';
import { LOCAL_CLUSTER } from '../broker/brokerCommands';
import { COMMANDS } from '../commands';
import { registerCommand, registerTestCommand } from '../runCommand';
import { OpenPanels, panelKey } from '../webview/openPanels';
import { webviewPanelOptions } from '../webview/webviewAppPanel';
import { dashboardRestorer, openDashboard, type ShowDashboard } from './dashboardOpening';
import { DASHBOARD_VIEW_TYPE, DashboardPanel } from './dashboardPanel';
import { DashboardSession, runningReaders } from './dashboardSession';
import { bufferSize, onBufferSizeChanged } from './dashboardSettings';
import { dashboardClients, type ClusterLookup } from './dashboardTarget';

/** `clusters` (the Kafka view's registry) lets named clusters connect with their SSL/SASL settings. */
export function registerDashboard(deps: HostDeps & { clusters?: ClusterLookup }): vscode.Disposable[] {
  const panels = new OpenPanels<DashboardPanel>('dashboard');
  const createClient = dashboardClients(deps.clusters, (line) => deps.log.warn(line));

  const show: ShowDashboard = (config, existingPanel) => {
    const options = { localBroker: config.clusterName === LOCAL_CLUSTER };
    const session = new DashboardSession(config, bufferSize(), createClient, (line) => deps.log.info(line), options);
    const panel =
      existingPanel ??
      vscode.window.createWebviewPanel(
        DASHBOARD_VIEW_TYPE,
        `Dashboard: ${config.topic}`,
        vscode.ViewColumn.Active,
        webviewPanelOptions(deps.context),
      );
    return panels.add(panelKey(config), (closed) => new DashboardPanel(panel, session, deps, closed));
  };

  const disposables: vscode.Disposable[] = [
    registerCommand(deps, COMMANDS.openDashboard, openDashboard(deps, panels, show)),
    vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, dashboardRestorer(deps, panels, show)),
    onBufferSizeChanged((size) => panels.all().forEach((p) => p.session.resize(size))),
    // Their consumers and labs end when the window closes: deactivate waits for them.
    panels,
    new vscode.Disposable(deps.work.own('dashboards', { stop: () => panels.dispose() })),
  ];
  if (runsExtensionTests(deps.context)) disposables.push(...registerTestCommands(panels));
  return disposables;
}

/** Test-only: not contributed to the palette, registered only when VS Code runs the extension's tests. */
function registerTestCommands(panels: OpenPanels<DashboardPanel>): vscode.Disposable[] {
  const find = (topic: unknown) => panels.byTopic(topic);
  return [
    registerTestCommand(COMMANDS.testDashboardRendered, (topic: string) => find(topic).requestRendered()),
    // False for a message outside the protocol.
    registerTestCommand(
      COMMANDS.testDashboardReceive,
      async (topic: string, message: unknown) => (await find(topic).receive(message)).accepted,
    ),
    registerTestCommand(COMMANDS.testDashboardState, (topic: string) => find(topic).session.model.live(true)),
    registerTestCommand(COMMANDS.testDashboardClose, (topic: string) => find(topic).dispose()),
    registerTestCommand(COMMANDS.testDashboardReaders, () => runningReaders()),
    registerTestCommand(COMMANDS.testDashboardPanels, () => panels.topics()),
  ];
}
