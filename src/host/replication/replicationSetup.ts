// What a Replication Lab run needs: the producer's acks and the topic's min.insync.replicas
// (asked from the palette, given by scripts and tests), and a 3-node cluster: the JVM or Docker
// cluster `broker start --nodes 3` left running, else a JVM one the panel starts and stops.
import * as vscode from 'vscode';
import { openLabCluster, startLabCluster, type LabCluster } from '../../core/replication/labCluster';

export const LAB_NODES = 3;
const DEFAULT_RATE = 50;
const READY_TIMEOUT_MS = 240_000;

export interface ReplicationLabArgs {
  acks?: 'all' | 1 | '1';
  minIsr?: number;
  rate?: number;
  /** Start a cluster of the lab's own even when one runs (tests: never touch another's nodes). */
  ownCluster?: boolean;
}

export interface ReplicationLabConfig {
  acks: 'all' | 1;
  minIsr: number;
  rate: number;
  ownCluster: boolean;
}

/** The settings from a caller; a string says what is wrong. */
export function configFromArgs(args: ReplicationLabArgs): ReplicationLabConfig | string {
  const acks = args.acks === undefined || args.acks === 'all' ? 'all' : args.acks === 1 || args.acks === '1' ? 1 : NaN;
  if (Number.isNaN(acks)) return 'acks must be "all" or 1';
  const minIsr = args.minIsr ?? 2;
  if (!Number.isInteger(minIsr) || minIsr < 1 || minIsr > LAB_NODES) return `minIsr must be 1 to ${LAB_NODES}`;
  const rate = args.rate ?? DEFAULT_RATE;
  if (!Number.isInteger(rate) || rate < 1 || rate > 5000) return 'rate must be a whole number from 1 to 5000';
  return { acks: acks as 'all' | 1, minIsr, rate, ownCluster: args.ownCluster === true };
}

/** Palette flow: acks, then min.insync.replicas; undefined when the user backs out. */
export async function askForConfig(): Promise<ReplicationLabConfig | undefined> {
  const acks = await vscode.window.showQuickPick(
    [
      { label: 'all', description: vscode.l10n.t('every in-sync replica has the message (idempotent producer)') },
      { label: '1', description: vscode.l10n.t('the leader alone has the message') },
    ],
    { title: vscode.l10n.t('Replication Lab (1/2): producer acks'), ignoreFocusOut: true },
  );
  if (!acks) return undefined;
  const minIsr = await vscode.window.showQuickPick(
    ['2', '1', '3'].map((label) => ({
      label,
      description: label === '2' ? vscode.l10n.t('default: one broker may be down') : undefined,
    })),
    { title: vscode.l10n.t('Replication Lab (2/2): min.insync.replicas of the topic'), ignoreFocusOut: true },
  );
  if (!minIsr) return undefined;
  return {
    acks: acks.label === 'all' ? 'all' : 1,
    minIsr: Number(minIsr.label),
    rate: DEFAULT_RATE,
    ownCluster: false,
  };
}

/** The running local cluster, or a new JVM one (with progress; cancel stops the start). */
export function openCluster(own: boolean): Thenable<LabCluster> {
  const title = vscode.l10n.t('Replication Lab: starting a 3-node JVM cluster (40–100 s)');
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      const onProgress = (message: string) => progress.report({ message });
      const options = { size: LAB_NODES, readyTimeoutMs: READY_TIMEOUT_MS, onProgress, signal: abort.signal };
      return own ? startLabCluster(options) : openLabCluster(options);
    },
  );
}
