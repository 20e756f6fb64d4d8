import { z } from "zod";
import {
  checkGalleryScriptUpdate,
  makeGalleryScriptPropertiesSchema,
  makeGalleryScriptVersionPropertiesSchema,
  validateScriptVersionRegions,
  type GalleryScriptProperties,
  type GalleryScriptVersionProperties,
} from "@/lib/gallery/galleryScript";
import {
  checkInVMAccessControlProfileUpdate,
  inVMAccessControlProfilePropertiesSchema,
  makeInVMAccessControlProfileVersionPropertiesSchema,
  validateProfileVersionRegions,
  type InVMAccessControlProfileProperties,
  type InVMAccessControlProfileVersionProperties,
} from "@/lib/gallery/inVMAccessControl";
import { checkGalleryArtifactName, checkImageVersionName } from "@/lib/gallery/names";
import { addViolation } from "@/lib/publish/fieldErrors";
import { ruleString, tagRowsSchema, type TagRow, withoutBlanks } from "@/lib/publish/formRules";
import { edgeZoneRowOf, edgeZonesBody, type EdgeZoneRow, type TargetRegionRow } from "@/lib/publish/imageVersionForm";

/**
 * The forms of gallery scripts, in-VM access control profiles and their versions: what the inputs hold (strings,
 * rows), the API body they make, and the rules of lib/gallery (the emulator's own) run on that body, their issues put
 * back on the inputs. Lists the form edits as one text field (a role's privileges, an assignment's identities, an
 * enum's values) take comma-separated names; an issue about one item lands on the field.
 */

/** Issues about one item of a list edited as text (`…privileges.1`) belong to the text field (`…privileges`). */
const LIST_FIELDS = new Set(["privileges", "identities", "enumValues"]);

export function formPathOf(path: readonly PropertyKey[]): (string | number)[] {
  const out = path.map((key) => (typeof key === "symbol" ? String(key) : key));
  const last = out.at(-1);
  const parent = out.at(-2);
  if (typeof last === "number" && typeof parent === "string" && LIST_FIELDS.has(parent)) return out.slice(0, -1);
  return out;
}

/** The same for a field path the service's error target became (`properties.rules.roles.0.privileges.1`). */
export function formFieldOf(field: string): string {
  return formPathOf(field.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part))).join(".");
}

const names = (text: string) =>
  text
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);

/** Runs a shared schema over the body the values make, its issues placed on the form's fields under `prefix`. */
function viaShared<V, B, O>(build: (values: V) => B, schema: () => z.ZodType<O>, prefix: (string | number)[]) {
  return z
    .custom<V>((value) => typeof value === "object" && value !== null)
    .transform((values, zod) => {
      const parsed = schema().safeParse(build(values));
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          zod.addIssue({ code: "custom", message: issue.message, path: [...prefix, ...formPathOf(issue.path)] });
        return z.NEVER;
      }
      return parsed.data;
    });
}

const artifactName = (parameter: string) =>
  ruleString((value) => checkGalleryArtifactName(value, parameter), "Enter a name.");
const versionName = (existing: readonly string[]) =>
  ruleString(checkImageVersionName, "Enter a version number (Major.Minor.Patch).").superRefine((name, zod) => {
    if (existing.includes(name))
      zod.addIssue({ code: "custom", message: `Version ${name} already exists; a PUT would update it.` });
  });

// Gallery scripts

export interface GalleryScriptValues {
  name: string;
  properties: {
    supportedOSType: string;
    description: string;
    eula: string;
    privacyStatementUri: string;
    releaseNoteUri: string;
    endOfLifeDate: string;
  };
  tags: TagRow[];
}

export const EMPTY_SCRIPT: GalleryScriptValues = {
  name: "",
  properties: {
    supportedOSType: "",
    description: "",
    eula: "",
    privacyStatementUri: "",
    releaseNoteUri: "",
    endOfLifeDate: "",
  },
  tags: [],
};

export function scriptValuesOf(
  name: string,
  properties: Partial<GalleryScriptProperties>,
  tags: TagRow[],
): GalleryScriptValues {
  return {
    name,
    properties: {
      supportedOSType: properties.supportedOSType ?? "",
      description: properties.description ?? "",
      eula: properties.eula ?? "",
      privacyStatementUri: properties.privacyStatementUri ?? "",
      releaseNoteUri: properties.releaseNoteUri ?? "",
      endOfLifeDate: properties.endOfLifeDate?.slice(0, 10) ?? "",
    },
    tags,
  };
}

