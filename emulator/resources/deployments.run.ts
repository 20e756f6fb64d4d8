import { randomUUID } from "node:crypto";
import { diskEncryptionSetType } from "../compute/sources/diskEncryptionSets.model.js";
import { diskType, snapshotType } from "../compute/sources/disks.model.js";
import { managedImageType } from "../compute/sources/images.model.js";
import { type ComputeResourceType, putComputeResource } from "../compute/sources/lifecycle.js";
import { virtualMachineScaleSetType } from "../compute/sources/virtualMachineScaleSets.model.js";
import { virtualMachineType } from "../compute/sources/virtualMachines.model.js";
import type { EmulatorContext } from "../context.js";
import { ArmError, type ArmErrorDetail, ArmErrors } from "../errors.js";
import type { ResourceRecord } from "../store/resources.js";
import { DeploymentErrors } from "./deployments.errors.js";
import {
  DEPLOYMENT_TYPE,
  preflightDeployment,
  type TemplateResource,
  type ValidateRequest,
} from "./deployments.model.js";

/**
 * Running a resource-group deployment (`PUT …/Microsoft.Resources/deployments/{name}`), as `az vm create` and
 * `az deployment group create` do: ARM's preflight (deployments.model.ts) first, answering its errors
 * synchronously; then each resource, dependencies first, goes to the provider's own PUT (the same code a direct
 * PUT runs, RBAC and linked-access checks included). Resource types without a provider in the emulator fail their
 * deployment operation with ARM's NoRegisteredProviderFound, and the resources after a failed one are not
 * attempted. The deployment is a long-running operation that ends when its last resource's operation ends; its
 * status and its operations are derived from stored times and the clock like every other operation.
 */

/** The resource types a deployment can create: every resource-group-level type the Compute models know. */
const DEPLOYABLE_TYPES = new Map<string, ComputeResourceType<unknown, unknown>>(
  (
    [
      virtualMachineType,
      virtualMachineScaleSetType,
      diskType,
      snapshotType,
      managedImageType,
      diskEncryptionSetType,
    ] as ComputeResourceType<unknown, unknown>[]
  ).map((t) => [t.type.toLowerCase(), t]),
);

/** Template keys that describe the deployment of a resource, not the resource's body. */
const TEMPLATE_ONLY_KEYS = new Set(["type", "name", "apiversion", "dependson", "comments", "condition", "copy"]);

export interface DeploymentOperation {
  operationId: string;
  resourceId: string;
  resourceType: string;
  resourceName: string;
  provisioningOperation: "Create";
  startedAt: number;
  endsAt: number;
  /** 201 Created or 200 OK from the provider; the error's status when it refused. */
  statusCode: number;
  error?: ArmErrorDetail;
}

/** ARM's DeploymentFailed, carrying each failed operation's error. */
type DeploymentError = ArmErrorDetail & { details: ArmErrorDetail[] };

export interface DeploymentState {
  correlationId: string;
  startedAt: number;
  endsAt: number;
  error?: DeploymentError;
  operations: DeploymentOperation[];
}

export type DeploymentRecord = ResourceRecord<
  { id: string; name: string; type: string; properties: Record<string, unknown> },
  DeploymentState
>;

/** Template order, each resource after what it dependsOn (by id or by name), as ARM orders a deployment. */
function inDependencyOrder(resources: TemplateResource[]): TemplateResource[] {
  const ordered: TemplateResource[] = [];
  const placed = new Set<TemplateResource>();
  const visiting = new Set<TemplateResource>();
  const find = (reference: string) =>
    resources.find(
      (r) =>
        r.id.toLowerCase() === reference.toLowerCase() ||
        r.name.toLowerCase() === reference.toLowerCase() ||
        reference.toLowerCase().endsWith(`/${r.type}/${r.name}`.toLowerCase()),
    );
  const visit = (r: TemplateResource) => {
    if (placed.has(r) || visiting.has(r)) return;
    visiting.add(r);
    for (const d of r.dependsOn) {
      const target = find(d);
      if (target) visit(target);
    }
    visiting.delete(r);
    placed.add(r);
    ordered.push(r);
  };
  resources.forEach(visit);
  return ordered;
}

function resourceBody(resource: TemplateResource): Record<string, unknown> {
  return Object.fromEntries(Object.entries(resource.body).filter(([k]) => !TEMPLATE_ONLY_KEYS.has(k.toLowerCase())));
}

function deploymentFailed(details: ArmErrorDetail[]): DeploymentError {
  return {
    code: "DeploymentFailed",
    message:
      "At least one resource deployment operation failed. Please list deployment operations for details. Please see https://aka.ms/arm-deployment-operations for usage details.",
    details,
  };
}

