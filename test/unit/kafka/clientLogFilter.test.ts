import assert from 'node:assert/strict';
import { ClientLogFilter } from '../../../src/core/kafka/clientLogFilter';

const refused = (port: number, retry: number) => ({
  message: `Connection error: connect ECONNREFUSED 127.0.0.1:${port}`,
  retryCount: retry,
  stack: 'Error: connect ECONNREFUSED\n    at TCPConnectWrap.afterConnect',
});

describe('ClientLogFilter', () => {
  it('writes a connection error once per outage, however often the clients retry', () => {
    const filter = new ClientLogFilter(60_000);
    const first = filter.lines('error', 'Connection', refused(9092, 0), 0);
    assert.equal(first.length, 2);
    assert.equal(first[0].level, 'error');
    assert.match(first[0].text, /^\[kafkajs Connection\] Connection error: connect ECONNREFUSED 127\.0\.0\.1:9092 /);
    assert.doesNotMatch(first[0].text, /TCPConnectWrap/, 'no stack trace at the error level');
    assert.deepEqual(
      { level: first[1].level, stack: first[1].text.includes('TCPConnectWrap') },
      { level: 'debug', stack: true },
    );
    for (let retry = 1; retry < 50; retry++)
      assert.deepEqual(filter.lines('error', 'Connection', refused(9092, retry), retry * 500), []);
  });

  it('a different line (a change of state) is written at once', () => {
    const filter = new ClientLogFilter(60_000);
    filter.lines('error', 'Connection', refused(9092, 0), 0);
    const crash = filter.lines('error', 'Consumer', { message: 'Crash: KafkaJSNumberOfRetriesExceeded' }, 10);
    assert.equal(crash.length, 1);
    assert.equal(crash[0].text, '[kafkajs Consumer] Crash: KafkaJSNumberOfRetriesExceeded');
  });

  it('after a quiet spell the line is a new outage, and says how often it repeated before', () => {
    const filter = new ClientLogFilter(1000);
    filter.lines('warn', 'Connection', refused(9092, 0), 0);
    filter.lines('warn', 'Connection', refused(9092, 1), 500);
    filter.lines('warn', 'Connection', refused(9092, 2), 900);
    const again = filter.lines('warn', 'Connection', refused(9092, 0), 5000);
    assert.equal(again.length, 2);
    assert.match(again[0].text, /\(repeated 2 more times before\)$/);
  });
});
