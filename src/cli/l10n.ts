// The CLI's messages in the user's language, from the extension's own bundles
// (l10n/bundle.l10n.<lang>.json, shipped next to dist/ in the .vsix): KAFKA_LOG_LAB_LANG (the
// editor's display language, set in its integrated terminal) wins, else the POSIX locale
// (LC_ALL, LC_MESSAGES, LANG). English needs no bundle and is the default, so the English output
// is exactly the messages as written. Numbers keep en-US digits in every language: scripts parse them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { english, parseTranslations, translator, type Translate } from '../core/l10n/translate';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The bundles' folder: l10n/ next to dist/ (the built CLI, dist/cli.js, and the .vsix) or at the
 * top of the tree (the compiled sources, out/src/cli/l10n.js).
 */
export const BUNDLE_DIRS = [path.resolve(__dirname, '..', 'l10n'), path.resolve(__dirname, '..', '..', '..', 'l10n')];

/** A locale as bundle names spell it: `fr_FR.UTF-8@euro` -> `fr-fr`; undefined for C/POSIX or a non-tag. */
export function languageTag(locale: string | undefined): string | undefined {
  const tag = locale
    ?.trim()
    .replace(/[.@].*$/, '')
    .replace(/_/g, '-')
    .toLowerCase();
  if (!tag || tag === 'c' || tag === 'posix') return undefined;
  return /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/.test(tag) ? tag : undefined;
}

/** The bundles to try, most specific first (`fr-ca`, then `fr`); none for English or no locale. */
export function languagesFromEnv(env: Env): string[] {
  const chosen = ['KAFKA_LOG_LAB_LANG', 'LC_ALL', 'LC_MESSAGES', 'LANG'].map((k) => env[k]).find((v) => v?.trim());
  const tag = languageTag(chosen);
  if (!tag || tag === 'en' || tag.startsWith('en-')) return [];
  const primary = tag.split('-')[0];
  return primary === tag ? [tag] : [tag, primary];
}

/** The lookup for `env`'s language: the first bundle found, English when there is none. */
export function translatorFor(env: Env, dirs: readonly string[] = BUNDLE_DIRS): Translate {
  for (const lang of languagesFromEnv(env))
    for (const dir of dirs) {
      const file = path.join(dir, `bundle.l10n.${lang}.json`);
      if (fs.existsSync(file)) return translator(parseTranslations(fs.readFileSync(file, 'utf8')));
    }
  return english;
}

let current: Translate = english;

/** Chooses the CLI's language once, at start (unit tests of the commands stay English). */
export function useLanguage(env: Env): void {
  current = translatorFor(env);
}

/** `message` in the CLI's language, {0}, {1}… filled. */
export function t(message: string, ...args: Array<string | number>): string {
  return current(message, ...args);
}
