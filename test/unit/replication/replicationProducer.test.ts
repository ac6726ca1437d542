import assert from 'node:assert/strict';
import type { DeliveryReport, OutgoingMessage, ProducerPort } from '../../../src/core/kafka/ports';
import { SequenceAccount } from '../../../src/core/replication/account';
import { PacedProducer } from '../../../src/core/replication/replicationProducer';
import type { TimelineEvent } from '../../../src/core/replication/timeline';

/** A producer that refuses its first `refusals` sends, and records every send's keys. */
function refusingProducer(refusals: number): ProducerPort & { sends: string[][] } {
  const sends: string[][] = [];
  let left = refusals;
  return {
    sends,
    connect: async () => undefined,
    disconnect: async () => undefined,
    send: async (_topic: string, messages: OutgoingMessage[]): Promise<DeliveryReport[]> => {
      sends.push(messages.map((m) => String(m.key)));
      if (left-- > 0) throw Object.assign(new Error('not enough replicas'), { type: 'NOT_ENOUGH_REPLICAS' });
      return [];
    },
  };
}

const until = async (done: () => boolean) => {
  for (let waited = 0; !done(); waited += 20) {
    if (waited > 5000) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('replication lab producer', () => {
  it('sends the refused messages again, unchanged, before any new message of that partition', async () => {
    const producer = refusingProducer(2);
    const account = new SequenceAccount();
    const events: TimelineEvent[] = [];
    const paced = new PacedProducer({
      producer,
      topic: 't',
      partitions: 1,
      account,
      clock: () => Date.now(),
      onEvent: (e) => events.push(e),
      onProgress: () => undefined,
    });
    paced.start(50);
    await until(() => producer.sends.length >= 4);
    await paced.stop();
    const [first, second, third] = producer.sends;
    assert.deepEqual(second, first, 'the second send carries the refused messages');
    assert.deepEqual(third, first, 'and so does the third, after a second refusal');
    assert.equal(Number(producer.sends[3][0]), Number(first[first.length - 1]) + 1, 'then new messages follow');
    const s = account.snapshot();
    assert.equal(s.failed, 0, 'the refused messages were acknowledged in the end');
    assert.equal(s.acknowledged, s.sent);
    assert.deepEqual(
      events.map((e) => e.kind),
      ['producer-error', 'producer-error', 'producer-recovered'],
    );
  });
});
