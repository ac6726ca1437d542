// The one base of the extension's webview panels: the document (strict policy, fresh nonce, the
// panel's bundle), the channel between the VS Code webview and the panel's editor-free app,
// the hidden/shown cycle (no retained context: a shown panel gets a new document, which says
// `ready` and gets everything again), and closing once. Every page gets the display language's
// translations of the webview strings (webview/l10n.ts). A panel brings its page, its message
// rules, its app and what to stop when it closes.
import * as vscode from 'vscode';
import { describeError } from '../../core/errors';
import type { PanelProtocol } from '../../shared/webviewRpc';
import type { HostDeps } from '../deps';
import type { MessageParser } from './messageParser';
import { WebviewChannel, type ChannelApp, type Received } from './webviewChannel';
import { createNonce, webviewHtml, type WebviewPage } from './webviewDocument';

export function webviewFolder(context: vscode.ExtensionContext): vscode.Uri {
  return vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview');
}

/** Options for new and revived panels alike: scripts on, files only from the built webview folder. */
export function webviewPanelOptions(
  context: vscode.ExtensionContext,
): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, localResourceRoots: [webviewFolder(context)], enableFindWidget: false };
}

export interface PanelSpec<P extends PanelProtocol> {
  /** For log lines and messages: "dashboard", "group lab". */
  name: string;
  title: string;
  page: WebviewPage;
  parse: MessageParser<P['toHost']>;
}

export abstract class WebviewAppPanel<P extends PanelProtocol, App extends ChannelApp<P>> {
  readonly app: App;
  protected readonly channel: WebviewChannel<P>;
  private readonly disposables: vscode.Disposable[] = [];
  private closing: Promise<void> | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly spec: PanelSpec<P>,
    protected readonly deps: HostDeps,
    createApp: (channel: WebviewChannel<P>) => App,
    private readonly onDisposed: () => void,
  ) {
    const webview = panel.webview;
    webview.options = webviewPanelOptions(deps.context);
    panel.title = spec.title;
    panel.iconPath = vscode.Uri.joinPath(deps.context.extensionUri, 'media', 'kafka-log-lab.svg');
    webview.html = this.document();
    this.channel = new WebviewChannel<P>({
      name: spec.name,
      parse: spec.parse,
      post: (message) => void webview.postMessage(message),
      visible: () => panel.visible,
      warn: (line) => deps.log.warn(line),
    });
    this.app = createApp(this.channel);
    this.channel.serve(this.app);
    this.disposables.push(
      webview.onDidReceiveMessage((raw) => void this.receive(raw)),
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.channel.gone();
      }),
      panel.onDidDispose(() => void this.dispose()),
    );
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** One message from the webview (or a test); a failure is logged and shown, never thrown. */
  async receive(raw: unknown): Promise<Received<P>> {
    try {
      return await this.channel.receive(raw);
    } catch (e) {
      this.deps.log.error(`[${this.spec.name}] handling a webview message failed`, e);
      void vscode.window.showErrorMessage(`Kafka Log Lab: ${describeError(e)}`);
      return { accepted: true };
    }
  }

  /** What the webview shows, read from its DOM (extension tests). */
  requestRendered(): Promise<P['rendered']> {
    return this.channel.requestRendered();
  }

  /** Closes the panel and stops its work (also called when the user closes the tab). */
  dispose(): Promise<void> {
    this.closing ??= this.close();
    return this.closing;
  }

  /** Stops what the panel runs (a reader, consumers); called once, after the panel closed. */
  protected abstract stopWork(): Promise<void>;

  private async close(): Promise<void> {
    this.channel.close();
    this.disposables.forEach((d) => d.dispose());
    this.panel.dispose();
    this.onDisposed();
    try {
      await this.stopWork();
    } catch (e) {
      this.deps.log.error(`[${this.spec.name}] stopping the work of "${this.spec.title}" failed`, e);
    }
  }

  private document(): string {
    const webview = this.panel.webview;
    const file = (name: string) =>
      webview.asWebviewUri(vscode.Uri.joinPath(webviewFolder(this.deps.context), name)).toString();
    const { bundle } = this.spec.page;
    return webviewHtml(this.spec.page, {
      cspSource: webview.cspSource,
      scriptUri: file(`${bundle}.js`),
      styleUri: file(`${bundle}.css`),
      nonce: createNonce(),
      title: this.spec.title,
      language: vscode.env.language,
      translations: vscode.l10n.bundle,
    });
  }
}
