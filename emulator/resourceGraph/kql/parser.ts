import type { Aggregate, Expr, NamedExpr, Operator, Query, SortKey } from "./ast.js";
import { KqlErrors } from "./errors.js";
import { type Token, tokenize } from "./lexer.js";
import { checkExpressionSize, checkQueryLength, MAX_NESTING } from "./limits.js";

const OPERATORS = [
  "where",
  "filter",
  "extend",
  "project",
  "project-away",
  "order",
  "sort",
  "top",
  "limit",
  "take",
  "summarize",
  "count",
  "distinct",
];

const STRING_OPERATORS = new Set(
  ["contains", "contains_cs", "startswith", "startswith_cs", "endswith", "endswith_cs", "has", "has_cs"].flatMap(
    (op) => [op, `!${op}`],
  ),
);
const COMPARISONS = new Set(["==", "!=", "=~", "!~", "<", "<=", ">", ">="]);
const IN_OPERATORS = new Set(["in", "in~", "!in", "!in~"]);

/** Parses a KQL query of the supported subset; anything else fails with Resource Graph's ParserFailure detail. */
export function parseQuery(source: string): Query {
  checkQueryLength(source);
  const query = new Parser(tokenize(source)).query();
  checkExpressionSize(query);
  return query;
}

class Parser {
  private i = 0;
  private generatedNames = 0;
  /** Expressions open around the current token (parentheses, call arguments, indexes): bounded before recursion is. */
  private nesting = 0;

  constructor(private readonly tokens: Token[]) {}

  query(): Query {
    let table = "resources";
    const first = this.peek();
    if (first.kind === "word" && !OPERATORS.includes(first.text.toLowerCase())) {
      table = this.next().text.toLowerCase();
      if (this.peek().kind !== "eof") this.expectPunct("|");
    } else if (this.isPunct("|")) {
      this.next();
    }
    const operators: Operator[] = [];
    while (this.peek().kind !== "eof") {
      operators.push(this.operator());
      if (this.peek().kind !== "eof") this.expectPunct("|");
    }
    return { table, operators };
  }

  private operator(): Operator {
    const word = this.peek();
    if (word.kind !== "word") throw this.unexpected(OPERATORS.join(", "));
    this.next();
    switch (word.text.toLowerCase()) {
      case "where":
      case "filter":
        return { kind: "where", predicate: this.expr() };
      case "extend":
        return { kind: "extend", columns: this.list(() => this.namedExpr(true)) };
      case "project":
        return { kind: "project", columns: this.list(() => this.namedExpr(false)) };
      case "project-away":
        return { kind: "project-away", names: this.list(() => this.name()) };
      case "order":
      case "sort":
        this.expectWord("by");
        return { kind: "sort", keys: this.list(() => this.sortKey()) };
      case "top": {
        const count = this.integer();
        this.expectWord("by");
        return { kind: "top", count, key: this.sortKey() };
      }
      case "limit":
      case "take":
        return { kind: "take", count: this.integer() };
      case "summarize":
        return this.summarize();
      case "count":
        return { kind: "count" };
      case "distinct":
        return { kind: "distinct", columns: this.list(() => this.namedExpr(false)) };
      default:
        this.i--;
        throw this.unexpected(OPERATORS.join(", "));
    }
  }

  private summarize(): Operator {
    const aggregates: Aggregate[] = [];
    if (!this.isWord("by")) {
      aggregates.push(...this.list(() => this.aggregate()));
    }
    let by: NamedExpr[] = [];
    if (this.isWord("by")) {
      this.next();
      by = this.list(() => this.namedExpr(false));
    }
    if (aggregates.length === 0 && by.length === 0) throw this.unexpected("count(), by");
    return { kind: "summarize", aggregates, by };
  }

  private aggregate(): Aggregate {
    let alias: string | undefined;
    if (this.peek().kind === "word" && this.peekAt(1).text === "=" && this.peekAt(1).kind === "punct") {
      alias = this.name();
      this.next();
    }
    const fnToken = this.peek();
    const fn = this.name().toLowerCase();
    if (fn !== "count" && fn !== "dcount") {
      if (this.isPunct("(")) throw KqlErrors.unknownFunction(fnToken.text);
      this.i--;
      throw this.unexpected("count(), dcount()");
    }
    this.expectPunct("(");
    let arg: Expr | undefined;
    if (fn === "dcount") arg = this.expr();
    this.expectPunct(")");
    const defaultName = fn === "count" ? "count_" : `dcount_${arg ? this.nameOf(arg) : ""}`;
    return { name: alias ?? defaultName, fn, ...(arg ? { arg } : {}) };
  }

  private sortKey(): SortKey {
    const expr = this.expr();
    let descending = true; // KQL sorts descending unless told otherwise.
    if (this.isWord("asc") || this.isWord("desc")) descending = this.next().text.toLowerCase() === "desc";
    return { expr, descending };
  }

  /** `name = expr`, or a bare expression named after its column path (`properties.a` → `properties_a`). */
  private namedExpr(requireName: boolean): NamedExpr {
    if (this.peek().kind === "word" && this.peekAt(1).kind === "punct" && this.peekAt(1).text === "=") {
      const name = this.name();
      this.next();
      return { name, expr: this.expr() };
    }
    const start = this.peek();
    const expr = this.expr();
    if (requireName && expr.kind !== "column") {
      this.i = this.tokens.indexOf(start);
      throw this.unexpected("=");
    }
    return { name: this.nameOf(expr), expr };
  }

