// The one document every panel's webview loads: a strict security policy, the panel's two
// bundle files and an empty <main> its app fills. Everything the user sees is built by the
// webview bundle from text, never from HTML strings here. The <html> element carries the
// display language and its translations of the webviews' strings (webview/l10n.ts reads them).
import crypto from 'node:crypto';

/** What differs between panels' documents. */
export interface WebviewPage {
  /** The bundle in dist/webview: `<bundle>.js` and the `<bundle>.css` esbuild writes beside it. */
  bundle: string;
  /** The id of the <main> element the app builds into (UI checks find the page by it). */
  rootId: string;
  /**
   * The page uses the UI component library, which inserts one <style> element: the policy then
   * admits styles carrying the page's nonce (the library reads it from the csp-nonce meta tag).
   * Inline style attributes stay refused either way.
   */
  componentStyles?: boolean;
}

export interface DocumentParts {
  /** The webview's own source expression (webview.cspSource). */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  nonce: string;
  title: string;
  /** The display language (vscode.env.language); `en` when not given. */
  language?: string;
  /** English message -> translation (vscode.l10n.bundle); none in English. */
  translations?: Readonly<Record<string, string>>;
}

/** 128 random bits for the script nonce, fresh for every document. */
export function createNonce(): string {
  return crypto.randomBytes(16).toString('base64');
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside an HTML attribute or element. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

export function webviewCsp(page: WebviewPage, cspSource: string, nonce: string): string {
  const styles = page.componentStyles ? `${cspSource} 'nonce-${nonce}'` : cspSource;
  return ["default-src 'none'", `script-src 'nonce-${nonce}'`, `style-src ${styles}`, `font-src ${cspSource}`].join(
    '; ',
  );
}

/** The `<html>` attributes of the language: `lang`, and the translations as escaped JSON. */
function languageAttributes(p: DocumentParts): string {
  const lang = ` lang="${escapeHtml(p.language || 'en')}"`;
  const translations = p.translations && Object.keys(p.translations).length > 0 ? p.translations : undefined;
  return translations ? `${lang} data-l10n="${escapeHtml(JSON.stringify(translations))}"` : lang;
}

export function webviewHtml(page: WebviewPage, p: DocumentParts): string {
  const nonceMeta = page.componentStyles ? `\n<meta property="csp-nonce" content="${escapeHtml(p.nonce)}">` : '';
  return `<!DOCTYPE html>
<html${languageAttributes(p)}>
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(webviewCsp(page, p.cspSource, p.nonce))}">${nonceMeta}
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(p.styleUri)}">
<title>${escapeHtml(p.title)}</title>
</head>
<body>
<main id="${escapeHtml(page.rootId)}" aria-busy="true"></main>
<script nonce="${escapeHtml(p.nonce)}" src="${escapeHtml(p.scriptUri)}"></script>
</body>
</html>
`;
}
