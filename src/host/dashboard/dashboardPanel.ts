// One dashboard webview panel: the security-minded document, and the wiring between the
// VS Code webview and the editor-free DashboardController. The document is rebuilt when the
// panel is hidden and shown again (no retained context): it then sends `ready` and gets the
// whole state back in `init`.
import * as vscode from 'vscode';
import { describeError } from '../../core/errors';
import type { HostDeps } from '../deps';
import type { RenderedReport } from '../../shared/protocol';
import { copyMessage, exportListedMessages } from './dashboardActions';
import { DashboardController } from './dashboardController';
import { createNonce, dashboardHtml } from './dashboardHtml';
import type { DashboardSession } from './dashboardSession';

export const DASHBOARD_VIEW_TYPE = 'kafkaLogLab.dashboard';

export function webviewFolder(context: vscode.ExtensionContext): vscode.Uri {
  return vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview');
}

/** Options for new and revived panels alike: scripts on, files only from the built webview folder. */
export function dashboardWebviewOptions(context: vscode.ExtensionContext): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, localResourceRoots: [webviewFolder(context)], enableFindWidget: false };
}

export class DashboardPanel {
  readonly controller: DashboardController;
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly session: DashboardSession,
    private readonly deps: HostDeps,
    private readonly onDisposed: () => void,
  ) {
    const webview = panel.webview;
    webview.options = dashboardWebviewOptions(deps.context);
    const folder = webviewFolder(deps.context);
    panel.title = `Dashboard: ${session.config.topic}`;
    panel.iconPath = vscode.Uri.joinPath(deps.context.extensionUri, 'media', 'kafka-log-lab.svg');
    webview.html = dashboardHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(folder, 'main.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(folder, 'dashboard.css')).toString(),
      nonce: createNonce(),
      title: panel.title,
    });
    this.controller = new DashboardController(session, {
      post: (message) => void (this.disposed ? undefined : webview.postMessage(message)),
      visible: () => panel.visible,
      exportListed: (format) => exportListedMessages(deps, session, format),
      copy: (seq, what) => copyMessage(session, seq, what),
      warn: (line) => deps.log.warn(line),
    });
    this.disposables.push(
      webview.onDidReceiveMessage((raw) => void this.receive(raw)),
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.controller.webviewGone();
      }),
      panel.onDidDispose(() => void this.dispose()),
    );
    this.controller.start();
    session.start();
  }

  get topic(): string {
    return this.session.config.topic;
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** One message from the webview (or a test); false when it is not a protocol message. */
  async receive(raw: unknown): Promise<boolean> {
    try {
      return await this.controller.receive(raw);
    } catch (e) {
      this.deps.log.error('[dashboard] handling a webview message failed', e);
      void vscode.window.showErrorMessage(`Kafka Log Lab: ${describeError(e)}`);
      return true;
    }
  }

  requestRendered(): Promise<RenderedReport> {
    return this.controller.requestRendered();
  }

  /** Closes the panel and stops its reader (also called when the user closes the tab). */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.controller.stop();
    this.disposables.forEach((d) => d.dispose());
    this.panel.dispose();
    this.onDisposed();
    await this.session.stop();
    this.deps.log.info(`[dashboard] closed ${this.topic}; its reader stopped`);
  }
}
