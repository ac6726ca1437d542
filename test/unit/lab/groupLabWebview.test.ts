// The lab panel's guards that need no editor: what the webview may send, and the document's
// security policy.
import assert from 'node:assert/strict';
import { parseGroupLabMessage } from '../../../src/host/groupLab/groupLabInbox';
import { GROUP_LAB_PAGE } from '../../../src/host/groupLab/groupLabPage';
import { createNonce, webviewCsp, webviewHtml } from '../../../src/host/webview/webviewDocument';

describe('group lab webview: messages and document', () => {
  it('accepts the protocol messages and drops anything else', () => {
    assert.deepEqual(parseGroupLabMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseGroupLabMessage({ type: 'produce', id: 3, count: 500, extra: 'x' }), {
      type: 'produce',
      id: 3,
      count: 500,
    });
    assert.deepEqual(parseGroupLabMessage({ type: 'stopMember', id: 1, groupId: 'g', member: 'm2' }), {
      type: 'stopMember',
      id: 1,
      groupId: 'g',
      member: 'm2',
    });
    assert.deepEqual(parseGroupLabMessage({ type: 'addMember', id: 2, groupId: 'g' }), {
      type: 'addMember',
      id: 2,
      groupId: 'g',
    });
    assert.deepEqual(parseGroupLabMessage({ type: 'addGroup', id: 4 }), { type: 'addGroup', id: 4 });
    for (const bad of [
      null,
      'ready',
      { type: 'produce', id: 1, count: 0 },
      { type: 'produce', id: 1, count: 1.5 },
      { type: 'produce', id: 1, count: 100001 },
      { type: 'produce', count: 5 },
      { type: 'stopMember', id: 1, groupId: 'g' },
      { type: 'addMember', id: -1, groupId: 'g' },
      { type: 'addMember', id: 1, groupId: 'x'.repeat(501) },
      { type: 'deleteTopic', id: 1 },
    ])
      assert.equal(parseGroupLabMessage(bad), undefined, JSON.stringify(bad));
  });

  it('allows scripts only by nonce and styles only from the webview folder, and escapes what it embeds', () => {
    const nonce = createNonce();
    assert.equal(Buffer.from(nonce, 'base64').length, 16);
    assert.notEqual(createNonce(), nonce);
    assert.equal(
      webviewCsp(GROUP_LAB_PAGE, 'vscode-resource:', 'N'),
      "default-src 'none'; script-src 'nonce-N'; style-src vscode-resource:; font-src vscode-resource:",
    );
    const html = webviewHtml(GROUP_LAB_PAGE, {
      cspSource: 'src:',
      scriptUri: 'https://x/a.js?"<',
      styleUri: 'https://x/a.css',
      nonce: 'N',
      title: '<b>lab</b>',
    });
    assert.match(html, /<script nonce="N" src="https:\/\/x\/a.js\?&quot;&lt;"><\/script>/);
    assert.match(html, /<title>&lt;b&gt;lab&lt;\/b&gt;<\/title>/);
    assert.doesNotMatch(html, /<style|style=|onclick/);
  });
});
