// Consumer-group actions: reset offsets (earliest, latest, a date-time) and delete. Kafka
// allows both only while the group has no members; the menu offers them only then.
import * as vscode from 'vscode';
import type { ResetTarget } from '../../core/kafka/groupsAdmin';
import { askText, clusterFrom, pickOne, stringField, withClusterAdmin } from '../clusters/clusterArgs';
import type { KafkaDeps } from '../deps';
import { COMMANDS } from '../commands';
import { registerCommand } from '../runCommand';
import type { ClusterConfig } from '../settings';
import { count } from './explorerNode';

export interface ResetOffsetsArgs {
  groupId: string;
  /** The topic to reset; default every topic the group has offsets for. */
  topic?: string;
  /** `earliest`, `latest`, or an ISO date-time / epoch milliseconds. */
  to: string;
  cluster?: string;
}

async function pickGroup(deps: KafkaDeps, cluster: ClusterConfig, placeHolder: string): Promise<string> {
  const groups = deps.explorer
    .queries(cluster)
    .groups()
    .then((gs) => gs.map((g) => ({ label: g.groupId, description: `${g.state} · ${g.members} members` })));
  return (await pickOne(groups, { placeHolder })).label;
}

async function askTarget(): Promise<string> {
  const choice = await pickOne(
    [
      { label: 'Earliest', value: 'earliest', description: 'consume everything still in the topic again' },
      { label: 'Latest', value: 'latest', description: 'skip everything up to now' },
      { label: 'Date and time…', value: 'time', description: 'the first message at or after a moment' },
    ],
    { title: 'Reset offsets to', placeHolder: 'Where the group continues reading' },
  );
  if (choice.value !== 'time') return choice.value;
  const { parseResetTarget } = await import('../../core/kafka/groupsAdmin');
  return askText({
    title: 'Reset offsets to a date and time',
    prompt: 'ISO date-time (2024-05-01T12:00:00Z) or epoch milliseconds',
    value: new Date(Date.now() - 3600_000).toISOString(),
    validateInput: (t) => {
      try {
        parseResetTarget(t.trim());
        return undefined;
      } catch (e) {
        return (e as Error).message;
      }
    },
  });
}

async function groupTopics(deps: KafkaDeps, cluster: ClusterConfig, groupId: string): Promise<string[]> {
  const { describeGroupDetail } = await import('../../core/kafka/groupsAdmin');
  const detail = await withClusterAdmin(deps, cluster, (admin) => describeGroupDetail(admin, groupId));
  return [...new Set(detail.partitions.map((p) => p.topic))];
}

async function resetOffsets(deps: KafkaDeps, arg: unknown): Promise<Record<string, number> | undefined> {
  const cluster = clusterFrom(deps, arg);
  const interactive = !stringField(arg, 'to');
  const groupId =
    stringField(arg, 'groupId') ?? (await pickGroup(deps, cluster, 'Consumer group whose offsets to reset'));
  let topics = stringField(arg, 'topic') ? [stringField(arg, 'topic')!] : await groupTopics(deps, cluster, groupId);
  if (topics.length === 0) throw new Error(`consumer group "${groupId}" has no committed offsets to reset`);
  if (interactive && topics.length > 1) {
    const all = { label: 'All topics', topics };
    const picked = await pickOne([all, ...topics.map((t) => ({ label: t, topics: [t] }))], {
      placeHolder: 'Topic whose offsets to reset',
    });
    topics = picked.topics;
  }
  const to = stringField(arg, 'to') ?? (await askTarget());
  const { parseResetTarget, resetGroupOffsets } = await import('../../core/kafka/groupsAdmin');
  const target: ResetTarget = parseResetTarget(to.trim());
  if (interactive) {
    const answer = await vscode.window.showWarningMessage(
      `Reset the offsets of "${groupId}" on ${topics.join(', ')} to ${to}?`,
      { modal: true, detail: 'Its consumers will continue from there when they start again.' },
      'Reset Offsets',
    );
    if (answer !== 'Reset Offsets') return undefined;
  }
  const moved: Record<string, number> = {};
  await withClusterAdmin(deps, cluster, async (admin) => {
    for (const topic of topics) {
      const offsets = await resetGroupOffsets(admin, groupId, topic, target);
      for (const o of offsets) moved[`${topic}/${o.partition}`] = o.offset;
    }
  });
  deps.log.info(`[groups] reset ${groupId} on ${topics.join(', ')} to ${to}: ${JSON.stringify(moved)}`);
  deps.explorer.refresh();
  if (interactive)
    void vscode.window.showInformationMessage(
      `Kafka Log Lab: offsets of "${groupId}" reset to ${to} on ${count(Object.keys(moved).length)} partitions.`,
    );
  return moved;
}

export function registerGroupCommands(deps: KafkaDeps): vscode.Disposable[] {
  return [
    registerCommand(deps, COMMANDS.resetGroupOffsets, (arg?) => resetOffsets(deps, arg)),
    registerCommand(deps, COMMANDS.deleteGroup, async (arg?) => {
      const cluster = clusterFrom(deps, arg);
      const groupId = stringField(arg, 'groupId') ?? (await pickGroup(deps, cluster, 'Consumer group to delete'));
      if (!(arg as { skipConfirmation?: boolean } | undefined)?.skipConfirmation) {
        const answer = await vscode.window.showWarningMessage(
          `Delete the consumer group "${groupId}" and its committed offsets?`,
          { modal: true, detail: 'This cannot be undone.' },
          'Delete Group',
        );
        if (answer !== 'Delete Group') return undefined;
      }
      const { deleteGroup } = await import('../../core/kafka/groupsAdmin');
      await withClusterAdmin(deps, cluster, (admin) => deleteGroup(admin, groupId));
      deps.log.info(`[groups] deleted ${groupId} on ${cluster.name}`);
      deps.explorer.refresh();
      return groupId;
    }),
  ];
}
