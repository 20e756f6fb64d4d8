import { DeploymentErrors } from "./deployments.errors.js";
import { type EvaluationBudget, TEMPLATE_LIMITS, TemplateLimitErrors } from "./deployments.limits.js";

/**
 * The part of ARM's template language the emulator evaluates when it validates a deployment. A string value
 * `[expr]` is an expression (`[[` escapes a literal `[`). Supported, as Azure documents them:
 * - literals: 'text' (with '' for a quote), integers, true/false;
 * - parameters('name'), variables('name'), concat(a, b, …) of strings or arrays, toLower, toUpper, string;
 * - resourceGroup() {id, name, location, type}, subscription() {id, subscriptionId, tenantId, displayName};
 * - resourceId([subscriptionId], [resourceGroupName], 'Namespace/type[/child]', 'name'[, 'childName']);
 * - property access `.name` and index `[0]` on their results.
 * Anything else is refused with InvalidTemplate naming the function, so a template the emulator cannot judge
 * never passes by accident.
 */

export type TemplateValue = string | number | boolean | null | TemplateValue[] | { [key: string]: TemplateValue };

export interface ExpressionScope {
  parameter(name: string): TemplateValue;
  variable(name: string): TemplateValue;
  resourceGroup: { id: string; name: string; location: string; type: string };
  subscription: { id: string; subscriptionId: string; tenantId: string; displayName: string };
  /** What the deployment's function calls may take and return in all (see deployments.limits.ts). */
  budget: EvaluationBudget;
}

type Token = { kind: "string" | "number" | "ident" | "punct"; text: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let text = "";
      i++;
      for (;;) {
        if (i >= source.length) throw DeploymentErrors.invalidExpression(source, "an unterminated string literal");
        if (source[i] === "'") {
          if (source[i + 1] === "'") {
            text += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += source[i++];
      }
      tokens.push({ kind: "string", text });
    } else if (/[0-9-]/.test(c)) {
      const m = /^-?\d+/.exec(source.slice(i));
      if (!m) throw DeploymentErrors.invalidExpression(source, `the character '${c}'`);
      tokens.push({ kind: "number", text: m[0] });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][\w]*/.exec(source.slice(i))!;
      tokens.push({ kind: "ident", text: m[0] });
      i += m[0].length;
    } else if ("(),.[]".includes(c)) {
      tokens.push({ kind: "punct", text: c });
      i++;
    } else {
      throw DeploymentErrors.invalidExpression(source, `the character '${c}'`);
    }
  }
  return tokens;
}

const asString = (value: TemplateValue): string => (typeof value === "string" ? value : JSON.stringify(value));

