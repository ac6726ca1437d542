import assert from 'node:assert/strict';
import { DASHBOARD_PAGE } from '../../../src/host/dashboard/dashboardPage';
import { createNonce, webviewCsp, webviewHtml } from '../../../src/host/webview/webviewDocument';

describe('dashboard document', () => {
  it('allows nothing by default and scripts only by a fresh nonce', () => {
    const a = createNonce();
    assert.notEqual(a, createNonce());
    assert.ok(Buffer.from(a, 'base64').length >= 16, '128 random bits');
    const csp = webviewCsp(DASHBOARD_PAGE, 'https://webview.example', a);
    assert.match(csp, /^default-src 'none'; /);
    assert.match(csp, new RegExp(`script-src 'nonce-${a.replace(/[+/=]/g, '\\$&')}'`));
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
  });

  it('loads the bundle with the nonce and escapes what it interpolates', () => {
    const html = webviewHtml(DASHBOARD_PAGE, {
      cspSource: 'https://w',
      scriptUri: 'https://w/main.js',
      styleUri: 'https://w/dashboard.css',
      nonce: 'abc',
      title: 'Dashboard: <t>',
    });
    assert.match(html, /<script nonce="abc" src="https:\/\/w\/main.js"><\/script>/);
    assert.match(html, /<title>Dashboard: &lt;t&gt;<\/title>/);
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script, no inline code');
    assert.doesNotMatch(html, / on\w+=/, 'no inline handlers');
  });
});
