import { z } from "zod";
import { OS_TYPES } from "./imageValues";
import { makeTargetRegionSchema, validateVersionRegions } from "./galleryImageVersion";
import { azureEnum, pathFromTarget, requiredParameterMessage } from "./schemaParts";
import { invalidParameter, type RuleViolation } from "./violation";

/**
 * In-VM access control profiles (Microsoft.Compute/galleries/inVMAccessControlProfiles) and their versions, as
 * GalleryRP 2025-03-03 defines them: a profile names the host endpoint it guards (WireServer or IMDS) for one OS
 * type; a version holds the rules (privileges, roles, identities, role assignments), the mode and the default access.
 */

export const HOST_ENDPOINTS = ["WireServer", "IMDS"] as const;
export const ACCESS_CONTROL_MODES = ["Audit", "Enforce", "Disabled"] as const;
export const ENDPOINT_ACCESS = ["Allow", "Deny"] as const;

const PROFILE = "galleryInVMAccessControlProfile.properties";
const VERSION = "galleryInVMAccessControlProfileVersion.properties";
const required = (path: string) => ({ error: () => requiredParameterMessage(path) });

export const inVMAccessControlProfilePropertiesSchema = z.object({
  description: z.string().optional(),
  osType: azureEnum(OS_TYPES, `${PROFILE}.osType`),
  applicableHostEndpoint: azureEnum(HOST_ENDPOINTS, `${PROFILE}.applicableHostEndpoint`),
});

export type InVMAccessControlProfileProperties = z.output<typeof inVMAccessControlProfilePropertiesSchema>;

/** osType and applicableHostEndpoint say what the profile is; only the description changes afterwards. */
export function checkInVMAccessControlProfileUpdate(
  stored: InVMAccessControlProfileProperties,
  next: InVMAccessControlProfileProperties,
): RuleViolation | undefined {
  const changed = (["osType", "applicableHostEndpoint"] as const).find(
    (property) => stored[property] !== next[property],
  );
  if (!changed) return undefined;
  return {
    status: 409,
    code: "PropertyChangeNotAllowed",
    message: `Changing property '${changed}' is not allowed.`,
    target: `${PROFILE}.${changed}`,
  };
}

const rulesSchema = z.object({
  privileges: z
    .array(
      z.object({
        name: z.string(required(`${VERSION}.rules.privileges.name`)),
        path: z.string(required(`${VERSION}.rules.privileges.path`)),
        queryParameters: z.record(z.string(), z.string()).optional(),
      }),
    )
    .optional(),
  roles: z
    .array(
      z.object({
        name: z.string(required(`${VERSION}.rules.roles.name`)),
        privileges: z.array(z.string(), required(`${VERSION}.rules.roles.privileges`)),
      }),
    )
    .optional(),
  identities: z
    .array(
      z.object({
        name: z.string(required(`${VERSION}.rules.identities.name`)),
        userName: z.string().optional(),
        groupName: z.string().optional(),
        exePath: z.string().optional(),
        processName: z.string().optional(),
      }),
    )
    .optional(),
  roleAssignments: z
    .array(
      z.object({
        role: z.string(required(`${VERSION}.rules.roleAssignments.role`)),
        identities: z.array(z.string(), required(`${VERSION}.rules.roleAssignments.identities`)),
      }),
    )
    .optional(),
});

export type AccessControlRules = z.output<typeof rulesSchema>;

export const targetLocationSchema = makeTargetRegionSchema({
  json: "properties.targetLocations",
  parameter: `${VERSION}.targetLocations`,
  nameError: required(`${VERSION}.targetLocations.name`).error,
});

export const inVMAccessControlProfileVersionPropertiesShape = z.object({
  mode: azureEnum(ACCESS_CONTROL_MODES, `${VERSION}.mode`),
  defaultAccess: azureEnum(ENDPOINT_ACCESS, `${VERSION}.defaultAccess`),
  rules: rulesSchema.optional(),
  targetLocations: z.array(targetLocationSchema).optional(),
  excludeFromLatest: z.boolean().optional(),
});

export type InVMAccessControlProfileVersionProperties = z.output<typeof inVMAccessControlProfileVersionPropertiesShape>;

