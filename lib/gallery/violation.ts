/**
 * The one shape of a broken domain rule. The emulator wraps it into its ArmError; the dashboard's forms map
 * `target` to a field. `code` and `message` are worded as Azure words them, so both sides show the same text.
 */
export interface RuleViolation {
  status: 400 | 409;
  code: string;
  message: string;
  target?: string;
}

export function invalidParameter(message: string, target?: string): RuleViolation {
  return target === undefined
    ? { status: 400, code: "InvalidParameter", message }
    : { status: 400, code: "InvalidParameter", message, target };
}

/** Azure answers a change of an immutable property with 409 PropertyChangeNotAllowed, target = the property path. */
export function propertyChangeNotAllowed(propertyPath: string): RuleViolation {
  return {
    status: 409,
    code: "PropertyChangeNotAllowed",
    message: `Changing property '${propertyPath}' is not allowed.`,
    target: propertyPath,
  };
}
