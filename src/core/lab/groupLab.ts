// The consumer-group lab: M real consumers in each of G new groups on one topic. Members of
// one group share the partitions (load balancing); every group reads every message (fanout).
// The lab counts what each member receives per partition, follows the groups through the
// broker's descriptions (members of other processes included) and reports every rebalance.
// The CLI (`lab groups`) and the editor's Consumer Group Lab panel both drive this class.
import { randomBytes } from 'node:crypto';
import { describeError } from '../errors';
import { withAdmin } from '../kafka/client';
import type { KafkaClient, PartitionOffsets, ProducerPort } from '../kafka/ports';
import { balanceHolds, fanoutHolds } from './labChecks';
import { LabGroup } from './labGroup';
import { LabMember, type MemberBatch } from './labMember';
import { labMessages } from './labMessages';
import { LabPoller, type LabObservation } from './labPoller';
import type { LabPhase, LabSnapshot, RebalanceEvent } from './labTypes';
import { RebalanceTimeline } from './rebalanceTimeline';
import { waitForLab } from './labWaits';
import { ConnectionState } from '../live/connectionState';
import { groupsDuringOutage } from './labOutage';
import { planLabProduce, type LabProducePlan } from './labProducePlan';
import { requireValidTopicName } from '../kafka/topicName';
import { labResultOf, labResultsDir, saveLabResult } from './labResultRecord';

export interface GroupLabOptions {
  topic: string;
  /** Groups to start with. */
  groups: number;
  /** Members each group starts with (and each added group gets). */
  membersPerGroup: number;
  /** Partitions of the topic when the lab creates it (default 6). */
  partitions?: number;
  /** Names the lab's groups `lab-<runId>-g1`, … (default: random). */
  runId?: string;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /** How often the groups are described (default 1000 ms). */
  pollIntervalMs?: number;
  /** Where stop() keeps the last result for lab reports (default: the cache folder; false: nowhere). */
  resultsDir?: string | false;
  /** Leave the lab's (then empty) groups on the broker after stop(); default: delete them. */
  keepGroups?: boolean;
}

export interface GroupLabDeps {
  /** For the lab's admin requests and its producer. */
  client: KafkaClient;
  /** A client for one member, ideally under `clientId`; returns the client id it really uses. */
  memberClient(clientId: string): { client: KafkaClient; clientId: string };
  log?(line: string): void;
  onMessages?(batch: MemberBatch): void;
}

export const DEFAULT_LAB_PARTITIONS = 6;
const PRODUCE_BATCH = 1000;

export class GroupLab {
  readonly runId: string;
  readonly topic: string;
  private readonly groups: LabGroup[] = [];
  private readonly clientIds = new Map<LabMember, string>();
  private readonly timeline = new RebalanceTimeline();
  private readonly poller: LabPoller;
  /** Whether the broker answers the lab's polls. */
  readonly connection = new ConnectionState();
  private readonly changeListeners = new Set<() => void>();
  private readonly rebalanceListeners = new Set<(event: RebalanceEvent) => void>();
  private phase: LabPhase = 'starting';
  private problem: string | undefined;
  private offsets: PartitionOffsets[] = [];
  private producedByLab = 0;
  private producer: Promise<ProducerPort> | undefined;
  private groupNumber = 0;
  private plan: LabProducePlan | undefined;
  private stopped = false;

  constructor(
    private readonly options: GroupLabOptions,
    private readonly deps: GroupLabDeps,
  ) {
    this.runId = options.runId ?? randomBytes(3).toString('hex');
    this.topic = options.topic;
    this.poller = new LabPoller({
      client: deps.client,
      topic: options.topic,
      intervalMs: options.pollIntervalMs ?? 1000,
      groupIds: () => this.groups.map((g) => g.groupId),
      committedOf: () => this.groups.filter((g) => g.foreign.seen).map((g) => g.groupId),
      onObservation: (o) => this.apply(o),
      onProblem: (e) => {
        this.problem = describeError(e);
        this.connection.failed(this.problem);
        this.changed();
      },
    });
  }

