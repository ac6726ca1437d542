import assert from 'node:assert/strict';
import { toDashboardConfig } from '../../../src/host/dashboard/dashboardConfig';
import { parseWebviewMessage } from '../../../src/host/dashboard/webviewMessages';

describe('messages from the webview', () => {
  it('accepts each protocol message and copies only its known fields', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready', extra: 1 }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'getRows', id: 1, listVersion: 2, from: 0, count: 100 }), {
      type: 'getRows',
      id: 1,
      listVersion: 2,
      from: 0,
      count: 100,
    });
    assert.deepEqual(parseWebviewMessage({ type: 'setFilter', id: 3, query: 'status:5xx' }), {
      type: 'setFilter',
      id: 3,
      query: 'status:5xx',
    });
    assert.deepEqual(parseWebviewMessage({ type: 'control', action: 'pause' }), { type: 'control', action: 'pause' });
    assert.deepEqual(
      parseWebviewMessage({
        type: 'restart',
        from: { kind: 'offset', offset: 5, evil: 'x' },
        format: 'web',
        groupId: 'g1',
      }),
      { type: 'restart', from: { kind: 'offset', offset: 5 }, format: 'web', groupId: 'g1' },
    );
    assert.deepEqual(parseWebviewMessage({ type: 'export', format: 'csv' }), { type: 'export', format: 'csv' });
    assert.deepEqual(parseWebviewMessage({ type: 'copy', seq: 7, what: 'value' }), {
      type: 'copy',
      seq: 7,
      what: 'value',
    });
  });

  it('rejects unknown types, wrong field types and out-of-range values', () => {
    const bad: unknown[] = [
      null,
      'ready',
      42,
      [],
      { type: 'eval', code: 'x' },
      { type: 'getRows', id: -1, listVersion: 0, from: 0, count: 1 },
      { type: 'getRows', id: 1, listVersion: 0, from: 0.5, count: 1 },
      { type: 'setFilter', id: 1, query: 'x'.repeat(5000) },
      { type: 'control', action: 'shutdown' },
      { type: 'restart', from: { kind: 'offset', offset: -1 }, format: 'web' },
      { type: 'restart', from: { kind: 'beginning' }, format: 'yaml' },
      { type: 'restart', from: { kind: 'beginning' }, format: 'web', groupId: ' spaced ' },
      { type: 'export', format: 'xlsx' },
      { type: 'copy', seq: '7', what: 'json' },
      { type: 'rendered', requestId: 1, report: { stats: [], rows: [], images: 0 } },
    ];
    for (const m of bad) assert.equal(parseWebviewMessage(m), undefined, JSON.stringify(m));
  });
});

describe('dashboard configuration from outside', () => {
  it('fills defaults and validates every field', () => {
    assert.deepEqual(toDashboardConfig({ topic: 'log_web', brokers: '127.0.0.1:9092, [::1]:9093' }), {
      topic: 'log_web',
      brokers: ['127.0.0.1:9092', '[::1]:9093'],
      from: { kind: 'beginning' },
      format: 'auto',
    });
    assert.deepEqual(
      toDashboardConfig({
        topic: 't',
        brokers: ['h:1'],
        from: 'end',
        groupId: 'g',
        format: 'nginx',
        clusterName: 'Local',
        produced: { file: '/a.log', acked: 3, sourceId: 'abc123' },
      }),
      {
        topic: 't',
        brokers: ['h:1'],
        from: { kind: 'end' },
        format: 'nginx',
        clusterName: 'Local',
        groupId: 'g',
        produced: { file: '/a.log', acked: 3, sourceId: 'abc123' },
      },
    );
  });

  it('says what is wrong instead of opening a broken dashboard', () => {
    assert.match(String(toDashboardConfig({ topic: 'bad topic!', brokers: 'h:1' })), /not a topic name/);
    assert.match(String(toDashboardConfig({ topic: 't', brokers: 'no-port' })), /host:port/);
    assert.match(
      String(toDashboardConfig({ topic: 't', brokers: 'h:1', from: 'committed' })),
      /needs a consumer group/,
    );
    assert.match(
      String(toDashboardConfig({ topic: 't', brokers: 'h:1', produced: { file: 'a', acked: -1 } })),
      /produced/,
    );
    assert.match(String(toDashboardConfig(undefined)), /expected an object/);
  });
});
