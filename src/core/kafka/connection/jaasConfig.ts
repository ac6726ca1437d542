// The `sasl.jaas.config` value of Java clients:
//   org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p";
import { UserError } from '../../errors';

export interface JaasLogin {
  /** Class name without package, e.g. PlainLoginModule. */
  module: string;
  options: Record<string, string>;
}

const TOKEN = /\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^\s=;"']+)|(=)|(;))/y;

function tokens(text: string, where: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    // The position, not the text: the text may hold the password.
    if (!m) {
      throw new UserError(`${where}: sasl.jaas.config has an unclosed quote or stray character at character ${at + 1}`);
    }
    const quoted = m[1] ?? m[2];
    out.push(quoted !== undefined ? `\0${quoted.replace(/\\(.)/g, '$1')}` : (m[3] ?? m[4] ?? m[5]));
  }
  return out;
}

/** Module and options of a single-module JAAS configuration; quoted values may use " or '. */
export function parseJaasConfig(text: string, where: string): JaasLogin {
  const parts = tokens(text, where);
  const bad = (why: string): never => {
    throw new UserError(
      `${where}: sasl.jaas.config ${why}; expected e.g. ` +
        'org.apache.kafka.common.security.plain.PlainLoginModule required username="USER" password="PASSWORD";',
    );
  };
  const [moduleName, flag] = parts;
  if (!moduleName || moduleName.startsWith('\0') || ['=', ';'].includes(moduleName)) bad('has no login module');
  const flags = ['required', 'requisite', 'sufficient', 'optional'];
  if (!flags.includes(flag)) bad(`has no control flag (${flags.join(', ')}) after ${moduleName}`);
  const options: Record<string, string> = {};
  let i = 2;
  for (let previous = flag; i < parts.length && parts[i] !== ';'; i += 3) {
    const [name, eq, value] = parts.slice(i, i + 3);
    // Names the option before the bad one: the bad token itself may be a password.
    const malformed = name.startsWith('\0') || eq !== '=' || value === undefined || value === ';';
    if (malformed) bad(`has a malformed option after "${previous}"`);
    options[name] = value.replace(/^\0/, '');
    previous = name;
  }
  if (parts.slice(i + 1).length > 0) bad('holds more than one login module');
  return { module: moduleName.split('.').pop() as string, options };
}
