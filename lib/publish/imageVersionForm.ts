import type { GalleryTargetExtendedLocation } from "@azure/arm-compute";
import { z } from "zod";
import {
  makeGalleryImageVersionPropertiesSchema,
  removedTargetRegions,
  type GalleryImageVersionProperties,
} from "@/lib/gallery/galleryImageVersion";
import {
  checkConfidentialEncryption,
  checkDirectSharedEncryption,
  checkEncryption,
  edgeZoneEncryption,
  encryptionSetIds,
  type EdgeZoneEncryptionInput,
  CONFIDENTIAL_ENCRYPTION_TYPE_TARGET,
  DATA_DISK_ENCRYPTION_TARGET,
  OS_DISK_ENCRYPTION_TARGET,
  readEncryption,
  SECURE_VM_DISK_ENCRYPTION_SET_TARGET,
} from "@/lib/gallery/encryption";
import { checkUefiSettings } from "@/lib/gallery/galleryImageVersion";
import { checkGalleryQuota } from "@/lib/gallery/limits";
import type { RuleViolation } from "@/lib/gallery/violation";
import { checkImageVersionName, parseVersionName } from "@/lib/gallery/names";
import { withoutBlanks, ruleString, tagRowsSchema, type TagRow } from "@/lib/publish/formRules";
import type { SourceCandidate } from "@/lib/queries/versionSources";

/** A region's encryption as the form holds it: "" where nothing is chosen. */
export interface RegionEncryptionValues {
  osDiskEncryptionSetId: string;
  /** A set per data disk, keyed `lun{N}` (an object key, not an index: LUNs need not start at 0 or be dense). */
  dataDisks: Record<string, string>;
  confidentialVMEncryptionType: string;
  secureVMDiskEncryptionSetId: string;
}

export interface AdditionalReplicaSetRow {
  storageAccountType: string;
  regionalReplicaCount?: number;
}

export interface TargetRegionRow {
  name: string;
  regionalReplicaCount?: number;
  storageAccountType: string;
  excludeFromLatest: boolean;
  encryption?: RegionEncryptionValues;
  additionalReplicaSets?: AdditionalReplicaSetRow[];
}

/** One edge zone: `name` is its home region, `edgeZone` the extended location's name. */
export interface EdgeZoneRow {
  name: string;
  edgeZone: string;
  extendedLocationReplicaCount?: number;
  storageAccountType: string;
  /** The zone's own disk encryption sets (of its home region): the OS disk's and each data disk's. */
  encryption?: Partial<Pick<RegionEncryptionValues, "osDiskEncryptionSetId" | "dataDisks">>;
}

export interface UefiKeyRow {
  type: string;
  /** One value a line: a SHA-256 hash or a base64 X.509 certificate. */
  values: string;
}

export interface UefiSettingsValues {
  signatureTemplateNames: string[];
  pk: UefiKeyRow;
  kek: UefiKeyRow[];
  db: UefiKeyRow[];
  dbx: UefiKeyRow[];
}

export const emptyRegionEncryption = (): RegionEncryptionValues => ({
  osDiskEncryptionSetId: "",
  dataDisks: {},
  confidentialVMEncryptionType: "",
  secureVMDiskEncryptionSetId: "",
});

export const emptyUefiSettings = (): UefiSettingsValues => ({
  signatureTemplateNames: [],
  pk: { type: "", values: "" },
  kek: [],
  db: [],
  dbx: [],
});

/** A data disk: `source.id` (a managed disk or snapshot) in disks mode, a VHD blob of an account in vhd mode. */
export interface DataDiskRow {
  lun?: number;
  hostCaching: string;
  source: { id: string; storageAccountId?: string; uri?: string };
}

export interface PublishingProfileValues {
  targetRegions: TargetRegionRow[];
  replicaCount?: number;
  storageAccountType: string;
  /** PreferStandard_ZRS or DefaultStandard_LRS; "" leaves it to the api-version (create form only). */
  storageAccountStrategy?: string;
  excludeFromLatest: boolean;
  endOfLifeDate: string;
  replicationMode: string;
  targetExtendedLocations?: EdgeZoneRow[];
}

/**
 * "source": an image, VM or other version as a whole; "disks": an OS disk (and data disks) from disks/snapshots;
 * "vhd": an OS disk (and data disks) from VHD blobs in storage accounts; "community": a community gallery's image
 * version.
 */
