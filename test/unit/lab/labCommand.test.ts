// The `lab` command's help and argument checks (no broker needed: it refuses before connecting).
import assert from 'node:assert/strict';
import { main } from '../../../src/cli/main';
import { labJson } from '../../../src/cli/commands/lab';
import type { LabSnapshot } from '../../../src/core/lab/labTypes';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    signal: new AbortController().signal,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('kafka-log-lab lab', () => {
  it('is listed and explains itself', async () => {
    assert.match((await run('--help')).out, /^\s+lab\s+consumer-group lab/m);
    const help = await run('lab', 'groups', '--help');
    assert.equal(help.code, 0);
    assert.match(help.out, /--members M/);
    assert.match(help.out, /"fanoutOk","balanceOk"/);
  });

  it('refuses unknown actions, missing topics and impossible sizes', async () => {
    assert.match((await run('lab', 'split')).err, /unknown action "split"/);
    assert.match((await run('lab', 'groups')).err, /--topic is required/);
    const tooMany = await run('lab', 'groups', '--topic', 't', '--groups', '51');
    assert.equal(tooMany.code, 2);
    assert.match(tooMany.err, /--groups must be between 1 and 50/);
    assert.match(
      (await run('lab', 'groups', '--topic', 't', '--messages=-1')).err,
      /--messages must be a non-negative integer/,
    );
  });

  it('--json has exactly the documented fields', () => {
    const snapshot: LabSnapshot = {
      topic: 't',
      phase: 'running',
      connection: { status: 'live', sinceMs: 0, stale: false, outages: 0 },
      partitions: [{ partition: 0, messages: 3 }],
      messages: 3,
      producedByLab: 3,
      events: [],
      balanceOk: true,
      fanoutOk: true,
      groups: [
        {
          groupId: 'g',
          state: 'Stable',
          rebalances: 1,
          check: {
            disjoint: true,
            shared: [],
            covered: true,
            unowned: [],
            received: 3,
            expected: 3,
            everyMessageOnce: true,
          },
          members: [
            {
              name: 'm1',
              memberId: 'id',
              clientId: 'c',
              ours: true,
              state: 'active',
              partitions: [0],
              messages: 3,
              perPartition: [{ partition: 0, messages: 3 }],
            },
          ],
        },
      ],
    };
    assert.equal(
      JSON.stringify(labJson(snapshot)),
      '{"topic":"t","messages":3,"groups":[{"group":"g","members":[{"memberId":"id","clientId":"c","partitions":[0],"messages":3}]}],"fanoutOk":true,"balanceOk":true}',
    );
  });
});
