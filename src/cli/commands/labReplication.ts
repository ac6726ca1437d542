// `kafka-log-lab lab replication`: the replication and failover lab, headless. One consumer of
// ReplicationLab's events (src/core/replication/replicationLab.ts): the timeline as it happens,
// then the account.
import { type CliIO, choiceOption, numberOption, parseOptions, printJson } from '../command';
import { formatTable } from '../textTable';
import { createKafkaClient } from '../../core/kafka/client';
import { parseFailureScript } from '../../core/replication/failureScript';
import { openLabCluster } from '../../core/replication/labCluster';
import { ReplicationLab, type ReplicationLabResult } from '../../core/replication/replicationLab';
import { describeEvent } from '../../core/replication/timeline';
import { t } from '../l10n';

export const replicationHelp = `Usage: kafka-log-lab lab replication [--brokers 3] [--rate N] [--acks all|1] [--min-isr 2]
                                    [--duration S] [--script "kill 2@10s, start 2@25s"] [--json]

Replication and failover on a real local cluster. Creates a topic with 3 partitions, replication
factor 3 and the given min.insync.replicas; produces sequence-numbered messages at N/s (acks=all:
idempotent producer; acks=1: leader only); reads them back with an independent consumer; runs the
failure script; prints what happened (leader elections, ISR shrink and growth, producer refusals
such as NOT_ENOUGH_REPLICAS and how long the producer waited) and the account: acknowledged,
consumed, LOST acknowledged messages, duplicates and sequence gaps.

The cluster: the JVM cluster started by "kafka-log-lab broker start --nodes 3 --engine jvm" when it
runs, else a temporary one started (and stopped) by the lab.

Options:
  --brokers N      nodes in the cluster (default 3)
  --rate N         messages per second (default 50)
  --acks all|1     producer acks (default all)
  --min-isr N      min.insync.replicas of the topic (default 2)
  --duration S     seconds of producing (default 40)
  --script TEXT    comma-separated steps ACTION NODE@TIME: stop (clean shutdown), kill (SIGKILL),
                   start; TIME in s (default), ms or m, e.g. "kill 2@10s, start 2@25s, stop 1@35s"
  --topic T        topic name (default replication-lab-<time>)
  --timeout S      seconds to wait for a temporary cluster to start (default 240)
  --json           last line: {"topic","acks","minInsyncReplicas","durationMs","timeline":[…],"account":{…}}

The numbers are what the cluster and the clients did in this run; nothing is assumed from the script.`;

const options = {
  brokers: { type: 'string' },
  rate: { type: 'string' },
  acks: { type: 'string', default: 'all' },
  'min-isr': { type: 'string' },
  duration: { type: 'string' },
  script: { type: 'string', default: '' },
  topic: { type: 'string' },
  timeout: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

function labSettings(argv: string[]) {
  const { values } = parseOptions(argv, options);
  const brokers = numberOption(values.brokers, 'brokers', { integer: true, min: 3, max: 5 }, 3)!;
  const durationS = numberOption(values.duration, 'duration', { positive: true, max: 3600, unit: 'seconds' }, 40)!;
  return {
    brokers,
    rate: numberOption(values.rate, 'rate', { integer: true, min: 1, max: 100000 }, 50)!,
    acks: choiceOption(values.acks, 'acks', ['all', '1'] as const) === 'all' ? ('all' as const) : (1 as const),
    minIsr: numberOption(values['min-isr'], 'min-isr', { integer: true, min: 1, max: brokers }, 2)!,
    durationMs: durationS * 1000,
    steps: parseFailureScript(
      values.script,
      Array.from({ length: brokers }, (_, i) => i + 1),
      durationS * 1000,
    ),
    topic: values.topic ?? `replication-lab-${Date.now().toString(36)}`,
    timeoutS: numberOption(values.timeout, 'timeout', { integer: true, min: 1 }, 240)!,
    json: values.json,
  };
}

function stamp(atMs: number): string {
  return `[${(atMs / 1000).toFixed(1).padStart(6)} s]`;
}

export function printAccount(io: CliIO, r: ReplicationLabResult): void {
  const a = r.account;
  io.out('');
  io.out(t('Account (topic {0}, acks={1}, min.insync.replicas={2}):', r.topic, r.acks, r.minInsyncReplicas));
  const rows: Array<[string, number, string]> = [
    ['sent', a.sent, t('handed to the producer')],
    ['acknowledged', a.acknowledged, t('confirmed by the cluster (acks={0})', r.acks)],
    ['refused', a.failed, t('the producer reported an error')],
    ['consumed', a.consumed, t('read by an independent consumer ({0} different)', a.distinctConsumed)],
    ['LOST acknowledged', a.lostAcknowledged, a.lostSample.length ? t('e.g. {0}', a.lostSample.join(', ')) : ''],
    ...(a.foundOnReread > 0
      ? [
          [
            'read late',
            a.foundOnReread,
            t('not read by the consumer in time, found in the topic by a second read'),
          ] as [string, number, string],
        ]
      : []),
    ['duplicates', a.duplicates, t('read more than once')],
    ['refused yet read', a.deliveredDespiteError, t('written although the producer saw an error')],
    ['sequence gaps', a.gaps, t('runs of numbers never read below the highest one read')],
  ];
  for (const line of formatTable(['', 'messages', ''], rows)) io.out(`  ${line}`);
}

export async function replication(argv: string[], io: CliIO): Promise<number> {
  const s = labSettings(argv);
  const say = s.json ? undefined : (line: string) => io.err(line);
  const cluster = await openLabCluster({
    size: s.brokers,
    readyTimeoutMs: s.timeoutS * 1000,
    onProgress: say,
    signal: io.signal,
  });
  if (cluster.startMs !== undefined) say?.(`Cluster ready in ${(cluster.startMs / 1000).toFixed(1)} s`);
  const client = createKafkaClient({
    brokers: cluster.bootstrap,
    connectionTimeoutMs: 1000,
    requestTimeoutMs: 5000,
    retries: 2,
  });
  const lab = new ReplicationLab(
    { topic: s.topic, minInsyncReplicas: s.minIsr, acks: s.acks, rate: s.rate },
    { client, cluster: cluster.control },
  );
  lab.onEvent((e) => {
    if (e.type === 'timeline' && !s.json) io.out(`${stamp(e.event.atMs)} ${describeEvent(e.event, t)}`);
  });
  try {
    await lab.start();
    say?.(`Producing to ${s.topic} at ${s.rate}/s for ${s.durationMs / 1000} s…`);
    lab.schedule(s.steps);
    await waitFor(s.durationMs, io.signal);
    const result = await lab.finish();
    if (s.json) printJson(io, result);
    else printAccount(io, result);
    for (const b of result.brokers.filter((n) => n.state === 'down' && !cluster.temporary))
      io.err(t('node {0} is still down; start it again with: kafka-log-lab broker start --node {0}', b.nodeId));
    return 0;
  } finally {
    await lab.dispose();
    await cluster.close();
  }
}

function waitFor(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