/** `stored`: on an edit, the script as it is; the OS type is fixed at creation (checkGalleryScriptUpdate). */
export function makeGalleryScriptSchema(context: { now: () => Date; stored?: GalleryScriptProperties }) {
  return z.object({
    name: artifactName("galleryScriptName"),
    properties: viaShared(
      (values: GalleryScriptValues["properties"]) => withoutBlanks(values) ?? {},
      () =>
        makeGalleryScriptPropertiesSchema(context.now).superRefine((next, zod) => {
          const violation = context.stored && checkGalleryScriptUpdate(context.stored, next);
          if (violation) zod.addIssue({ code: "custom", message: violation.message, path: ["supportedOSType"] });
        }),
      [],
    ),
    tags: tagRowsSchema,
  });
}

export type GalleryScriptOutput = z.output<ReturnType<typeof makeGalleryScriptSchema>>;

// Gallery script versions

export interface ScriptParameterRow {
  name: string;
  type: string;
  required: boolean;
  defaultValue: string;
  description: string;
  minValue: string;
  maxValue: string;
  /** Comma-separated. */
  enumValues: string;
}

export const EMPTY_SCRIPT_PARAMETER: ScriptParameterRow = {
  name: "",
  type: "String",
  required: false,
  defaultValue: "",
  description: "",
  minValue: "",
  maxValue: "",
  enumValues: "",
};

export interface GalleryScriptVersionValues {
  name: string;
  properties: {
    publishingProfile: {
      source: { scriptLink: string; parameters: ScriptParameterRow[] };
      targetRegions: TargetRegionRow[];
      targetExtendedLocations: EdgeZoneRow[];
      replicaCount?: number;
      storageAccountType: string;
      storageAccountStrategy: string;
      replicationMode: string;
      excludeFromLatest: boolean;
      endOfLifeDate: string;
    };
    safetyProfile: { allowDeletionOfReplicatedLocations: boolean };
  };
  tags: TagRow[];
}

export function emptyScriptVersion(location: string, name = ""): GalleryScriptVersionValues {
  return {
    name,
    properties: {
      publishingProfile: {
        source: { scriptLink: "", parameters: [] },
        targetRegions: [
          { name: location, regionalReplicaCount: Number.NaN, storageAccountType: "", excludeFromLatest: false },
        ],
        targetExtendedLocations: [],
        replicaCount: Number.NaN,
        storageAccountType: "",
        storageAccountStrategy: "",
        replicationMode: "",
        excludeFromLatest: false,
        endOfLifeDate: "",
      },
      safetyProfile: { allowDeletionOfReplicatedLocations: false },
    },
    tags: [],
  };
}

export function scriptVersionValuesOf(
  name: string,
  properties: GalleryScriptVersionProperties,
  tags: TagRow[],
): GalleryScriptVersionValues {
  const profile = properties.publishingProfile;
  return {
    name,
    properties: {
      publishingProfile: {
        source: {
          scriptLink: profile.source.scriptLink,
          parameters: (profile.source.parameters ?? []).map((p) => ({
            name: p.name,
            type: p.type ?? "String",
            required: p.required ?? false,
            defaultValue: p.defaultValue ?? "",
            description: p.description ?? "",
            minValue: p.minValue ?? "",
            maxValue: p.maxValue ?? "",
            enumValues: (p.enumValues ?? []).join(", "),
          })),
        },
        targetRegions: (profile.targetRegions ?? []).map((t) => ({
          name: t.name,
          regionalReplicaCount: t.regionalReplicaCount ?? Number.NaN,
          storageAccountType: t.storageAccountType ?? "",
          excludeFromLatest: t.excludeFromLatest ?? false,
        })),
        targetExtendedLocations: (profile.targetExtendedLocations ?? []).map(edgeZoneRowOf),
        replicaCount: profile.replicaCount ?? Number.NaN,
        storageAccountType: profile.storageAccountType ?? "",
        storageAccountStrategy: profile.storageAccountStrategy ?? "",
        replicationMode: profile.replicationMode ?? "",
        excludeFromLatest: profile.excludeFromLatest ?? false,
        endOfLifeDate: profile.endOfLifeDate?.slice(0, 10) ?? "",
      },
      safetyProfile: {
        allowDeletionOfReplicatedLocations: properties.safetyProfile?.allowDeletionOfReplicatedLocations ?? false,
      },
    },
    tags,
  };
}