function duplicateNames(entries: readonly { name: string }[], kind: string, target: string): RuleViolation | undefined {
  const index = entries.findIndex((entry, position) =>
    entries.slice(0, position).some((earlier) => earlier.name.toLowerCase() === entry.name.toLowerCase()),
  );
  return index < 0
    ? undefined
    : invalidParameter(
        `Duplicate ${kind} name '${entries[index]!.name}' in the access control rules.`,
        `${target}[${index}].name`,
      );
}

function hasName(entries: readonly { name: string }[], name: string): boolean {
  return entries.some((entry) => entry.name.toLowerCase() === name.toLowerCase());
}

/**
 * The rules refer to each other by name: a role's privileges must be defined privileges, a role assignment's role a
 * defined role and its identities defined identities. Names are unique per kind, and an identity says whom it
 * matches (at least one of userName, groupName, exePath, processName).
 */
export function validateAccessControlRules(rules: AccessControlRules | undefined): RuleViolation[] {
  if (!rules) return [];
  const target = `${VERSION}.rules`;
  const privileges = rules.privileges ?? [];
  const roles = rules.roles ?? [];
  const identities = rules.identities ?? [];
  const violations: (RuleViolation | undefined)[] = [
    duplicateNames(privileges, "privilege", `${target}.privileges`),
    duplicateNames(roles, "role", `${target}.roles`),
    duplicateNames(identities, "identity", `${target}.identities`),
  ];
  privileges.forEach((privilege, index) => {
    if (!privilege.path.startsWith("/"))
      violations.push(
        invalidParameter(
          `The path '${privilege.path}' of privilege '${privilege.name}' must start with '/'.`,
          `${target}.privileges[${index}].path`,
        ),
      );
  });
  identities.forEach((identity, index) => {
    if (
      ![identity.userName, identity.groupName, identity.exePath, identity.processName].some(
        (v) => v !== undefined && v !== "",
      )
    )
      violations.push(
        invalidParameter(
          `Identity '${identity.name}' must specify at least one of userName, groupName, exePath or processName.`,
          `${target}.identities[${index}]`,
        ),
      );
  });
  roles.forEach((role, index) => {
    role.privileges.forEach((privilege, position) => {
      if (!hasName(privileges, privilege))
        violations.push(
          invalidParameter(
            `Role '${role.name}' refers to privilege '${privilege}', which is not defined in rules.privileges.`,
            `${target}.roles[${index}].privileges[${position}]`,
          ),
        );
    });
  });
  (rules.roleAssignments ?? []).forEach((assignment, index) => {
    if (!hasName(roles, assignment.role))
      violations.push(
        invalidParameter(
          `Role assignment refers to role '${assignment.role}', which is not defined in rules.roles.`,
          `${target}.roleAssignments[${index}].role`,
        ),
      );
    assignment.identities.forEach((identity, position) => {
      if (!hasName(identities, identity))
        violations.push(
          invalidParameter(
            `Role assignment of role '${assignment.role}' refers to identity '${identity}', which is not defined in rules.identities.`,
            `${target}.roleAssignments[${index}].identities[${position}]`,
          ),
        );
    });
  });
  return violations.filter((violation): violation is RuleViolation => violation !== undefined);
}

/** A profile version's target locations, by the image version's target-region rules under the profile's names. */
export function validateProfileVersionRegions(
  properties: Pick<InVMAccessControlProfileVersionProperties, "targetLocations">,
  context: { location: string; now: Date },
): RuleViolation[] {
  return validateVersionRegions({ targetRegions: properties.targetLocations }, context, (target) =>
    target.replace("galleryImageVersion.properties.publishingProfile.targetRegions", `${VERSION}.targetLocations`),
  );
}

export function makeInVMAccessControlProfileVersionPropertiesSchema() {
  return inVMAccessControlProfileVersionPropertiesShape.superRefine((properties, zod) => {
    for (const violation of validateAccessControlRules(properties.rules)) {
      zod.addIssue({
        code: "custom",
        message: violation.message,
        path: violation.target ? pathFromTarget(violation.target.slice(VERSION.length + 1)) : [],
      });
    }
  });
}
