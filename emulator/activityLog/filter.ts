import { ArmError } from "../errors.js";
import type { EventQuery } from "./store.js";

/**
 * The Activity Log's `$filter`: `eventTimestamp ge '…' and eventTimestamp le '…'` plus at most one of
 * `resourceUri`, `resourceGroupName`, `resourceProvider`, `correlationId` with `eq`, joined by `and`.
 */

const MAX_DAYS_BACK = 90;

const FIELD_OF = new Map<string, keyof Omit<EventQuery, "subscriptionId" | "from" | "to">>([
  ["resourceuri", "resourceUri"],
  ["resourceid", "resourceUri"],
  ["resourcegroupname", "resourceGroupName"],
  ["resourceprovider", "resourceProvider"],
  ["correlationid", "correlationId"],
]);

export const ActivityLogErrors = {
  badFilter: (why: string) => new ArmError(400, "BadRequest", `The $filter query parameter is invalid: ${why}`),
  missingFilter: () =>
    new ArmError(
      400,
      "BadRequest",
      "The $filter query parameter is required and must contain 'eventTimestamp ge' with the start time.",
    ),
  tooOld: () => new ArmError(400, "BadRequest", `The start time can be at most ${MAX_DAYS_BACK} days in the past.`),
};

const CLAUSE = /^\s*(\w+)\s+(eq|ge|le)\s+'([^']*)'\s*$/i;

export function parseEventFilter(filter: string | undefined, subscriptionId: string, now: number): EventQuery {
  if (!filter || !filter.trim()) throw ActivityLogErrors.missingFilter();
  const query: EventQuery = { subscriptionId, from: Number.NaN, to: now };
  for (const clause of filter.split(/\s+and\s+/i)) {
    const m = CLAUSE.exec(clause);
    if (!m) throw ActivityLogErrors.badFilter(`'${clause.trim()}' is not of the form <field> eq|ge|le '<value>'.`);
    // CLAUSE has no optional group: a match holds all three.
    const rawField = m[1]!;
    const rawOp = m[2]!;
    const value = m[3]!;
    const field = rawField.toLowerCase();
    const op = rawOp.toLowerCase();
    if (field === "eventtimestamp") {
      const at = Date.parse(value);
      if (Number.isNaN(at)) throw ActivityLogErrors.badFilter(`'${value}' is not a valid date and time.`);
      if (op === "ge") query.from = at;
      else if (op === "le") query.to = at;
      else throw ActivityLogErrors.badFilter("eventTimestamp supports only 'ge' and 'le'.");
      continue;
    }
    const key = FIELD_OF.get(field);
    if (!key) throw ActivityLogErrors.badFilter(`the field '${rawField}' is not supported.`);
    if (op !== "eq") throw ActivityLogErrors.badFilter(`${rawField} supports only 'eq'.`);
    query[key] = value;
  }
  if (Number.isNaN(query.from)) throw ActivityLogErrors.missingFilter();
  if (query.from < now - MAX_DAYS_BACK * 24 * 3600 * 1000) throw ActivityLogErrors.tooOld();
  return query;
}
