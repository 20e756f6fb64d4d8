/**
 * Inputs built to make a server work without bound: deep nesting (stack), exponential expansion (memory and time),
 * and keys that name Object's prototype. Shared by the limit tests and the hostile-input fuzz.
 */

/** A JSON value nested `depth` arrays deep. */
export function deepJson(depth: number): string {
  return `${"[".repeat(depth)}${"]".repeat(depth)}`;
}

/** A deployment request body around a template. */
export function deploymentBody(template: Record<string, unknown>): string {
  return JSON.stringify({ properties: { mode: "Incremental", template } });
}

const NO_RESOURCES = {
  $schema: "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  contentVersion: "1.0.0.0",
};

/** A template whose only resource is named by `expression`, so validation evaluates it. */
export function templateNaming(expression: string, variables: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...NO_RESOURCES,
    variables,
    resources: [
      { type: "Microsoft.Storage/storageAccounts", apiVersion: "2023-01-01", name: expression, location: "westeurope" },
    ],
  };
}

/** `[concat(concat(…'a'…))]` with `depth` calls. */
export function nestedConcat(depth: number): string {
  return `[${"concat(".repeat(depth)}'a'${")".repeat(depth)}]`;
}

/** Variables v0…vN where each is the previous twice: 2^N times v0 once evaluated. */
export function doublingTemplate(doublings: number, seedLength = 64): Record<string, unknown> {
  const variables: Record<string, unknown> = { v0: "x".repeat(seedLength) };
  for (let i = 1; i <= doublings; i++) variables[`v${i}`] = `[concat(variables('v${i - 1}'), variables('v${i - 1}'))]`;
  return templateNaming(`[variables('v${doublings}')]`, variables);
}

/** A template with `count` of one section (parameters, variables, resources, outputs). */
export function templateWith(
  section: "parameters" | "variables" | "resources" | "outputs",
  count: number,
): Record<string, unknown> {
  const entries = Array.from({ length: count }, (_, i) => i);
  switch (section) {
    case "parameters":
      return {
        ...NO_RESOURCES,
        parameters: Object.fromEntries(entries.map((i) => [`p${i}`, { type: "string", defaultValue: "x" }])),
        resources: [],
      };
    case "variables":
      return { ...NO_RESOURCES, variables: Object.fromEntries(entries.map((i) => [`v${i}`, "x"])), resources: [] };
    case "outputs":
      return {
        ...NO_RESOURCES,
        outputs: Object.fromEntries(entries.map((i) => [`o${i}`, { type: "string", value: "x" }])),
        resources: [],
      };
    case "resources":
      return {
        ...NO_RESOURCES,
        resources: entries.map((i) => ({
          type: "Microsoft.Storage/storageAccounts",
          apiVersion: "2023-01-01",
          name: `sa${i}`,
          location: "westeurope",
        })),
      };
  }
}

/** KQL with `depth` parentheses around a predicate. */
export function kqlNestedParens(depth: number): string {
  return `resources | where ${"(".repeat(depth)}name == 'a'${")".repeat(depth)}`;
}

/** KQL with `depth` nested not(). */
export function kqlNestedNot(depth: number): string {
  return `resources | where ${"not(".repeat(depth)}name == 'a'${")".repeat(depth)}`;
}

/** KQL whose where clause is `terms` comparisons joined by `or`. */
export function kqlOrTerms(terms: number): string {
  return `resources | where ${Array.from({ length: terms }, (_, i) => `name == 'n${i}'`).join(" or ")}`;
}

/** Names that an object literal answers from Object.prototype. */
export const PROTOTYPE_KEYS = [
  "constructor",
  "__proto__",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "__defineGetter__",
  "isPrototypeOf",
] as const;
