/**
 * Links taken from Azure resources (EULA, privacy statement and release note URIs, descriptions) are written by
 * whoever may write the resource, not by us. Only absolute http(s) URLs become clickable; `javascript:`, `data:`,
 * `vbscript:`, relative paths and anything unparsable stay text.
 */
export function safeHref(value: string | null | undefined): string | undefined {
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  // Only a value that is wholly a URL: "see https://x" is prose, and a URL with whitespace inside is not one.
  if (!/^https?:\/\/\S+$/i.test(trimmed)) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  // user:password@host hides the real host behind a trusted-looking name.
  if (url.username || url.password) return undefined;
  return url.href;
}

/**
 * Bidirectional controls (marks, embeddings, overrides, isolates, the Arabic letter mark) can make text read
 * differently from what it is (a tag whose value appears reversed, a URL that looks like another); format
 * characters (zero-width spaces and joiners, word joiners, invisible operators, the byte order mark, tags) and
 * control characters are invisible. Every Unicode format (Cf) character, which includes all bidi controls, every
 * control but tab and line breaks, and the line and paragraph separators are shown as their code points, so
 * what the resource holds is what the user reads.
 */
// Control characters are exactly what this pattern is for.
// eslint-disable-next-line no-control-regex
const INVISIBLE_CONTROLS = /[\p{Cf}\p{Zl}\p{Zp}\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu;

export function visibleText(value: string): string {
  return value.replace(
    INVISIBLE_CONTROLS,
    (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}}`,
  );
}
