// The webviews' string lookup (webview/l10n.ts) and how the host hands it the display
// language's table (the <html> element of src/host/webview/webviewDocument.ts).
import assert from 'node:assert/strict';
import { DASHBOARD_PAGE } from '../../../src/host/dashboard/dashboardPage';
import { GROUP_LAB_PAGE } from '../../../src/host/groupLab/groupLabPage';
import { webviewHtml, type DocumentParts } from '../../../src/host/webview/webviewDocument';
import { fillPlaceholders, parseTranslations } from '../../../src/core/l10n/translate';
import { setTranslations, t } from '../../../webview/l10n';

const parts: DocumentParts = {
  cspSource: 'https://w',
  scriptUri: 'https://w/dashboard.js',
  styleUri: 'https://w/dashboard.css',
  nonce: 'abc',
  title: 'Tableau de bord : log_web',
};

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
/** The attribute's value as the browser reads it (dataset). */
const attribute = (html: string, name: string) => {
  const value = new RegExp(`<html[^>]* ${name}="([^"]*)"`).exec(html)?.[1];
  return value?.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]);
};

describe('webview strings (webview/l10n.ts)', () => {
  afterEach(() => setTranslations({}));

  it('looks the English message up and falls back to it when the table lacks it', () => {
    setTranslations({ Restart: 'Relancer', 'Follow newest': 'Suivre les derniers' });
    assert.equal(t('Restart'), 'Relancer');
    assert.equal(t('Follow newest'), 'Suivre les derniers');
    assert.equal(t('Clear'), 'Clear');
    assert.equal(t('constructor'), 'constructor', 'no inherited property is a translation');
    setTranslations({});
    assert.equal(t('Restart'), 'Restart');
  });

  it('fills {0}, {1}… like vscode.l10n.t, in the order the translation puts them', () => {
    setTranslations({ '{0} of {1} buffered messages match': '{0} des {1} messages en mémoire tampon correspondent' });
    assert.equal(
      t('{0} of {1} buffered messages match', '12', '1,000'),
      '12 des 1,000 messages en mémoire tampon correspondent',
    );
    assert.equal(t('{0} (since {1}).', 'refused', '21:16:47'), 'refused (since 21:16:47).');
    assert.equal(fillPlaceholders('{1} then {0}, {0} again', ['a', 2]), '2 then a, a again');
    assert.equal(fillPlaceholders('{0} and {1}', ['only']), 'only and {1}', 'a missing argument stays as written');
    assert.equal(fillPlaceholders('key {0}', ['$& $1 {1}', 'x']), 'key $& $1 {1}', 'arguments are not patterns');
    assert.equal(fillPlaceholders('no placeholders', ['x']), 'no placeholders');
  });

  it('reads a table only from a JSON object of strings', () => {
    assert.deepEqual([...parseTranslations('{"Live":"En direct","n":3,"e":""}')], [['Live', 'En direct']]);
    for (const bad of [undefined, '', 'not json', '[["Live","En direct"]]', 'null', '"Live"'])
      assert.equal(parseTranslations(bad).size, 0, String(bad));
  });

  it('puts the display language and its table on the <html> element, escaped', () => {
    const translations = { Live: 'En direct', 'Say "hi" <b>&</b>': "Dites « salut » <b>&</b> l'ami" };
    for (const page of [DASHBOARD_PAGE, GROUP_LAB_PAGE]) {
      const html = webviewHtml(page, { ...parts, language: 'fr', translations });
      assert.match(html, /^<!DOCTYPE html>\n<html lang="fr" data-l10n="/);
      const tag = html.split('\n')[1];
      assert.equal(tag.indexOf('<', 1), -1, 'no markup from the table');
      assert.equal(tag.indexOf('>'), tag.length - 1, 'the table cannot end the tag');
      assert.deepEqual(Object.fromEntries(parseTranslations(attribute(html, 'data-l10n'))), translations);
      assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script, no inline code');
    }
  });

  it('gives an English page no table and lang="en"', () => {
    for (const extra of [{}, { language: 'en', translations: undefined }, { translations: {} }]) {
      const html = webviewHtml(DASHBOARD_PAGE, { ...parts, ...extra });
      assert.match(html, /<html lang="en">/);
      assert.doesNotMatch(html, /data-l10n/);
    }
  });
});
