// "Produce This File to Kafka" (Explorer and editor menus, palette), its follow variant,
// "Produce a File to This Topic…" on a topic row, "Verify" and "Stop Following".
// With `{ file, topic, format, as, follow, cluster }` as the argument nothing is asked.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ValueMode } from '../../core/kafka/lineMessages';
import { isLogFormat, type LogFormat } from '../../core/logFormat';
import { clusterFrom, pickOne, stringField } from '../clusters/clusterArgs';
import type { KafkaDeps } from '../deps';
import { topicFrom } from '../explorer/topicCommands';
import { COMMANDS, type ClusterRef } from '../commands';
import { ActionableError, registerCommand } from '../runCommand';
import { UserError } from '../../core/errors';
import { FollowTracker } from './followMode';
import {
  askFormat,
  askTopic,
  askValueMode,
  rememberChoices,
  rememberedChoices,
  suggestedTopic,
  type ProduceChoices,
} from './produceChoices';
import { runProduce, runVerify } from './produceRun';

export const LOG_FILE_GLOB = '**/*.{log,txt,jsonl,ndjson,json}';

function workspaceRoot(): string | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
}

/** A file from a menu's Uri, a `{ file }` argument (relative to the workspace), or a quick pick. */
async function fileFrom(arg: unknown, title: string): Promise<string> {
  if (arg instanceof vscode.Uri) return arg.fsPath;
  const given = stringField(arg, 'file');
  if (given) return path.resolve(workspaceRoot() ?? process.cwd(), given);
  const active = vscode.window.activeTextEditor?.document;
  const candidates = (await vscode.workspace.findFiles(LOG_FILE_GLOB, '**/{node_modules,.git}/**', 200)).map(
    (u) => u.fsPath,
  );
  const first = active?.uri.scheme === 'file' ? [active.uri.fsPath] : [];
  const files = [...new Set([...first, ...candidates.sort()])];
  const browse = { label: `$(folder-opened) ${vscode.l10n.t('Browse…')}`, file: '' };
  const picked = await pickOne(
    [
      ...files.map((f) => ({ label: path.basename(f), description: vscode.workspace.asRelativePath(f), file: f })),
      browse,
    ],
    {
      title,
      placeHolder: vscode.l10n.t('Log file to produce'),
      matchOnDescription: true,
    },
  );
  if (picked.file) return picked.file;
  const chosen = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: vscode.l10n.t('Produce'),
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  });
  if (!chosen?.[0]) throw new vscode.CancellationError();
  return chosen[0].fsPath;
}

/** Produce what the user sees: an unsaved editor of the file is saved first. */
async function saveIfDirty(deps: KafkaDeps, file: string): Promise<void> {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === file);
  if (doc?.isDirty) {
    deps.log.info(`[produce] saving ${file} before producing it`);
    await doc.save();
  }
}

async function chooseFor(
  deps: KafkaDeps,
  file: string,
  arg: unknown,
  presetTopic: string | undefined,
  cluster: ClusterRef,
): Promise<ProduceChoices> {
  const [{ detectFormat }, { readSampleLines }] = await Promise.all([
    import('../../core/parse/detectFormat'),
    import('../../core/parse/lineReader'),
  ]);
  const detected = detectFormat(await readSampleLines(file, 50, 65536));
  const remembered = rememberedChoices(deps, file);
  const givenFormat = stringField(arg, 'format');
  const givenAs = stringField(arg, 'as');
  if (givenFormat && givenFormat !== 'auto' && !isLogFormat(givenFormat))
    throw new Error(vscode.l10n.t('unknown format "{0}"', givenFormat));
  if (givenAs && givenAs !== 'raw' && givenAs !== 'json')
    throw new Error(vscode.l10n.t('"as" must be raw or json, not "{0}"', givenAs));
  const name = path.basename(file);
  // A script (test, another command) that names the topic gets no questions at all.
  const scripted = stringField(arg, 'topic');
  const preferred = remembered?.topic ?? suggestedTopic(detected, file);
  const why = remembered ? vscode.l10n.t('last used for this file') : vscode.l10n.t('suggested for {0} logs', detected);
  const title = vscode.l10n.t('Produce {0} to Kafka (1/3)', name);
  const topic = scripted ?? presetTopic ?? (await askTopic(deps, cluster, title, preferred, why));
  let format: LogFormat = detected;
  if (givenFormat && givenFormat !== 'auto') format = givenFormat as LogFormat;
  else if (!scripted) format = await askFormat(name, detected, remembered?.format ?? detected);
  const as: ValueMode =
    (givenAs as ValueMode | undefined) ?? (scripted ? 'raw' : await askValueMode(name, remembered?.as ?? 'raw'));
  return { topic, format, as };
}

