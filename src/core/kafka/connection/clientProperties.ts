// A client.properties file (the format Confluent Cloud and Kafka's own tools hand out) as a ConnectionSpec.
import fs from 'node:fs';
import path from 'node:path';
import { requireReadableFile } from '../../fileErrors';
import type { ConnectionSpec, ParsedClientProperties } from './connectionSpec';
import { parsePropertiesText } from './propertiesSyntax';
import { applyProperty } from './propertyKeys';

/** The spec a properties text describes; `fileName` names it in messages and anchors relative paths. */
export function parseClientProperties(text: string, fileName: string): ParsedClientProperties {
  const spec: ConnectionSpec = { securityProtocol: 'PLAINTEXT' };
  const notes: string[] = [];
  const baseDir = path.dirname(path.resolve(fileName));
  for (const entry of parsePropertiesText(text, fileName)) {
    const note = applyProperty(spec, entry.key, entry.value, { where: `${fileName}:${entry.line}`, baseDir });
    if (note) notes.push(note);
  }
  return { spec, notes };
}

/** Reads and parses a client.properties file; a missing or unreadable file is named in the error. */
export function readClientPropertiesFile(file: string): ParsedClientProperties {
  requireReadableFile(file);
  return parseClientProperties(fs.readFileSync(file, 'utf8'), file);
}
