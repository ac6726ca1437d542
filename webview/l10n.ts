// The webviews' runtime strings, looked up like the host's `vscode.l10n.t`: the English message
// is the key, the host writes the display language's table into the page (the `data-l10n`
// attribute of <html>, see src/host/webview/webviewDocument.ts), a message the table lacks
// stays English, and {0}, {1}… take the arguments. scripts/l10n-bundle.mjs collects every
// `t('…')` of webview/ into l10n/bundle.l10n.json, so the message must be a plain string literal.

export type Translations = ReadonlyMap<string, string>;

let table: Translations | undefined;

/** The table of a `data-l10n` text: JSON of {english: translated}; anything else is ignored. */
export function parseTranslations(json: string | undefined): Translations {
  const map = new Map<string, string>();
  if (!json) return map;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return map;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return map;
  for (const [key, value] of Object.entries(parsed)) if (typeof value === 'string' && value) map.set(key, value);
  return map;
}

/** Replaces the table (tests; the page's own is read on the first lookup). */
export function setTranslations(translations: Translations | Record<string, string>): void {
  table = translations instanceof Map ? translations : new Map(Object.entries(translations));
}

function pageTable(): Translations {
  return parseTranslations(typeof document === 'undefined' ? undefined : document.documentElement.dataset.l10n);
}

/** `text` with {0}, {1}… replaced by the arguments; a placeholder without one stays as written. */
export function fillPlaceholders(text: string, args: ReadonlyArray<string | number>): string {
  return text.replace(/\{(\d+)\}/g, (whole, index: string) =>
    Number(index) < args.length ? String(args[Number(index)]) : whole,
  );
}

/** `message` in the display language (English when it has no translation), placeholders filled. */
export function t(message: string, ...args: Array<string | number>): string {
  table ??= pageTable();
  return fillPlaceholders(table.get(message) ?? message, args);
}
