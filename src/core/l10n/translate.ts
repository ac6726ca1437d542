// One lookup of runtime strings for every front end: the English message is the key (as with
// VS Code's `vscode.l10n.t`), a table of the display language gives its translation, a message
// the table lacks stays English, and {0}, {1}… take the arguments. Pure, so the CLI, the host
// and the webviews (browser) share it. scripts/l10n-bundle.mjs collects the messages of every
// `t('…')` call in the files that import this module, so a message must be a plain string literal.

/** A message in the display language, placeholders filled. */
export type Translate = (message: string, ...args: Array<string | number>) => string;

export type Translations = ReadonlyMap<string, string>;

/** `text` with {0}, {1}… replaced by the arguments; a placeholder without one stays as written. */
export function fillPlaceholders(text: string, args: ReadonlyArray<string | number>): string {
  return text.replace(/\{(\d+)\}/g, (whole, index: string) =>
    Number(index) < args.length ? String(args[Number(index)]) : whole,
  );
}

/** The English text itself: what every front end says without a table. */
export const english: Translate = (message, ...args) => fillPlaceholders(message, args);

/** A table from a bundle's JSON text ({english: translated}); anything else gives an empty table. */
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

/** The lookup of one table. */
export function translator(table: Translations): Translate {
  return (message, ...args) => fillPlaceholders(table.get(message) ?? message, args);
}
