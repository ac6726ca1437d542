// The host's side of one dashboard conversation, editor-free: validates what the webview
// sends, answers its requests from the session's model, and paces the live updates. The
// panel adapts it to a VS Code webview; the benchmark drives it against a bare browser page.
import type { ExportFormat, HostToWebview, RenderedReport, WebviewToHost } from '../../shared/protocol';
import type { DashboardSession } from './dashboardSession';
import { UpdatePacer } from './updatePacer';
import { parseWebviewMessage } from './webviewMessages';

export interface ControllerPorts {
  post(message: HostToWebview): void;
  /** Whether the webview is on screen (a hidden one is not sent updates). */
  visible(): boolean;
  exportListed(format: ExportFormat): Promise<unknown>;
  copy(seq: number, what: 'json' | 'value'): Promise<void>;
  warn(line: string): void;
}

export const TICK_MS = 50;
/** Longest slice of filtering an existing buffer per turn of the event loop. */
export const FILTER_SLICE_MS = 12;
const REPORT_TIMEOUT_MS = 10000;

export class DashboardController {
  private readonly pacer = new UpdatePacer();
  private readonly reports = new Map<number, (report: RenderedReport) => void>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private webviewReady = false;
  private lastMark = '';
  private nextRequestId = 1;
  private filtering = false;
  private stopped = false;

  constructor(readonly session: DashboardSession, private readonly ports: ControllerPorts) {}

  start(): void {
    this.timer ??= setInterval(() => this.tick(Date.now()), TICK_MS);
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }

  /** The webview document went away (panel hidden); a new one will say `ready`. */
  webviewGone(): void {
    this.webviewReady = false;
  }

  /** Handles one message from the webview; false when it is not a protocol message. */
  async receive(raw: unknown): Promise<boolean> {
    const message = parseWebviewMessage(raw);
    if (!message) {
      const type = typeof raw === 'object' && raw !== null ? String((raw as { type?: unknown }).type).slice(0, 40) : typeof raw;
      this.ports.warn(`[dashboard] ignored a webview message that is not in the protocol (type ${type})`);
      return false;
    }
    await this.handle(message);
    return true;
  }

  /** Asks the webview what it shows, read from its DOM. */
  requestRendered(): Promise<RenderedReport> {
    if (!this.webviewReady || !this.ports.visible()) return Promise.reject(new Error('the dashboard webview is not loaded'));
    const id = this.nextRequestId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.reports.delete(id);
        reject(new Error('the dashboard webview did not report what it shows'));
      }, REPORT_TIMEOUT_MS);
      this.reports.set(id, (report) => {
        clearTimeout(timer);
        resolve(report);
      });
      this.ports.post({ type: 'reportRendered', id });
    });
  }

  tick(now: number): void {
    const model = this.session.model;
    model.tick(now);
    if (model.list.scanning) this.continueFiltering();
    if (!this.webviewReady || !this.ports.visible()) return;
    const mark = model.changeMark;
    if (!this.pacer.due(now, mark !== this.lastMark)) return;
    this.lastMark = mark;
    this.ports.post({ type: 'update', updateId: this.pacer.sent(now), live: model.live(false) });
  }

  private async handle(message: WebviewToHost): Promise<void> {
    const session = this.session;
    switch (message.type) {
      case 'ready':
        this.webviewReady = true;
        this.pacer.reset();
        this.sendInit();
        return;
      case 'updateApplied':
        this.pacer.acked(message.updateId);
        return;
      case 'getRows':
        this.ports.post({
          type: 'rows', requestId: message.id, listVersion: message.listVersion, from: message.from,
          rows: session.model.rows(message.listVersion, message.from, message.count),
        });
        return;
      case 'getMessage':
        this.ports.post({ type: 'message', requestId: message.id, row: session.model.message(message.seq) });
        return;
      case 'setFilter': {
        const error = session.model.setFilter(message.query);
        this.ports.post(error ? { type: 'filterApplied', requestId: message.id, error } : { type: 'filterApplied', requestId: message.id });
        this.continueFiltering();
        return;
      }
      case 'control':
        if (message.action === 'pause') session.pause();
        else if (message.action === 'resume') session.resume();
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
      case 'rendered':
        this.reports.get(message.requestId)?.(message.report);
        this.reports.delete(message.requestId);
        return;
    }
  }

  private sendInit(): void {
    if (!this.webviewReady) return;
    this.lastMark = this.session.model.changeMark;
    this.ports.post({ type: 'init', config: this.session.config, live: this.session.model.live(true) });
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
