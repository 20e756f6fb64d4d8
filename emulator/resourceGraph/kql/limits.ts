import type { Expr, Operator, Query } from "./ast.js";
import { KqlErrors } from "./errors.js";

/**
 * Bounds on what one query may ask of the emulator, so no query can overflow the stack (parsing and evaluation
 * recurse over the expression tree) or hold the event loop: each refusal is Resource Graph's InvalidQuery. Resource
 * Graph publishes no numbers for these; they are far above what the dashboard or a person writes.
 */

/** Characters in a query. */
export const MAX_QUERY_LENGTH = 65_536;
/** Parentheses, call arguments and indexes open at once. */
export const MAX_NESTING = 64;
/** Levels of the expression tree, where each `and`/`or` term of a chain is one level. */
export const MAX_EXPRESSION_DEPTH = 256;
/** Expression nodes in the whole query. */
export const MAX_EXPRESSION_NODES = 10_000;

export function checkQueryLength(source: string): void {
  if (source.length > MAX_QUERY_LENGTH) {
    throw KqlErrors.limitExceeded(
      `The query is ${source.length} characters long; at most ${MAX_QUERY_LENGTH} are allowed.`,
    );
  }
}

function expressionsOf(op: Operator): Expr[] {
  switch (op.kind) {
    case "where":
      return [op.predicate];
    case "extend":
    case "project":
    case "distinct":
      return op.columns.map((c) => c.expr);
    case "sort":
      return op.keys.map((k) => k.expr);
    case "top":
      return [op.key.expr];
    case "summarize":
      return [...op.aggregates.flatMap((a) => (a.arg ? [a.arg] : [])), ...op.by.map((b) => b.expr)];
    default:
      return [];
  }
}

function childrenOf(e: Expr): Expr[] {
  switch (e.kind) {
    case "member":
      return [e.target];
    case "call":
      return e.args;
    case "binary":
      return [e.left, e.right];
    case "in":
      return [e.left, ...e.list];
    default:
      return [];
  }
}

/** Walks every expression without recursion (the tree may be as deep as the attack made it) and bounds it. */
export function checkExpressionSize(query: Query): void {
  let nodes = 0;
  const stack: [Expr, number][] = query.operators.flatMap((op) => expressionsOf(op).map((e): [Expr, number] => [e, 1]));
  while (stack.length > 0) {
    const [expr, depth] = stack.pop()!;
    if (++nodes > MAX_EXPRESSION_NODES) {
      throw KqlErrors.limitExceeded(`The query has more than ${MAX_EXPRESSION_NODES} expression terms.`);
    }
    if (depth > MAX_EXPRESSION_DEPTH) {
      throw KqlErrors.limitExceeded(`The query's expressions are more than ${MAX_EXPRESSION_DEPTH} levels deep.`);
    }
    for (const child of childrenOf(expr)) stack.push([child, depth + 1]);
  }
}
