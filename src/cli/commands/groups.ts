// `kafka-log-lab groups list|describe|reset-offsets|delete`.
import { type CliCommand, type CliIO, UsageError, parseOptions, printJson, runAction } from '../command';
import {
  KAFKA_OPTIONS,
  KAFKA_OPTIONS_HELP,
  cliKafka,
  kafkaOptionsExample,
  kafkaSettings,
  timeOption,
  topicOption,
} from '../kafkaOptions';
import { formatTable } from '../textTable';
import { formatCount } from '../../core/format/count';
import { withAdmin } from '../../core/kafka/client';
import {
  deleteGroup,
  describeGroupDetail,
  listGroupSummaries,
  resetGroupOffsets,
  type GroupDetail,
  type ResetTarget,
} from '../../core/kafka/groupsAdmin';
import { t } from '../l10n';

const help = `Usage: kafka-log-lab groups <list|describe|reset-offsets|delete> [GROUP] [options]

  list                   consumer groups with their state and number of members
  describe GROUP         state; members with client id, host and assigned partitions; per
                         partition the committed offset, the end offset and the lag
  reset-offsets GROUP --topic T --to earliest|latest|ISO
                         moves the group's committed offsets on every partition of T (to the
                         first message at or after an ISO date-time with --to 2025-10-16T21:00:00Z).
                         Refused while the group has active members: stop them first.
  delete GROUP           deletes the group and its committed offsets (also refused while active)

Every action takes --json (one JSON object on one line) and the connection options:
${KAFKA_OPTIONS_HELP}

Examples (secured cluster):
${kafkaOptionsExample('groups list')}`;

const common = {
  ...KAFKA_OPTIONS,
  json: { type: 'boolean', default: false },
} as const;

function groupArg(positionals: string[]): string {
  if (positionals.length === 0) throw new UsageError(t('GROUP is required'));
  if (positionals.length > 1) throw new UsageError(t('one GROUP at a time, got {0}', positionals.length));
  return positionals[0];
}

async function list(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseOptions(argv, common);
  const groups = await withAdmin((await cliKafka(values, io)).client, listGroupSummaries);
  if (values.json) printJson(io, { groups });
  else if (groups.length === 0) io.out(t('No consumer groups.'));
  else
    for (const row of formatTable(
      ['group', 'state', 'members'],
      groups.map((g) => [g.groupId, g.state, g.members]),
    ))
      io.out(row);
  return 0;
}

function printGroup(io: CliIO, g: GroupDetail): void {
  const lag = formatCount(g.totalLag);
  io.out(
    g.members.length === 1
      ? t('{0}: {1}, 1 member, total lag {2}', g.groupId, g.state, lag)
      : t('{0}: {1}, {2} members, total lag {3}', g.groupId, g.state, formatCount(g.members.length), lag),
  );
  if (g.members.length) {
    io.out('');
    const members = g.members.map((m) => [
      m.memberId,
      m.clientId,
      m.host,
      m.assignment.map((a) => `${a.topic}:${a.partitions.join(',')}`).join(' ') || '-',
    ]);
    for (const row of formatTable(['member', 'client id', 'host', 'partitions'], members)) io.out(row);
  }
  if (g.partitions.length) {
    io.out('');
    const rows = g.partitions.map((p) => [p.topic, p.partition, p.committed, p.end, p.lag, p.clientId]);
    for (const row of formatTable(['topic', 'partition', 'committed', 'end', 'lag', 'owner'], rows, {
      identifiers: ['partition'],
    }))
      io.out(row);
  }
}

async function describe(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOptions(argv, common, 'GROUP');
  const groupId = groupArg(positionals);
  const detail = await withAdmin((await cliKafka(kafkaSettings(values), io)).client, (admin) =>
    describeGroupDetail(admin, groupId),
  );
  if (values.json) printJson(io, detail);
  else printGroup(io, detail);
  return 0;
}

function resetTarget(to: string): ResetTarget {
  return to === 'earliest' || to === 'latest' ? { kind: to } : { kind: 'time', timestampMs: timeOption(to, 'to') };
}

async function resetOffsets(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOptions(
    argv,
    { ...common, topic: { type: 'string' }, to: { type: 'string' } },
    'GROUP',
  );
  const groupId = groupArg(positionals);
  if (values.topic === undefined) throw new UsageError(t('--topic is required'));
  const topic = topicOption(values.topic);
  if (values.to === undefined) throw new UsageError(t('--to earliest|latest|ISO is required'));
  const target = resetTarget(values.to);
  const offsets = await withAdmin((await cliKafka(kafkaSettings(values), io)).client, (admin) =>
    resetGroupOffsets(admin, groupId, topic, target),
  );
  if (values.json) printJson(io, { groupId, topic, offsets });
  else {
    io.out(t('Reset {0} on {1} to {2}:', groupId, topic, values.to));
    for (const row of formatTable(
      ['partition', 'offset'],
      offsets.map((o) => [o.partition, o.offset]),
      { identifiers: ['partition'] },
    ))
      io.out(row);
  }
  return 0;
}

async function remove(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOptions(argv, common, 'GROUP');
  const groupId = groupArg(positionals);
  await withAdmin((await cliKafka(kafkaSettings(values), io)).client, (admin) => deleteGroup(admin, groupId));
  if (values.json) printJson(io, { groupId, deleted: true });
  else io.out(t('Deleted consumer group {0}', groupId));
  return 0;
}

export const groupsCommand: CliCommand = {
  name: 'groups',
  summary: 'list and describe consumer groups (members, partitions, lag); reset or delete them',
  help,
  run: (argv, io) => runAction(argv, io, help, { list, describe, 'reset-offsets': resetOffsets, delete: remove }),
};
