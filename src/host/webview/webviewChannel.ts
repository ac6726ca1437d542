// The host's end of one webview conversation, editor-free (the benchmark drives it against a
// bare browser page): validates what the webview sends, keeps the ready handshake, posts the
// app's answers to requests (or `requestFailed` when the app threw), and asks the webview what
// it shows, with a timeout. The panel's app only sees clean messages of its own protocol.
import { describeError } from '../../core/errors';
import type { AppMessage, PanelProtocol, ReportRenderedRequest, RequestFailedResponse } from '../../shared/webviewRpc';
import { typeForLog, type MessageParser } from './messageParser';

export const REPORT_TIMEOUT_MS = 10000;

type Outgoing<P extends PanelProtocol> = P['toWebview'] | ReportRenderedRequest | RequestFailedResponse;

/** What a panel's app does with the conversation. */
export interface ChannelApp<P extends PanelProtocol> {
  /** A (new) document said `ready`: send it everything. */
  ready(): void;
  /** One clean message; a request's answer is returned (the channel posts it). */
  handle(message: AppMessage<P>): Promise<P['toWebview'] | void>;
}

/** What the app may use of the channel. */
export interface WebviewLink<P extends PanelProtocol> {
  post(message: P['toWebview']): void;
  /** The current document said `ready` (posts before that are lost). */
  readonly ready: boolean;
  /** Ready and on screen: worth sending live updates to. */
  onScreen(): boolean;
}

export interface ChannelPorts<P extends PanelProtocol> {
  /** For log lines: "dashboard", "group lab". */
  name: string;
  parse: MessageParser<P['toHost']>;
  post(message: Outgoing<P>): void;
  visible(): boolean;
  warn(line: string): void;
}

/** `accepted` is false for a message outside the protocol; `reply` is the answer posted to a request. */
export interface Received<P extends PanelProtocol> {
  accepted: boolean;
  reply?: P['toWebview'];
}

export class WebviewChannel<P extends PanelProtocol> implements WebviewLink<P> {
  private app: ChannelApp<P> | undefined;
  private readonly reports = new Map<number, { resolve(report: P['rendered']): void; reject(e: Error): void }>();
  private nextReportId = 1;
  private isReady = false;
  private closed = false;

  constructor(private readonly ports: ChannelPorts<P>) {}

  /** Routes the webview's messages to `app` from now on. */
  serve(app: ChannelApp<P>): void {
    this.app = app;
  }

  get ready(): boolean {
    return this.isReady;
  }

  onScreen(): boolean {
    return this.isReady && this.ports.visible();
  }

  post(message: Outgoing<P>): void {
    if (!this.closed) this.ports.post(message);
  }

  /** The document went away (panel hidden): a new one will say `ready`. */
  gone(): void {
    this.isReady = false;
  }

  close(): void {
    this.closed = true;
    this.isReady = false;
    for (const [id, report] of this.reports) {
      this.reports.delete(id);
      report.reject(new Error(`the ${this.ports.name} closed`));
    }
  }

  /** One message from the webview (or a test). Throws what the app threw, after answering the request. */
  async receive(raw: unknown): Promise<Received<P>> {
    const message = this.ports.parse(raw);
    if (!message) {
      this.ports.warn(
        `[${this.ports.name}] ignored a webview message that is not in the protocol (type ${typeForLog(raw)})`,
      );
      return { accepted: false };
    }
    if (message.type === 'ready') {
      this.isReady = true;
      this.app?.ready();
    } else if (message.type === 'rendered') {
      const rendered = message as unknown as { requestId: number; report: P['rendered'] };
      this.reports.get(rendered.requestId)?.resolve(rendered.report);
      this.reports.delete(rendered.requestId);
    } else {
      return { accepted: true, reply: await this.answer(message as AppMessage<P>) };
    }
    return { accepted: true };
  }

  /** Asks the webview what it shows, read from its DOM. */
  requestRendered(timeoutMs = REPORT_TIMEOUT_MS): Promise<P['rendered']> {
    if (!this.onScreen()) return Promise.reject(new Error(`the ${this.ports.name} webview is not loaded`));
    const id = this.nextReportId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.reports.delete(id);
        reject(new Error(`the ${this.ports.name} webview did not report what it shows`));
      }, timeoutMs);
      const settle =
        <T>(done: (value: T) => void) =>
        (value: T) => {
          clearTimeout(timer);
          done(value);
        };
      this.reports.set(id, { resolve: settle(resolve), reject: settle(reject) });
      this.post({ type: 'reportRendered', id });
    });
  }

  private async answer(message: AppMessage<P>): Promise<P['toWebview'] | undefined> {
    try {
      const reply = (await this.app?.handle(message)) ?? undefined;
      if (reply) this.post(reply);
      return reply;
    } catch (e) {
      const id = (message as { id?: unknown }).id;
      if (typeof id === 'number') this.post({ type: 'requestFailed', requestId: id, error: describeError(e) });
      throw e;
    }
  }
}
