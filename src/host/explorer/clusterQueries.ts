// What the Kafka view asks one cluster, over one shared admin connection, each answer cached
// until the next refresh. Every node fetches only what it shows when it is expanded, so a
// cluster with thousands of topics costs one metadata request to list them.
import type { GroupDetail, GroupSummary } from '../../core/kafka/groupsAdmin';
import type { AdminPort, ClusterInfo, KafkaClient, PartitionInfo, PartitionOffsets } from '../../core/kafka/ports';
import { RotatingAdmin } from './rotatingAdmin';

export interface TopicListing {
  name: string;
  partitions: PartitionInfo[];
  internal: boolean;
}

export interface Limiter {
  <T>(task: () => Promise<T>): Promise<T>;
  /** Resolves once no task is running or waiting. */
  idle(): Promise<void>;
}

/** Runs at most `limit` tasks at once; used for the background row details. */
export function concurrencyLimit(limit: number): Limiter {
  let running = 0;
  const waiting: Array<() => void> = [];
  let idleWaiters: Array<() => void> = [];
  const run = async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      const next = waiting.shift();
      if (next) next();
      else if (running === 0) {
        idleWaiters.forEach((resolve) => resolve());
        idleWaiters = [];
      }
    }
  };
  return Object.assign(run, {
    idle: () =>
      running === 0 && waiting.length === 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => idleWaiters.push(resolve)),
  });
}

function looksLikeConnectionLoss(e: unknown): boolean {
  const err = e as { name?: string; message?: string } | undefined;
  return /Connection|ECONNREFUSED|ECONNRESET|ENOTFOUND|closed|timed? ?out|NumberOfRetriesExceeded/i.test(
    `${err?.name ?? ''} ${err?.message ?? ''}`,
  );
}

export class ClusterQueries {
  private admin: Promise<AdminPort> | undefined;
  private cache = new Map<string, Promise<unknown>>();
  private answers = new Map<string, unknown>();
  /** Background work (row counts) never takes more than two requests at a time. */
  readonly background = concurrencyLimit(2);

  /** Offsets of single topics go through short-lived admins (see RotatingAdmin). */
  private readonly offsetsAdmin: RotatingAdmin;

  constructor(private readonly client: () => Promise<KafkaClient>) {
    this.offsetsAdmin = new RotatingAdmin(async () => {
      const admin = (await this.client()).admin();
      await admin.connect();
      return admin;
    });
  }

  /** Forgets every answer; the next question asks the broker again. */
  clear(): void {
    this.cache = new Map();
    this.answers = new Map();
  }

  cluster(): Promise<ClusterInfo> {
    return this.memo('cluster', () => this.shared((admin) => admin.describeCluster()));
  }

  /** Names and partition metadata of every topic in one metadata request, sorted by name. */
  topics(): Promise<TopicListing[]> {
    return this.memo('topics', () =>
      this.shared(async (admin) => {
        const { isInternalTopic } = await import('../../core/kafka/topicsAdmin');
        const names = (await admin.listTopics()).sort();
        if (names.length === 0) return [];
        const infos = new Map((await admin.describeTopics(names)).map((t) => [t.name, t.partitions]));
        return names.map((name) => ({ name, partitions: infos.get(name) ?? [], internal: isInternalTopic(name) }));
      }),
    );
  }

  topicOffsets(topic: string): Promise<PartitionOffsets[]> {
    return this.memo(`offsets\0${topic}`, () => this.offsetsAdmin.run((admin) => admin.topicOffsets(topic)));
  }

  /** The answer already received in this refresh, without asking (rows redrawn keep their numbers). */
  knownTopicOffsets(topic: string): PartitionOffsets[] | undefined {
    return this.answers.get(`offsets\0${topic}`) as PartitionOffsets[] | undefined;
  }

  groups(): Promise<GroupSummary[]> {
    return this.memo('groups', () =>
      this.shared(async (admin) => (await import('../../core/kafka/groupsAdmin')).listGroupSummaries(admin)),
    );
  }

  groupDetail(groupId: string): Promise<GroupDetail> {
    // The shared admin: kafkajs learns every topic's metadata on the first group, then reuses it.
    return this.memo(`group\0${groupId}`, () =>
      this.shared(async (admin) => (await import('../../core/kafka/groupsAdmin')).describeGroupDetail(admin, groupId)),
    );
  }

  knownGroupDetail(groupId: string): GroupDetail | undefined {
    return this.answers.get(`group\0${groupId}`) as GroupDetail | undefined;
  }

  async dispose(): Promise<void> {
    this.clear();
    this.offsetsAdmin.dispose();
    await this.dropConnection();
  }

  private async dropConnection(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    if (admin) await admin.then((a) => a.disconnect()).catch(() => undefined);
  }

  private memo<T>(key: string, fetch: () => Promise<T>): Promise<T> {
    const cache = this.cache;
    const answers = this.answers;
    const known = cache.get(key) as Promise<T> | undefined;
    if (known) return known;
    const answer = fetch();
    cache.set(key, answer);
    answer
      .then((value) => answers.set(key, value))
      .catch((e: unknown) => {
        // A failed answer is not cached, and a broken connection is rebuilt on the next ask.
        if (cache.get(key) === answer) cache.delete(key);
        if (looksLikeConnectionLoss(e)) this.dropConnection();
      });
    return answer;
  }

  private async shared<T>(work: (admin: AdminPort) => Promise<T>): Promise<T> {
    return work(await this.connected());
  }

  private connected(): Promise<AdminPort> {
    if (!this.admin) {
      const connecting = this.client().then(async (client) => {
        const admin = client.admin();
        await admin.connect();
        return admin;
      });
      this.admin = connecting;
      connecting.catch(() => {
        if (this.admin === connecting) this.admin = undefined;
      });
    }
    return this.admin;
  }
}
