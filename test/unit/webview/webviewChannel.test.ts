// The host's end of every panel's conversation, without an editor: the ready handshake,
// dropped messages, answers and error replies to requests, and asking what the page shows.
import assert from 'node:assert/strict';
import { acceptReady, acceptRendered, isCount, messageParser } from '../../../src/host/webview/messageParser';
import { WebviewChannel, type ChannelApp } from '../../../src/host/webview/webviewChannel';

interface TestProtocol {
  toHost:
    | { type: 'ready' }
    | { type: 'ask'; id: number; n: number }
    | { type: 'note'; text: string }
    | { type: 'rendered'; requestId: number; report: string };
  toWebview: { type: 'hello' } | { type: 'answer'; requestId: number; double: number };
  responses: { ask: { type: 'answer'; requestId: number; double: number } };
  rendered: string;
}

const parse = messageParser<TestProtocol['toHost']>({
  ready: acceptReady,
  ask: (m) => (isCount(m.id) && isCount(m.n) ? { type: 'ask', id: m.id, n: m.n } : undefined),
  note: (m) => (typeof m.text === 'string' ? { type: 'note', text: m.text } : undefined),
  rendered: acceptRendered((v): v is string => typeof v === 'string'),
});

function setup(app: Partial<ChannelApp<TestProtocol>> = {}) {
  const posted: unknown[] = [];
  const warnings: string[] = [];
  let visible = true;
  const channel = new WebviewChannel<TestProtocol>({
    name: 'test panel',
    parse,
    post: (m) => posted.push(m),
    visible: () => visible,
    warn: (line) => warnings.push(line),
  });
  channel.serve({
    ready: app.ready ?? (() => channel.post({ type: 'hello' })),
    handle:
      app.handle ??
      (async (m) => (m.type === 'ask' ? { type: 'answer', requestId: m.id, double: m.n * 2 } : undefined)),
  });
  return { channel, posted, warnings, hide: () => (visible = false) };
}

describe('webview channel', () => {
  it("holds the app's first message until `ready`, and knows when the document went away", async () => {
    const { channel, posted } = setup();
    assert.equal(channel.onScreen(), false);
    assert.deepEqual(await channel.receive({ type: 'ready', extra: 1 }), { accepted: true });
    assert.deepEqual(posted, [{ type: 'hello' }]);
    assert.equal(channel.onScreen(), true);
    channel.gone();
    assert.equal(channel.ready, false);
  });

  it('drops and logs what is not in the protocol; posts and returns the answer to a request', async () => {
    const { channel, posted, warnings } = setup();
    assert.deepEqual(await channel.receive({ type: 'ask', id: 'x', n: 1 }), { accepted: false });
    assert.deepEqual(await channel.receive({ type: 'constructor' }), { accepted: false });
    assert.deepEqual(await channel.receive(null), { accepted: false });
    assert.equal(warnings.length, 3);
    assert.match(warnings[0], /^\[test panel\] ignored a webview message that is not in the protocol \(type ask\)$/);
    const answer = { type: 'answer', requestId: 4, double: 42 };
    assert.deepEqual(await channel.receive({ type: 'ask', id: 4, n: 21 }), { accepted: true, reply: answer });
    assert.deepEqual(await channel.receive({ type: 'note', text: 'hi' }), { accepted: true, reply: undefined });
    assert.deepEqual(posted, [answer]);
  });

  it('answers a request the app failed on with `requestFailed`, and still throws for the panel to show', async () => {
    const { channel, posted } = setup({
      handle: async () => {
        throw new Error('broker gone');
      },
    });
    await assert.rejects(channel.receive({ type: 'ask', id: 7, n: 1 }), /broker gone/);
    assert.equal(posted.length, 1);
    assert.deepEqual(
      { ...(posted[0] as object), error: undefined },
      { type: 'requestFailed', requestId: 7, error: undefined },
    );
    assert.match((posted[0] as { error: string }).error, /broker gone/);
    await assert.rejects(channel.receive({ type: 'note', text: '' }), /broker gone/);
    assert.equal(posted.length, 1, 'a notification gets no error reply');
  });

  it('asks the loaded webview what it shows, and gives up when it is not loaded or does not answer', async () => {
    const { channel, posted, hide } = setup();
    await assert.rejects(channel.requestRendered(), /the test panel webview is not loaded/);
    await channel.receive({ type: 'ready' });
    const report = channel.requestRendered();
    const ask = posted.at(-1) as { type: string; id: number };
    assert.equal(ask.type, 'reportRendered');
    await channel.receive({ type: 'rendered', requestId: ask.id, report: 'what it shows' });
    assert.equal(await report, 'what it shows');
    await assert.rejects(channel.requestRendered(5), /did not report what it shows/);
    const pending = channel.requestRendered();
    channel.close();
    await assert.rejects(pending, /the test panel closed/);
    hide();
    await assert.rejects(channel.requestRendered(), /not loaded/);
  });

  it('posts nothing once closed', async () => {
    const { channel, posted } = setup();
    channel.close();
    await channel.receive({ type: 'ready' });
    await channel.receive({ type: 'ask', id: 1, n: 1 });
    assert.deepEqual(posted, []);
  });
});