/** The `properties` of the PUT body: rows stay at their index, so the service's `[i]` targets land on the row. */
export function scriptVersionPropertiesBody(values: GalleryScriptVersionValues["properties"]): Record<string, unknown> {
  const { source, targetRegions, targetExtendedLocations, ...rest } = values.publishingProfile;
  return {
    publishingProfile: {
      ...((withoutBlanks(rest) ?? {}) as object),
      source: {
        scriptLink: source.scriptLink.trim(),
        ...(source.parameters.length > 0
          ? {
              parameters: source.parameters.map(({ enumValues, required, ...parameter }) => ({
                ...((withoutBlanks(parameter) ?? {}) as object),
                name: parameter.name.trim(),
                ...(required ? { required: true } : {}),
                ...(enumValues.trim() ? { enumValues: names(enumValues) } : {}),
              })),
            }
          : {}),
      },
      targetRegions: targetRegions.map((region) => withoutBlanks(region) ?? {}),
      ...edgeZonesBody(targetExtendedLocations),
    },
    ...(values.safetyProfile.allowDeletionOfReplicatedLocations
      ? { safetyProfile: { allowDeletionOfReplicatedLocations: true } }
      : {}),
  };
}

/** `location`: the version's, its gallery's region, which its target regions must include. */
export function makeGalleryScriptVersionSchema(context: {
  now: () => Date;
  existingVersionNames: readonly string[];
  location: string;
}) {
  return z.object({
    name: versionName(context.existingVersionNames),
    properties: viaShared(
      scriptVersionPropertiesBody,
      () =>
        makeGalleryScriptVersionPropertiesSchema(context.now).superRefine((properties, zod) => {
          const regions = { location: context.location, now: context.now() };
          for (const violation of validateScriptVersionRegions(properties.publishingProfile, regions))
            addViolation(zod, violation);
        }),
      [],
    ),
    tags: tagRowsSchema,
  });
}

export type GalleryScriptVersionOutput = z.output<ReturnType<typeof makeGalleryScriptVersionSchema>>;

// In-VM access control profiles

export interface AccessControlProfileValues {
  name: string;
  properties: { osType: string; applicableHostEndpoint: string; description: string };
  tags: TagRow[];
}

export const EMPTY_PROFILE: AccessControlProfileValues = {
  name: "",
  properties: { osType: "", applicableHostEndpoint: "", description: "" },
  tags: [],
};

export function makeAccessControlProfileSchema(context: { stored?: InVMAccessControlProfileProperties } = {}) {
  return z.object({
    name: artifactName("inVMAccessControlProfileName"),
    properties: viaShared(
      (values: AccessControlProfileValues["properties"]) => withoutBlanks(values) ?? {},
      () =>
        inVMAccessControlProfilePropertiesSchema.superRefine((next, zod) => {
          const violation = context.stored && checkInVMAccessControlProfileUpdate(context.stored, next);
          if (violation)
            zod.addIssue({
              code: "custom",
              message: violation.message,
              path: [violation.target?.split(".").at(-1) ?? "osType"],
            });
        }),
      [],
    ),
    tags: tagRowsSchema,
  });
}

export type AccessControlProfileOutput = z.output<ReturnType<typeof makeAccessControlProfileSchema>>;

// In-VM access control profile versions

export interface PrivilegeRow {
  name: string;
  path: string;
  queryParameters: TagRow[];
}
export interface RoleRow {
  name: string;
  /** Comma-separated privilege names. */
  privileges: string;
}
export interface IdentityRow {
  name: string;
  userName: string;
  groupName: string;
  exePath: string;
  processName: string;
}
export interface RoleAssignmentRow {
  role: string;
  /** Comma-separated identity names. */
  identities: string;
}

export interface AccessControlProfileVersionValues {
  name: string;
  properties: {
    mode: string;
    defaultAccess: string;
    excludeFromLatest: boolean;
    targetLocations: TargetRegionRow[];
    rules: {
      privileges: PrivilegeRow[];
      roles: RoleRow[];
      identities: IdentityRow[];
      roleAssignments: RoleAssignmentRow[];
    };
  };
  tags: TagRow[];
}

