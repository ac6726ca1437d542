// The webviews' runtime strings, looked up like the host's `vscode.l10n.t`: the English message
// is the key, the host writes the display language's table into the page (the `data-l10n`
// attribute of <html>, see src/host/webview/webviewDocument.ts), a message the table lacks
// stays English, and {0}, {1}… take the arguments (src/core/l10n/translate.ts, shared with the
// CLI). scripts/l10n-bundle.mjs collects every `t('…')` of webview/ into l10n/bundle.l10n.json,
// so the message must be a plain string literal.
import { parseTranslations, translator, type Translate, type Translations } from '../src/core/l10n/translate';

let lookup: Translate | undefined;

/** Replaces the table (tests; the page's own is read on the first lookup). */
export function setTranslations(translations: Translations | Record<string, string>): void {
  lookup = translator(translations instanceof Map ? translations : new Map(Object.entries(translations)));
}

function pageTable(): Translations {
  return parseTranslations(typeof document === 'undefined' ? undefined : document.documentElement.dataset.l10n);
}

/** `message` in the display language (English when it has no translation), placeholders filled. */
export function t(message: string, ...args: Array<string | number>): string {
  lookup ??= translator(pageTable());
  return lookup(message, ...args);
}
