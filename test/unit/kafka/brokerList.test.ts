import assert from 'node:assert/strict';
import { parseBrokerList, resolveBrokers } from '../../../src/core/kafka/client';

const problemOf = (text: string): string => {
  try {
    parseBrokerList(text);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
};

describe('broker lists', () => {
  it('accept host:port entries, IPv6 in brackets, and spaces around commas', () => {
    assert.deepEqual(parseBrokerList('localhost:9092'), ['localhost:9092']);
    assert.deepEqual(parseBrokerList('a.example:9092, 10.0.0.2:19092'), ['a.example:9092', '10.0.0.2:19092']);
    assert.deepEqual(parseBrokerList('[::1]:9092'), ['[::1]:9092']);
  });

  it('name the bad entry and what is wrong with it', () => {
    const cases: Array<[string, RegExp]> = [
      ['foo', /"foo" has no port/],
      ['host:', /"host:" has no port/],
      ['host:99999', /"host:99999" has port 99999, outside 1-65535/],
      ['host:0', /outside 1-65535/],
      [':9092', /":9092" has no host/],
      ['host:abc', /has port "abc", which is not a number/],
      ['ok:9092,,other:9092', /"" is empty \(a stray comma\?\)/],
      ['', /--brokers is empty/],
      ['::1:9092', /more than one ":"/],
      ['a b:9092', /characters a host cannot have/],
    ];
    for (const [text, expected] of cases) {
      const message = problemOf(text);
      assert.match(message, expected, `${JSON.stringify(text)} -> ${message}`);
      assert.match(message, /^--brokers/);
      assert.doesNotMatch(message, /undefined|NaN/);
    }
  });

  it('say which source a bad value came from', () => {
    assert.throws(
      () => resolveBrokers(undefined, { KAFKA_BROKERS: 'nope' }),
      /^Error: KAFKA_BROKERS: "nope" has no port|KAFKA_BROKERS: "nope" has no port/,
    );
    assert.deepEqual(resolveBrokers(undefined, {}), ['localhost:9092']);
    assert.deepEqual(resolveBrokers('127.0.0.1:1', { KAFKA_BROKERS: 'nope' }), ['127.0.0.1:1']);
  });
});
