// Supervising a broker process by PID, on any OS (the platform decisions live in
// src/core/platform/processTree.ts).
import { isAlive, terminateProcess } from '../platform/processTree';

export { isAlive };

/**
 * Asks the broker to stop (SIGTERM on POSIX, where Kafka shuts down cleanly), forces it after
 * `graceMs`. `tree` also stops what it started: the process group of a detached broker on
 * POSIX, the process tree on Windows. Resolves true once the process is gone.
 */
export function terminate(pid: number, graceMs = 20000, tree = false): Promise<boolean> {
  return terminateProcess(pid, { graceMs, tree });
}
