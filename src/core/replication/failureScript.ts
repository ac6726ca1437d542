// The failure script of the replication lab: "kill 2@10s, start 2@25s, stop 1@35s".
// Parsed before anything starts, so a typo names its token instead of failing mid-run.
import { UserError } from '../errors';

export type NodeAction = 'stop' | 'kill' | 'start';

export interface ScriptStep {
  action: NodeAction;
  nodeId: number;
  /** Milliseconds after the lab starts producing. */
  atMs: number;
  /** The token as written, for the timeline. */
  text: string;
}

const STEP = /^(stop|kill|start)\s+(\d+)\s*@\s*(\d+(?:\.\d+)?)(ms|s|m)?$/i;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60000 };

/**
 * Steps in time order. `nodeIds` are the cluster's nodes; a step past `durationMs` is refused
 * (it would never run). Each error quotes the offending token.
 */
export function parseFailureScript(text: string, nodeIds: number[], durationMs?: number): ScriptStep[] {
  const tokens = text
    .split(/[,;]/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
  const steps = tokens.map((token) => parseStep(token, nodeIds, durationMs));
  return steps.sort((a, b) => a.atMs - b.atMs);
}

function parseStep(token: string, nodeIds: number[], durationMs?: number): ScriptStep {
  const match = STEP.exec(token);
  if (!match) {
    throw new UserError(
      `--script: cannot read "${token}"; write ACTION NODE@TIME with ACTION stop, kill or start, e.g. "kill 2@10s"`,
    );
  }
  const nodeId = Number(match[2]);
  if (!nodeIds.includes(nodeId)) {
    throw new UserError(`--script: "${token}" names node ${nodeId}, but the cluster's nodes are ${nodeIds.join(', ')}`);
  }
  const atMs = Math.round(Number(match[3]) * UNIT_MS[(match[4] ?? 's').toLowerCase()]);
  if (durationMs !== undefined && atMs >= durationMs) {
    throw new UserError(`--script: "${token}" comes at or after the end of the run (${durationMs / 1000} s)`);
  }
  return { action: match[1].toLowerCase() as NodeAction, nodeId, atMs, text: token };
}
