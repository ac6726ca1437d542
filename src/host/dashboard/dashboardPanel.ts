// One dashboard webview panel: the dashboard's session (its reader and model) served to the
// dashboard's webview app by the editor-free DashboardController.
import * as vscode from 'vscode';
import type { DashboardProtocol } from '../../shared/protocol';
import type { HostDeps } from '../deps';
import { COMMANDS } from '../commands';
import { dashboardReportArgs } from '../report/exportLabReport';
import { executeCommand } from '../runCommand';
import { WebviewAppPanel } from '../webview/webviewAppPanel';
import { copyMessage, exportListedMessages, startLocalBrokerFor } from './dashboardActions';
import { DashboardController } from './dashboardController';
import { DASHBOARD_PAGE } from './dashboardPage';
import type { DashboardSession } from './dashboardSession';
import { parseWebviewMessage } from './webviewMessages';

export const DASHBOARD_VIEW_TYPE = 'kafkaLogLab.dashboard';

export class DashboardPanel extends WebviewAppPanel<DashboardProtocol, DashboardController> {
  constructor(
    panel: vscode.WebviewPanel,
    readonly session: DashboardSession,
    deps: HostDeps,
    onDisposed: () => void,
  ) {
    const spec = {
      name: 'dashboard',
      title: vscode.l10n.t('Dashboard: {0}', session.config.topic),
      page: DASHBOARD_PAGE,
      parse: parseWebviewMessage,
    };
    super(
      panel,
      spec,
      deps,
      (channel) =>
        new DashboardController(session, {
          webview: channel,
          exportListed: (format) => exportListedMessages(deps, session, format),
          copy: (seq, what) => copyMessage(session, seq, what),
          startLocalBroker: () => startLocalBrokerFor(session),
          exportReport: () => executeCommand(COMMANDS.exportLabReport, dashboardReportArgs(session.config)),
        }),
      onDisposed,
    );
    this.app.start();
    session.start();
  }

  get topic(): string {
    return this.session.config.topic;
  }

  protected override async stopWork(): Promise<void> {
    this.app.stop();
    await this.session.stop();
    this.deps.log.info(`[dashboard] closed ${this.topic}; its reader stopped`);
  }
}