export type SourceMode = "source" | "disks" | "vhd" | "community";

export interface ImageVersionCreatePropertiesValues {
  sourceMode: SourceMode;
  publishingProfile: PublishingProfileValues;
  storageProfile: {
    source: { id: string; communityGalleryImageId?: string };
    osDiskImage: { hostCaching: string; source: { id: string; storageAccountId?: string; uri?: string } };
    dataDiskImages: DataDiskRow[];
  };
  safetyProfile: { blockDeletionBeforeEndOfLife: boolean };
  /** Sent only for definitions Trusted Launch or confidential VMs boot (the form shows it for those). */
  securityProfile?: { uefiSettings: UefiSettingsValues };
}

export interface ImageVersionCreateValues {
  name: string;
  properties: ImageVersionCreatePropertiesValues;
  tags: TagRow[];
}

/** The form's key of a data disk's set within a region's encryption. */
export const dataDiskKey = (lun: number) => `lun${lun}`;

function encryptionBody(encryption: Partial<RegionEncryptionValues> | undefined, dataDiskLuns: readonly number[]) {
  if (!encryption) return undefined;
  // Rows added after the form opened hold only the fields their controls registered.
  const os = (encryption.osDiskEncryptionSetId ?? "").trim();
  const dataDisks = dataDiskLuns.flatMap((lun) => {
    const id = (encryption.dataDisks?.[dataDiskKey(lun)] ?? "").trim();
    return id ? [{ lun, diskEncryptionSetId: id }] : [];
  });
  const type = encryption.confidentialVMEncryptionType ?? "";
  const secure = (encryption.secureVMDiskEncryptionSetId ?? "").trim();
  const osDiskImage = {
    ...(os ? { diskEncryptionSetId: os } : {}),
    ...(type || secure
      ? {
          securityProfile: {
            ...(type ? { confidentialVMEncryptionType: type } : {}),
            ...(secure ? { secureVMDiskEncryptionSetId: secure } : {}),
          },
        }
      : {}),
  };
  const body = {
    ...(Object.keys(osDiskImage).length > 0 ? { osDiskImage } : {}),
    ...(dataDisks.length > 0 ? { dataDiskImages: dataDisks } : {}),
  };
  return Object.keys(body).length > 0 ? body : undefined;
}

function targetRegionBody(region: TargetRegionRow, dataDiskLuns: readonly number[]) {
  const { encryption, additionalReplicaSets, ...rest } = region;
  const encrypted = encryptionBody(encryption, dataDiskLuns);
  const sets = (additionalReplicaSets ?? []).map((set) => withoutBlanks(set) ?? {});
  return {
    ...((withoutBlanks(rest) ?? {}) as object),
    ...(encrypted ? { encryption: encrypted } : {}),
    ...(sets.length > 0 ? { additionalReplicaSets: sets } : {}),
  };
}

function edgeZoneBody(row: EdgeZoneRow, dataDiskLuns: readonly number[]) {
  const encrypted = encryptionBody(row.encryption, dataDiskLuns);
  return {
    name: row.name,
    extendedLocation: { name: row.edgeZone.trim(), type: "EdgeZone" },
    ...((withoutBlanks({
      extendedLocationReplicaCount: row.extendedLocationReplicaCount,
      storageAccountType: row.storageAccountType,
    }) ?? {}) as object),
    ...(encrypted ? { encryption: encrypted } : {}),
  };
}

/**
 * The publishing profile's `targetExtendedLocations`, left out when there are none. Image, application and script
 * versions share the property; only image versions encrypt disks per zone (`dataDiskLuns`).
 */
export function edgeZonesBody(rows: readonly EdgeZoneRow[] | undefined, dataDiskLuns: readonly number[] = []) {
  return rows && rows.length > 0 ? { targetExtendedLocations: rows.map((row) => edgeZoneBody(row, dataDiskLuns)) } : {};
}

