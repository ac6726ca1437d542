// Kafka's rule for topic names, checked before any request so that a bad name gets a precise
// answer instead of a broker error (or, for auto-created topics, no answer at all).
import { UserError } from '../errors';

/** The longest name Kafka accepts (its limit leaves room for partition folder suffixes). */
export const MAX_TOPIC_NAME_LENGTH = 249;

const LEGAL_CHARACTERS = /^[A-Za-z0-9._-]+$/;

/** The rule in words, for help texts and input boxes. */
export const TOPIC_NAME_RULE = `a topic name is 1 to ${MAX_TOPIC_NAME_LENGTH} characters of letters a-z and A-Z, digits, ".", "_" and "-", and is not "." or ".."`;

/** Why Kafka would refuse `name` as a topic name, or undefined when it is valid. */
export function topicNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'a topic name cannot be empty';
  if (name === '.' || name === '..') return `"${name}" cannot be a topic name`;
  if (name.length > MAX_TOPIC_NAME_LENGTH) {
    return `topic name is ${name.length} characters long; Kafka allows at most ${MAX_TOPIC_NAME_LENGTH}`;
  }
  const bad = [...name].find((c) => !LEGAL_CHARACTERS.test(c));
  if (bad !== undefined) {
    return `topic name "${name}" contains ${describeCharacter(bad)}; only letters a-z and A-Z, digits, ".", "_" and "-" are allowed`;
  }
  return undefined;
}

function describeCharacter(c: string): string {
  if (c === ' ') return 'a space';
  const code = c.codePointAt(0)!;
  if (code < 0x20 || code === 0x7f)
    return `a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
  return `"${c}"`;
}

/**
 * Kafka names metrics with '.' replaced by '_', so it refuses a topic whose name equals an
 * existing one up to that swap (`log.web` next to `log_web`). The clashing topic, with the reason.
 */
export function topicCollisionProblem(name: string, existing: Iterable<string>): string | undefined {
  const folded = name.replace(/\./g, '_');
  for (const other of existing) {
    if (other !== name && other.replace(/\./g, '_') === folded) {
      return (
        `topic name "${name}" collides with the existing topic "${other}": ` +
        'Kafka treats "." and "_" alike, so the two cannot both exist'
      );
    }
  }
  return undefined;
}

/** Throws a UserError naming the problem when Kafka would refuse `name`. */
export function requireValidTopicName(name: string): void {
  const problem = topicNameProblem(name);
  if (problem) throw new UserError(problem);
}
