// `verify`: the labs' "messages sent = messages read" check done right. Reads the whole
// topic (up to the end offsets it has when the check starts), then streams the file and
// reports what is missing, duplicated or unexpected. See core/verify for the rules.
import { UserError } from '../errors';
import { readRawLineBatches } from '../io/lineBatches';
import type { KafkaClient } from './ports';
import { sourceIdOf } from './produceCheckpoint';
import { readTopic, type ReadProgress } from './topicReader';
import { VerifyTally, type VerifyCounts } from '../verify/verifyTally';
import { requireValidTopicName } from './topicName';
import { requireReadableFile } from '../fileErrors';

export interface VerifyReport extends VerifyCounts {
  file: string;
  topic: string;
  /** False when the read stopped on a long silence before the captured end offsets. */
  reachedEnd: boolean;
}

export interface VerifyOptions {
  signal?: AbortSignal;
  onProgress?(progress: ReadProgress): void;
}

export async function verifyFileAgainstTopic(file: string, topic: string, client: KafkaClient, options: VerifyOptions = {}): Promise<VerifyReport> {
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
  for await (const batch of readRawLineBatches(file)) {
    for (let i = 0; i < batch.lines.length; i++) tally.addFileLine(batch.firstLine + i, batch.lines[i]);
  }
  return { file, topic, ...tally.result(), reachedEnd: summary.stoppedBy === 'end' };
}
