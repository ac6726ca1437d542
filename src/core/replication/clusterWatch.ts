// Watches the lab's cluster: node states (from the node control when the lab runs its own
// cluster, else from the brokers' metadata) and the topic's leaders and in-sync replicas,
// turned into snapshots and timeline events.
import type { ClusterNodeStatus } from '../broker/jvmClusterState';
import type { AdminPort, PartitionInfo } from '../kafka/ports';
import { partitionChanges, type TimelineEvent } from './timeline';

/** Start, stop and kill the nodes of a local cluster (the JVM and the Docker cluster's controls). */
export interface ClusterNodeControl {
  status(): ClusterNodeStatus[] | Promise<ClusterNodeStatus[]>;
  stopNode(nodeId: number): Promise<boolean>;
  killNode(nodeId: number): Promise<boolean>;
  startNode(nodeId: number, readyTimeoutMs?: number, signal?: AbortSignal): Promise<boolean>;
}

export interface WatchListener {
  brokers(brokers: ClusterNodeStatus[]): void;
  partitions(partitions: PartitionInfo[]): void;
  timeline(event: TimelineEvent): void;
}

export class ClusterWatch {
  private brokers: ClusterNodeStatus[] = [];
  private partitions: PartitionInfo[] = [];
  private timer?: NodeJS.Timeout;
  private polling?: Promise<void>;

  constructor(
    private readonly admin: AdminPort,
    private readonly topic: string,
    private readonly control: ClusterNodeControl | undefined,
    private readonly clock: () => number,
    private readonly listener: WatchListener,
  ) {}

  latestBrokers(): ClusterNodeStatus[] {
    return this.brokers;
  }

  latestPartitions(): PartitionInfo[] {
    return this.partitions;
  }

  start(intervalMs: number): void {
    const tick = () => {
      this.polling = this.poll().finally(() => {
        if (this.timer) this.timer = setTimeout(tick, intervalMs);
      });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.polling;
  }

  /** One look at the cluster; a broker that does not answer just leaves the last snapshot. */
  async poll(): Promise<void> {
    const brokers = await this.nodeStatus().catch(() => undefined);
    if (brokers) this.updateBrokers(brokers);
    const topics = await this.admin.describeTopics([this.topic]).catch(() => undefined);
    const partitions = topics?.find((t) => t.name === this.topic)?.partitions;
    if (partitions && partitions.length > 0) this.updatePartitions(partitions);
  }

  private async nodeStatus(): Promise<ClusterNodeStatus[]> {
    if (this.control) return this.control.status();
    const cluster = await this.admin.describeCluster();
    return cluster.brokers.map((b) => ({
      nodeId: b.nodeId,
      port: b.port,
      bootstrap: `${b.host}:${b.port}`,
      state: 'up',
      controller: b.nodeId === cluster.controllerId,
    }));
  }

  private updateBrokers(next: ClusterNodeStatus[]): void {
    const atMs = this.clock();
    const before = new Map(this.brokers.map((b) => [b.nodeId, b]));
    let changed = before.size !== next.length;
    for (const b of next) {
      const old = before.get(b.nodeId);
      if (old?.state === b.state && old.controller === b.controller && old.pid === b.pid) continue;
      changed = true;
      if (old && old.state !== b.state)
        this.listener.timeline({ kind: b.state === 'up' ? 'broker-up' : 'broker-down', atMs, nodeId: b.nodeId });
    }
    const controllerOf = (list: ClusterNodeStatus[]) => list.find((b) => b.controller)?.nodeId ?? -1;
    const [from, to] = [controllerOf(this.brokers), controllerOf(next)];
    if (this.brokers.length > 0 && from !== to) this.listener.timeline({ kind: 'controller', atMs, from, to });
    this.brokers = next;
    if (changed) this.listener.brokers(next);
  }

  private updatePartitions(next: PartitionInfo[]): void {
    const events = partitionChanges(this.partitions, next, this.clock());
    const changed = JSON.stringify(next) !== JSON.stringify(this.partitions);
    this.partitions = next;
    for (const e of events) this.listener.timeline(e);
    if (changed) this.listener.partitions(next);
  }
}
