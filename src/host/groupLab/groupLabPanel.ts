// One Consumer Group Lab panel: the webview document, the lab it runs in the extension host,
// and the protocol between them. The webview's document is rebuilt when the panel is shown
// again (no retained context): it then sends `ready` and gets everything back in `init`.
// Closing the panel stops every consumer of the lab.
import * as vscode from 'vscode';
import { describeError } from '../../core/errors';
import type { GroupLab } from '../../core/lab/groupLab';
import type { GroupLabAction, GroupLabHostMessage, GroupLabInfo, GroupLabRendered } from '../../shared/groupLabProtocol';
import type { HostDeps } from '../deps';
import { createNonce, groupLabHtml } from './groupLabHtml';
import { parseGroupLabMessage } from './groupLabInbox';
import { MAX_GROUPS, MAX_MEMBERS } from './groupLabSetup';

export const GROUP_LAB_VIEW_TYPE = 'kafkaLogLab.groupLab';
/** At most this many snapshots per second reach the webview. */
const POST_EVERY_MS = 250;

export function groupLabWebviewOptions(context: vscode.ExtensionContext): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview')], enableFindWidget: false };
}

export class GroupLabPanel {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly reports = new Map<number, (report: GroupLabRendered) => void>();
  private disposed = false;
  private ready = false;
  private postTimer: NodeJS.Timeout | undefined;
  private nextReportId = 1;
  private stopping: Promise<void> | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly lab: GroupLab,
    readonly info: GroupLabInfo,
    private readonly deps: HostDeps,
    private readonly onDisposed: () => void,
  ) {
    const webview = panel.webview;
    const folder = vscode.Uri.joinPath(deps.context.extensionUri, 'dist', 'webview');
    webview.options = groupLabWebviewOptions(deps.context);
    panel.iconPath = vscode.Uri.joinPath(deps.context.extensionUri, 'media', 'kafka-log-lab.svg');
    webview.html = groupLabHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(folder, 'groupLab.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(folder, 'groupLab.css')).toString(),
      nonce: createNonce(),
      title: panel.title,
    });
    const unsubscribe = lab.onChange(() => this.schedulePost());
    this.disposables.push(
      { dispose: unsubscribe },
      webview.onDidReceiveMessage((raw) => void this.receive(raw)),
      panel.onDidChangeViewState(() => {
        // A hidden webview loses its document; it asks again with `ready` when shown.
        if (!panel.visible) this.ready = false;
      }),
      panel.onDidDispose(() => void this.dispose()),
    );
  }

  get topic(): string {
    return this.info.topic;
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** One message from the webview (or a test); returns the host's answer to a request. */
  async receive(raw: unknown): Promise<GroupLabHostMessage | undefined> {
    const message = parseGroupLabMessage(raw);
    if (!message) {
      this.deps.log.warn('[group lab] ignored a malformed webview message');
      return undefined;
    }
    if (message.type === 'ready') {
      this.ready = true;
      this.post({ type: 'init', info: this.info, snapshot: this.lab.snapshot() });
      return undefined;
    }
    if (message.type === 'rendered') {
      this.reports.get(message.requestId)?.(message.report);
      this.reports.delete(message.requestId);
      return undefined;
    }
    const { id, ...action } = message;
    const reply: GroupLabHostMessage = { type: 'done', requestId: id, error: await this.act(action) };
    this.post(reply);
    return reply;
  }

  /** Asks the webview what it shows (extension tests). */
  requestRendered(timeoutMs = 5000): Promise<GroupLabRendered> {
    const id = this.nextReportId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.reports.delete(id);
        reject(new Error('the group lab webview did not report what it rendered'));
      }, timeoutMs);
      this.reports.set(id, (report) => {
        clearTimeout(timer);
        resolve(report);
      });
      this.post({ type: 'reportRendered', id });
    });
  }

  /** Closes the panel and stops every consumer of the lab (also when the user closes the tab). */
  dispose(): Promise<void> {
    if (!this.stopping) {
      this.disposed = true;
      clearTimeout(this.postTimer);
      this.disposables.forEach((d) => d.dispose());
      this.panel.dispose();
      this.onDisposed();
      this.stopping = this.lab.stop().then(
        () => this.deps.log.info(`[group lab] closed ${this.topic}; its consumers stopped`),
        (e) => this.deps.log.error(`[group lab] stopping the lab on ${this.topic} failed`, e),
      );
    }
    return this.stopping;
  }

  /** Runs one action of the webview; returns the reason when it failed. */
  private async act(action: GroupLabAction): Promise<string | undefined> {
    try {
      const snapshot = this.lab.snapshot();
      switch (action.type) {
        case 'addMember': {
          const live = snapshot.groups.find((g) => g.groupId === action.groupId)?.members.filter((m) => m.ours && (m.state === 'active' || m.state === 'joining'));
          if (live && live.length >= MAX_MEMBERS) return `A group runs at most ${MAX_MEMBERS} members here`;
          await this.lab.addMember(action.groupId);
          return undefined;
        }
        case 'stopMember':
          await this.lab.stopMember(action.groupId, action.member);
          return undefined;
        case 'addGroup':
          if (snapshot.groups.length >= MAX_GROUPS) return `The lab runs at most ${MAX_GROUPS} groups`;
          await this.lab.addGroup(this.info.membersPerGroup);
          return undefined;
        case 'produce':
          await this.lab.produce(action.count);
          return undefined;
      }
    } catch (e) {
      this.deps.log.error(`[group lab] ${action.type} failed`, e);
      return describeError(e);
    }
  }

  private schedulePost(): void {
    if (this.postTimer || this.disposed) return;
    this.postTimer = setTimeout(() => {
      this.postTimer = undefined;
      if (this.ready && this.panel.visible) this.post({ type: 'snapshot', snapshot: this.lab.snapshot() });
    }, POST_EVERY_MS);
  }

  private post(message: GroupLabHostMessage): void {
    if (!this.disposed) void this.panel.webview.postMessage(message);
  }
}
