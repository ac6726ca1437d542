import assert from 'node:assert/strict';
import { OpenPanels, panelKey } from '../../../src/host/webview/openPanels';

class FakePanel {
  closedTimes = 0;
  constructor(
    readonly topic: string,
    private readonly closed: () => void,
  ) {}
  async dispose(): Promise<void> {
    this.closedTimes++;
    this.closed();
  }
}

describe('open panels', () => {
  it('keeps one panel per cluster and topic, and forgets a panel once it closed', async () => {
    const panels = new OpenPanels<FakePanel>('dashboard');
    const key = panelKey({ brokers: ['a:1', 'b:2'], topic: 't' });
    assert.equal(key, 'a:1,b:2/t');
    const first = panels.add(key, (closed) => new FakePanel('t', closed));
    assert.equal(panels.get(key), first);
    assert.equal(panels.byTopic('t'), first);
    assert.throws(() => panels.byTopic('other'), /no dashboard is open for topic other/);
    await first.dispose();
    assert.equal(panels.get(key), undefined);
    assert.deepEqual(panels.topics(), []);
  });

  it('a replaced panel closing late does not remove its successor; dispose closes all', async () => {
    const panels = new OpenPanels<FakePanel>('group lab');
    const old = panels.add('k', (closed) => new FakePanel('t', closed));
    const next = panels.add('k', (closed) => new FakePanel('t', closed));
    await old.dispose();
    assert.equal(panels.get('k'), next);
    const other = panels.add('k2', (closed) => new FakePanel('u', closed));
    await panels.dispose();
    assert.deepEqual([next.closedTimes, other.closedTimes], [1, 1]);
    assert.deepEqual(panels.all(), []);
  });
});
