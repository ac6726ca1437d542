// The Consumer Group Lab panel's message protocol between the extension host and its webview.
// Types only. What every panel shares (ready, ids, error replies, reportRendered) is in webviewRpc.ts.
//
// The webview sends `ready` first; the host answers with `init` (everything) and then posts a
// `snapshot` a few times a second while the lab changes. The webview's actions are requests
// with an `id`; the host answers each with `done` carrying the same number as `requestId`.
import type { LabGroupView, LabMemberView, LabPartition, LabSnapshot, RebalanceEvent } from '../core/lab/labTypes';
import type { ReadyMessage, RenderedResponse, ReportRenderedRequest, RequestFailedResponse } from './webviewRpc';

export type { LabGroupView, LabMemberView, LabPartition, LabSnapshot, RebalanceEvent };

export interface GroupLabInfo {
  topic: string;
  /** The cluster's name, or its bootstrap servers. */
  cluster: string;
  /** Members an added group starts with. */
  membersPerGroup: number;
  /** The cluster is the editor's local broker (the panel offers to start it when it is down). */
  localBroker: boolean;
}

export type GroupLabAction =
  | { type: 'addMember'; groupId: string }
  | { type: 'stopMember'; groupId: string; member: string }
  | { type: 'addGroup' }
  | { type: 'produce'; count: number }
  /** Ask the broker now (the connection line's Retry). */
  | { type: 'retry' }
  /** Start the editor's local broker. */
  | { type: 'startBroker' };

/** The answer to an action: `error` says why it failed. */
export interface ActionDone {
  type: 'done';
  requestId: number;
  error?: string;
}

/** Webview -> host. */
export type GroupLabWebviewMessage =
  ReadyMessage | (GroupLabAction & { id: number }) | RenderedResponse<GroupLabRendered>;

/** Host -> webview. */
export type GroupLabHostMessage =
  | { type: 'init'; info: GroupLabInfo; snapshot: LabSnapshot }
  | { type: 'snapshot'; snapshot: LabSnapshot }
  | ActionDone
  | ReportRenderedRequest
  | RequestFailedResponse;

/** The lab's protocol for the typed client and channel: every action is answered by `done`. */
export interface GroupLabProtocol {
  toHost: GroupLabWebviewMessage;
  toWebview: GroupLabHostMessage;
  responses: { [A in GroupLabAction['type']]: ActionDone };
  rendered: GroupLabRendered;
}

/** What the webview's DOM shows, as text (extension tests read it). */
export interface GroupLabRendered {
  title: string;
  partitions: string[];
  facts: Array<{ name: string; verdict: string; text: string }>;
  groups: Array<{
    groupId: string;
    summary: string;
    check: string;
    members: Array<{ name: string; kind: string; state: string; partitions: string[]; messages: string }>;
  }>;
  timeline: string[];
  buttons: string[];
}

/** The largest "produce N more messages" the panel accepts at once. */
export const MAX_PRODUCE_AT_ONCE = 100000;