  /** Any change: counts, assignments, states, a new observation. Returns an unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onRebalance(listener: (event: RebalanceEvent) => void): () => void {
    this.rebalanceListeners.add(listener);
    return () => this.rebalanceListeners.delete(listener);
  }

  /** Creates the topic when missing, then starts the groups and follows them. */
  async start(): Promise<void> {
    const partitions = this.options.partitions ?? DEFAULT_LAB_PARTITIONS;
    requireValidTopicName(this.topic);
    try {
      const created = await withAdmin(this.deps.client, async (admin) => {
        if ((await admin.listTopics()).includes(this.topic)) return false;
        await admin.createTopic({ topic: this.topic, partitions });
        this.deps.log?.(`[lab] created topic ${this.topic} with ${partitions} partitions`);
        return true;
      });
      this.plan = await planLabProduce(this.deps.client, this.topic, created);
      await this.poller.start();
      await Promise.all(Array.from({ length: this.options.groups }, () => this.addGroup()));
    } catch (e) {
      // Stopped while starting (the panel was closed): nothing went wrong.
      if (this.stopped) return;
      // Shown until stop(), which keeps the phase: the reason stays visible.
      this.phase = 'error';
      this.problem = describeError(e);
      this.changed();
      throw e;
    }
    if (this.phase === 'starting') this.phase = 'running';
    this.changed();
  }

  /** A new group with the configured number of members; it reads the topic from its beginning. */
  async addGroup(members = this.options.membersPerGroup): Promise<string> {
    const group = new LabGroup(`lab-${this.runId}-g${++this.groupNumber}`);
    this.groups.push(group);
    this.changed();
    await Promise.all(Array.from({ length: members }, () => this.startMember(group)));
    return group.groupId;
  }

  /** One more member in `groupId`: the group rebalances to give it a share. Returns its name. */
  async addMember(groupId: string): Promise<string> {
    return (await this.startMember(this.group(groupId))).name;
  }

  /** Stops one of our members: it leaves the group, which rebalances its partitions to the others. */
  async stopMember(groupId: string, name: string): Promise<void> {
    const member = this.group(groupId).member(name);
    if (!member) throw new Error(`group ${groupId} has no member ${name} started by this lab`);
    await member.stop();
    this.poller.poke();
  }

  /** What Produce writes (known once the lab started). */
  producePlan(): LabProducePlan | undefined {
    return this.plan;
  }

  /**
   * Produces `count` more log lines keyed `<runId>-<seq>` in the plan's format; returns the
   * first sequence number. A plan that needs confirming refuses unless `confirmed`.
   */
  async produce(count: number, confirmed = false): Promise<{ firstSeq: number; count: number }> {
    const plan = this.plan;
    if (!plan) throw new Error('the lab has not started yet');
    if (plan.confirm && !confirmed) throw new Error(`not produced: ${plan.confirm}`);
    const firstSeq = this.producedByLab;
    this.producer ??= (async () => {
      const producer = this.deps.client.producer();
      await producer.connect();
      return producer;
    })();
    const producer = await this.producer;
    const startMs = Date.now();
    for (let done = 0; done < count; done += PRODUCE_BATCH) {
      const size = Math.min(PRODUCE_BATCH, count - done);
      const batch = labMessages(this.runId, firstSeq + done, size, startMs, plan.format);
      await producer.send(this.topic, batch);
      this.producedByLab += batch.length;
      this.changed();
    }
    this.poller.poke();
    return { firstSeq, count: this.producedByLab - firstSeq };
  }

  /** Asks the broker now (instead of at the next poll). */
  refresh(): Promise<void> {
    return this.poller.pollNow();
  }

  /** Until every group is Stable with all our live members in it (throws after `timeoutMs`). */
  async waitForStable(timeoutMs = 60000, signal?: AbortSignal): Promise<void> {
    await waitForLab(
      'every group to be Stable with all its members',
      () => this.groups.every((g) => g.isSettled()),
      timeoutMs,
      signal,
    );
  }

  /**
   * Until every group read exactly the topic's messages and nothing changed for `quietMs`;
   * false when that did not happen within `timeoutMs`.
   */
  async waitUntilSettled(timeoutMs = 60000, signal?: AbortSignal, quietMs = 1500): Promise<boolean> {
    let last = '';
    let since = Date.now();
    const settled = () => {
      const s = this.snapshot();
      const now = JSON.stringify(s.groups.map((g) => [g.check, g.members.map((m) => [m.messages, m.partitions])]));
      if (now !== last) [last, since] = [now, Date.now()];
      return (
        this.groups.every((g) => g.isSettled()) &&
        s.groups.every((g) => g.check.everyMessageOnce) &&
        Date.now() - since >= quietMs
      );
    };
    return waitForLab('every group to read every message', settled, timeoutMs, signal).then(
      () => true,
      () => false,
    );
  }

