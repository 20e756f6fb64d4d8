import { normalizeScope } from "../authorization/scopes.js";
import type { Caller } from "../caller.js";
import type { EmulatorContext } from "../context.js";
import type { IndexedRow } from "./graphIndex.js";

/**
 * The rows the caller may read: those where it holds the type's read action (subscriptions: any role in
 * them). Asking the authorizer once per row would evaluate every role assignment tens of thousands of times
 * per query, so answers are shared: the assignments that apply to a resource are those at scopes that prefix
 * its id, which are fixed by the deepest such scope; two rows of the same type under the same deepest
 * assigned scope get the same answer.
 */
export function readableRows(
  ctx: Pick<EmulatorContext, "authorizer" | "roleAssignments">,
  caller: Caller,
  rows: IndexedRow[],
): IndexedRow[] {
  const assignedScopes = new Set(
    ctx.roleAssignments.all().map((a) => normalizeScope(a.properties.scope).toLowerCase()),
  );
  const answers = new Map<string, boolean>();
  const anchors = new Map<string, string>();
  return rows.filter((r) => {
    if (!r.readAction) return ctx.authorizer.hasAnyAccess(caller, r.subscriptionId);
    const memoKey = `${r.readAction}|${deepestAssignedScope(r.key, assignedScopes, anchors)}`;
    let allowed = answers.get(memoKey);
    if (allowed === undefined) {
      allowed = ctx.authorizer.isAllowed(caller, r.readAction, String(r.row.id));
      answers.set(memoKey, allowed);
    }
    return allowed;
  });
}

// Memoised by scope: sibling resources share their parents' answer.
function deepestAssignedScope(scope: string, scopes: ReadonlySet<string>, memo: Map<string, string>): string {
  if (scope.length <= 1) return "/";
  if (scopes.has(scope)) return scope;
  let anchor = memo.get(scope);
  if (anchor === undefined) {
    anchor = deepestAssignedScope(scope.slice(0, scope.lastIndexOf("/")), scopes, memo);
    memo.set(scope, anchor);
  }
  return anchor;
}
