// What the consumer-group lab shows: the topic's partitions, each group with its members,
// what every member owns and counted, the checks that make fanout and load balancing
// visible, and the rebalances seen so far. Plain data: the CLI prints it, the panel posts it.

import type { ConnectionView } from '../live/connectionState';
import type { LabProducePlan } from './labProducePlan';

/**
 * joining: started, not yet in the group; active: owns its share; stopped/crashed: left;
 * unknown: the broker cannot be reached, so nobody can tell.
 */
export type LabMemberState = 'joining' | 'active' | 'stopped' | 'crashed' | 'unknown';

export interface LabPartition {
  partition: number;
  /** Messages in the partition (latest - earliest offset): what each group must read from it. */
  messages: number;
}

export interface LabMemberView {
  /** Our members: m1, m2, … in their group; members of other processes: their client id. */
  name: string;
  /** Kafka's member id; null until the member first joined. */
  memberId: string | null;
  clientId: string;
  /** Started by this lab (exact counts); false for another process in the group. */
  ours: boolean;
  /** Our members' lifecycle; `foreign` for members of other processes. */
  state: LabMemberState | 'foreign';
  /** Partitions the member owns now (empty once stopped). */
  partitions: number[];
  /** Messages received; for a foreign member, derived from the group's committed offsets. */
  messages: number;
  /** Messages received per partition, including partitions owned before a rebalance. */
  perPartition: Array<{ partition: number; messages: number }>;
  host?: string;
  error?: string;
}

export interface LabGroupCheck {
  /** No partition is owned by two live members. */
  disjoint: boolean;
  /** Partitions owned by two or more live members. */
  shared: number[];
  /** Every partition of the topic has an owner. */
  covered: boolean;
  /** Partitions nobody owns. */
  unowned: number[];
  /** Sum of the members' counts (ours exact, foreign from committed offsets). */
  received: number;
  /** Messages the group has to read: every message of the topic. */
  expected: number;
  /** Per partition, the group read exactly the partition's messages (no gap, no duplicate). */
  everyMessageOnce: boolean;
}

export interface LabGroupView {
  groupId: string;
  /** The broker's view: Stable, PreparingRebalance, CompletingRebalance, Empty, Dead or Unknown. */
  state: string;
  members: LabMemberView[];
  /** Rebalances (changes of the stable assignment) seen for this group. */
  rebalances: number;
  check: LabGroupCheck;
}

export interface LabAssignment {
  member: string;
  ours: boolean;
  partitions: number[];
}

/** A change of a group's stable assignment, as the group description shows it. */
export interface RebalanceEvent {
  /** Increases by one per event over the whole lab. */
  seq: number;
  atMs: number;
  groupId: string;
  /** Members that appeared and that left since the group's previous stable assignment. */
  joined: string[];
  left: string[];
  assignment: LabAssignment[];
}

export type LabPhase = 'starting' | 'running' | 'stopping' | 'stopped' | 'error';

export interface LabSnapshot {
  topic: string;
  phase: LabPhase;
  /** Why the last poll of the broker failed, while it does. */
  problem?: string;
  /**
   * Whether the broker answers. While it does not, group states read "Unknown" and live
   * members "unknown" (the last known assignment and counts stay, stale).
   */
  connection: ConnectionView;
  /** What Produce writes into the topic (absent until the lab started). */
  produceAs?: LabProducePlan;
  partitions: LabPartition[];
  /** Messages in the topic: each group has to read every one of them. */
  messages: number;
  /** Messages this lab produced. */
  producedByLab: number;
  groups: LabGroupView[];
  /** The newest rebalances, oldest first (bounded). */
  events: RebalanceEvent[];
  /**
   * Every group's members own disjoint partitions covering the topic, and their counts sum to
   * the messages exactly once.
   */
  balanceOk: boolean;
  /** Every group, separately, read every message of the topic. */
  fanoutOk: boolean;
}
