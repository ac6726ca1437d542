// The host's side of one dashboard conversation, editor-free: answers the webview's requests
// from the session's model and paces the live updates. The webview channel (src/host/webview)
// checks the messages and keeps the ready handshake; the panel adapts both to a VS Code
// webview, the benchmark drives them against a bare browser page.
import type { DashboardProtocol, ExportFormat, HostToWebview } from '../../shared/protocol';
import type { AppMessage } from '../../shared/webviewRpc';
import type { ChannelApp, WebviewLink } from '../webview/webviewChannel';
import type { DashboardSession } from './dashboardSession';
import { UpdatePacer } from './updatePacer';

export interface ControllerPorts {
  /** The webview's end: a hidden or not yet ready webview is not sent updates. */
  webview: WebviewLink<DashboardProtocol>;
  exportListed(format: ExportFormat): Promise<unknown>;
  copy(seq: number, what: 'json' | 'value'): Promise<void>;
  /** The view's "Start Local Broker" (offered when the cluster is the editor's local broker). */
  startLocalBroker(): Promise<void>;
  /** The toolbar's "Export Lab Report…" for this dashboard's topic. */
  exportReport?(): PromiseLike<unknown>;
}

export const TICK_MS = 50;
/** Longest slice of filtering an existing buffer per turn of the event loop. */
export const FILTER_SLICE_MS = 12;

export class DashboardController implements ChannelApp<DashboardProtocol> {
  private readonly pacer = new UpdatePacer();
  private timer: ReturnType<typeof setInterval> | undefined;
  private lastMark = '';
  private filtering = false;
  private stopped = false;

  constructor(
    readonly session: DashboardSession,
    private readonly ports: ControllerPorts,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => this.tick(Date.now()), TICK_MS);
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }

  /** A (new) webview document is ready: it gets the whole state. */
  ready(): void {
    this.pacer.reset();
    this.sendInit();
  }

  tick(now: number): void {
    const model = this.session.model;
    model.tick(now);
    if (model.list.scanning) this.continueFiltering();
    if (!this.ports.webview.onScreen()) return;
    const mark = model.changeMark;
    if (!this.pacer.due(now, mark !== this.lastMark)) return;
    this.lastMark = mark;
    this.ports.webview.post({ type: 'update', updateId: this.pacer.sent(now), live: model.live(false) });
  }

  /** One checked message of the webview; a request's response is returned. */
  async handle(message: AppMessage<DashboardProtocol>): Promise<HostToWebview | undefined> {
    const session = this.session;
    switch (message.type) {
      case 'updateApplied':
        this.pacer.acked(message.updateId);
        return;
      case 'getRows':
        return {
          type: 'rows',
          requestId: message.id,
          listVersion: message.listVersion,
          from: message.from,
          rows: session.model.rows(message.listVersion, message.from, message.count),
        };
      case 'getMessage':
        return { type: 'message', requestId: message.id, row: session.model.message(message.seq) };
      case 'setFilter': {
        const error = session.model.setFilter(message.query);
        this.continueFiltering();
        return error
          ? { type: 'filterApplied', requestId: message.id, error }
          : { type: 'filterApplied', requestId: message.id };
      }
      case 'control':
        if (message.action === 'pause') session.pause();
        else if (message.action === 'resume') session.resume();
        else if (message.action === 'retry') await session.retry();
        else if (message.action === 'startBroker') await this.ports.startLocalBroker();
        else if (message.action === 'exportReport') await this.ports.exportReport?.();
        else session.model.clear();
        return;
      case 'restart':
        await session.restart({ from: message.from, groupId: message.groupId, format: message.format });
        this.continueFiltering();
        this.sendInit();
        return;
      case 'export':
        await this.ports.exportListed(message.format);
        return;
      case 'copy':
        await this.ports.copy(message.seq, message.what);
        return;
    }
  }

  private sendInit(): void {
    if (!this.ports.webview.ready) return;
    this.lastMark = this.session.model.changeMark;
    this.ports.webview.post({ type: 'init', config: this.session.config, live: this.session.model.live(true) });
  }

  /** Filters the buffered messages in short slices until the filter caught up. */
  private continueFiltering(): void {
    if (this.filtering || this.stopped) return;
    this.filtering = true;
    const step = () => {
      if (this.stopped || this.session.model.list.advance(FILTER_SLICE_MS)) {
        this.filtering = false;
        return;
      }
      setImmediate(step);
    };
    setImmediate(step);
  }
}
