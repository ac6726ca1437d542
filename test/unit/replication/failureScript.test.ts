import assert from 'node:assert/strict';
import { parseFailureScript } from '../../../src/core/replication/failureScript';

const NODES = [1, 2, 3];

describe('replication lab failure script', () => {
  it('reads actions, nodes and times in s, ms and m, in time order', () => {
    const steps = parseFailureScript('stop 1@35s, kill 2@10s ; start 2@25, kill 3@1500ms, start 3@0.5m', NODES);
    assert.deepEqual(
      steps.map((s) => [s.action, s.nodeId, s.atMs]),
      [
        ['kill', 3, 1500],
        ['kill', 2, 10000],
        ['start', 2, 25000],
        ['start', 3, 30000],
        ['stop', 1, 35000],
      ],
    );
    assert.equal(steps[1].text, 'kill 2@10s');
  });

  it('accepts an empty script, spaces and upper case', () => {
    assert.deepEqual(parseFailureScript('', NODES), []);
    assert.deepEqual(parseFailureScript(' , ', NODES), []);
    const [step] = parseFailureScript('KILL 2 @ 10S', NODES);
    assert.deepEqual([step.action, step.nodeId, step.atMs], ['kill', 2, 10000]);
  });

  it('names the token it cannot read', () => {
    assert.throws(() => parseFailureScript('kill 2@10s, crash 1@20s', NODES), /cannot read "crash 1@20s"/);
    assert.throws(() => parseFailureScript('kill 2', NODES), /cannot read "kill 2"/);
    assert.throws(() => parseFailureScript('kill two@5s', NODES), /cannot read "kill two@5s"/);
    assert.throws(() => parseFailureScript('kill 2@-5s', NODES), /cannot read "kill 2@-5s"/);
  });

  it('refuses a node the cluster does not have, and a step after the end', () => {
    assert.throws(
      () => parseFailureScript('kill 4@5s', NODES),
      /"kill 4@5s" names node 4, but the cluster's nodes are 1, 2, 3/,
    );
    assert.throws(() => parseFailureScript('stop 1@40s', NODES, 40000), /"stop 1@40s" comes at or after the end/);
    assert.equal(parseFailureScript('stop 1@39s', NODES, 40000).length, 1);
  });
});