  snapshot(): LabSnapshot {
    const partitions = this.offsets.map((o) => ({ partition: o.partition, messages: o.latest - o.earliest }));
    const seen = this.groups.map((g) => g.view(partitions, this.timeline.rebalancesOf(g.groupId)));
    const live = this.connection.live || this.phase === 'stopped' || this.phase === 'error';
    const groups = live ? seen : groupsDuringOutage(seen);
    return {
      topic: this.topic,
      phase: this.phase,
      problem: this.problem,
      connection: this.connection.view(),
      produceAs: this.plan,
      partitions,
      messages: partitions.reduce((sum, p) => sum + p.messages, 0),
      producedByLab: this.producedByLab,
      groups,
      events: this.timeline.events(),
      balanceOk: live && balanceHolds(groups),
      fanoutOk: live && fanoutHolds(groups),
    };
  }

  /** Keeps what the lab showed last, before its members stop, for a later lab report. */
  private recordResult(): void {
    if (this.options.resultsDir === false) return;
    const record = labResultOf(this.snapshot());
    if (!record) return;
    try {
      saveLabResult(record, this.options.resultsDir ?? labResultsDir());
    } catch (e) {
      this.deps.log?.(`the lab's result was not kept for reports: ${describeError(e)}`);
    }
  }

  /** Stops every member and the polling; deletes the lab's groups unless asked to keep them. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.recordResult();
    if (this.phase !== 'error') this.phase = 'stopping';
    this.changed();
    await Promise.all(this.groups.flatMap((g) => g.members.map((m) => m.stop())));
    await this.poller.stop();
    const producer = await this.producer?.catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
    if (!this.options.keepGroups && this.groups.length) {
      // A group that still has members of other processes cannot be deleted: leave it.
      const ids = this.groups.map((g) => g.groupId);
      await withAdmin(this.deps.client, (admin) => admin.deleteGroups(ids)).catch((e) =>
        this.deps.log?.(`[lab] kept groups: ${String(e)}`),
      );
    }
    if (this.phase === 'stopping') this.phase = 'stopped';
    this.changed();
  }

  private group(groupId: string): LabGroup {
    const group = this.groups.find((g) => g.groupId === groupId);
    if (!group) throw new Error(`no lab group ${groupId}`);
    return group;
  }

  private async startMember(group: LabGroup): Promise<LabMember> {
    if (this.stopped) throw new Error('the lab is stopped');
    const name = group.nextMemberName();
    const { client, clientId } = this.deps.memberClient(`${group.groupId}-${name}`);
    const member = new LabMember({
      client,
      topic: this.topic,
      groupId: group.groupId,
      name,
      clientId,
      sessionTimeoutMs: this.options.sessionTimeoutMs ?? 10000,
      heartbeatIntervalMs: this.options.heartbeatIntervalMs ?? 1000,
      mayConsume: () => group.mayConsume(),
      onChange: (what) => {
        // A new assignment or a member leaving changes the group: describe it again soon.
        if (what === 'membership') this.poller.poke();
        this.changed();
      },
      onMessages: this.deps.onMessages,
    });
    group.members.push(member);
    this.clientIds.set(member, clientId);
    this.changed();
    await member.start();
    // stop() ran while this member was joining: it must not outlive the lab.
    if (this.stopped) await member.stop();
    return member;
  }

  private apply(o: LabObservation): void {
    this.problem = undefined;
    this.connection.succeeded(o.atMs);
    this.offsets = o.offsets;
    const described = new Map(o.groups.map((d) => [d.groupId, d]));
    for (const group of this.groups) {
      group.observe(described.get(group.groupId), this.topic, this.clientIds);
      const committed = o.committed.get(group.groupId);
      if (committed) group.observeCommitted(committed, o.offsets);
      const members = group.observedMembers(this.topic);
      const event = members && this.timeline.observe(group.groupId, group.state, members, o.atMs);
      if (event) this.rebalanceListeners.forEach((l) => l(event));
    }
    this.changed();
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
  }
}
