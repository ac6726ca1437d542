// The `kafka-log-lab` command of the integrated terminal: a tiny script that runs the CLI the
// extension ships (dist/cli.js) on the editor's own runtime, so nothing needs installing.
// ELECTRON_RUN_AS_NODE makes the desktop editor's binary behave as plain Node; a Node binary
// (remote and web-server editors) ignores it.

export interface CliWrapper {
  /** File name inside the wrapper folder. */
  name: string;
  text: string;
}

const quotePosix = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The wrapper for `platform` that runs `cliJs` with the runtime at `runtime`. */
export function cliWrapper(platform: NodeJS.Platform, runtime: string, cliJs: string): CliWrapper {
  if (platform === 'win32') {
    return {
      name: 'kafka-log-lab.cmd',
      text: `@echo off\r\nset ELECTRON_RUN_AS_NODE=1\r\n"${runtime}" "${cliJs}" %*\r\n`,
    };
  }
  return {
    name: 'kafka-log-lab',
    text: `#!/bin/sh\nELECTRON_RUN_AS_NODE=1 exec ${quotePosix(runtime)} ${quotePosix(cliJs)} "$@"\n`,
  };
}
