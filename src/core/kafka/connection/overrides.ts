// `-X key=value` overrides (the kcat / librdkafka convention) applied on top of a ConnectionSpec.
import { UserError } from '../../errors';
import type { ConnectionSpec, ParsedClientProperties } from './connectionSpec';
import { applyProperty } from './propertyKeys';

/** A copy of `spec` with each `key=value` applied in order; relative file names resolve against `baseDir`. */
export function applyOverrides(
  spec: ConnectionSpec,
  overrides: string[],
  baseDir = process.cwd(),
): ParsedClientProperties {
  const result: ConnectionSpec = structuredClone(spec);
  const notes: string[] = [];
  for (const item of overrides) {
    const eq = item.indexOf('=');
    const key = (eq < 0 ? item : item.slice(0, eq)).trim();
    if (eq < 0 || key === '') {
      throw new UserError(`-X ${key || item}: expected KEY=VALUE, e.g. -X security.protocol=SASL_SSL`);
    }
    const note = applyProperty(result, key, item.slice(eq + 1), { where: `-X ${key}`, baseDir });
    if (note) notes.push(note);
  }
  return { spec: result, notes };
}
