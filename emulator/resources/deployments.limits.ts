import { ArmError } from "../errors.js";
import type { TemplateValue } from "./deployments.expressions.js";

/**
 * The template limits Azure publishes (https://learn.microsoft.com/azure/azure-resource-manager/templates/best-practices#template-limits,
 * error-job-size-exceeded), plus a nesting bound for expressions, which Azure does not publish but which keeps the
 * recursive expression parser off the end of the stack. Each refusal is InvalidTemplate, before any work is done.
 */
export const TEMPLATE_LIMITS = {
  parameters: 256,
  variables: 256,
  resources: 800,
  outputs: 64,
  /** Characters in one template expression. */
  expressionLength: 24_576,
  /** Calls, parentheses and indexes open at once within one expression. */
  expressionNesting: 64,
  /**
   * The template after its variables and parameters are resolved may be at most 4 MB. The emulator counts what
   * every function call takes and returns against it, so a template that doubles a variable 24 times stops
   * after a few megabytes of work instead of building gigabytes.
   */
  evaluatedCharacters: 4 * 1024 * 1024,
} as const;

const templateFailed = (inner: string) =>
  new ArmError(400, "InvalidTemplate", `Deployment template validation failed: '${inner}'.`);

export const TemplateLimitErrors = {
  tooMany: (section: "parameters" | "variables" | "resources" | "outputs", count: number) =>
    templateFailed(
      `The number of template ${section} '${count}' exceeds the limit of '${TEMPLATE_LIMITS[section]}'. ` +
        "Please see https://aka.ms/arm-template-best-practices for usage details.",
    ),
  expressionTooLong: (length: number) =>
    templateFailed(
      `The template language expression is '${length}' characters long, exceeding the limit of '${TEMPLATE_LIMITS.expressionLength}' characters. ` +
        "Please see https://aka.ms/arm-template-best-practices for usage details.",
    ),
  expressionTooDeep: (expression: string) =>
    templateFailed(
      `The language expression '${expression.slice(0, 200)}…' nests more than '${TEMPLATE_LIMITS.expressionNesting}' levels of function calls.`,
    ),
  tooComplex: () =>
    templateFailed(
      "The template nests variables, parameters and expressions too deeply to be evaluated. Please see https://aka.ms/arm-template-best-practices for usage details.",
    ),
  templateTooLarge: () =>
    templateFailed(
      `The template exceeds the size limit of '${TEMPLATE_LIMITS.evaluatedCharacters}' characters once its variables and parameters are resolved. ` +
        "Please see https://aka.ms/arm-deploy-resources-job-size for usage details.",
    ),
};

const sizeOfSection = (value: unknown): number =>
  Array.isArray(value) ? value.length : value && typeof value === "object" ? Object.keys(value).length : 0;

/** The counted limits, checked on the template as sent. */
export function checkTemplateCounts(template: Record<string, unknown>): void {
  for (const section of ["parameters", "variables", "resources", "outputs"] as const) {
    const count = sizeOfSection(template[section]);
    if (count > TEMPLATE_LIMITS[section]) throw TemplateLimitErrors.tooMany(section, count);
  }
}

/**
 * Characters produced and consumed by one deployment's expressions. Sizes are measured without recursion and
 * stop as soon as the budget is spent, so measuring costs no more than the budget itself.
 */
export class EvaluationBudget {
  private spent = 0;

  charge(value: TemplateValue | TemplateValue[]): void {
    const stack: unknown[] = [value];
    while (stack.length > 0) {
      const v = stack.pop();
      this.spent += typeof v === "string" ? v.length + 2 : 1;
      if (this.spent > TEMPLATE_LIMITS.evaluatedCharacters) throw TemplateLimitErrors.templateTooLarge();
      if (Array.isArray(v)) for (const item of v) stack.push(item);
      else if (v && typeof v === "object") {
        for (const [k, item] of Object.entries(v)) {
          this.spent += k.length;
          stack.push(item);
        }
      }
    }
  }
}

/**
 * Runs a template's evaluation; a RangeError (the stack or a string outgrown by references nested beyond what the
 * limits above catch one by one) is the template's fault, so it is InvalidTemplate, not a 500.
 */
export function withinTemplateLimits<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof RangeError) throw TemplateLimitErrors.tooComplex();
    throw error;
  }
}
