import type { FastifyInstance } from "fastify";
import { parseResourceId } from "../../../lib/azure/resourceId.js";
import type { EmulatorContext } from "../../context.js";
import { ArmErrors } from "../../errors.js";
import { isPlainObject } from "../shared/body.js";
import {
  galleryImageVersionView,
  POLICY_VIOLATION_CATEGORIES,
  reportOnVersion,
  type PolicyViolation,
} from "./galleryImageVersions.model.js";

/** Bounds of a report, so that the control surface cannot be made to store unbounded data. */
const MAX_VIOLATIONS = 20;
const MAX_DETAILS_LENGTH = 1024;

function parseViolation(raw: unknown, index: number): PolicyViolation {
  const target = `policyViolations[${index}]`;
  if (!isPlainObject(raw)) throw ArmErrors.invalidParameter(target, `${target} must be an object.`);
  const category =
    typeof raw.category === "string"
      ? POLICY_VIOLATION_CATEGORIES.find((c) => c.toLowerCase() === (raw.category as string).toLowerCase())
      : undefined;
  if (!category) {
    throw ArmErrors.invalidParameter(
      `${target}.category`,
      `${target}.category must be one of ${POLICY_VIOLATION_CATEGORIES.join(", ")}.`,
    );
  }
  if (typeof raw.details !== "string" || raw.details.length > MAX_DETAILS_LENGTH) {
    throw ArmErrors.invalidParameter(
      `${target}.details`,
      `${target}.details must be a string of at most ${MAX_DETAILS_LENGTH} characters.`,
    );
  }
  return { category, details: raw.details };
}

/** The control body's version id, checked. */
function versionIdOf(body: unknown): { body: Record<string, unknown>; id: string } {
  if (!isPlainObject(body) || typeof body.resourceId !== "string") {
    throw ArmErrors.invalidParameter(
      "resourceId",
      "The body must be an object with 'resourceId', a gallery image version's id.",
    );
  }
  const parsed = parseResourceId(body.resourceId);
  if (parsed?.kind !== "galleryImageVersion") {
    throw ArmErrors.invalidParameter("resourceId", `'${body.resourceId}' is not a gallery image version's id.`);
  }
  return { body, id: parsed.id };
}

/**
 * `PUT /_emulator/policyViolations` `{resourceId, policyViolations: [{category, details}]}`: reports a gallery image
 * version for policy violations (an empty list clears the report), as Microsoft flags a version in Azure, so the
 * dashboard can be rehearsed against a flagged version. ARM clients cannot set these read-only properties.
 * Answers the version as ARM now shows it.
 */
export function registerPolicyViolationRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.put("/_emulator/policyViolations", async (req) => {
    const { body, id } = versionIdOf(req.body);
    if (!Array.isArray(body.policyViolations) || body.policyViolations.length > MAX_VIOLATIONS) {
      throw ArmErrors.invalidParameter(
        "policyViolations",
        `policyViolations must be an array of at most ${MAX_VIOLATIONS} violations.`,
      );
    }
    const violations = body.policyViolations.map(parseViolation);
    const record = reportOnVersion(ctx, id, { policyViolations: violations });
    if (!record) throw ArmErrors.controlTargetNotFound(body.resourceId as string);
    return galleryImageVersionView(record, ctx.clock.now());
  });

  /**
   * `PUT /_emulator/validations` `{resourceId, status: "Failed" | "Succeeded"}`: the result the version's platform
   * validation reports once it has run (validationsProfile, $expand=ValidationProfile), so a version that failed
   * validation can be rehearsed. Answers the version as ARM now shows it.
   */
  app.put("/_emulator/validations", async (req) => {
    const { body, id } = versionIdOf(req.body);
    if (body.status !== "Failed" && body.status !== "Succeeded")
      throw ArmErrors.invalidParameter("status", "status must be Failed or Succeeded.");
    const record = reportOnVersion(ctx, id, { validationFailed: body.status === "Failed" });
    if (!record) throw ArmErrors.controlTargetNotFound(body.resourceId as string);
    return galleryImageVersionView(record, ctx.clock.now());
  });
}
