// kafka-log-lab: the headless CLI over src/core. Exit 0 on success, non-zero with a
// one-line error on stderr otherwise.
import { commands } from './commands';
import { UsageError, type CliIO } from './command';
import { describeError } from '../core/errors';
import { fileProblem } from '../core/fileErrors';
import { version } from '../../package.json';
import { t, useLanguage } from './l10n';

/**
 * An error message as one terminal line: control characters from arguments or file names
 * (newlines, escape sequences) are shown escaped, never acted on.
 */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1));
}

/** A failure as one line: file-system errors in the shared wording, the rest via describeError. */
function runtimeErrorText(e: unknown): string {
  const file = (e as NodeJS.ErrnoException | undefined)?.path;
  return (typeof file === 'string' ? fileProblem(file, e) : undefined) ?? describeError(e);
}

function topHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: kafka-log-lab <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  --help, -h   show help (also after any command)',
    '  --version    print the version',
    '',
    'Every command that talks to Kafka takes --brokers HOST:PORT[,HOST:PORT]',
    '(default: $KAFKA_BROKERS or localhost:9092). Add --json for machine-readable output.',
  ].join('\n');
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(topHelp());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-V') {
    io.out(version);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(oneLine(t('kafka-log-lab: unknown command {0} (try --help)', JSON.stringify(name))));
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(oneLine(t('kafka-log-lab {0}: {1} (try kafka-log-lab {0} --help)', name, e.message)));
      return 2;
    }
    io.err(oneLine(`kafka-log-lab ${name}: ${runtimeErrorText(e)}`));
    return 1;
  }
}

if (require.main === module) {
  const controller = new AbortController();
  let interrupted = 0;
  const onSignal = () => {
    interrupted++;
    if (interrupted > 1) process.exit(130);
    controller.abort();
  };
  // A closed pipe (`kafka-log-lab topics list | head -1`) is the reader's choice, not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  useLanguage(process.env);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const io: CliIO = {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    signal: controller.signal,
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
      // Kafka clients can keep sockets alive for a moment; do not wait for them.
      setTimeout(() => process.exit(code), 50).unref();
    },
    (e) => {
      process.stderr.write(`${oneLine(`kafka-log-lab: ${runtimeErrorText(e)}`)}\n`);
      process.exit(1);
    },
  );
}
