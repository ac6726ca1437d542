// The host's side of one Replication Lab conversation: the lab's events folded into one state
// (brokers, partitions, the newest timeline lines, the account), `init` when the webview is
// ready, a `state` at most every POST_EVERY_MS while it changes, and each node action or rate
// change of the webview run against the lab, answered by `done`.
import { describeError } from '../../core/errors';
import type { ReplicationLab, ReplicationLabEvent } from '../../core/replication/replicationLab';
import { describeEvent } from '../../core/replication/timeline';
import {
  MAX_TIMELINE_LINES,
  type ReplicationActionDone,
  type ReplicationLabAction,
  type ReplicationLabInfo,
  type ReplicationLabProtocol,
  type ReplicationLabState,
} from '../../shared/replicationProtocol';
import type { AppMessage } from '../../shared/webviewRpc';
import type { HostLog } from '../log';
import type { ChannelApp, WebviewLink } from '../webview/webviewChannel';

const POST_EVERY_MS = 250;

/** The lab's calls the panel makes (the Kill button and the tests run the same one). */
export type LabActions = Pick<ReplicationLab, 'stopNode' | 'killNode' | 'startNode' | 'setRate' | 'onEvent' | 'finish'>;

export class ReplicationController implements ChannelApp<ReplicationLabProtocol> {
  private postTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private readonly unsubscribe: () => void;
  readonly state: ReplicationLabState;

  constructor(
    private readonly lab: LabActions,
    private readonly info: ReplicationLabInfo,
    private readonly webview: WebviewLink<ReplicationLabProtocol>,
    private readonly log: Pick<HostLog, 'error' | 'info'>,
    rate: number,
  ) {
    this.state = { phase: 'preparing', brokers: [], partitions: [], timeline: [], rate };
    this.unsubscribe = lab.onEvent((e) => this.fold(e));
  }

  ready(): void {
    this.webview.post({ type: 'init', info: this.info, state: this.state });
  }

  async handle(message: AppMessage<ReplicationLabProtocol>): Promise<ReplicationActionDone> {
    const { id, ...action } = message;
    return { type: 'done', requestId: id, error: await this.act(action) };
  }

  /** The lab could not start, or stopped for good: said in the panel. */
  setProblem(problem: string | undefined, closed = false): void {
    this.state.problem = problem;
    if (closed) this.state.phase = 'closed';
    this.schedulePost();
  }

  /** No more posts (the panel closed; stopping the lab is the panel's). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.postTimer);
    this.unsubscribe();
  }

  /** Runs one action; returns the reason when it failed. */
  async act(action: ReplicationLabAction): Promise<string | undefined> {
    try {
      if (action.type === 'finish') {
        if (this.state.phase !== 'running') return 'the lab is not running';
        this.state.account = (await this.lab.finish()).account;
        this.schedulePost();
        return undefined;
      }
      if (action.type === 'setRate') {
        this.lab.setRate(action.rate);
        this.state.rate = action.rate;
        this.schedulePost();
        return undefined;
      }
      this.log.info(`[replication lab] ${action.action} node ${action.nodeId}`);
      if (action.action === 'stop') await this.lab.stopNode(action.nodeId);
      else if (action.action === 'kill') await this.lab.killNode(action.nodeId);
      else await this.lab.startNode(action.nodeId);
      return undefined;
    } catch (e) {
      this.log.error(`[replication lab] ${action.type} failed`, e);
      return describeError(e);
    }
  }

  private fold(e: ReplicationLabEvent): void {
    switch (e.type) {
      case 'phase':
        this.state.phase = e.phase;
        break;
      case 'brokers':
        this.state.brokers = e.brokers;
        break;
      case 'partitions':
        this.state.partitions = e.partitions;
        break;
      case 'timeline':
        this.state.timeline = [
          { atMs: e.event.atMs, kind: e.event.kind, text: describeEvent(e.event), event: e.event },
          ...this.state.timeline,
        ].slice(0, MAX_TIMELINE_LINES);
        break;
      case 'account':
        this.state.account = e.account;
        this.state.rate = e.rate;
        break;
    }
    this.schedulePost();
  }

  private schedulePost(): void {
    if (this.postTimer || this.stopped) return;
    this.postTimer = setTimeout(() => {
      this.postTimer = undefined;
      if (this.webview.onScreen()) this.webview.post({ type: 'state', state: this.state });
    }, POST_EVERY_MS);
  }
}