export function deploymentId(subscriptionId: string, resourceGroup: string, name: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/${DEPLOYMENT_TYPE}/${name}`;
}

/** Runs the deployment; returns the stored record, or throws preflight's error (nothing is created then). */
export function runDeployment(req: ValidateRequest): DeploymentRecord {
  const { ctx, caller } = req;
  const id = deploymentId(req.subscriptionId, req.resourceGroup.name, req.deploymentName);
  const existing = ctx.resources.get<DeploymentRecord["body"], DeploymentState>(id);
  if (existing && ctx.clock.now() < existing.state.endsAt) throw DeploymentErrors.deploymentActive(req.deploymentName);

  const { body: validated, resources } = preflightDeployment(req);
  // ARM authorizes the write of every resource before the first is created.
  for (const r of resources) {
    const action = `${r.type}/write`;
    if (!ctx.authorizer.isAllowed(caller, action, r.id))
      throw ArmErrors.authorizationFailed(caller.clientName, caller.objectId, action, r.id);
  }

  const startedAt = ctx.clock.now();
  const operations: DeploymentOperation[] = [];
  for (const resource of inDependencyOrder(resources)) {
    if (operations.some((o) => o.error)) break;
    operations.push(deployResource(ctx, req, resource, startedAt));
  }
  const failures = operations.filter((o) => o.error).map((o) => o.error!);
  const endsAt = Math.max(startedAt, ...operations.map((o) => o.endsAt));
  const { validatedResources: _validated, ...properties } = validated.properties;
  const record: DeploymentRecord = {
    key: id.toLowerCase(),
    id,
    type: DEPLOYMENT_TYPE,
    name: req.deploymentName,
    subscriptionId: req.subscriptionId,
    resourceGroup: req.resourceGroup.name,
    body: { id, name: req.deploymentName, type: DEPLOYMENT_TYPE, properties },
    state: {
      correlationId: properties.correlationId,
      startedAt,
      endsAt,
      ...(failures.length > 0 ? { error: deploymentFailed(failures) } : {}),
      operations,
    },
    createdAt: existing?.createdAt ?? startedAt,
    updatedAt: startedAt,
  };
  ctx.resources.put(record);
  return ctx.resources.get<DeploymentRecord["body"], DeploymentState>(id)!;
}

function deployResource(
  ctx: EmulatorContext,
  req: ValidateRequest,
  resource: TemplateResource,
  startedAt: number,
): DeploymentOperation {
  const base = {
    operationId: randomUUID().replace(/-/g, "").slice(0, 16).toUpperCase(),
    resourceId: resource.id,
    resourceType: resource.type,
    resourceName: resource.name,
    provisioningOperation: "Create" as const,
    startedAt,
  };
  const type = DEPLOYABLE_TYPES.get(resource.type.toLowerCase());
  try {
    if (!type) throw ArmErrors.noRegisteredProvider(resource.id);
    const { record, created, operation } = putComputeResource(
      ctx,
      type,
      { subscriptionId: req.subscriptionId, resourceGroup: req.resourceGroup.name, name: resource.name },
      resourceBody(resource),
      req.caller,
    );
    return { ...base, resourceId: record.id, statusCode: created ? 201 : 200, endsAt: operation.endsAt };
  } catch (error) {
    if (!(error instanceof ArmError)) throw error;
    return {
      ...base,
      statusCode: error.status,
      endsAt: startedAt,
      error: { code: error.code, message: error.message, ...(error.target ? { target: error.target } : {}) },
    };
  }
}

export type DeploymentStatus = "Running" | "Succeeded" | "Failed";

export function deploymentStatus(record: DeploymentRecord, now: number): DeploymentStatus {
  if (now < record.state.endsAt) return "Running";
  return record.state.error ? "Failed" : "Succeeded";
}

const iso = (ms: number) => new Date(ms).toISOString();
const duration = (ms: number) => `PT${(ms / 1000).toFixed(3).replace(/\.?0+$/, "")}S`;

/** The deployment as `GET …/deployments/{name}` answers. */
export function deploymentView(record: DeploymentRecord, now: number) {
  const status = deploymentStatus(record, now);
  const done = status !== "Running";
  const outputResources = record.state.operations.filter((o) => !o.error).map((o) => ({ id: o.resourceId }));
  return {
    ...record.body,
    properties: {
      ...record.body.properties,
      provisioningState: status,
      timestamp: iso(done ? record.state.endsAt : record.state.startedAt),
      duration: duration((done ? record.state.endsAt : now) - record.state.startedAt),
      correlationId: record.state.correlationId,
      outputs: {},
      ...(done && status === "Succeeded" ? { outputResources } : {}),
      ...(status === "Failed" ? { error: record.state.error } : {}),
    },
  };
}

/** The deployment's operations, as `GET …/deployments/{name}/operations` lists them. */
export function deploymentOperationViews(record: DeploymentRecord, now: number) {
  return record.state.operations.map((o) => {
    const running = now < o.endsAt;
    const state = o.error ? "Failed" : running ? "Running" : "Succeeded";
    return {
      id: `${record.id}/operations/${o.operationId}`,
      operationId: o.operationId,
      properties: {
        provisioningOperation: o.provisioningOperation,
        provisioningState: state,
        timestamp: iso(running ? o.startedAt : o.endsAt),
        duration: duration((running ? now : o.endsAt) - o.startedAt),
        trackingId: record.state.correlationId,
        ...(running
          ? {}
          : { statusCode: o.error ? errorStatusName(o.statusCode) : o.statusCode === 201 ? "Created" : "OK" }),
        ...(o.error ? { statusMessage: { status: "Failed", error: o.error } } : {}),
        targetResource: { id: o.resourceId, resourceType: o.resourceType, resourceName: o.resourceName },
      },
    };
  });
}

const STATUS_NAMES = new Map([
  [400, "BadRequest"],
  [403, "Forbidden"],
  [404, "NotFound"],
  [409, "Conflict"],
  [429, "TooManyRequests"],
]);

function errorStatusName(status: number): string {
  return STATUS_NAMES.get(status) ?? "BadRequest";
}
