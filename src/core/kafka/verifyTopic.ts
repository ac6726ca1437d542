// `verify`: the labs' "messages sent = messages read" check done right. Reads the whole
// topic (up to the end offsets it has when the check starts), then streams the file and
// reports what is missing, duplicated or unexpected. See core/verify for the rules.
// A topic produced `--as json` holds each line's record as JSON: the file's lines are turned
// into the same JSON (`lineValue`, the producer's own rule) before they are compared.
import { UserError } from '../errors';
import { readRawLineBatches } from '../io/lineBatches';
import type { LogFormat } from '../logFormat';
import { detectFormat, readSampleLines } from '../parse';
import { lineValue, type ValueMode } from './lineMessages';
import type { KafkaClient } from './ports';
import { sourceIdOf } from './produceCheckpoint';
import { readTopic, type ReadProgress } from './topicReader';
import { VerifyTally, type VerifyCounts } from '../verify/verifyTally';
import { requireValidTopicName } from './topicName';
import { requireReadableFile } from '../fileErrors';

export interface VerifyReport extends VerifyCounts {
  file: string;
  topic: string;
  /** How the file's lines were compared: as they are, or as the JSON `produce --as json` sends. */
  as: ValueMode;
  /** False when the read stopped on a long silence before the captured end offsets. */
  reachedEnd: boolean;
}

export interface VerifyOptions {
  /** How the topic holds the lines; 'auto' (default) picks what matches more of the first lines. */
  as?: ValueMode | 'auto';
  /** The file's log format for `as` json (default: detected from its first lines). */
  format?: LogFormat | 'auto';
  signal?: AbortSignal;
  onProgress?(progress: ReadProgress): void;
}

export async function verifyFileAgainstTopic(
  file: string,
  topic: string,
  client: KafkaClient,
  options: VerifyOptions = {},
): Promise<VerifyReport> {
  requireValidTopicName(topic);
  requireReadableFile(file);
  const tally = new VerifyTally();
  const summary = await readTopic({
    client,
    topic,
    from: { kind: 'beginning' },
    untilEnd: true,
    // Only a safety net: the read normally stops at the end offsets captured at start.
    idleMs: 10000,
    signal: options.signal,
    onProgress: options.onProgress,
    onMessages: (messages) => {
      for (const m of messages) tally.addIncoming(m);
    },
  });
  if (summary.stoppedBy === 'aborted') throw new UserError('verify was cancelled before the whole topic was read');
  tally.startFile(sourceIdOf(file));
  const format =
    !options.format || options.format === 'auto'
      ? detectFormat(await readSampleLines(file, 50, 65536))
      : options.format;
  const as = options.as === 'raw' || options.as === 'json' ? options.as : await likelyValueMode(file, format, tally);
  for await (const batch of readRawLineBatches(file)) {
    for (let i = 0; i < batch.lines.length; i++) {
      const line = batch.lines[i];
      const value = line.length === 0 ? line : lineValue(format, as, line);
      if (value === 'unparsed') tally.addUnparsedLine();
      else tally.addFileLine(batch.firstLine + i, value);
    }
  }
  return { file, topic, as, ...tally.result(), reachedEnd: summary.stoppedBy === 'end' };
}

const SAMPLE_LINES = 200;

/**
 * Raw or JSON, whichever more of the file's first lines are found as: messages matched by
 * line number (our headers) need no choice, and a file that does not parse stays raw.
 */
async function likelyValueMode(file: string, format: LogFormat, tally: VerifyTally): Promise<ValueMode> {
  if (tally.mode === 'line-number') return 'raw';
  let raw = 0;
  let json = 0;
  let seen = 0;
  for await (const batch of readRawLineBatches(file)) {
    for (const line of batch.lines) {
      if (line.length === 0) continue;
      if (tally.holdsContent(line)) raw++;
      const value = lineValue(format, 'json', line);
      if (value !== 'unparsed' && tally.holdsContent(value)) json++;
      if (++seen >= SAMPLE_LINES) return json > raw ? 'json' : 'raw';
    }
  }
  return json > raw ? 'json' : 'raw';
}
