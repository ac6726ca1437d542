// What the lab's Produce writes. On a topic the lab created (or an empty one) it writes its
// nginx access-log lines. On a user's topic with messages it writes lines in the topic's own
// format (detected from its first messages) when a generator can write that format; for any
// other format it writes nothing until the user agreed to the stated lines.
import { consumeTopic } from '../kafka/consumeTopic';
import type { KafkaClient } from '../kafka/ports';
import { isGeneratedFormat, type GeneratedFormat, type LogFormat } from '../logFormat';
import { detectFormat } from '../parse/detectFormat';
import { produceQuestion } from './produceQuestion';

export interface LabProducePlan {
  /** The format of the lines Produce writes. */
  format: GeneratedFormat;
  /** The topic's own format, when it holds messages. */
  topicFormat?: LogFormat;
  /** Produce must be confirmed first: what would be written into whose topic, in plain words. */
  confirm?: string;
}

const SAMPLE_MESSAGES = 50;
export const LAB_FORMAT: GeneratedFormat = 'nginx';

/** The plan for a topic whose first messages are `sample` (empty: nothing there yet). */
export function producePlan(topic: string, sample: string[], createdByLab: boolean): LabProducePlan {
  const lines = sample.filter((l) => l.trim() !== '');
  if (createdByLab || lines.length === 0) return { format: LAB_FORMAT };
  const topicFormat = detectFormat(lines);
  if (isGeneratedFormat(topicFormat)) return { format: topicFormat, topicFormat };
  return {
    format: LAB_FORMAT,
    topicFormat,
    confirm: produceQuestion(topic, topicFormat),
  };
}

/** Reads the topic's first messages (none when it is empty) and plans from them. */
export async function planLabProduce(
  client: KafkaClient,
  topic: string,
  createdByLab: boolean,
): Promise<LabProducePlan> {
  if (createdByLab) return producePlan(topic, [], true);
  const sample: string[] = [];
  await consumeTopic({
    client,
    topic,
    from: { kind: 'beginning' },
    max: SAMPLE_MESSAGES,
    untilEnd: true,
    idleMs: 3000,
    stats: false,
    onMessages: (batch) => sample.push(...batch.lines),
  });
  return producePlan(topic, sample, false);
}
