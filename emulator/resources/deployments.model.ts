import { createHash, randomUUID } from "node:crypto";
import { findRegion, locationNotAvailable } from "../../lib/gallery/regions.js";
import type { Caller } from "../caller.js";
import type { EmulatorContext } from "../context.js";
import { ArmError, type ArmErrorDetail, ArmErrors } from "../errors.js";
import type { ResourceRecord } from "../store/resources.js";
import type { ComputeRecord, ComputeResourceType } from "../compute/sources/lifecycle.js";
import { virtualMachineScaleSetType } from "../compute/sources/virtualMachineScaleSets.model.js";
import { virtualMachineType } from "../compute/sources/virtualMachines.model.js";
import { DeploymentErrors } from "./deployments.errors.js";
import { evaluate, type ExpressionScope, type TemplateValue } from "./deployments.expressions.js";
import { checkTemplateCounts, EvaluationBudget } from "./deployments.limits.js";

/**
 * Preflight validation of a resource-group deployment, as `POST …/deployments/{name}/validate` does it: the
 * template's parameters, variables and expressions are evaluated (see deployments.expressions.ts for the subset),
 * then every VM and scale set goes through the same checks its PUT runs (image reference resolved per region,
 * osProfile rules, disks, VM applications) without creating anything. Other resource types are listed as validated
 * without checks: the emulator has no provider for them.
 */

export const DEPLOYMENT_TYPE = "Microsoft.Resources/deployments";

type Json = Record<string, TemplateValue>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export interface ValidateRequest {
  ctx: EmulatorContext;
  caller: Caller;
  subscriptionId: string;
  resourceGroup: ResourceRecord;
  deploymentName: string;
  body: unknown;
}

interface TemplateParameter {
  /** As the template declares it. */
  name: string;
  type: string;
  value: TemplateValue;
}

function readParameters(template: Json, given: Json): Map<string, TemplateParameter> {
  const declared = isObject(template.parameters) ? template.parameters : {};
  const values = new Map<string, TemplateParameter>();
  for (const name of Object.keys(given)) {
    if (!Object.keys(declared).some((d) => d.toLowerCase() === name.toLowerCase()))
      throw DeploymentErrors.unknownParameter(name);
  }
  for (const [name, declaration] of Object.entries(declared)) {
    const d = isObject(declaration) ? declaration : {};
    const supplied = Object.entries(given).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
    const type = typeof d.type === "string" ? d.type : "string";
    if (isObject(supplied) && "value" in supplied)
      values.set(name.toLowerCase(), { name, type, value: supplied.value! });
    else if ("defaultValue" in d) values.set(name.toLowerCase(), { name, type, value: d.defaultValue! });
    else throw DeploymentErrors.missingParameterValue(name);
  }
  return values;
}

function scopeOf(req: ValidateRequest, template: Json, parameters: Map<string, TemplateParameter>): ExpressionScope {
  const subscription = req.ctx.directory.subscription(req.subscriptionId)!;
  const variables = isObject(template.variables) ? template.variables : {};
  const evaluated = new Map<string, TemplateValue>();
  const evaluating = new Set<string>();
  const scope: ExpressionScope = {
    parameter(name) {
      const parameter = parameters.get(name.toLowerCase());
      if (!parameter) throw DeploymentErrors.unknownParameter(name);
      // A default value may itself be an expression (e.g. "[resourceGroup().location]").
      return evaluate(parameter.value, scope);
    },
    variable(name) {
      const key = Object.keys(variables).find((k) => k.toLowerCase() === name.toLowerCase());
      if (key === undefined) throw DeploymentErrors.unknownVariable(name);
      if (evaluated.has(key)) return evaluated.get(key)!;
      if (evaluating.has(key)) throw DeploymentErrors.circularVariable(key);
      evaluating.add(key);
      const value = evaluate(variables[key]!, scope);
      evaluating.delete(key);
      evaluated.set(key, value);
      return value;
    },
    resourceGroup: {
      id: req.resourceGroup.id,
      name: req.resourceGroup.name,
      location: req.resourceGroup.location ?? "",
      type: "Microsoft.Resources/resourceGroups",
    },
    budget: new EvaluationBudget(),
    subscription: {
      id: `/subscriptions/${subscription.subscriptionId}`,
      subscriptionId: subscription.subscriptionId,
      tenantId: subscription.tenantId,
      displayName: subscription.displayName,
    },
  };
  return scope;
}