/** A stored edge zone as the form's row, without encryption (the image version form adds each zone's sets). */
export function edgeZoneRowOf(
  zone: Pick<
    GalleryTargetExtendedLocation,
    "name" | "extendedLocation" | "extendedLocationReplicaCount" | "storageAccountType"
  >,
): EdgeZoneRow {
  return {
    name: zone.name ?? "",
    edgeZone: zone.extendedLocation?.name ?? "",
    extendedLocationReplicaCount: zone.extendedLocationReplicaCount ?? Number.NaN,
    storageAccountType: zone.storageAccountType ?? "",
  };
}

function publishingProfileBody(profile: PublishingProfileValues, dataDiskLuns: readonly number[] = []) {
  const { targetRegions, targetExtendedLocations, ...rest } = profile;
  return {
    ...((withoutBlanks(rest) ?? {}) as object),
    // Rows stay at their index, so the service's `targetRegions[i]` targets land on the row the user sees.
    targetRegions: targetRegions.map((region) => targetRegionBody(region, dataDiskLuns)),
    ...edgeZonesBody(targetExtendedLocations, dataDiskLuns),
  };
}

function uefiKeyBody(row: UefiKeyRow) {
  return {
    type: row.type,
    value: row.values
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== ""),
  };
}

/** The UEFI settings to send, or nothing when no template is ticked and no key given. */
export function uefiSettingsBody(settings: UefiSettingsValues | undefined) {
  if (!settings) return undefined;
  const filled = (row: UefiKeyRow) => row.type !== "" || row.values.trim() !== "";
  // A checkbox group reads as an array once a box is ticked; react-hook-form gives `false` for none ticked.
  const ticked: unknown = settings.signatureTemplateNames;
  const templates = Array.isArray(ticked) ? (ticked as string[]) : [];
  const lists = (["kek", "db", "dbx"] as const).flatMap((key) => {
    const rows = (settings[key] ?? []).filter(filled);
    return rows.length > 0 ? [[key, rows.map(uefiKeyBody)] as const] : [];
  });
  const additionalSignatures = {
    ...(settings.pk && filled(settings.pk) ? { pk: uefiKeyBody(settings.pk) } : {}),
    ...Object.fromEntries(lists),
  };
  const body = {
    ...(templates.length > 0 ? { signatureTemplateNames: templates } : {}),
    ...(Object.keys(additionalSignatures).length > 0 ? { additionalSignatures } : {}),
  };
  return Object.keys(body).length > 0 ? body : undefined;
}

/** Stored UEFI settings (as `$expand=UefiSettings` gives them) as the form holds them. */
export function uefiSettingsValues(
  stored:
    | {
        signatureTemplateNames?: readonly string[];
        additionalSignatures?: {
          pk?: { type?: string; value?: readonly string[] };
          kek?: readonly { type?: string; value?: readonly string[] }[];
          db?: readonly { type?: string; value?: readonly string[] }[];
          dbx?: readonly { type?: string; value?: readonly string[] }[];
        };
      }
    | null
    | undefined,
): UefiSettingsValues {
  const row = (key: { type?: string; value?: readonly string[] } | undefined): UefiKeyRow => ({
    type: key?.type ?? "",
    values: (key?.value ?? []).join("\n"),
  });
  const signatures = stored?.additionalSignatures;
  return {
    signatureTemplateNames: [...(stored?.signatureTemplateNames ?? [])],
    pk: row(signatures?.pk),
    kek: (signatures?.kek ?? []).map(row),
    db: (signatures?.db ?? []).map(row),
    dbx: (signatures?.dbx ?? []).map(row),
  };
}

function storageBody(values: ImageVersionCreatePropertiesValues) {
  const { storageProfile } = values;
  const hostCaching = storageProfile.osDiskImage.hostCaching || undefined;
  const caching = hostCaching ? { hostCaching } : {};
  switch (values.sourceMode) {
    case "source":
      return {
        ...(storageProfile.source.id ? { source: { id: storageProfile.source.id.trim() } } : {}),
        ...(hostCaching ? { osDiskImage: caching } : {}),
      };
    case "community": {
      const id = storageProfile.source.communityGalleryImageId?.trim();
      return {
        ...(id ? { source: { communityGalleryImageId: id } } : {}),
        ...(hostCaching ? { osDiskImage: caching } : {}),
      };
    }
    case "vhd": {
      const source = vhdSourceBody(storageProfile.osDiskImage.source);
      return {
        ...(source || hostCaching ? { osDiskImage: { ...caching, ...(source ? { source } : {}) } } : {}),
        ...dataDisksBody(storageProfile.dataDiskImages, vhdSourceBody),
      };
    }
    case "disks":
      return {
        ...(storageProfile.osDiskImage.source.id || hostCaching
          ? {
              osDiskImage: {
                ...caching,
                ...(storageProfile.osDiskImage.source.id
                  ? { source: { id: storageProfile.osDiskImage.source.id.trim() } }
                  : {}),
              },
            }
          : {}),
        ...dataDisksBody(storageProfile.dataDiskImages, (source) => withoutBlanks({ id: source.id.trim() })),
      };
  }
}

