import type { FastifyInstance } from "fastify";
import { ArmErrors } from "../errors.js";
import type { FaultInjector } from "./injector.js";
import { parseRule } from "./rules.js";

/**
 * `/_emulator/faults`, the control surface of fault injection (not an Azure API):
 * - `GET /_emulator/faults`: the rules with how often each fired, the seed, and counters of what was injected;
 * - `PUT /_emulator/faults` `{rules: [...], seed?}`: replaces every rule (and restarts the counters);
 * - `PUT /_emulator/faults/{name}` `{...rule}`: adds or replaces one rule;
 * - `DELETE /_emulator/faults[/{name}]`: removes every rule (or one); held operations finish at once.
 */
export function registerFaultRoutes(app: FastifyInstance, faults: FaultInjector): void {
  app.get("/_emulator/faults", async () => faults.view());

  app.put("/_emulator/faults", async (req) => {
    const body = req.body as { rules?: unknown; seed?: unknown } | undefined;
    if (!body || typeof body !== "object" || !Array.isArray(body.rules)) {
      throw ArmErrors.invalidParameter("rules", "The body must be an object with 'rules', an array of fault rules.");
    }
    if (body.seed !== undefined && !Number.isInteger(body.seed))
      throw ArmErrors.invalidParameter("seed", "The seed must be an integer.");
    const rules = body.rules.map((rule, i) => parseRule(rule, `rule-${i + 1}`, `rules[${i}]`));
    const names = new Set(rules.map((r) => r.name));
    if (names.size !== rules.length) throw ArmErrors.invalidParameter("rules", "Fault rule names must be unique.");
    faults.replaceAll(rules, body.seed as number | undefined);
    return faults.view();
  });

  app.get<{ Params: { name: string } }>("/_emulator/faults/:name", async (req) => {
    const rule = faults.rule(req.params.name);
    if (!rule) throw ArmErrors.faultRuleNotFound(req.params.name);
    return rule;
  });

  app.put<{ Params: { name: string } }>("/_emulator/faults/:name", async (req) => {
    const body = req.body as Record<string, unknown> | undefined;
    const input = body && typeof body === "object" && !Array.isArray(body) ? { ...body, name: req.params.name } : body;
    faults.upsert(parseRule(input, req.params.name));
    return faults.rule(req.params.name);
  });

  app.delete("/_emulator/faults", async (_req, reply) => {
    faults.clear();
    return reply.code(204).send();
  });

  app.delete<{ Params: { name: string } }>("/_emulator/faults/:name", async (req, reply) => {
    if (!faults.remove(req.params.name)) throw ArmErrors.faultRuleNotFound(req.params.name);
    return reply.code(204).send();
  });
}
