// The host's side of one Consumer Group Lab conversation: everything in `init` when the webview
// is ready, a snapshot at most every POST_EVERY_MS while the lab changes, and each action of
// the webview run against the lab, answered by `done` (with the reason when it failed).
import * as vscode from 'vscode';
import { describeError } from '../../core/errors';
import type { GroupLab } from '../../core/lab/groupLab';
import { produceQuestion } from '../../core/lab/produceQuestion';
import type { ActionDone, GroupLabAction, GroupLabInfo, GroupLabProtocol } from '../../shared/groupLabProtocol';
import type { AppMessage } from '../../shared/webviewRpc';
import type { HostLog } from '../log';
import type { ChannelApp, WebviewLink } from '../webview/webviewChannel';
import { MAX_GROUPS, MAX_MEMBERS } from './groupLabSetup';

/** What the lab asks of the editor. */
export interface LabPorts {
  startLocalBroker(): Promise<void>;
  /** Asks the user to agree to `text`; true when they did. */
  confirm(text: string): Promise<boolean>;
  /** The lab changed the cluster (members, groups, messages): views that list it refresh. */
  clusterChanged?(): void;
}

/** Actions after which the cluster holds other groups, members or messages than before. */
const CHANGES_CLUSTER = new Set<GroupLabAction['type']>(['addMember', 'stopMember', 'addGroup', 'produce']);

/** At most this many snapshots per second reach the webview. */
const POST_EVERY_MS = 250;

export class GroupLabController implements ChannelApp<GroupLabProtocol> {
  private postTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly lab: GroupLab,
    private readonly info: GroupLabInfo,
    private readonly webview: WebviewLink<GroupLabProtocol>,
    private readonly log: Pick<HostLog, 'error'>,
    private readonly ports: LabPorts = { startLocalBroker: async () => undefined, confirm: async () => false },
  ) {
    this.unsubscribe = lab.onChange(() => this.schedulePost());
  }

  ready(): void {
    this.webview.post({ type: 'init', info: this.info, snapshot: this.lab.snapshot() });
  }

  async handle(message: AppMessage<GroupLabProtocol>): Promise<ActionDone> {
    const { id, ...action } = message;
    const error = await this.act(action);
    if (!error && CHANGES_CLUSTER.has(action.type)) this.ports.clusterChanged?.();
    return { type: 'done', requestId: id, error };
  }

  /** No more snapshots (the panel closed; stopping the lab is the panel's). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.postTimer);
    this.unsubscribe();
  }

  /** Runs one action of the webview; returns the reason when it failed. */
  private async act(action: GroupLabAction): Promise<string | undefined> {
    try {
      const snapshot = this.lab.snapshot();
      switch (action.type) {
        case 'addMember': {
          const live = snapshot.groups
            .find((g) => g.groupId === action.groupId)
            ?.members.filter((m) => m.ours && (m.state === 'active' || m.state === 'joining'));
          if (live && live.length >= MAX_MEMBERS)
            return vscode.l10n.t('A group runs at most {0} members here', MAX_MEMBERS);
          await this.lab.addMember(action.groupId);
          return undefined;
        }
        case 'stopMember':
          await this.lab.stopMember(action.groupId, action.member);
          return undefined;
        case 'addGroup':
          if (snapshot.groups.length >= MAX_GROUPS) return vscode.l10n.t('The lab runs at most {0} groups', MAX_GROUPS);
          await this.lab.addGroup(this.info.membersPerGroup);
          return undefined;
        case 'produce': {
          const plan = this.lab.producePlan();
          const ask = plan?.confirm !== undefined;
          if (
            plan &&
            ask &&
            !(await this.ports.confirm(produceQuestion(this.info.topic, plan.topicFormat, vscode.l10n.t)))
          )
            return vscode.l10n.t('Not produced: the topic keeps only its own messages');
          await this.lab.produce(action.count, ask);
          return undefined;
        }
        case 'retry':
          await this.lab.refresh();
          return undefined;
        case 'startBroker':
          await this.ports.startLocalBroker();
          await this.lab.refresh();
          return undefined;
      }
    } catch (e) {
      this.log.error(`[group lab] ${action.type} failed`, e);
      return describeError(e);
    }
  }

  private schedulePost(): void {
    if (this.postTimer || this.stopped) return;
    this.postTimer = setTimeout(() => {
      this.postTimer = undefined;
      if (this.webview.onScreen()) this.webview.post({ type: 'snapshot', snapshot: this.lab.snapshot() });
    }, POST_EVERY_MS);
  }
}