export interface TemplateResource {
  type: string;
  name: string;
  apiVersion: string;
  location?: string;
  body: Json;
  id: string;
  dependsOn: string[];
}

function resourceIdOf(subscriptionId: string, resourceGroup: string, type: string, name: string): string {
  const [namespace, ...types] = type.split("/");
  const names = name.split("/");
  const path = types.map((t, i) => `${t}/${names[i] ?? ""}`).join("/");
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/${namespace}/${path}`;
}

function readResources(req: ValidateRequest, template: Json, scope: ExpressionScope): TemplateResource[] {
  const list = Array.isArray(template.resources) ? template.resources : [];
  return list.map((raw, index) => {
    const resource = evaluate(isObject(raw) ? raw : {}, scope) as Json;
    for (const property of ["type", "name", "apiVersion"] as const) {
      if (typeof resource[property] !== "string" || resource[property] === "")
        throw DeploymentErrors.resourceMissing(index, property);
    }
    const type = resource.type as string;
    const name = resource.name as string;
    const dependsOn = Array.isArray(resource.dependsOn)
      ? resource.dependsOn.filter((d): d is string => typeof d === "string")
      : [];
    return {
      type,
      name,
      apiVersion: resource.apiVersion as string,
      ...(typeof resource.location === "string" ? { location: resource.location } : {}),
      body: resource,
      id: resourceIdOf(req.subscriptionId, req.resourceGroup.name, type, name),
      dependsOn,
    };
  });
}

/** The resource types whose provider checks run in preflight, by lower-case type. */
const PREFLIGHT_CHECKED = new Map<string, ComputeResourceType<unknown, unknown>>(
  ([virtualMachineType, virtualMachineScaleSetType] as ComputeResourceType<unknown, unknown>[]).map((t) => [
    t.type.toLowerCase(),
    t,
  ]),
);

/** What the Compute provider says about one VM or scale set of the template; undefined when it would be accepted. */
function checkComputeResource(
  req: ValidateRequest,
  provider: ComputeResourceType<unknown, unknown>,
  resource: TemplateResource,
  index: number,
): ArmErrorDetail | undefined {
  if (resource.location === undefined) throw DeploymentErrors.resourceMissing(index, "location");
  const region = findRegion(resource.location);
  if (!region) {
    const violation = locationNotAvailable(resource.location, provider.type);
    return { code: violation.code, message: violation.message, target: resource.id };
  }
  if (!req.ctx.authorizer.isAllowed(req.caller, `${provider.type}/write`, resource.id)) {
    // ARM checks the write of every resource in the template before the provider sees it, and answers 403.
    throw ArmErrors.authorizationFailed(
      req.caller.clientName,
      req.caller.objectId,
      `${provider.type}/write`,
      resource.id,
    );
  }
  try {
    provider.build(req.ctx, {
      ref: { subscriptionId: req.subscriptionId, resourceGroup: req.resourceGroup.name, name: resource.name },
      id: resource.id,
      location: region.name,
      body: resource.body,
      existing: req.ctx.resources.get(resource.id) as ComputeRecord<unknown, unknown> | undefined,
      caller: req.caller,
    });
    return undefined;
  } catch (error) {
    // Authorization to the image is ARM's own check (LinkedAuthorizationFailed), not a provider's detail.
    if (error instanceof ArmError && error.status !== 403)
      return { code: error.code, message: error.message, target: error.target ?? resource.id };
    throw error;
  }
}

function readBody(body: unknown): { template: Json; parameters: Json; mode: string } {
  if (!isObject(body)) throw ArmErrors.missingRequestContent();
  const properties = isObject(body.properties) ? body.properties : undefined;
  if (!properties) throw ArmErrors.invalidRequestContent("Required property 'properties' not found in JSON.");
  if (properties.templateLink !== undefined && properties.template === undefined)
    throw DeploymentErrors.unsupportedTemplateLink();
  if (!isObject(properties.template)) throw DeploymentErrors.missingTemplate();
  if (typeof properties.mode !== "string") throw DeploymentErrors.missingMode();
  const mode = ["Incremental", "Complete"].find((m) => m.toLowerCase() === (properties.mode as string).toLowerCase());
  if (!mode) throw DeploymentErrors.invalidMode(properties.mode);
  return {
    template: properties.template,
    parameters: isObject(properties.parameters) ? properties.parameters : {},
    mode,
  };
}

/** Validates the deployment; returns the body of ARM's 200, or throws the ArmError ARM would answer. */
export function validateDeployment(req: ValidateRequest) {
  return preflightDeployment(req).body;
}

/**
 * ARM's preflight of a deployment, which both validate and a deployment's PUT run before anything is created:
 * the evaluated resources, and the body validate answers.
 */
export function preflightDeployment(req: ValidateRequest) {
  const { template, parameters: given, mode } = readBody(req.body);
  checkTemplateCounts(template);
  const parameters = readParameters(template, given);
  const scope = scopeOf(req, template, parameters);
  const resources = readResources(req, template, scope);
  const trackingId = randomUUID();

  const details = resources.flatMap((resource, index) => {
    const provider = PREFLIGHT_CHECKED.get(resource.type.toLowerCase());
    if (!provider) return [];
    const detail = checkComputeResource(req, provider, resource, index);
    return detail ? [detail] : [];
  });
  if (details.length > 0) throw DeploymentErrors.invalidTemplateDeployment(req.deploymentName, trackingId, details);

  const byNamespace = new Map<string, Map<string, Set<string>>>();
  for (const r of resources) {
    const [namespace, ...rest] = r.type.split("/");
    const types = byNamespace.get(namespace!) ?? new Map<string, Set<string>>();
    const locations = types.get(rest.join("/")) ?? new Set<string>();
    if (r.location) locations.add(findRegion(r.location)?.name ?? r.location);
    types.set(rest.join("/"), locations);
    byNamespace.set(namespace!, types);
  }
  const byId = new Map(resources.map((r) => [r.id.toLowerCase(), r]));
  const body = {
    id: `/subscriptions/${req.subscriptionId}/resourceGroups/${req.resourceGroup.name}/providers/${DEPLOYMENT_TYPE}/${req.deploymentName}`,
    name: req.deploymentName,
    type: DEPLOYMENT_TYPE,
    properties: {
      templateHash: BigInt(
        `0x${createHash("sha256").update(JSON.stringify(template)).digest("hex").slice(0, 15)}`,
      ).toString(),
      // Secure values are never echoed, as ARM shows them only by type.
      parameters: Object.fromEntries(
        [...parameters.values()].map((p) => [
          p.name,
          p.type.toLowerCase().startsWith("secure")
            ? { type: p.type }
            : { type: p.type, value: scope.parameter(p.name) },
        ]),
      ),
      mode,
      provisioningState: "Succeeded",
      timestamp: new Date(req.ctx.clock.now()).toISOString(),
      duration: "PT0S",
      correlationId: trackingId,
      providers: [...byNamespace].map(([namespace, types]) => ({
        namespace,
        resourceTypes: [...types].map(([resourceType, locations]) => ({ resourceType, locations: [...locations] })),
      })),
      dependencies: resources
        .filter((r) => r.dependsOn.length > 0)
        .map((r) => ({
          dependsOn: r.dependsOn.map((id) => {
            const target = byId.get(id.toLowerCase());
            return { id, resourceType: target?.type ?? "", resourceName: target?.name ?? "" };
          }),
          id: r.id,
          resourceType: r.type,
          resourceName: r.name,
        })),
      validatedResources: resources.map((r) => ({ id: r.id })),
    },
  };
  return { body, resources, mode };
}
