// "Generate Logs…": format, visitors, optional seed and target file (default
// logs/<format>-<timestamp>.log in the workspace), written with progress, then opened with
// an offer to produce it. `{ format, visitors, seed, file, open }` skips the questions.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { GenerateSummary } from '../../core/generate';
import { isGeneratedFormat, type GeneratedFormat } from '../../core/logFormat';
import { askText, numberField, pickOne, stringField } from '../clusters/clusterArgs';
import type { HostDeps } from '../deps';
import { count } from '../explorer/explorerNode';
import { COMMANDS } from '../commands';
import { executeCommand, registerCommand } from '../runCommand';
import { markDone } from '../walkthrough/walkthroughProgress';
import { withCancellableProgress } from '../lifecycle';

export interface GenerateArgs {
  format: GeneratedFormat;
  visitors?: number;
  seed?: string;
  /** Absolute, or relative to the first workspace folder. */
  file?: string;
  /** Open the file in an editor when done (default true). */
  open?: boolean;
}

const formats = (): Array<{ label: string; format: GeneratedFormat; description: string }> => [
  {
    label: vscode.l10n.t('Web sessions'),
    format: 'web',
    description: vscode.l10n.t('timestamp user_id action page (the web-logs lab)'),
  },
  { label: vscode.l10n.t('Nginx access log'), format: 'nginx', description: vscode.l10n.t('combined log format') },
  {
    label: vscode.l10n.t('Product events'),
    format: 'events',
    description: vscode.l10n.t('JSON lines: views, carts, purchases with prices'),
  },
];

const pad = (n: number) => String(n).padStart(2, '0');

export function defaultLogFile(format: GeneratedFormat, now = new Date()): string {
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return path.join('logs', `${format}-${stamp}.log`);
}

async function askGenerate(): Promise<GenerateArgs> {
  const title = vscode.l10n.t('Kafka Log Lab: Generate Logs');
  const { format } = await pickOne(formats(), { title: `${title} (1/4)`, placeHolder: vscode.l10n.t('Log format') });
  const visitors = await askText({
    title: `${title} (2/4)`,
    prompt: vscode.l10n.t('Number of visitors (each visitor makes one or more visits)'),
    value: '1000',
    validateInput: (t) =>
      /^\d+$/.test(t.trim()) && Number(t) >= 1 && Number(t) <= 10_000_000
        ? undefined
        : vscode.l10n.t('A whole number from 1 to 10,000,000'),
  });
  const seed = await askText({
    title: `${title} (3/4)`,
    prompt: vscode.l10n.t('Seed (optional): the same seed gives the same visitors and visits'),
    placeHolder: vscode.l10n.t('random'),
  });
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const file = root
    ? await askText({
        title: `${title} (4/4)`,
        prompt: vscode.l10n.t('Target file, relative to the workspace folder'),
        value: defaultLogFile(format),
        validateInput: (t) => (t.trim() ? undefined : vscode.l10n.t('Enter a file name')),
      })
    : (
        await vscode.window.showSaveDialog({
          title,
          saveLabel: vscode.l10n.t('Generate'),
          filters: { [vscode.l10n.t('Logs')]: ['log'] },
        })
      )?.fsPath;
  if (!file) throw new vscode.CancellationError();
  return { format, visitors: Number(visitors), seed: seed.trim() || undefined, file: file.trim() };
}

function fromArgs(arg: unknown): GenerateArgs | undefined {
  const format = stringField(arg, 'format');
  if (!format) return undefined;
  if (!isGeneratedFormat(format))
    throw new Error(vscode.l10n.t('unknown format "{0}" (web, nginx or events)', String(format)));
  return {
    format,
    visitors: numberField(arg, 'visitors'),
    seed: stringField(arg, 'seed'),
    file: stringField(arg, 'file'),
    open: (arg as GenerateArgs).open,
  };
}

export async function generateLogs(deps: HostDeps, arg?: unknown): Promise<{ file: string; summary: GenerateSummary }> {
  const scripted = fromArgs(arg);
  const request = scripted ?? (await askGenerate());
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.cwd();
  const file = path.resolve(root, request.file ?? defaultLogFile(request.format));
  const seed = request.seed ?? Math.random().toString(36).slice(2, 10);
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const { generateRecordedFile } = await import('../../core/generate/generationRecord');
  const summary = await withCancellableProgress(
    deps.work,
    vscode.l10n.t('Generating {0} logs into {1}', request.format, path.basename(file)),
    (signal) => {
      // Six hours back, so the log ends about now like a real one.
      const written = generateRecordedFile(
        file,
        { format: request.format, users: request.visitors ?? 1000, seed, startMs: Date.now() - 6 * 3600_000 },
        signal,
      );
      return written.catch(async (e) => {
        if (!signal.aborted) throw e;
        // Only the unfinished file this command started writing is removed.
        await fs.promises.rm(file, { force: true });
        throw new vscode.CancellationError();
      });
    },
  );
  deps.log.info(
    `[generate] ${file}: ${summary.lines} lines, ${summary.visitors} visitors, seed ${summary.seed}, ${summary.elapsedMs} ms`,
  );
  markDone('logsGenerated');
  const uri = vscode.Uri.file(file);
  if (request.open !== false) await vscode.window.showTextDocument(uri, { preview: false });
  if (!scripted) {
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t(
          'Kafka Log Lab: generated {0} lines from {1} visitors (seed {2}).',
          count(summary.lines),
          count(summary.visitors),
          summary.seed,
        ),
        vscode.l10n.t('Produce This File to Kafka'),
      )
      .then((choice) => choice && executeCommand(COMMANDS.produceFile, uri));
  }
  return { file, summary };
}

export function registerGenerateCommands(deps: HostDeps): vscode.Disposable[] {
  return [registerCommand(deps, COMMANDS.generateLogs, (arg?) => generateLogs(deps, arg))];
}
