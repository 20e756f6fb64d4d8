/**
 * JSON with comments, as Azure Resource Manager reads request bodies (its JSON reader skips `//` and block
 * comments). The Azure CLI relies on it: `az deployment group … --template-file` splices the template file,
 * comments and all, into the request body (JsonCTemplatePolicy), so a template with comments must parse.
 */

/** The text with every comment outside strings replaced by spaces, so positions in error messages still hold. */
export function withoutComments(text: string): string {
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
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** JSON.parse, reading comments as ARM does; throws JSON.parse's error for what is not JSON either way. */
export function parseJsonWithComments(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    if (!text.includes("/")) throw e;
    return JSON.parse(withoutComments(text));
  }
}
