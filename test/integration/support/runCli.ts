// Runs the built CLI (dist/cli.js) as a child process, the way users and scripts do.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const CLI = path.resolve(__dirname, '../../../../dist/cli.js');

export function runCli(args: string[], timeoutMs = 120000): Promise<CliRun> {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: build it first (node scripts/build.mjs)`);
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { timeout: timeoutMs, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** The last non-empty stdout line, parsed: the `--json` contract of every command. */
export function lastJsonLine<T = Record<string, unknown>>(run: CliRun): T {
  const lines = run.stdout.trim().split('\n');
  const last = lines[lines.length - 1];
  try {
    return JSON.parse(last) as T;
  } catch {
    throw new Error(`last stdout line is not JSON (exit ${run.code}): ${last}\nstderr: ${run.stderr}`);
  }
}
