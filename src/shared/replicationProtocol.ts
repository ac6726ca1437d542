// The Replication Lab panel's message protocol between the extension host and its webview.
// Types only. What every panel shares (ready, ids, error replies, reportRendered) is in webviewRpc.ts.
//
// The webview sends `ready` first; the host answers with `init` (everything) and then posts a
// `state` a few times a second while the lab changes. Node actions and the rate are requests
// with an `id`; the host answers each with `done` carrying the same number as `requestId`.
import type { ClusterNodeStatus } from '../core/broker/jvmClusterState';
import type { PartitionInfo } from '../core/kafka/ports';
import type { ReplicationAccount } from '../core/replication/account';
import type { LabPhase } from '../core/replication/replicationLab';
import type { TimelineEvent } from '../core/replication/timeline';
import type { ReadyMessage, RenderedResponse, ReportRenderedRequest, RequestFailedResponse } from './webviewRpc';

export type { ClusterNodeStatus, PartitionInfo, ReplicationAccount, LabPhase, TimelineEvent };

export interface ReplicationLabInfo {
  topic: string;
  acks: 'all' | 1;
  minInsyncReplicas: number;
  bootstrap: string;
  /** The panel started the cluster: closing it stops the cluster too. */
  clusterStartedHere: boolean;
}

/** One timeline line, already in words (describeEvent), newest first in the state. */
export interface TimelineLine {
  atMs: number;
  kind: string;
  text: string;
  /** The event the words describe (the panel words it in the display language). */
  event?: TimelineEvent;
}

export interface ReplicationLabState {
  phase: LabPhase | 'closed';
  brokers: ClusterNodeStatus[];
  partitions: PartitionInfo[];
  timeline: TimelineLine[];
  account?: ReplicationAccount;
  rate: number;
  /** Why the lab could not start or stopped, in words. */
  problem?: string;
}

export type NodeActionName = 'stop' | 'kill' | 'start';

export type ReplicationLabAction =
  | { type: 'node'; action: NodeActionName; nodeId: number }
  | { type: 'setRate'; rate: number }
  /** Stop producing, let the consumer read everything acknowledged, and account (final). */
  | { type: 'finish' };

/** The answer to an action: `error` says why it failed. */
export interface ReplicationActionDone {
  type: 'done';
  requestId: number;
  error?: string;
}

/** Webview -> host. */
export type ReplicationWebviewMessage =
  ReadyMessage | (ReplicationLabAction & { id: number }) | RenderedResponse<ReplicationLabRendered>;

/** Host -> webview. */
export type ReplicationHostMessage =
  | { type: 'init'; info: ReplicationLabInfo; state: ReplicationLabState }
  | { type: 'state'; state: ReplicationLabState }
  | ReplicationActionDone
  | ReportRenderedRequest
  | RequestFailedResponse;

export interface ReplicationLabProtocol {
  toHost: ReplicationWebviewMessage;
  toWebview: ReplicationHostMessage;
  responses: { [A in ReplicationLabAction['type']]: ReplicationActionDone };
  rendered: ReplicationLabRendered;
}

/** What the webview's DOM shows, as text (extension tests read it). */
export interface ReplicationLabRendered {
  title: string;
  brokers: Array<{ name: string; state: string; buttons: string[] }>;
  partitions: Array<{ name: string; replicas: string[] }>;
  account: Record<string, string>;
  timeline: string[];
  notice: string;
}

/** Most timeline lines the panel keeps. */
export const MAX_TIMELINE_LINES = 200;
export const MAX_RATE = 5000;
