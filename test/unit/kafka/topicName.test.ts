import assert from 'node:assert/strict';
import {
  MAX_TOPIC_NAME_LENGTH,
  requireValidTopicName,
  topicCollisionProblem,
  topicNameProblem,
} from '../../../src/core/kafka/topicName';
import { UserError } from '../../../src/core/errors';

describe('topic names', () => {
  it('accepts what Kafka accepts', () => {
    for (const name of ['logs', 'log_web', 'a.b-c_D9', 'x'.repeat(MAX_TOPIC_NAME_LENGTH), '...', '-starts-with-dash']) {
      assert.equal(topicNameProblem(name), undefined, name);
    }
  });

  it('names the problem of each name Kafka refuses', () => {
    const cases: Array<[string, RegExp]> = [
      ['', /cannot be empty/],
      ['.', /"\." cannot be a topic name/],
      ['..', /"\.\." cannot be a topic name/],
      ['a b', /topic name "a b" contains a space; only letters a-z and A-Z, digits, "\.", "_" and "-" are allowed/],
      ['../x', /contains "\/"/],
      ['x'.repeat(250), /250 characters long; Kafka allows at most 249/],
      ['tab\there', /a control character \(U\+0009\)/],
      ['café', /contains "é"/],
    ];
    for (const [name, expected] of cases) assert.match(topicNameProblem(name) ?? '', expected, JSON.stringify(name));
  });

  it('throws a UserError with the same words', () => {
    assert.throws(
      () => requireValidTopicName('a b'),
      (e: unknown) => e instanceof UserError && /contains a space/.test(e.message),
    );
    assert.doesNotThrow(() => requireValidTopicName('fine'));
  });

  it('refuses a name that equals an existing one once "." and "_" are swapped, naming the other topic', () => {
    assert.equal(
      topicCollisionProblem('log.web', ['events', 'log_web']),
      'topic name "log.web" collides with the existing topic "log_web": ' +
        'Kafka treats "." and "_" alike, so the two cannot both exist',
    );
    assert.match(topicCollisionProblem('a_b.c', ['a.b_c']) ?? '', /collides with the existing topic "a\.b_c"/);
    assert.equal(topicCollisionProblem('log_web', ['log_web']), undefined, 'the same topic is no collision');
    assert.equal(topicCollisionProblem('log-web', ['log_web', 'logweb']), undefined, '"-" is not folded');
    assert.equal(topicCollisionProblem('x', []), undefined);
  });
});
