import { KqlErrors, type SourcePosition } from "./errors.js";

export type TokenKind = "word" | "string" | "number" | "punct" | "eof";

export interface Token extends SourcePosition {
  kind: TokenKind;
  /** The source text (for words: the word, `!`-negated operators included, e.g. `!contains`, `in~`). */
  text: string;
  /** Decoded value of string and number literals. */
  value?: string | number;
}

// Tabular operators whose names contain a dash; read as one word so `project-away` is not `project - away`.
const DASHED_WORDS = new Set([
  "project-away",
  "project-rename",
  "project-keep",
  "project-reorder",
  "mv-expand",
  "mv-apply",
  "make-series",
]);

const PUNCTUATION = [
  "==",
  "!=",
  "=~",
  "!~",
  "<=",
  ">=",
  "|",
  "(",
  ")",
  "[",
  "]",
  ",",
  ".",
  "=",
  "<",
  ">",
  "-",
  "+",
  "*",
  "/",
  "%",
];

const isWordStart = (c: string) => /[A-Za-z_]/.test(c);
const isWordPart = (c: string) => /[A-Za-z0-9_]/.test(c);

/** Splits a KQL query into tokens, with 1-based lines and 0-based positions as Resource Graph reports them. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const at = (offset: number): SourcePosition => ({ line, column: offset - lineStart });

  while (i < source.length) {
    const c = source[i]!;
    if (c === "\n") {
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "/" && source[i + 1] === "/") {
      while (i < source.length && source[i] !== "\n") i++;
      continue;
    }
    const start = i;
    if (isWordStart(c) || (c === "!" && isWordStart(source[i + 1] ?? ""))) {
      i++;
      while (i < source.length && isWordPart(source[i]!)) i++;
      let text = source.slice(start, i);
      if (source[i] === "-" && isWordStart(source[i + 1] ?? "")) {
        let j = i + 1;
        while (j < source.length && isWordPart(source[j]!)) j++;
        const dashed = source.slice(start, j);
        if (DASHED_WORDS.has(dashed.toLowerCase())) {
          text = dashed;
          i = j;
        }
      }
      if (source[i] === "~" && /^!?in$/i.test(text)) {
        text += "~";
        i++;
      }
      tokens.push({ kind: "word", text, ...at(start) });
      continue;
    }
    if (c === "'" || c === '"' || (c === "@" && (source[i + 1] === "'" || source[i + 1] === '"'))) {
      const verbatim = c === "@";
      const quote = verbatim ? source[i + 1]! : c;
      i += verbatim ? 2 : 1;
      let value = "";
      for (;;) {
        if (i >= source.length || source[i] === "\n")
          throw KqlErrors.parserFailure(at(start), source.slice(start, i), quote);
        const ch = source[i]!;
        if (ch === quote) {
          i++;
          break;
        }
        if (ch === "\\" && !verbatim) {
          const next = source[i + 1] ?? "";
          value += next === "n" ? "\n" : next === "t" ? "\t" : next;
          i += 2;
          continue;
        }
        value += ch;
        i++;
      }
      tokens.push({ kind: "string", text: source.slice(start, i), value, ...at(start) });
      continue;
    }
    if (/[0-9]/.test(c)) {
      while (i < source.length && /[0-9.]/.test(source[i]!)) i++;
      const text = source.slice(start, i);
      const value = Number(text);
      if (!Number.isFinite(value)) throw KqlErrors.parserFailure(at(start), text);
      tokens.push({ kind: "number", text, value, ...at(start) });
      continue;
    }
    const punct = PUNCTUATION.find((p) => source.startsWith(p, i));
    if (!punct) throw KqlErrors.parserFailure(at(start), c);
    i += punct.length;
    tokens.push({ kind: "punct", text: punct, ...at(start) });
  }
  tokens.push({ kind: "eof", text: "<EOF>", ...at(i) });
  return tokens;
}
