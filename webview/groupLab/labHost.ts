// The webview's side of the lab protocol: `ready` first, then `init` and `snapshot`s from the
// host; actions are requests whose `done` answer resolves the returned promise.
import type { GroupLabAction, GroupLabHostMessage, GroupLabInfo, GroupLabRendered, GroupLabWebviewMessage, LabSnapshot } from '../../src/shared/groupLabProtocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export interface LabHandlers {
  init(info: GroupLabInfo, snapshot: LabSnapshot): void;
  snapshot(snapshot: LabSnapshot): void;
  reportRendered(): GroupLabRendered;
}

export class LabHost {
  private readonly api = acquireVsCodeApi();
  private readonly pending = new Map<number, (error: string | undefined) => void>();
  private nextId = 1;

  constructor(private readonly handlers: LabHandlers) {
    window.addEventListener('message', (event: MessageEvent) => this.dispatch(event.data as GroupLabHostMessage));
  }

  connect(): void {
    this.send({ type: 'ready' });
  }

  /** Resolves with the host's reason when the action failed, undefined when it worked. */
  act(action: GroupLabAction): Promise<string | undefined> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ ...action, id });
    });
  }

  private send(message: GroupLabWebviewMessage): void {
    this.api.postMessage(message);
  }

  private dispatch(message: GroupLabHostMessage): void {
    if (typeof message !== 'object' || message === null) return;
    switch (message.type) {
      case 'init':
        this.handlers.init(message.info, message.snapshot);
        return;
      case 'snapshot':
        this.handlers.snapshot(message.snapshot);
        return;
      case 'done':
        this.pending.get(message.requestId)?.(message.error);
        this.pending.delete(message.requestId);
        return;
      case 'reportRendered':
        this.send({ type: 'rendered', requestId: message.id, report: this.handlers.reportRendered() });
        return;
    }
  }
}
