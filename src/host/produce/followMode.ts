// Follow mode: a produce that keeps sending lines appended to a growing file. It lives in the
// status bar (what is followed, how much was sent) until the user stops it from there.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../commands';
import { count } from '../explorer/explorerNode';

interface FollowRun {
  file: string;
  topic: string;
  acked: number;
  controller: AbortController;
}

export class FollowTracker implements vscode.Disposable {
  private readonly runs = new Map<string, FollowRun>();
  private readonly item = vscode.window.createStatusBarItem('kafkaLogLab.follow', vscode.StatusBarAlignment.Left, 49);

  constructor() {
    this.item.name = vscode.l10n.t('Kafka Log Lab: follow mode');
    this.item.command = COMMANDS.stopFollowing.id;
  }

  isFollowing(file: string, topic: string): boolean {
    return this.runs.has(`${file}\0${topic}`);
  }

  /** Registers a follow run; its signal aborts when the user stops it. */
  start(file: string, topic: string): { signal: AbortSignal; progress(acked: number): void; finished(): void } {
    const key = `${file}\0${topic}`;
    const run: FollowRun = { file, topic, acked: 0, controller: new AbortController() };
    this.runs.set(key, run);
    this.render();
    return {
      signal: run.controller.signal,
      progress: (acked) => {
        run.acked = acked;
        this.render();
      },
      finished: () => {
        this.runs.delete(key);
        this.render();
      },
    };
  }

  /** Stops one run (by file, or the only one), or every run when `all`. Returns how many stopped. */
  async stop(file?: string, all = false): Promise<number> {
    let targets = [...this.runs.values()].filter((r) => all || !file || r.file === file);
    if (targets.length > 1 && !all && !file) {
      const picked = await vscode.window.showQuickPick(
        [
          { label: vscode.l10n.t('Stop all'), runs: targets },
          ...targets.map((r) => ({ label: `${path.basename(r.file)} → ${r.topic}`, runs: [r] })),
        ],
        { placeHolder: vscode.l10n.t('Which follow to stop?') },
      );
      targets = picked?.runs ?? [];
    }
    for (const r of targets) r.controller.abort();
    return targets.length;
  }

  private render(): void {
    void vscode.commands.executeCommand('setContext', 'kafkaLogLab.following', this.runs.size > 0);
    const runs = [...this.runs.values()];
    if (runs.length === 0) return this.item.hide();
    const first = runs[0];
    const sent = runs.reduce((sum, r) => sum + r.acked, 0);
    this.item.text =
      runs.length === 1
        ? `$(radio-tower) ${path.basename(first.file)} → ${first.topic} · ${vscode.l10n.t('{0} sent', count(sent))}`
        : `$(radio-tower) ${vscode.l10n.t('following {0} files · {1} sent', runs.length, count(sent))}`;
    const followed = runs.map((r) => `${path.basename(r.file)} → ${r.topic}`).join(', ');
    this.item.tooltip = vscode.l10n.t(
      'Kafka Log Lab follows {0}: new lines are sent as they are written.\nClick to stop.',
      followed,
    );
    this.item.show();
  }

  dispose(): void {
    for (const r of this.runs.values()) r.controller.abort();
    this.item.dispose();
  }
}