export function emptyProfileVersion(location: string, name = ""): AccessControlProfileVersionValues {
  return {
    name,
    properties: {
      mode: "Audit",
      defaultAccess: "Allow",
      excludeFromLatest: false,
      targetLocations: [
        { name: location, regionalReplicaCount: Number.NaN, storageAccountType: "", excludeFromLatest: false },
      ],
      rules: { privileges: [], roles: [], identities: [], roleAssignments: [] },
    },
    tags: [],
  };
}

export function profileVersionValuesOf(
  name: string,
  properties: InVMAccessControlProfileVersionProperties,
  tags: TagRow[],
): AccessControlProfileVersionValues {
  const rules = properties.rules ?? {};
  return {
    name,
    properties: {
      mode: properties.mode,
      defaultAccess: properties.defaultAccess,
      excludeFromLatest: properties.excludeFromLatest ?? false,
      targetLocations: (properties.targetLocations ?? []).map((t) => ({
        name: t.name,
        regionalReplicaCount: t.regionalReplicaCount ?? Number.NaN,
        storageAccountType: t.storageAccountType ?? "",
        excludeFromLatest: t.excludeFromLatest ?? false,
      })),
      rules: {
        privileges: (rules.privileges ?? []).map((p) => ({
          name: p.name,
          path: p.path,
          queryParameters: Object.entries(p.queryParameters ?? {}).map(([key, value]) => ({ key, value })),
        })),
        roles: (rules.roles ?? []).map((r) => ({ name: r.name, privileges: r.privileges.join(", ") })),
        identities: (rules.identities ?? []).map((i) => ({
          name: i.name,
          userName: i.userName ?? "",
          groupName: i.groupName ?? "",
          exePath: i.exePath ?? "",
          processName: i.processName ?? "",
        })),
        roleAssignments: (rules.roleAssignments ?? []).map((a) => ({
          role: a.role,
          identities: a.identities.join(", "),
        })),
      },
    },
    tags,
  };
}

export function profileVersionPropertiesBody(
  values: AccessControlProfileVersionValues["properties"],
): Record<string, unknown> {
  const { rules } = values;
  const hasRules = Object.values(rules).some((list) => list.length > 0);
  return {
    ...(values.mode ? { mode: values.mode } : {}),
    ...(values.defaultAccess ? { defaultAccess: values.defaultAccess } : {}),
    excludeFromLatest: values.excludeFromLatest,
    targetLocations: values.targetLocations.map((region) => withoutBlanks(region) ?? {}),
    ...(hasRules
      ? {
          rules: {
            privileges: rules.privileges.map((p) => ({
              name: p.name.trim(),
              path: p.path.trim(),
              ...(p.queryParameters.some((q) => q.key.trim())
                ? {
                    queryParameters: Object.fromEntries(
                      p.queryParameters.filter((q) => q.key.trim()).map((q) => [q.key.trim(), q.value]),
                    ),
                  }
                : {}),
            })),
            roles: rules.roles.map((r) => ({ name: r.name.trim(), privileges: names(r.privileges) })),
            identities: rules.identities.map((i) => ({
              ...((withoutBlanks({ ...i, name: "" }) ?? {}) as object),
              name: i.name.trim(),
            })),
            roleAssignments: rules.roleAssignments.map((a) => ({
              role: a.role.trim(),
              identities: names(a.identities),
            })),
          },
        }
      : {}),
  };
}

/** `location`: the version's, its gallery's region, which its target locations must include. */
export function makeAccessControlProfileVersionSchema(context: {
  existingVersionNames: readonly string[];
  location: string;
  now: () => Date;
}) {
  return z.object({
    name: versionName(context.existingVersionNames),
    properties: viaShared(
      profileVersionPropertiesBody,
      () =>
        makeInVMAccessControlProfileVersionPropertiesSchema().superRefine((properties, zod) => {
          const regions = { location: context.location, now: context.now() };
          for (const violation of validateProfileVersionRegions(properties, regions)) addViolation(zod, violation);
        }),
      [],
    ),
    tags: tagRowsSchema,
  });
}

export type AccessControlProfileVersionOutput = z.output<ReturnType<typeof makeAccessControlProfileVersionSchema>>;
