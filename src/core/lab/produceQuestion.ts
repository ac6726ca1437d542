// The question the Consumer Group Lab asks before Produce writes its nginx lines into a topic of
// another format: one sentence for the engine's plan, the editor's dialog and the panel's hint,
// each in its own language (pure and import-free, so the webview bundles it too).
import { english, type Translate } from '../l10n/translate';

/** The question for `topic`, whose messages are JSON lines or plain text. */
export function produceQuestion(topic: string, topicFormat: string | undefined, t: Translate = english): string {
  return topicFormat === 'jsonl'
    ? t(
        'The topic "{0}" holds JSON lines messages, not a format the lab can write. Produce would add nginx access-log lines to it.',
        topic,
      )
    : t(
        'The topic "{0}" holds plain text messages, not a format the lab can write. Produce would add nginx access-log lines to it.',
        topic,
      );
}