function vhdSourceBody(source: { storageAccountId?: string; uri?: string }) {
  return withoutBlanks({ storageAccountId: (source.storageAccountId ?? "").trim(), uri: (source.uri ?? "").trim() });
}

/** The rows as `dataDiskImages`, each with the source fields of the mode chosen (rows are kept across modes). */
function dataDisksBody(rows: readonly DataDiskRow[], sourceBody: (source: DataDiskRow["source"]) => unknown) {
  if (rows.length === 0) return {};
  return {
    dataDiskImages: rows.map((disk) => {
      const source = sourceBody(disk.source);
      return {
        ...((withoutBlanks({ lun: disk.lun, hostCaching: disk.hostCaching }) ?? {}) as object),
        ...(source ? { source } : {}),
      };
    }),
  };
}

/**
 * The LUNs of the new version's data disks, where a region's data-disk sets apply: the form's own rows (disks and
 * VHD modes), or those of the image, VM or version chosen as the source, when the picker knows it.
 */
export function versionDataDiskLuns(
  values: {
    sourceMode: SourceMode;
    storageProfile: { source: { id: string }; dataDiskImages: readonly Pick<DataDiskRow, "lun">[] };
  },
  findSource?: (id: string) => Pick<SourceCandidate, "dataDiskLuns"> | undefined,
): number[] {
  if (values.sourceMode === "source") {
    const id = values.storageProfile.source.id.trim();
    return (id ? findSource?.(id)?.dataDiskLuns : undefined) ?? [];
  }
  if (values.sourceMode !== "disks" && values.sourceMode !== "vhd") return [];
  return values.storageProfile.dataDiskImages
    .map((disk) => disk.lun)
    .filter((lun): lun is number => typeof lun === "number" && Number.isInteger(lun));
}

/** The PUT body's `properties` for the form's values: only the source mode chosen is sent. */
export function imageVersionPropertiesBody(
  values: ImageVersionCreatePropertiesValues,
  dataDiskLuns: readonly number[] = versionDataDiskLuns(values),
): Record<string, unknown> {
  const { publishingProfile, safetyProfile } = values;
  const uefiSettings = uefiSettingsBody(values.securityProfile?.uefiSettings);
  return {
    publishingProfile: publishingProfileBody(publishingProfile, dataDiskLuns),
    storageProfile: storageBody(values),
    ...(safetyProfile.blockDeletionBeforeEndOfLife ? { safetyProfile: { blockDeletionBeforeEndOfLife: true } } : {}),
    ...(uefiSettings ? { securityProfile: { uefiSettings } } : {}),
  };
}

const ENCRYPTION_FIELDS: Record<string, Exclude<keyof RegionEncryptionValues, "dataDisks">> = {
  [OS_DISK_ENCRYPTION_TARGET.toLowerCase()]: "osDiskEncryptionSetId",
  [CONFIDENTIAL_ENCRYPTION_TYPE_TARGET.toLowerCase()]: "confidentialVMEncryptionType",
  [SECURE_VM_DISK_ENCRYPTION_SET_TARGET.toLowerCase()]: "secureVMDiskEncryptionSetId",
};

