// The status-bar item's menu: change the rate, pause or resume, open the dashboard, stop. A
// caller that passes the action (`{ action: 'rate', rate: 50 }`) skips the menu and runs the
// very same code the menu runs.
import * as vscode from 'vscode';
import { LIVE_RATE_LIMITS, checkLiveRate } from '../../core/generate/liveTraffic';
import { UserError } from '../../core/errors';
import { askText, pickOne } from '../clusters/clusterArgs';
import { COMMANDS } from '../commands';
import { count } from '../explorer/explorerNode';
import { executeCommand } from '../runCommand';
import type { LiveTrafficController } from './liveController';
import type { LiveResult, LiveSnapshot } from './liveSession';

export type LiveAction =
  | { action: 'rate'; rate: number }
  | { action: 'pause' }
  | { action: 'resume' }
  | { action: 'dashboard' }
  | { action: 'stop' };

const ACTIONS = new Set(['rate', 'pause', 'resume', 'dashboard', 'stop']);

/** Why `text` is not a rate the generator accepts, in the user's words; undefined when it is. */
export function rateProblem(text: string): string | undefined {
  const rate = Number(text.trim());
  try {
    if (text.trim() === '') throw new RangeError('empty');
    checkLiveRate(rate);
    return undefined;
  } catch {
    return vscode.l10n.t(
      'Lines per second: a number from {0} to {1}',
      count(LIVE_RATE_LIMITS.min),
      count(LIVE_RATE_LIMITS.max),
    );
  }
}

/** A scripted action, checked: it may come from any caller. */
export function toLiveAction(arg: unknown): LiveAction | undefined {
  const action = (arg as { action?: unknown } | undefined)?.action;
  if (action === undefined) return undefined;
  if (typeof action !== 'string' || !ACTIONS.has(action))
    throw new UserError(`unknown live traffic action "${String(action)}" (rate, pause, resume, dashboard or stop)`);
  if (action !== 'rate') return { action } as LiveAction;
  const rate = (arg as { rate?: unknown }).rate;
  const problem = rateProblem(String(rate));
  if (typeof rate !== 'number' || problem)
    throw new UserError(problem ?? `the rate must be a number, got ${String(rate)}`);
  return { action, rate };
}

export async function askRate(current: number, title: string): Promise<number> {
  const text = await askText({
    title,
    prompt: vscode.l10n.t('Lines per second'),
    value: String(current),
    validateInput: rateProblem,
  });
  return Number(text.trim());
}

async function askLiveAction(s: LiveSnapshot): Promise<LiveAction> {
  const title = vscode.l10n.t('Live traffic → {0}', s.topic);
  const items: Array<vscode.QuickPickItem & { action: LiveAction['action'] }> = [
    {
      label: `$(dashboard) ${vscode.l10n.t('Change Rate…')}`,
      description: vscode.l10n.t('now {0} lines/s', count(s.linesPerSecond)),
      action: 'rate',
    },
    s.paused
      ? { label: `$(debug-continue) ${vscode.l10n.t('Resume')}`, action: 'resume' }
      : { label: `$(debug-pause) ${vscode.l10n.t('Pause')}`, action: 'pause' },
    { label: `$(graph) ${vscode.l10n.t('Open Dashboard')}`, action: 'dashboard' },
    {
      label: `$(debug-stop) ${vscode.l10n.t('Stop')}`,
      description: vscode.l10n.t('{0} lines written, {1} delivered', count(s.lines), count(s.acked)),
      action: 'stop',
    },
  ];
  const { action } = await pickOne(items, { title, placeHolder: vscode.l10n.t('What to do with the live traffic') });
  if (action !== 'rate') return { action } as LiveAction;
  return { action, rate: await askRate(s.linesPerSecond, title) };
}

/** Runs the menu (or the given action) on the running live traffic; returns the new state or the stop's account. */
export async function runLiveMenu(
  controller: LiveTrafficController,
  arg: unknown,
): Promise<LiveSnapshot | LiveResult | undefined> {
  const scripted = toLiveAction(arg);
  const session = controller.running;
  if (!session || session.stopped) {
    if (scripted) throw new UserError('no live traffic is running');
    void vscode.window.showInformationMessage(vscode.l10n.t('Kafka Log Lab: no live traffic is running.'));
    return undefined;
  }
  const chosen = scripted ?? (await askLiveAction(session.snapshot()));
  if (chosen.action === 'stop') return controller.stop();
  if (chosen.action === 'rate') session.setRate(chosen.rate);
  if (chosen.action === 'pause') await session.pause();
  if (chosen.action === 'resume') session.resume();
  if (chosen.action === 'dashboard') {
    const { topic, format, cluster } = session.request;
    await executeCommand(COMMANDS.openDashboard, { topic, cluster, format });
  }
  controller.render();
  return session.snapshot();
}
