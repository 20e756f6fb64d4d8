/**
 * What Resource Graph puts in `error.details` after its `InvalidQuery` entry: `ParserFailure` with the line,
 * the 0-based character position and the offending token for syntax errors, `UnknownFunction` for unknown
 * functions, `DisallowedLogicalTableName` for tables it does not serve, and Kusto's `SEM0100` for names
 * that resolve to no column.
 */
export interface KqlErrorDetail {
  code: string;
  message: string;
  line?: number;
  characterPositionInLine?: number;
  token?: string;
  expectedToken?: string;
}

export class KqlError extends Error {
  constructor(readonly detail: KqlErrorDetail) {
    super(detail.message);
    this.name = "KqlError";
  }
}

export interface SourcePosition {
  line: number;
  column: number;
}

export const KqlErrors = {
  parserFailure: (at: SourcePosition, token: string, expected?: string) =>
    new KqlError({
      code: "ParserFailure",
      message: "ParserFailure",
      line: at.line,
      characterPositionInLine: at.column,
      token,
      ...(expected ? { expectedToken: expected } : {}),
    }),

  unknownFunction: (name: string) => new KqlError({ code: "UnknownFunction", message: `Unknown function: '${name}'.` }),

  wrongArgumentCount: (name: string, expected: string) =>
    new KqlError({ code: "SEM0219", message: `Function '${name}': expects ${expected} argument(s).` }),

  unknownTable: (name: string) =>
    new KqlError({
      code: "DisallowedLogicalTableName",
      message: `Table ${name} is invalid, unsupported or disallowed.`,
    }),

  /** A query over the emulator's bounds on length, nesting or size (see limits.ts): refused before it can run long. */
  limitExceeded: (message: string) => new KqlError({ code: "LimitsExceeded", message }),

  unresolvedName: (operator: string, name: string) =>
    new KqlError({
      code: "SEM0100",
      message: `'${operator}' operator: Failed to resolve scalar expression named '${name}'`,
    }),
};
