// `kafka-log-lab lab groups`: the consumer-group experiment of the lab, headless. G new groups
// of M real consumers read one topic; the command produces N messages, waits until every
// group has read them, and prints who owns which partitions and how many messages each read.
import {
  type CliCommand,
  type CliIO,
  UsageError,
  intOption,
  numberOption,
  parseOptions,
  printJson,
  runAction,
} from '../command';
import { KAFKA_OPTIONS, KAFKA_OPTIONS_HELP, cliKafka, topicOption } from '../kafkaOptions';
import { formatTable } from '../textTable';
import { formatCount } from '../../core/format/count';
import { DEFAULT_LAB_PARTITIONS, GroupLab } from '../../core/lab/groupLab';
import type { LabSnapshot } from '../../core/lab/labTypes';
import { replication, replicationHelp } from './labReplication';
import { t } from '../l10n';

const help = `Usage: kafka-log-lab lab groups --topic T [--groups G] [--members M] [options]

Fanout and load balancing, counted exactly. Starts G new consumer groups of M members each
(real consumers, each with its own member id) on topic T, produces N nginx log lines if asked,
waits until every group has read every message of the topic, then prints per group and member
the assigned partitions and the messages received, and checks the two facts:
  load balancing  in each group the members own disjoint partitions covering the topic and
                  their counts add up to the topic's messages
  fanout          each group, separately, received every message

Options:
  --topic T          the topic (created with P partitions when missing)
  --groups G         number of consumer groups (default 2)
  --members M        members per group (default 3)
  --partitions P     partitions of the topic when it is created (default ${DEFAULT_LAB_PARTITIONS})
  --messages N       produce N messages before counting (default 0: count what is there)
  --timeout S        seconds to wait for the groups to settle (default 120)
  --keep-groups      keep the lab's groups on the broker afterwards (default: delete them)
${KAFKA_OPTIONS_HELP}
  --json             last line: {"topic","messages","groups":[{"group","members":[{"memberId",
                     "clientId","partitions","messages"}]}],"fanoutOk","balanceOk"}

Each group reads the topic from its beginning, so "messages" is every message in the topic.
Exit code 0 when both checks hold, 1 otherwise.`;

const options = {
  topic: { type: 'string' },
  groups: { type: 'string' },
  members: { type: 'string' },
  partitions: { type: 'string' },
  messages: { type: 'string' },
  timeout: { type: 'string' },
  'keep-groups': { type: 'boolean', default: false },
  ...KAFKA_OPTIONS,
  json: { type: 'boolean', default: false },
} as const;

function positive(value: string | undefined, name: string, fallback: number, max: number): number {
  return numberOption(value, name, { integer: true, min: 1, max }, fallback)!;
}

export function labJson(s: LabSnapshot) {
  return {
    topic: s.topic,
    messages: s.messages,
    groups: s.groups.map((g) => ({
      group: g.groupId,
      members: g.members.map((m) => ({
        memberId: m.memberId,
        clientId: m.clientId,
        partitions: m.partitions,
        messages: m.messages,
      })),
    })),
    fanoutOk: s.fanoutOk,
    balanceOk: s.balanceOk,
  };
}

function printText(io: CliIO, s: LabSnapshot, settled: boolean): void {
  io.out(
    t('Topic {0}: {1} partitions, {2} messages', s.topic, s.partitions.length, formatCount(s.messages)) +
      (s.producedByLab ? t(' ({0} produced now)', formatCount(s.producedByLab)) : ''),
  );
  for (const g of s.groups) {
    const c = g.check;
    const verdict = c.everyMessageOnce && c.disjoint && c.covered ? t('OK') : t('NOT OK');
    io.out('');
    io.out(
      t(
        '{0}: {1}, received {2} of {3}, {4}',
        g.groupId,
        g.state,
        formatCount(c.received),
        formatCount(c.expected),
        verdict,
      ) +
        (c.shared.length ? t(', shared partitions {0}', c.shared.join(',')) : '') +
        (c.unowned.length ? t(', unowned partitions {0}', c.unowned.join(',')) : ''),
    );
    const rows = g.members.map((m) => [
      m.name + (m.ours ? '' : t(' (not ours)')),
      m.clientId,
      m.partitions.join(',') || '-',
      m.messages,
      m.state,
    ]);
    for (const row of formatTable(['member', 'client id', 'partitions', 'messages', 'state'], rows)) io.out(`  ${row}`);
  }
  io.out('');
  io.out(
    t(
      'Load balancing: {0} (in each group: disjoint partitions covering all {1}, counts adding up to {2})',
      s.balanceOk ? t('OK') : t('NOT OK'),
      s.partitions.length,
      formatCount(s.messages),
    ),
  );
  io.out(
    t(
      'Fanout: {0} (each of the {1} groups received all {2} messages)',
      s.fanoutOk ? t('OK') : t('NOT OK'),
      s.groups.length,
      formatCount(s.messages),
    ),
  );
  if (!settled) io.out(t('The groups did not settle in time: the counts above are where they stood.'));
}

async function groups(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseOptions(argv, options);
  if (values.topic === undefined) throw new UsageError(t('--topic is required'));
  const topic = topicOption(values.topic);
  const groupCount = positive(values.groups, 'groups', 2, 50);
  const members = positive(values.members, 'members', 3, 50);
  const partitions = positive(values.partitions, 'partitions', DEFAULT_LAB_PARTITIONS, 10000);
  const messages = intOption(values.messages, 'messages', 0)!;
  const timeoutMs = positive(values.timeout, 'timeout', 120, 86400) * 1000;
  const kafka = await cliKafka(values, io);
  const lab = new GroupLab(
    { topic, groups: groupCount, membersPerGroup: members, partitions, keepGroups: values['keep-groups'] },
    {
      client: kafka.client,
      memberClient: (clientId) => ({ client: kafka.clientFor(clientId, false), clientId }),
      log: values.json ? undefined : (line) => io.err(line),
    },
  );
  try {
    await lab.start();
    await lab.waitForStable(timeoutMs, io.signal);
    if (messages > 0) await lab.produce(messages);
    const settled = await lab.waitUntilSettled(timeoutMs, io.signal);
    await lab.refresh();
    const snapshot = lab.snapshot();
    if (values.json) printJson(io, labJson(snapshot));
    else printText(io, snapshot, settled);
    return snapshot.fanoutOk && snapshot.balanceOk ? 0 : 1;
  } finally {
    await lab.stop();
  }
}

export const labCommand: CliCommand = {
  name: 'lab',
  summary: 'consumer-group lab (fanout, load balancing) and replication lab (failover, acknowledged vs read)',
  help: `${help}\n\n${replicationHelp}`,
  run: (argv, io) => runAction(argv, io, argv[0] === 'replication' ? replicationHelp : help, { groups, replication }),
};
