/**
 * How deep a JSON request body may nest. V8 parses any depth, but everything after the parser (template
 * evaluation, JSON.stringify of stored resources) recurses over it; ARM's own JSON reader refuses deep documents
 * too. 128 levels is far beyond any ARM resource or template and far below the stack.
 */
export const MAX_JSON_DEPTH = 128;

/** Where a JSON text first opens its (MAX_JSON_DEPTH + 1)th level, or undefined; strings are skipped, not parsed. */
export function jsonDepthExceeded(
  text: string,
  maxDepth = MAX_JSON_DEPTH,
): { line: number; position: number } | undefined {
  let depth = 0;
  let inString = false;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return { line, position: i + 1 - lineStart };
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    } else if (c === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return undefined;
}
