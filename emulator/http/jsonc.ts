/**
 * JSON as Azure Resource Manager reads request bodies: its reader (Json.NET) skips `//` and block comments and takes
 * property names without quotes. The Azure CLI relies on both: `az deployment group … --template-file` splices the
 * template file, comments and all, into the request body behind an unquoted `template:` key (its
 * JsonCTemplatePolicy), so such a body must parse.
 */

const IDENTIFIER_START = /[A-Za-z_$]/;
const IDENTIFIER_PART = /[\w$]/;

/**
 * Strict JSON for the same value: comments outside strings become spaces, and a bare property name (an identifier
 * followed by `:`) is quoted. Anything else stays as it was, for JSON.parse to judge.
 */
export function toStrictJson(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      const start = i++;
      while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
      out += text.slice(start, ++i);
    } else if (c === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") {
        out += " ";
        i++;
      }
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, " ");
      i = stop;
    } else if (IDENTIFIER_START.test(c)) {
      let end = i + 1;
      while (end < text.length && IDENTIFIER_PART.test(text[end]!)) end++;
      const word = text.slice(i, end);
      let next = end;
      while (next < text.length && /\s/.test(text[next]!)) next++;
      out += text[next] === ":" ? JSON.stringify(word) : word;
      i = end;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** JSON.parse, reading comments and bare property names as ARM does; throws JSON.parse's error otherwise. */
export function parseArmJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    try {
      return JSON.parse(toStrictJson(text));
    } catch {
      throw e;
    }
  }
}