async function produce(
  deps: KafkaDeps,
  follows: FollowTracker,
  arg: unknown,
  options: { follow?: boolean; presetTopic?: string } = {},
) {
  const file = await fileFrom(arg, vscode.l10n.t('Produce a file to Kafka'));
  await saveIfDirty(deps, file);
  const cluster = clusterFrom(deps, arg);
  const follow = options.follow ?? (arg as { follow?: boolean } | undefined)?.follow === true;
  const binary = (arg as { binary?: boolean } | undefined)?.binary === true;
  await requireProducible(file, { follow, binary, cluster: cluster.name, topic: options.presetTopic });
  const choices = await chooseFor(deps, file, arg, options.presetTopic, cluster);
  if (follow && follows.isFollowing(file, choices.topic))
    throw new Error(vscode.l10n.t('{0} is already followed into {1}', path.basename(file), choices.topic));
  await rememberChoices(deps, file, choices);
  return runProduce(deps, follows, { file, cluster, choices, follow, binary });
}

/**
 * Before any question: an empty file is refused (a followed one may still grow), a binary
 * one is refused with "Send Anyway", which runs the same produce again with `binary`.
 */
async function requireProducible(
  file: string,
  run: { follow: boolean; binary: boolean; cluster: string; topic?: string },
): Promise<void> {
  const { checkProducibleFile } = await import('../../core/kafka/producibleFile');
  const content = await checkProducibleFile(file);
  if (content.kind === 'empty' && !run.follow) throw new UserError(content.problem!);
  if (content.kind !== 'binary' || run.binary) return;
  const again = { file, cluster: run.cluster, topic: run.topic, binary: true };
  const command = run.follow ? COMMANDS.produceFileFollow.id : COMMANDS.produceFile.id;
  throw new ActionableError(vscode.l10n.t('{0}; nothing was sent', content.problem ?? ''), [
    { title: vscode.l10n.t('Send Anyway'), command, args: [again] },
  ]);
}

export function registerProduceCommands(deps: KafkaDeps): vscode.Disposable[] {
  const follows = new FollowTracker();
  return [
    follows,
    registerCommand(deps, COMMANDS.produceFile, async (arg?, selected?) => {
      // Several files selected in the Explorer: produce each in turn.
      const files = Array.isArray(selected) && selected.length > 1 ? selected : [arg];
      const summaries = [];
      for (const f of files) summaries.push(await produce(deps, follows, f));
      return files.length === 1 ? summaries[0] : summaries;
    }),
    registerCommand(deps, COMMANDS.produceFileFollow, (arg?) => produce(deps, follows, arg, { follow: true })),
    registerCommand(deps, COMMANDS.produceToTopic, async (arg?) => {
      const topic = topicFrom(arg);
      const title = topic ? vscode.l10n.t('Produce a file to {0}', topic) : vscode.l10n.t('Produce a file to Kafka');
      const file = await fileFrom(arg, title);
      return produce(deps, follows, { cluster: clusterFrom(deps, arg), file }, { presetTopic: topic });
    }),
    registerCommand(deps, COMMANDS.verifyFile, async (arg?) => {
      const cluster = clusterFrom(deps, arg);
      const file = await fileFrom(arg, vscode.l10n.t('Verify a file against a topic'));
      const topic =
        topicFrom(arg) ??
        rememberedChoices(deps, file)?.topic ??
        (await askTopic(
          deps,
          cluster,
          vscode.l10n.t('Verify {0}', path.basename(file)),
          suggestedTopic('raw', file),
          vscode.l10n.t('topic to compare with'),
        ));
      return runVerify(deps, cluster, file, topic);
    }),
    registerCommand(deps, COMMANDS.stopFollowing, async (arg?) => {
      const file = arg instanceof vscode.Uri ? arg.fsPath : stringField(arg, 'file');
      return follows.stop(
        file ? path.resolve(workspaceRoot() ?? process.cwd(), file) : undefined,
        (arg as { all?: boolean } | undefined)?.all === true,
      );
    }),
  ];
}
