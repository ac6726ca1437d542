// OAUTHBEARER tokens from a command the person configures (e.g. a cloud CLI that prints an access token).
import { exec } from 'node:child_process';
import { UserError } from '../../errors';

const TOKEN_COMMAND_TIMEOUT_MS = 30000;

/** Runs `command` in a shell and returns its trimmed standard output; the output is never put in a message. */
export function runTokenCommand(command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    exec(command, { timeout: TOKEN_COMMAND_TIMEOUT_MS, windowsHide: true }, (error, stdout, stderr) => {
      if (error) {
        const why = error.killed
          ? `did not finish within ${TOKEN_COMMAND_TIMEOUT_MS / 1000} s`
          : `failed (exit code ${error.code})`;
        const detail = String(stderr).trim().split('\n')[0];
        reject(new UserError(`sasl.oauthbearer.token.command ${why}${detail ? `: ${detail}` : ''}`));
        return;
      }
      const token = String(stdout).trim();
      if (token === '') reject(new UserError('sasl.oauthbearer.token.command printed no token'));
      else resolve(token);
    });
  });
}
