// The webview's side of the protocol: requests with ids, their responses, notifications,
// and the state VS Code keeps for the webview across hide/restore and reloads.
import type { HostToWebview, InitMessage, MessageRow, RenderedReport, UpdateMessage, WebviewToHost } from '../src/shared/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

type RequestOf<T extends WebviewToHost> = T extends { id: number } ? Omit<T, 'id'> : never;

export interface HostHandlers {
  init(message: InitMessage): void;
  update(message: UpdateMessage): void;
  reportRendered(): RenderedReport;
}

const KNOWN = new Set(['init', 'update', 'rows', 'message', 'filterApplied', 'reportRendered']);

export class HostConnection {
  private readonly api = acquireVsCodeApi();
  private readonly pending = new Map<number, (message: HostToWebview) => void>();
  private nextId = 1;
  private handlers: HostHandlers | undefined;

  constructor() {
    window.addEventListener('message', (event: MessageEvent) => this.dispatch(event.data));
  }

  /** Starts the conversation: the host posts nothing before `ready`. */
  connect(handlers: HostHandlers): void {
    this.handlers = handlers;
    this.send({ type: 'ready' });
  }

  send(message: WebviewToHost): void {
    this.api.postMessage(message);
  }

  request(message: RequestOf<WebviewToHost>): Promise<HostToWebview> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ ...message, id } as WebviewToHost);
    });
  }

  async rows(listVersion: number, from: number, count: number): Promise<{ listVersion: number; from: number; rows: MessageRow[] }> {
    const response = await this.request({ type: 'getRows', listVersion, from, count });
    return response.type === 'rows' ? response : { listVersion: -1, from, rows: [] };
  }

  async message(seq: number): Promise<MessageRow | null> {
    const response = await this.request({ type: 'getMessage', seq });
    return response.type === 'message' ? response.row : null;
  }

  async setFilter(query: string): Promise<string | undefined> {
    const response = await this.request({ type: 'setFilter', query });
    return response.type === 'filterApplied' ? response.error : undefined;
  }

  getState<T>(): T | undefined {
    return (this.api.getState() as T | null | undefined) ?? undefined;
  }

  setState<T>(state: T): void {
    this.api.setState(state);
  }

  private dispatch(data: unknown): void {
    if (typeof data !== 'object' || data === null || !KNOWN.has((data as { type?: string }).type ?? '')) return;
    const message = data as HostToWebview;
    switch (message.type) {
      case 'init':
        this.handlers?.init(message);
        return;
      case 'update':
        this.handlers?.update(message);
        this.send({ type: 'updateApplied', updateId: message.updateId });
        return;
      case 'reportRendered':
        if (this.handlers) this.send({ type: 'rendered', requestId: message.id, report: this.handlers.reportRendered() });
        return;
      default: {
        const resolve = this.pending.get(message.requestId);
        this.pending.delete(message.requestId);
        resolve?.(message);
      }
    }
  }
}