  private nameOf(expr: Expr): string {
    if (expr.kind === "column") return expr.name;
    if (expr.kind === "member" && typeof expr.key === "string") {
      const parent = expr.target.kind === "column" || expr.target.kind === "member" ? this.nameOf(expr.target) : "";
      if (parent) return `${parent}_${expr.key}`;
    }
    this.generatedNames++;
    return `Column${this.generatedNames}`;
  }

  // Expressions, loosest binding first: or, and, comparisons and string operators, postfix access, primaries.

  private expr(): Expr {
    if (++this.nesting > MAX_NESTING)
      throw KqlErrors.limitExceeded(`The query nests expressions more than ${MAX_NESTING} levels deep.`);
    let left = this.and();
    while (this.isWord("or")) {
      this.next();
      left = { kind: "binary", op: "or", left, right: this.and() };
    }
    this.nesting--;
    return left;
  }

  private and(): Expr {
    let left = this.comparison();
    while (this.isWord("and")) {
      this.next();
      left = { kind: "binary", op: "and", left, right: this.comparison() };
    }
    return left;
  }

  private comparison(): Expr {
    const left = this.postfix();
    const t = this.peek();
    const op = t.text.toLowerCase();
    if (t.kind === "punct" && COMPARISONS.has(op)) {
      this.next();
      return { kind: "binary", op, left, right: this.postfix() };
    }
    if (t.kind === "word" && STRING_OPERATORS.has(op)) {
      this.next();
      return { kind: "binary", op, left, right: this.postfix() };
    }
    if (t.kind === "word" && IN_OPERATORS.has(op)) {
      this.next();
      this.expectPunct("(");
      const list = this.isPunct(")") ? [] : this.list(() => this.postfix());
      this.expectPunct(")");
      return { kind: "in", op: op as "in" | "in~" | "!in" | "!in~", left, list };
    }
    return left;
  }

  private postfix(): Expr {
    let expr = this.primary();
    for (;;) {
      if (this.isPunct(".")) {
        this.next();
        expr = { kind: "member", target: expr, key: this.name() };
      } else if (this.isPunct("[")) {
        this.next();
        const key = this.peek();
        if (key.kind === "string") expr = { kind: "member", target: expr, key: String(this.next().value) };
        else if (key.kind === "number" || (key.kind === "punct" && key.text === "-"))
          expr = { kind: "member", target: expr, key: this.signedInteger() };
        else throw this.unexpected("string or integer index");
        this.expectPunct("]");
      } else {
        return expr;
      }
    }
  }

  private primary(): Expr {
    const t = this.peek();
    if (t.kind === "string") {
      this.next();
      return { kind: "literal", value: String(t.value) };
    }
    if (t.kind === "number" || (t.kind === "punct" && t.text === "-" && this.peekAt(1).kind === "number")) {
      return { kind: "literal", value: this.signedNumber() };
    }
    if (t.kind === "punct" && t.text === "(") {
      this.next();
      const inner = this.expr();
      this.expectPunct(")");
      return inner;
    }
    if (t.kind === "word" && !t.text.startsWith("!")) {
      this.next();
      const lower = t.text.toLowerCase();
      if (this.isPunct("(")) {
        this.next();
        const args = this.isPunct(")") ? [] : this.list(() => this.expr());
        this.expectPunct(")");
        return { kind: "call", name: lower, args, at: t };
      }
      if (lower === "true" || lower === "false") return { kind: "literal", value: lower === "true" };
      return { kind: "column", name: t.text, at: t };
    }
    throw this.unexpected("expression");
  }

  // Token helpers.

  private list<T>(item: () => T): T[] {
    const items = [item()];
    while (this.isPunct(",")) {
      this.next();
      items.push(item());
    }
    return items;
  }

  private name(): string {
    const t = this.peek();
    if (t.kind !== "word" || t.text.startsWith("!")) throw this.unexpected("name");
    this.next();
    return t.text;
  }

  private integer(): number {
    const t = this.peek();
    if (t.kind !== "number" || !Number.isInteger(t.value)) throw this.unexpected("integer");
    this.next();
    return t.value as number;
  }

  private signedNumber(): number {
    const negative = this.isPunct("-");
    if (negative) this.next();
    const t = this.peek();
    if (t.kind !== "number") throw this.unexpected("number");
    this.next();
    return negative ? -(t.value as number) : (t.value as number);
  }

  private signedInteger(): number {
    const n = this.signedNumber();
    if (!Number.isInteger(n)) throw this.unexpected("integer");
    return n;
  }

  private expectPunct(text: string): void {
    if (!this.isPunct(text)) throw this.unexpected(text);
    this.next();
  }

  private expectWord(word: string): void {
    if (!this.isWord(word)) throw this.unexpected(word);
    this.next();
  }

  private isPunct(text: string): boolean {
    const t = this.peek();
    return t.kind === "punct" && t.text === text;
  }

  private isWord(word: string): boolean {
    const t = this.peek();
    return t.kind === "word" && t.text.toLowerCase() === word;
  }

  private unexpected(expected: string) {
    const t = this.peek();
    return KqlErrors.parserFailure(t, t.text, expected);
  }

  private peek(): Token {
    return this.tokens[this.i]!;
  }

  private peekAt(offset: number): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const t = this.tokens[this.i]!;
    if (t.kind !== "eof") this.i++;
    return t;
  }
}
