// Java reads a .properties file as ISO-8859-1 with backslash escapes (Properties.load on a
// stream, as Kafka's Utils.loadProps does). A value written as-is loses every backslash of a
// Windows path and garbles every non-ASCII letter of a user's folder name; escaped, it arrives
// intact on any OS.

/** `value` as a .properties value: backslashes doubled, non-ASCII and control characters as \uXXXX. */
export function propertyValue(value: string): string {
  let escaped = '';
  for (const char of value) {
    if (char === '\\') escaped += '\\\\';
    else if (char >= ' ' && char <= '~') escaped += char;
    else for (let i = 0; i < char.length; i++) escaped += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`;
  }
  // A leading space would be taken for the separator's padding.
  return escaped.replace(/^ /, '\\ ');
}