function resourceIdOf(scope: ExpressionScope, args: TemplateValue[]): string {
  const strings = args.map(asString);
  const typeIndex = strings.findIndex((s) => /^[A-Za-z0-9.]+\/[A-Za-z0-9/]+$/.test(s));
  if (typeIndex < 0 || typeIndex > 2) throw DeploymentErrors.invalidFunctionArguments("resourceId");
  const [subscriptionId, resourceGroup] =
    typeIndex === 2
      ? [strings[0]!, strings[1]!]
      : typeIndex === 1
        ? [scope.subscription.subscriptionId, strings[0]!]
        : [scope.subscription.subscriptionId, scope.resourceGroup.name];
  const [namespace, ...types] = strings[typeIndex]!.split("/");
  const names = strings.slice(typeIndex + 1);
  if (names.length !== types.length) throw DeploymentErrors.invalidFunctionArguments("resourceId");
  const path = types.map((type, i) => `${type}/${names[i]}`).join("/");
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/${namespace}/${path}`;
}

function call(scope: ExpressionScope, name: string, args: TemplateValue[]): TemplateValue {
  scope.budget.charge(args);
  const result = callFunction(scope, name, args);
  scope.budget.charge(result);
  return result;
}

function callFunction(scope: ExpressionScope, name: string, args: TemplateValue[]): TemplateValue {
  const one = () => {
    if (args.length !== 1) throw DeploymentErrors.invalidFunctionArguments(name);
    return args[0]!;
  };
  switch (name.toLowerCase()) {
    case "parameters":
      return scope.parameter(asString(one()));
    case "variables":
      return scope.variable(asString(one()));
    case "concat":
      if (args.length > 0 && args.every(Array.isArray)) return (args as TemplateValue[][]).flat();
      return args.map(asString).join("");
    case "tolower":
      return asString(one()).toLowerCase();
    case "toupper":
      return asString(one()).toUpperCase();
    case "string":
      return asString(one());
    case "resourcegroup":
      return { ...scope.resourceGroup };
    case "subscription":
      return { ...scope.subscription };
    case "resourceid":
      return resourceIdOf(scope, args);
    default:
      throw DeploymentErrors.unsupportedFunction(name);
  }
}

class Parser {
  private at = 0;
  /** Expressions open around the current token; the outermost is not nested. */
  private nesting = -1;
  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
    private readonly scope: ExpressionScope,
  ) {}

  parse(): TemplateValue {
    const value = this.expression();
    if (this.at < this.tokens.length)
      throw DeploymentErrors.invalidExpression(this.source, `'${this.tokens[this.at]!.text}'`);
    return value;
  }

  private peek(text: string): boolean {
    const token = this.tokens[this.at];
    return token?.kind === "punct" && token.text === text;
  }

  private expect(text: string): void {
    if (!this.peek(text))
      throw DeploymentErrors.invalidExpression(
        this.source,
        this.tokens[this.at] ? `'${this.tokens[this.at]!.text}'` : "its end",
      );
    this.at++;
  }

  private expression(): TemplateValue {
    if (++this.nesting > TEMPLATE_LIMITS.expressionNesting) throw TemplateLimitErrors.expressionTooDeep(this.source);
    const value = this.postfix(this.primary());
    this.nesting--;
    return value;
  }

  private postfix(primary: TemplateValue): TemplateValue {
    let value = primary;
    for (;;) {
      if (this.peek(".")) {
        this.at++;
        const property = this.tokens[this.at++];
        if (property?.kind !== "ident")
          throw DeploymentErrors.invalidExpression(this.source, "a '.' without a property name");
        value = this.member(value, property.text);
      } else if (this.peek("[")) {
        this.at++;
        const index = this.expression();
        this.expect("]");
        value = this.member(value, index);
      } else {
        return value;
      }
    }
  }

  private member(value: TemplateValue, key: TemplateValue): TemplateValue {
    if (Array.isArray(value) && typeof key === "number" && key >= 0 && key < value.length) return value[key]!;
    if (value && typeof value === "object" && !Array.isArray(value) && typeof key === "string") {
      const match = Object.keys(value).find((k) => k.toLowerCase() === key.toLowerCase());
      if (match !== undefined) return value[match]!;
    }
    throw DeploymentErrors.missingProperty(this.source, String(key));
  }

  private primary(): TemplateValue {
    const token = this.tokens[this.at++];
    if (!token) throw DeploymentErrors.invalidExpression(this.source, "its end");
    if (token.kind === "string") return token.text;
    if (token.kind === "number") return Number(token.text);
    if (token.kind !== "ident") throw DeploymentErrors.invalidExpression(this.source, `'${token.text}'`);
    if (!this.peek("(")) {
      if (token.text.toLowerCase() === "true") return true;
      if (token.text.toLowerCase() === "false") return false;
      throw DeploymentErrors.invalidExpression(this.source, `'${token.text}'`);
    }
    this.at++;
    const args: TemplateValue[] = [];
    if (!this.peek(")")) {
      for (;;) {
        args.push(this.expression());
        if (this.peek(",")) {
          this.at++;
          continue;
        }
        break;
      }
    }
    this.expect(")");
    return call(this.scope, token.text, args);
  }
}

/** A template value with every expression in it evaluated. */
export function evaluate(value: TemplateValue, scope: ExpressionScope): TemplateValue {
  if (typeof value === "string") {
    if (value.startsWith("[[")) return value.slice(1);
    if (value.startsWith("[") && value.endsWith("]")) {
      if (value.length > TEMPLATE_LIMITS.expressionLength) throw TemplateLimitErrors.expressionTooLong(value.length);
      const source = value.slice(1, -1);
      return new Parser(value, tokenize(source), scope).parse();
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => evaluate(item, scope));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluate(v, scope)]));
  return value;
}
