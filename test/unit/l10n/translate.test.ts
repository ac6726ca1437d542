// The one lookup of runtime strings (src/core/l10n/translate.ts) and how the CLI picks its
// language and bundle (src/cli/l10n.ts): the environment's locale, the bundle next to dist/,
// English when there is none.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import path from 'node:path';
import { languageTag, languagesFromEnv, translatorFor } from '../../../src/cli/l10n';
import { english, fillPlaceholders, parseTranslations, translator } from '../../../src/core/l10n/translate';
import { describeEvent } from '../../../src/core/replication/timeline';

describe('runtime strings (core translator and the CLI language)', () => {
  it('fills {0}, {1}… in the order the text puts them, and leaves a missing one as written', () => {
    assert.equal(fillPlaceholders('{1} then {0}, {0} again', ['a', 2]), '2 then a, a again');
    assert.equal(fillPlaceholders('{0} and {1}', ['only']), 'only and {1}');
    assert.equal(fillPlaceholders('key {0}', ['$& $1']), 'key $& $1', 'arguments are not patterns');
    assert.equal(english('Deleted topic {0}', 'logs'), 'Deleted topic logs');
  });

  it('looks a message up in a table and falls back to English', () => {
    const fr = translator(parseTranslations('{"Deleted topic {0}":"Topic {0} supprimé","n":3}'));
    assert.equal(fr('Deleted topic {0}', 'logs'), 'Topic logs supprimé');
    assert.equal(fr('Not in the table {0}', 1), 'Not in the table 1');
    assert.equal(fr('n'), 'n', 'a value that is no string is no translation');
    assert.equal(translator(parseTranslations('not json'))('x {0}', 'y'), 'x y');
  });

  it('picks the language: KAFKA_LOG_LAB_LANG, then LC_ALL, LC_MESSAGES, LANG', () => {
    assert.equal(languageTag('fr_FR.UTF-8'), 'fr-fr');
    assert.equal(languageTag('de_DE@euro'), 'de-de');
    assert.equal(languageTag('C.UTF-8'), undefined);
    assert.equal(languageTag('POSIX'), undefined);
    assert.equal(languageTag('../../etc/passwd'), undefined, 'a locale is never a path');
    assert.deepEqual(languagesFromEnv({ LANG: 'fr_FR.UTF-8' }), ['fr-fr', 'fr']);
    assert.deepEqual(languagesFromEnv({ KAFKA_LOG_LAB_LANG: 'fr', LANG: 'de_DE.UTF-8' }), ['fr']);
    assert.deepEqual(languagesFromEnv({ KAFKA_LOG_LAB_LANG: 'zh-cn' }), ['zh-cn', 'zh']);
    assert.deepEqual(languagesFromEnv({ LC_ALL: '', LC_MESSAGES: 'fr_CA', LANG: 'de_DE' }), ['fr-ca', 'fr']);
    assert.deepEqual(languagesFromEnv({ LC_ALL: 'C', LANG: 'fr_FR' }), [], 'LC_ALL=C means the default');
    assert.deepEqual(languagesFromEnv({ KAFKA_LOG_LAB_LANG: 'en', LANG: 'fr_FR' }), []);
    assert.deepEqual(languagesFromEnv({ LANG: 'en_US.UTF-8' }), []);
    assert.deepEqual(languagesFromEnv({}), []);
  });

  it('reads the bundle of the language, and speaks English when there is none', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kll-cli-l10n-'));
    try {
      fs.writeFileSync(path.join(dir, 'bundle.l10n.fr.json'), JSON.stringify({ 'Hello {0}': 'Bonjour {0}' }));
      assert.equal(translatorFor({ LANG: 'fr_BE.UTF-8' }, [dir])('Hello {0}', 'Ada'), 'Bonjour Ada');
      assert.equal(translatorFor({ KAFKA_LOG_LAB_LANG: 'de' }, [dir])('Hello {0}', 'Ada'), 'Hello Ada');
      assert.equal(translatorFor({}, [dir])('Hello {0}', 'Ada'), 'Hello Ada');
      assert.equal(translatorFor({ LANG: 'fr' }, [path.join(dir, 'none')])('Hello {0}', 'Ada'), 'Hello Ada');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds the shipped French bundle and words a timeline event with it', () => {
    const fr = translatorFor({ KAFKA_LOG_LAB_LANG: 'fr' });
    const event = { kind: 'leader', atMs: 0, partition: 0, from: 2, to: -1 } as const;
    assert.equal(describeEvent(event), 'partition 0: leader node 2 -> none (election)');
    assert.equal(describeEvent(event, fr), 'partition 0\u00a0: leader nœud 2 -> aucun (élection)');
  });
});
