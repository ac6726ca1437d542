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
    .then((gs) =>
      gs.map((g) => ({ label: g.groupId, description: `${g.state} · ${vscode.l10n.t('{0} members', g.members)}` })),
    );
  return (await pickOne(groups, { placeHolder })).label;
}

async function askTarget(): Promise<string> {
  const choice = await pickOne(
    [
      {
        label: vscode.l10n.t('Earliest'),
        value: 'earliest',
        description: vscode.l10n.t('consume everything still in the topic again'),
      },
      { label: vscode.l10n.t('Latest'), value: 'latest', description: vscode.l10n.t('skip everything up to now') },
      {
        label: vscode.l10n.t('Date and time…'),
        value: 'time',
        description: vscode.l10n.t('the first message at or after a moment'),
      },
    ],
    { title: vscode.l10n.t('Reset offsets to'), placeHolder: vscode.l10n.t('Where the group continues reading') },
  );
  if (choice.value !== 'time') return choice.value;
  const { parseResetTarget } = await import('../../core/kafka/groupsAdmin');
  return askText({
    title: vscode.l10n.t('Reset offsets to a date and time'),
    prompt: vscode.l10n.t('ISO date-time (2024-05-01T12:00:00Z) or epoch milliseconds'),
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
    stringField(arg, 'groupId') ??
    (await pickGroup(deps, cluster, vscode.l10n.t('Consumer group whose offsets to reset')));
  let topics = stringField(arg, 'topic') ? [stringField(arg, 'topic')!] : await groupTopics(deps, cluster, groupId);
  if (topics.length === 0)
    throw new Error(vscode.l10n.t('consumer group "{0}" has no committed offsets to reset', groupId));
  if (interactive && topics.length > 1) {
    const all = { label: vscode.l10n.t('All topics'), topics };
    const picked = await pickOne([all, ...topics.map((t) => ({ label: t, topics: [t] }))], {
      placeHolder: vscode.l10n.t('Topic whose offsets to reset'),
    });
    topics = picked.topics;
  }
  const to = stringField(arg, 'to') ?? (await askTarget());
  const { parseResetTarget, resetGroupOffsets } = await import('../../core/kafka/groupsAdmin');
  const target: ResetTarget = parseResetTarget(to.trim());
  if (interactive) {
    const reset = vscode.l10n.t('Reset Offsets');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Reset the offsets of "{0}" on {1} to {2}?', groupId, topics.join(', '), to),
      { modal: true, detail: vscode.l10n.t('Its consumers will continue from there when they start again.') },
      reset,
    );
    if (answer !== reset) return undefined;
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
      vscode.l10n.t(
        'Kafka Log Lab: offsets of "{0}" reset to {1} on {2} partitions.',
        groupId,
        to,
        count(Object.keys(moved).length),
      ),
    );
  return moved;
}

export function registerGroupCommands(deps: KafkaDeps): vscode.Disposable[] {
  return [
    registerCommand(deps, COMMANDS.resetGroupOffsets, (arg?) => resetOffsets(deps, arg)),
    registerCommand(deps, COMMANDS.deleteGroup, async (arg?) => {
      const cluster = clusterFrom(deps, arg);
      const groupId =
        stringField(arg, 'groupId') ?? (await pickGroup(deps, cluster, vscode.l10n.t('Consumer group to delete')));
      if (!(arg as { skipConfirmation?: boolean } | undefined)?.skipConfirmation) {
        const remove = vscode.l10n.t('Delete Group');
        const answer = await vscode.window.showWarningMessage(
          vscode.l10n.t('Delete the consumer group "{0}" and its committed offsets?', groupId),
          { modal: true, detail: vscode.l10n.t('This cannot be undone.') },
          remove,
        );
        if (answer !== remove) return undefined;
      }
      const { deleteGroup } = await import('../../core/kafka/groupsAdmin');
      await withClusterAdmin(deps, cluster, (admin) => deleteGroup(admin, groupId));
      deps.log.info(`[groups] deleted ${groupId} on ${cluster.name}`);
      deps.explorer.refresh();
      return groupId;
    }),
  ];
}