/** A data disk's field named by an error: the LUN its message quotes ("LUN 1", "lun [1]"), else the first one set. */
function dataDiskFieldOf(message: string, row: TargetRegionRow | undefined): string {
  const quoted = /\blun\s*\[?(\d+)/i.exec(message)?.[1];
  const set = Object.entries(row?.encryption?.dataDisks ?? {}).find(([, id]) => (id ?? "").trim() !== "")?.[0];
  return `dataDisks.${quoted !== undefined ? dataDiskKey(Number(quoted)) : (set ?? dataDiskKey(0))}`;
}

/**
 * The form field of an encryption error: its target names the disk but not the region, so the row is the one the
 * message names (by region or by the set it quotes), else the first that sets that disk. Undefined for any other
 * error.
 */
export function encryptionFieldOfError(
  error: { target?: string; message?: string },
  rows: readonly TargetRegionRow[],
): string | undefined {
  const target = error.target?.toLowerCase();
  const dataDisk = target === DATA_DISK_ENCRYPTION_TARGET.toLowerCase();
  const field = target ? ENCRYPTION_FIELDS[target] : undefined;
  if (!field && !dataDisk) return undefined;
  const message = (error.message ?? "").toLowerCase();
  const value = (row: TargetRegionRow) =>
    (field
      ? (row.encryption?.[field] ?? "")
      : (Object.values(row.encryption?.dataDisks ?? {}).find((id) => message.includes((id ?? "").toLowerCase())) ??
        Object.values(row.encryption?.dataDisks ?? {}).find((id) => (id ?? "").trim() !== "") ??
        "")
    )
      .trim()
      .toLowerCase();
  const index = [
    rows.findIndex(
      (row) =>
        message.includes(`target region '${row.name.toLowerCase()}'`) ||
        message.includes(`region [${row.name.toLowerCase()}]`),
    ),
    rows.findIndex((row) => value(row) !== "" && message.includes(value(row))),
    rows.findIndex((row) => value(row) !== ""),
  ].find((candidate) => candidate >= 0);
  const leaf = field ?? dataDiskFieldOf(error.message ?? "", rows[index ?? 0]);
  return `properties.publishingProfile.targetRegions.${index ?? 0}.encryption.${leaf}`;
}

export interface PublishingRulesContext {
  /** The gallery's subscription: disk encryption sets must be in it. */
  subscriptionId?: string;
  /** The definition's SecurityType feature: confidential encryption and UEFI settings depend on it. */
  definitionSecurityType?: string;
  /** The gallery's sharingProfile.permissions: a directly shared gallery holds no encrypted versions. */
  sharingPermissions?: string;
}

/** Encryption and UEFI rules of lib/gallery on a body the form built, each on the form field it concerns. */
function publishingOptionIssues(
  body: Record<string, unknown>,
  rows: readonly TargetRegionRow[],
  context: PublishingRulesContext,
  dataDiskLuns: readonly number[] | undefined,
): { path: (string | number)[]; message: string }[] {
  const profile = body.publishingProfile as
    | { targetRegions?: { name: string; encryption?: unknown }[]; targetExtendedLocations?: EdgeZoneEncryptionInput[] }
    | undefined;
  const read = readEncryption(profile?.targetRegions ?? []);
  const violations: (RuleViolation | undefined)[] = [
    read.violation,
    read.violation || dataDiskLuns === undefined || context.subscriptionId === undefined
      ? undefined
      : checkEncryption(read.regions, { dataDiskLuns, subscriptionId: context.subscriptionId }),
    checkConfidentialEncryption(read.regions, context.definitionSecurityType),
    checkDirectSharedEncryption(read.regions, context.sharingPermissions),
  ];
  const issues = violations.flatMap((violation) => {
    if (!violation) return [];
    const field = encryptionFieldOfError(violation, rows);
    return [{ path: (field ?? "properties.publishingProfile.targetRegions").split("."), message: violation.message }];
  });
  issues.push(...edgeZoneIssues(profile?.targetExtendedLocations ?? [], context, dataDiskLuns));
  const uefi = checkUefiSettings(
    body.securityProfile as Parameters<typeof checkUefiSettings>[0],
    context.definitionSecurityType,
  );
  if (uefi) issues.push({ path: ["properties", "securityProfile", "uefiSettings"], message: uefi.message });
  return issues.map((issue) => ({
    ...issue,
    path: issue.path.map((part) => (/^\d+$/.test(String(part)) ? Number(part) : part)),
  }));
}

/** The encryption rules on the edge zones' own sets, each on the zone's field (a zone need not match the others). */
function edgeZoneIssues(
  zones: readonly EdgeZoneEncryptionInput[],
  context: PublishingRulesContext,
  dataDiskLuns: readonly number[] | undefined,
): { path: string[]; message: string }[] {
  const read = readEncryption(edgeZoneEncryption(zones));
  const violation =
    read.violation ??
    (dataDiskLuns === undefined || context.subscriptionId === undefined
      ? undefined
      : checkEncryption(read.regions, {
          dataDiskLuns,
          subscriptionId: context.subscriptionId,
          sameDisksEverywhere: false,
        })) ??
    checkDirectSharedEncryption(read.regions, context.sharingPermissions);
  if (!violation) return [];
  const labels = edgeZoneEncryption(zones).map((zone) => zone.name.toLowerCase());
  const message = violation.message.toLowerCase();
  const named = labels.findIndex((label) => message.includes(`'${label}'`));
  const index =
    named >= 0
      ? named
      : Math.max(
          0,
          read.regions.findIndex((zone) => encryptionSetIds([zone]).length > 0),
        );
  const leaf =
    violation.target?.toLowerCase() === DATA_DISK_ENCRYPTION_TARGET.toLowerCase()
      ? dataDiskFieldOf(violation.message, undefined)
      : "osDiskEncryptionSetId";
  return [
    {
      path: `properties.publishingProfile.targetExtendedLocations.${index}.encryption.${leaf}`.split("."),
      message: violation.message,
    },
  ];
}

export interface ImageVersionCreateContext extends PublishingRulesContext {
  /** The version's location: its gallery's region, which is also the source region. */
  location: string;
  now: () => Date;
  existingVersionNames: readonly string[];
  /** Versions already counted in the subscription and region (undefined while unknown). */
  versionsInRegion?: () => number | undefined;
  /** The candidate a source id names, when the picker knows it. */
  findSource?: (id: string) => SourceCandidate | undefined;
}

export function makeImageVersionCreateSchema(context: ImageVersionCreateContext) {
  const shared = makeGalleryImageVersionPropertiesSchema(() => ({ location: context.location, now: context.now() }));
  // Each field is judged on its own, so every broken rule shows at once rather than one field after another.
  return z.object({
    name: ruleString(checkImageVersionName, "Enter a version number (Major.Minor.Patch).").superRefine((name, zod) => {
      if (parseVersionName(name) && context.existingVersionNames.includes(name)) {
        zod.addIssue({
          code: "custom",
          message: `Version ${name} already exists in this image definition; a PUT would update it. Choose a new version number.`,
        });
      }
      const used = context.versionsInRegion?.();
      const quota = used === undefined ? undefined : checkGalleryQuota("imageVersions", used, context.location);
      if (quota) zod.addIssue({ code: "custom", message: quota.message });
    }),
    properties: z
      .custom<ImageVersionCreatePropertiesValues>((value) => typeof value === "object" && value !== null)
      .transform((values, zod) => {
        const luns = versionDataDiskLuns(values, context.findSource);
        const body = imageVersionPropertiesBody(values, luns);
        const parsed = shared.safeParse(body);
        if (!parsed.success) {
          for (const issue of parsed.error.issues)
            zod.addIssue({ code: "custom", message: issue.message, path: issue.path as (string | number)[] });
          return z.NEVER;
        }
        for (const issue of publishingOptionIssues(body, values.publishingProfile.targetRegions, context, luns)) {
          // The form's own paths start below `properties`, which is this field.
          zod.addIssue({ code: "custom", message: issue.message, path: issue.path.slice(1) });
        }
        const storage = parsed.data.storageProfile;
        const chosen = [
          { id: storage.source?.id, path: ["storageProfile", "source", "id"] },
          { id: storage.osDiskImage?.source?.id, path: ["storageProfile", "osDiskImage", "source", "id"] },
        ];
        for (const { id, path } of chosen) {
          const candidate = id ? context.findSource?.(id) : undefined;
          if (candidate && candidate.reasons.length > 0)
            zod.addIssue({ code: "custom", path, message: candidate.reasons.join(" ") });
        }
        return parsed.data;
      }),
    tags: tagRowsSchema,
  });
}

export type ImageVersionCreateOutput = z.output<ReturnType<typeof makeImageVersionCreateSchema>>;

export interface ImageVersionUpdateValues {
  properties: {
    publishingProfile: Omit<PublishingProfileValues, "replicationMode">;
    /** Held only for definitions that take UEFI settings; sent only when changed. */
    securityProfile?: { uefiSettings: UefiSettingsValues };
  };
  /** Set by the explicit confirmation a removal of replicated regions needs. */
  confirmRemoval: boolean;
}

export interface ImageVersionUpdateContext extends PublishingRulesContext {
  /** The stored version's data disk LUNs: a region's data-disk set applies to each. */
  dataDiskLuns?: readonly number[];
  location: string;
  now: () => Date;
  stored: GalleryImageVersionProperties;
  /** The stored end-of-life date as the form shows it (yyyy-MM-dd): unchanged, it is not sent again. */
  storedEndOfLife: string;
  /** The stored UEFI settings as the form shows them: unchanged, they are not sent again. */
  storedUefiSettings?: UefiSettingsValues;
}

/** The UEFI settings an update sends: undefined when unchanged, `{}` when every template and key was removed. */
function uefiSettingsUpdate(values: UefiSettingsValues | undefined, stored: UefiSettingsValues | undefined) {
  if (!values) return undefined;
  const body = uefiSettingsBody(values);
  if (JSON.stringify(body) === JSON.stringify(uefiSettingsBody(stored))) return undefined;
  return body ?? {};
}

/**
 * An update changes only the publishing profile (regions, replica counts, storage types, exclusion from latest,
 * end of life); the storage profile is fixed at creation. Removing a region that holds replicas needs the
 * confirmation, which sets safetyProfile.allowDeletionOfReplicatedLocations.
 */
export function makeImageVersionUpdateSchema(context: ImageVersionUpdateContext) {
  const shared = makeGalleryImageVersionPropertiesSchema(() => ({ location: context.location, now: context.now() }));
  return z
    .object({
      properties: z.custom<ImageVersionUpdateValues["properties"]>(
        (value) => typeof value === "object" && value !== null,
      ),
      confirmRemoval: z.boolean(),
    })
    .transform((values, zod) => {
      const profile = publishingProfileBody(
        { ...values.properties.publishingProfile, replicationMode: "" },
        context.dataDiskLuns,
      ) as Record<string, unknown>;
      if (values.properties.publishingProfile.endOfLifeDate === context.storedEndOfLife) delete profile.endOfLifeDate;
      const uefiSettings = uefiSettingsUpdate(
        values.properties.securityProfile?.uefiSettings,
        context.storedUefiSettings,
      );
      const body = {
        publishingProfile: profile,
        storageProfile: context.stored.storageProfile,
        ...(uefiSettings ? { securityProfile: { uefiSettings } } : {}),
      };
      const parsed = shared.safeParse(body);
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          zod.addIssue({
            code: "custom",
            message: issue.message,
            path: ["properties", ...issue.path] as (string | number)[],
          });
        return z.NEVER;
      }
      const issues = publishingOptionIssues(
        body,
        values.properties.publishingProfile.targetRegions,
        context,
        context.dataDiskLuns,
      );
      for (const issue of issues) zod.addIssue({ code: "custom", message: issue.message, path: issue.path });
      if (issues.length > 0) return z.NEVER;
      const removed = removedTargetRegions(context.stored, parsed.data, context.location);
      if (removed.length > 0 && !values.confirmRemoval) {
        zod.addIssue({
          code: "custom",
          path: ["confirmRemoval"],
          message: `Removing ${removed.join(", ")} deletes the replicas there. Confirm the removal to continue.`,
        });
        return z.NEVER;
      }
      return {
        publishingProfile: parsed.data.publishingProfile!,
        ...(parsed.data.securityProfile ? { securityProfile: parsed.data.securityProfile } : {}),
        ...(removed.length > 0 ? { safetyProfile: { allowDeletionOfReplicatedLocations: true } } : {}),
        removedRegions: removed,
      };
    });
}

export type ImageVersionUpdateOutput = z.output<ReturnType<typeof makeImageVersionUpdateSchema>>;

/** The stored regions the form's rows leave out (display names), for the confirmation before submit. */
export function removedTargetRegionsOf(
  stored: GalleryImageVersionProperties,
  rows: readonly TargetRegionRow[],
  location: string,
): string[] {
  return removedTargetRegions(
    stored,
    { ...stored, publishingProfile: { targetRegions: rows.map((row) => ({ name: row.name })) } },
    location,
  );
}
