// "Reproduce with": the exact CLI commands that redo what the report shows, with the
// connection given as the report's reader gave it (a properties file by name, or the
// bootstrap servers), never with a secret.
import type { LabReport } from './reportModel';
import { generateArguments } from '../generate/generationRecord';

/** A word a POSIX shell passes as it is: quoted when it holds anything but safe characters. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function connectionArgs(r: LabReport): string[] {
  return r.connection.configFile ? ['--config', r.connection.configFile] : ['--brokers', r.cluster.bootstrap.join(',')];
}

function command(words: string[]): string {
  return ['kafka-log-lab', ...words].map(shellWord).join(' ');
}

export function reproduceCommands(r: LabReport, reportFile: string): string[] {
  const topic = r.topic.name;
  const conn = connectionArgs(r);
  const format = r.read.format;
  const lines: string[] = [];
  const file = r.file?.path;
  if (file && r.generation) lines.push(command(generateArguments(r.generation, file)));
  if (file) {
    const as = r.produce?.plan?.as === 'json' ? ['--as', 'json'] : [];
    lines.push(command(['produce', file, '--topic', topic, ...as, ...conn]));
    lines.push(command(['stats', file, '--format', format]));
    lines.push(command(['verify', file, '--topic', topic, ...conn]));
  }
  lines.push(
    command(['consume', '--topic', topic, '--from-beginning', '--until-end', '--stats', '--format', format, ...conn]),
  );
  const fileArgs = file ? ['--file', file] : [];
  lines.push(
    command(['report', '--topic', topic, ...fileArgs, '--format', r.requestedFormat, '--out', reportFile, ...conn]),
  );
  return lines;
}
