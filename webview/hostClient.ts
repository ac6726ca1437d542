// The webview's side of a panel's protocol (src/shared/webviewRpc.ts): `ready` first, then the
// host's notifications go to the app; requests are numbered and resolve with their typed
// response, or reject on the host's error reply or when no answer comes in time. Also the
// state VS Code keeps for the webview across hide/show and window reloads.
import type { HostNotice, PanelProtocol, RequestOf, ResponseTo, WebviewNotice } from '../src/shared/webviewRpc';
import { t } from './l10n';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** Long enough for a busy extension host; a lost answer must not hang a control for ever. */
export const REQUEST_TIMEOUT_MS = 30_000;

/** One handler per notification type the host sends. */
export type NotificationHandlers<P extends PanelProtocol> = {
  [K in HostNotice<P>['type']]: (message: Extract<HostNotice<P>, { type: K }>) => void;
};

/** What a panel's webview app gives the client. */
export interface WebviewApp<P extends PanelProtocol> {
  readonly notifications: NotificationHandlers<P>;
  /** What the page shows, read back from the DOM (the extension tests ask for it). */
  report(): P['rendered'];
}

interface Pending {
  resolve(response: unknown): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

type Incoming = { type?: unknown; id?: unknown; requestId?: unknown; error?: unknown };

export class HostClient<P extends PanelProtocol> {
  private readonly api = acquireVsCodeApi();
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  /** Starts the conversation: the host posts nothing before `ready`. */
  connect(app: WebviewApp<P>): void {
    window.addEventListener('message', (event: MessageEvent) => this.dispatch(event.data, app));
    this.api.postMessage({ type: 'ready' });
  }

  notify(message: WebviewNotice<P>): void {
    this.api.postMessage(message);
  }

  request<M extends RequestOf<P>>(message: M, timeoutMs = REQUEST_TIMEOUT_MS): Promise<ResponseTo<P, M['type']>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => this.settle(id)?.reject(new Error(t('no answer from the extension within {0} s', timeoutMs / 1000))),
        timeoutMs,
      );
      this.pending.set(id, { resolve: resolve as (response: unknown) => void, reject, timer });
      this.api.postMessage({ ...message, id });
    });
  }

  savedState<T>(): T | undefined {
    return (this.api.getState() as T | null | undefined) ?? undefined;
  }

  saveState<T>(state: T): void {
    this.api.setState(state);
  }

  private dispatch(data: unknown, app: WebviewApp<P>): void {
    if (typeof data !== 'object' || data === null) return;
    const message = data as Incoming;
    if (typeof message.requestId === 'number') {
      this.answer(message.requestId, message);
    } else if (message.type === 'reportRendered') {
      this.api.postMessage({ type: 'rendered', requestId: message.id, report: app.report() });
    } else if (typeof message.type === 'string' && Object.hasOwn(app.notifications, message.type)) {
      const handle = app.notifications[message.type as keyof NotificationHandlers<P>] as (m: unknown) => void;
      handle(message);
    }
  }

  private answer(requestId: number, message: Incoming): void {
    const pending = this.settle(requestId);
    if (message.type === 'requestFailed') pending?.reject(new Error(String(message.error)));
    else pending?.resolve(message);
  }

  private settle(id: number): Pending | undefined {
    const pending = this.pending.get(id);
    this.pending.delete(id);
    if (pending) clearTimeout(pending.timer);
    return pending;
  }
}
