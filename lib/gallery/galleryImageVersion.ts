import { z } from "zod";
import { parseResourceId, sameResourceId, type ArmResourceKind } from "../azure/resourceId";
import { hasAvailabilityZones, isKnownRegion, locationNotAvailable, normalizeLocation } from "./regions";
import { azureDate, azureEnum, azureInt, checkEndOfLifeDate, pathFromTarget } from "./schemaParts";
import { parseIsoDate } from "./isoDate";
import { STORAGE_ACCOUNT_STRATEGIES } from "./apiVersions";
import { effectiveTargetRegions } from "./replication";
import { checkVhdSources, DATA_DISK_LUN_RANGE } from "./vhdSources";
import { invalidParameter, propertyChangeNotAllowed, type RuleViolation } from "./violation";

export const STORAGE_ACCOUNT_TYPES = ["Standard_LRS", "Standard_ZRS", "Premium_LRS", "PremiumV2_LRS"] as const;
export const REPLICATION_MODES = ["Full", "Shallow"] as const;
export const HOST_CACHING_TYPES = ["None", "ReadOnly", "ReadWrite"] as const;
export const EDGE_ZONE_STORAGE_ACCOUNT_TYPES = [
  "Standard_LRS",
  "Standard_ZRS",
  "StandardSSD_LRS",
  "Premium_LRS",
] as const;
export const EXTENDED_LOCATION_TYPES = ["EdgeZone", "Unknown"] as const;
export const UEFI_SIGNATURE_TEMPLATE_NAMES = [
  "NoSignatureTemplate",
  "MicrosoftUefiCertificateAuthorityTemplate",
  "MicrosoftWindowsTemplate",
] as const;
export const UEFI_KEY_TYPES = ["sha256", "x509"] as const;
export type StorageAccountType = (typeof STORAGE_ACCOUNT_TYPES)[number];

/** The service's bounds for replicaCount and regionalReplicaCount. */
export const MIN_REPLICA_COUNT = 1;
export const MAX_REPLICA_COUNT = 100;

export const VERSION_RESOURCE_TYPE = "Microsoft.Compute/galleries/images/versions";
const PROPERTIES = "galleryImageVersion.properties";

const replicaCount = (jsonPath: string, parameter: string) =>
  azureInt(jsonPath, { min: MIN_REPLICA_COUNT, max: MAX_REPLICA_COUNT, parameter });

/**
 * One TargetRegion as GalleryRP defines it. Image, script and in-VM access control profile versions take the same
 * object with the same replica bounds and storage types, so its rules live here once; each family reports a bad
 * value under its own JSON path (`json`) and parameter name (`parameter`).
 */
export function makeTargetRegionSchema(paths: { json: string; parameter: string; nameError: () => string }) {
  return z.object({
    name: z.string({ error: paths.nameError }),
    regionalReplicaCount: replicaCount(
      `${paths.json}.regionalReplicaCount`,
      `${paths.parameter}.regionalReplicaCount`,
    ).optional(),
    storageAccountType: azureEnum(STORAGE_ACCOUNT_TYPES, `${paths.parameter}.storageAccountType`).optional(),
    excludeFromLatest: z.boolean().optional(),
    // The spec's TargetRegion: kept and shown as given.
    encryption: z.unknown().optional(),
    additionalReplicaSets: z
      .array(
        z.object({
          storageAccountType: azureEnum(
            STORAGE_ACCOUNT_TYPES,
            `${paths.parameter}.additionalReplicaSets.storageAccountType`,
          ).optional(),
          regionalReplicaCount: replicaCount(
            `${paths.json}.additionalReplicaSets.regionalReplicaCount`,
            `${paths.parameter}.additionalReplicaSets.regionalReplicaCount`,
          ).optional(),
        }),
      )
      .optional(),
  });
}

const targetRegionSchema = makeTargetRegionSchema({
  json: "properties.publishingProfile.targetRegions",
  parameter: `${PROPERTIES}.publishingProfile.targetRegions`,
  nameError: () => "Required parameter 'targetRegions.name' is missing (null).",
});

export const targetExtendedLocationSchema = z.object({
  name: z.string({ error: () => "Required parameter 'targetExtendedLocations.name' is missing (null)." }),
  extendedLocation: z.object({
    name: z.string({
      error: () => "Required parameter 'targetExtendedLocations.extendedLocation.name' is missing (null).",
    }),
    type: azureEnum(
      EXTENDED_LOCATION_TYPES,
      `${PROPERTIES}.publishingProfile.targetExtendedLocations.extendedLocation.type`,
    ).optional(),
  }),
  extendedLocationReplicaCount: replicaCount(
    "properties.publishingProfile.targetExtendedLocations.extendedLocationReplicaCount",
    `${PROPERTIES}.publishingProfile.targetExtendedLocations.extendedLocationReplicaCount`,
  ).optional(),
  storageAccountType: azureEnum(
    EDGE_ZONE_STORAGE_ACCOUNT_TYPES,
    `${PROPERTIES}.publishingProfile.targetExtendedLocations.storageAccountType`,
  ).optional(),
  encryption: z.unknown().optional(),
});

const uefiKeySchema = (path: string) =>
  z.object({
    type: azureEnum(UEFI_KEY_TYPES, `${PROPERTIES}.securityProfile.uefiSettings.additionalSignatures.${path}.type`),
    value: z.array(z.string()).min(1, {
      error: () =>
        `Required parameter '${PROPERTIES}.securityProfile.uefiSettings.additionalSignatures.${path}.value' is missing (null).`,
    }),
  });

const securityProfileSchema = z.object({
  uefiSettings: z
    .object({
      signatureTemplateNames: z
        .array(
          azureEnum(UEFI_SIGNATURE_TEMPLATE_NAMES, `${PROPERTIES}.securityProfile.uefiSettings.signatureTemplateNames`),
        )
        .optional(),
      additionalSignatures: z
        .object({
          pk: uefiKeySchema("pk").optional(),
          kek: z.array(uefiKeySchema("kek")).optional(),
          db: z.array(uefiKeySchema("db")).optional(),
          dbx: z.array(uefiKeySchema("dbx")).optional(),
        })
        .optional(),
    })
    .optional(),
});

const diskSourceSchema = z.object({
  id: z.string().optional(),
  storageAccountId: z.string().optional(),
  uri: z.string().optional(),
});

/** The body shape alone, without the rules that need the version's location (e.g. to read stored versions). */
export const galleryImageVersionPropertiesShape = z.object({
  publishingProfile: z
    .object({
      targetRegions: z.array(targetRegionSchema).optional(),
      replicaCount: replicaCount(
        "properties.publishingProfile.replicaCount",
        `${PROPERTIES}.publishingProfile.replicaCount`,
      ).optional(),
      storageAccountType: azureEnum(
        STORAGE_ACCOUNT_TYPES,
        `${PROPERTIES}.publishingProfile.storageAccountType`,
      ).optional(),
      storageAccountStrategy: azureEnum(
        STORAGE_ACCOUNT_STRATEGIES,
        `${PROPERTIES}.publishingProfile.storageAccountStrategy`,
      ).optional(),
      excludeFromLatest: z.boolean().optional(),
      endOfLifeDate: azureDate("properties.publishingProfile.endOfLifeDate").optional(),
      replicationMode: azureEnum(REPLICATION_MODES, `${PROPERTIES}.publishingProfile.replicationMode`).optional(),
      targetExtendedLocations: z.array(targetExtendedLocationSchema).optional(),
    })
    .optional(),
  storageProfile: z.object(
    {
      source: z
        .object({
          id: z.string().optional(),
          virtualMachineId: z.string().optional(),
          communityGalleryImageId: z.string().optional(),
        })
        .optional(),
      osDiskImage: z
        .object({
          hostCaching: azureEnum(HOST_CACHING_TYPES, `${PROPERTIES}.storageProfile.osDiskImage.hostCaching`).optional(),
          source: diskSourceSchema.optional(),
        })
        .optional(),
      dataDiskImages: z
        .array(
          z.object({
            lun: azureInt("properties.storageProfile.dataDiskImages.lun", {
              ...DATA_DISK_LUN_RANGE,
              parameter: `${PROPERTIES}.storageProfile.dataDiskImages.lun`,
            }),
            hostCaching: azureEnum(
              HOST_CACHING_TYPES,
              `${PROPERTIES}.storageProfile.dataDiskImages.hostCaching`,
            ).optional(),
            source: diskSourceSchema.optional(),
          }),
        )
        .optional(),
    },
    { error: () => `Required parameter '${PROPERTIES}.storageProfile' is missing (null).` },
  ),
  safetyProfile: z
    .object({
      allowDeletionOfReplicatedLocations: z.boolean().optional(),
      blockDeletionBeforeEndOfLife: z.boolean().optional(),
    })
    .optional(),
  securityProfile: securityProfileSchema.optional(),
});

export type GalleryImageVersionProperties = z.output<typeof galleryImageVersionPropertiesShape>;
export type PublishingProfile = NonNullable<GalleryImageVersionProperties["publishingProfile"]>;
export type StorageProfile = GalleryImageVersionProperties["storageProfile"];

export interface ImageVersionContext {
  /** The version's own location: its source region. */
  location: string;
  now: Date;
  /**
   * The version exists already: a body without any source keeps the stored one (the Azure CLI's
   * `az sig image-version update` strips the source on purpose; example GalleryImageVersion_Update_WithoutSourceId).
   */
  updating?: boolean;
}

/**
 * The `properties` of an image version PUT body with every rule of the service applied. Forms and the emulator
 * build it with the version's location and their clock.
 */
export function makeGalleryImageVersionPropertiesSchema(context: () => ImageVersionContext) {
  return galleryImageVersionPropertiesShape.superRefine((properties, zod) => {
    for (const violation of validateImageVersionRules(properties, context())) {
      zod.addIssue({
        code: "custom",
        message: violation.message,
        path: violation.target ? pathFromTarget(violation.target.slice(PROPERTIES.length + 1)) : [],
      });
    }
  });
}

const VERSION_SOURCE_KINDS: readonly ArmResourceKind[] = ["managedImage", "virtualMachine", "galleryImageVersion"];
const DISK_SOURCE_KINDS: readonly ArmResourceKind[] = ["disk", "snapshot"];

export const EXACTLY_ONE_SOURCE_MESSAGE =
  "The gallery artifact version source can only be specified either directly under storageProfile or within " +
  "individual OS or data disks. One and only one source type (user image, snapshot, disk, virtual machine) can be provided.";

function malformedSourceId(id: string, jsonPath: string, target: string): RuleViolation {
  return invalidParameter(
    `Property id '${id}' at path '${jsonPath}' is invalid. Expect fully qualified resource Id that start with ` +
      "'/subscriptions/{subscriptionId}' or '/providers/{resourceProviderNamespace}/'.",
    target,
  );
}

function checkSourceKind(
  id: string,
  allowed: readonly ArmResourceKind[],
  jsonPath: string,
  target: string,
): RuleViolation | undefined {
  const parsed = parseResourceId(id);
  if (!parsed) return malformedSourceId(id, jsonPath, target);
  if (allowed.includes(parsed.kind)) return undefined;
  return invalidParameter(
    allowed === DISK_SOURCE_KINDS
      ? `The source id: ${id} must be a managed disk or snapshot.`
      : `The source id: ${id} must either be a managed image, virtual machine or another gallery image version`,
    target,
  );
}

/** Whether a storage profile names any source at all (a body without one updates a version and keeps its source). */
const hasDiskSource = (disk: { source?: { id?: string; uri?: string } } | undefined) =>
  disk?.source?.id !== undefined || disk?.source?.uri !== undefined;

export function namesAnySource(storage: StorageProfile | undefined): boolean {
  return (
    storage?.source?.id !== undefined ||
    storage?.source?.virtualMachineId !== undefined ||
    storage?.source?.communityGalleryImageId !== undefined ||
    hasDiskSource(storage?.osDiskImage) ||
    (storage?.dataDiskImages ?? []).some(hasDiskSource)
  );
}

/** Rules on where a version comes from: one source type, of the right kinds, with distinct disks. */
export function validateStorageProfile(storage: StorageProfile, updating = false): RuleViolation[] {
  if (updating && !namesAnySource(storage)) return [];
  const violations: RuleViolation[] = [];
  const sourceId = storage.source?.id;
  const virtualMachineId = storage.source?.virtualMachineId;
  const communityGalleryImageId = storage.source?.communityGalleryImageId;
  const osDiskSource = storage.osDiskImage?.source?.id;
  const osDiskVhd = storage.osDiskImage?.source?.uri;
  const dataDisks = storage.dataDiskImages ?? [];
  const dataDiskSources = dataDisks.flatMap((disk, index) => (disk.source?.id ? [{ id: disk.source.id, index }] : []));
  const dataDiskVhds = dataDisks.filter((disk) => disk.source?.uri !== undefined).length;
  const directSources = [sourceId, virtualMachineId, communityGalleryImageId].filter((id) => id !== undefined).length;
  const diskSources = (osDiskSource || osDiskVhd ? 1 : 0) + dataDiskSources.length + dataDiskVhds;

  if (directSources > 1 || (directSources === 1 && diskSources > 0) || directSources + diskSources === 0) {
    return [invalidParameter(EXACTLY_ONE_SOURCE_MESSAGE, `${PROPERTIES}.storageProfile.source`)];
  }
  if (sourceId) {
    const violation = checkSourceKind(
      sourceId,
      VERSION_SOURCE_KINDS,
      "properties.storageProfile.source.id",
      `${PROPERTIES}.storageProfile.source.id`,
    );
    if (violation) violations.push(violation);
  }
  if (virtualMachineId) {
    const violation = checkSourceKind(
      virtualMachineId,
      ["virtualMachine"],
      "properties.storageProfile.source.virtualMachineId",
      `${PROPERTIES}.storageProfile.source.virtualMachineId`,
    );
    if (violation) violations.push(violation);
  }
  if (osDiskSource) {
    const violation = checkSourceKind(
      osDiskSource,
      DISK_SOURCE_KINDS,
      "properties.storageProfile.osDiskImage.source.id",
      `${PROPERTIES}.storageProfile.osDiskImage.source.id`,
    );
    if (violation) violations.push(violation);
  }
  for (const { id, index } of dataDiskSources) {
    const violation = checkSourceKind(
      id,
      DISK_SOURCE_KINDS,
      "properties.storageProfile.dataDiskImages.source.id",
      `${PROPERTIES}.storageProfile.dataDiskImages[${index}].source.id`,
    );
    if (violation) violations.push(violation);
  }

  const sharedWithOsDisk = osDiskSource
    ? dataDiskSources.find(({ id }) => sameResourceId(id, osDiskSource))
    : undefined;
  if (sharedWithOsDisk) {
    violations.push(
      invalidParameter(
        `OSDiskImage and DataDiskImage cannot point to same blob ${sharedWithOsDisk.id}`,
        `${PROPERTIES}.storageProfile.dataDiskImages[${sharedWithOsDisk.index}].source.id`,
      ),
    );
  }
  const repeatedSource = dataDiskSources.find(({ id }, position) =>
    dataDiskSources.slice(0, position).some((earlier) => sameResourceId(earlier.id, id)),
  );
  if (repeatedSource) {
    violations.push(
      invalidParameter(
        "Duplicated source ids are found in the input disks. Source id should be unique for each disk.",
        `${PROPERTIES}.storageProfile.dataDiskImages[${repeatedSource.index}].source.id`,
      ),
    );
  }
  const repeatedLun = dataDisks.findIndex((disk, position) =>
    dataDisks.slice(0, position).some((earlier) => earlier.lun === disk.lun),
  );
  if (repeatedLun >= 0) {
    violations.push(
      invalidParameter(
        "Duplicated lun numbers have been detected in the input data disks. Lun number must be unique for each data disk.",
        `${PROPERTIES}.storageProfile.dataDiskImages[${repeatedLun}].lun`,
      ),
    );
  }
  // Built from disks, every data disk needs its own source (with a whole source, rows only set a LUN's caching).
  if (directSources === 0) {
    const unsourced = dataDisks.findIndex((disk) => !hasDiskSource(disk));
    if (unsourced >= 0) {
      const target = `${PROPERTIES}.storageProfile.dataDiskImages[${unsourced}].source`;
      violations.push(invalidParameter(`Required parameter '${target}' is missing (null).`, target));
    }
  }
  violations.push(...checkVhdSources(storage));
  return violations;
}

export const DUPLICATE_REGIONS_MESSAGE = "Duplicate regions are not allowed in target publishing regions.";
export const ZRS_NOT_SUPPORTED_MESSAGE = "ZRS storage account type is not supported in this region.";
/** The spec: storageAccountStrategy "Cannot be specified along with storageAccountType"; the wording is ours. */
export const STRATEGY_WITH_TYPE_MESSAGE =
  "Parameters 'storageAccountType' and 'storageAccountStrategy' cannot both be specified in the publishing profile; a target region's storageAccountType may override the strategy.";

/** Rules on where a version replicates to, relative to its own location (the source region). */
export function validatePublishingProfile(
  profile: PublishingProfile | undefined,
  context: ImageVersionContext,
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const regionsTarget = `${PROPERTIES}.publishingProfile.targetRegions`;
  const regions = profile?.targetRegions ?? [];
  if (profile?.storageAccountType !== undefined && profile.storageAccountStrategy !== undefined) {
    violations.push(
      invalidParameter(STRATEGY_WITH_TYPE_MESSAGE, `${PROPERTIES}.publishingProfile.storageAccountStrategy`),
    );
  }

  regions.forEach((region, index) => {
    if (!isKnownRegion(region.name))
      violations.push({
        ...locationNotAvailable(region.name, VERSION_RESOURCE_TYPE),
        target: `${regionsTarget}[${index}].name`,
      });
  });
  const duplicate = regions.findIndex((region, position) =>
    regions.slice(0, position).some((earlier) => normalizeLocation(earlier.name) === normalizeLocation(region.name)),
  );
  if (duplicate >= 0)
    violations.push(invalidParameter(DUPLICATE_REGIONS_MESSAGE, `${regionsTarget}[${duplicate}].name`));
  if (
    regions.length > 0 &&
    !regions.some((region) => normalizeLocation(region.name) === normalizeLocation(context.location))
  ) {
    violations.push(
      invalidParameter(
        `Gallery image version publishing profile regions ${regions.map((region) => region.name).join(", ")} must contain the location of image version ${context.location}.`,
        regionsTarget,
      ),
    );
  }

  effectiveTargetRegions({ location: context.location, publishingProfile: profile }).forEach((region, index) => {
    if (
      region.storageAccountType !== "Standard_ZRS" ||
      !isKnownRegion(region.name) ||
      hasAvailabilityZones(region.name)
    )
      return;
    const ownType = regions[index]?.storageAccountType !== undefined;
    violations.push(
      invalidParameter(
        ZRS_NOT_SUPPORTED_MESSAGE,
        ownType
          ? `${regionsTarget}[${index}].storageAccountType`
          : `${PROPERTIES}.publishingProfile.storageAccountType`,
      ),
    );
  });

  const endOfLife = checkEndOfLifeDate(
    profile?.endOfLifeDate,
    context.now,
    `${PROPERTIES}.publishingProfile.endOfLifeDate`,
  );
  if (endOfLife) violations.push(endOfLife);
  return violations;
}

/** Every cross-field rule of a version body that parsed; an empty list means the service would accept it. */
export function validateImageVersionRules(
  properties: GalleryImageVersionProperties,
  context: ImageVersionContext,
): RuleViolation[] {
  return [
    ...validateStorageProfile(properties.storageProfile, context.updating),
    ...validateVersionRegions(properties.publishingProfile, context),
  ];
}

/**
 * Where a version replicates to, by the rules every gallery version follows (images, applications, scripts, access
 * control profiles): its target regions and end of life (validatePublishingProfile) and its edge zones, each
 * violation's target under the family's own property names by `retarget` (`galleryImageVersion.properties…` →
 * `galleryScriptVersion.properties…`). The emulator's writes and the forms call it alike.
 */
export function validateVersionRegions(
  profile: PublishingProfile | undefined,
  context: Pick<ImageVersionContext, "location" | "now">,
  retarget: (target: string) => string = (target) => target,
): RuleViolation[] {
  return [...validatePublishingProfile(profile, context), ...validateTargetExtendedLocations(profile)].map(
    (violation) => (violation.target === undefined ? violation : { ...violation, target: retarget(violation.target) }),
  );
}

/** `retarget` for a family whose version properties mirror the image version's (`galleryScriptVersion`). */
export const underVersionFamily = (family: string) => (target: string) =>
  target.replace(/^galleryImageVersion\./, `${family}.`);

/**
 * UEFI settings (extra Secure Boot keys and signature templates) only matter to VMs that boot with Secure Boot:
 * Trusted Launch and confidential VMs. A definition whose SecurityType admits neither cannot take them. The
 * service's words are not published; ours are recorded in docs/azure-error-fidelity.md ("Publishing options").
 */
export function checkUefiSettings(
  securityProfile: GalleryImageVersionProperties["securityProfile"],
  definitionSecurityType: string | undefined,
): RuleViolation | undefined {
  if (!securityProfile?.uefiSettings) return undefined;
  const security = definitionSecurityType ?? "Standard";
  if (security.toLowerCase() !== "standard") return undefined;
  return invalidParameter(
    `UEFI settings need an image definition with security type TrustedLaunch or ConfidentialVM (or one that supports them); this one is ${security}.`,
    `${PROPERTIES}.securityProfile.uefiSettings`,
  );
}

/** Whether a version of a definition of this security type takes UEFI settings: the rule above, asked with none. */
export function admitsUefiSettings(definitionSecurityType: string | undefined): boolean {
  return checkUefiSettings({ uefiSettings: {} }, definitionSecurityType) === undefined;
}

export const DUPLICATE_EDGE_ZONES_MESSAGE = "Duplicate edge zones are not allowed in target extended locations.";

/** Edge zones: each in a known region, each named, none twice. */
export function validateTargetExtendedLocations(
  profile: Pick<PublishingProfile, "targetExtendedLocations"> | undefined,
): RuleViolation[] {
  const target = `${PROPERTIES}.publishingProfile.targetExtendedLocations`;
  const locations = profile?.targetExtendedLocations ?? [];
  const violations: RuleViolation[] = [];
  locations.forEach((location, index) => {
    if (!isKnownRegion(location.name))
      violations.push({
        ...locationNotAvailable(location.name, VERSION_RESOURCE_TYPE),
        target: `${target}[${index}].name`,
      });
    if (location.extendedLocation.name.trim() === "")
      violations.push(
        invalidParameter(
          "Required parameter 'targetExtendedLocations.extendedLocation.name' is missing (null).",
          `${target}[${index}].extendedLocation.name`,
        ),
      );
  });
  const key = (location: (typeof locations)[number]) =>
    `${normalizeLocation(location.name)}|${location.extendedLocation.name.trim().toLowerCase()}`;
  const duplicate = locations.findIndex((location, position) =>
    locations.slice(0, position).some((earlier) => key(earlier) === key(location)),
  );
  if (duplicate >= 0)
    violations.push(invalidParameter(DUPLICATE_EDGE_ZONES_MESSAGE, `${target}[${duplicate}].extendedLocation.name`));
  return violations;
}

export const DATA_DISK_CHANGE_MESSAGE =
  "Adding new Data Disks or changing the LUN of a Data Disk in an existing Image is not allowed.";

function changedSource(stored: string | undefined, incoming: string | undefined): boolean {
  return stored !== undefined && incoming !== undefined && !sameResourceId(stored, incoming);
}

/**
 * The 409 for an update that touches what is fixed at creation: a source id, data disks or their LUNs, or
 * regions that already hold replicas while safetyProfile.allowDeletionOfReplicatedLocations is not true.
 */
export function checkImageVersionUpdate(
  stored: GalleryImageVersionProperties,
  incoming: GalleryImageVersionProperties,
  location: string,
): RuleViolation | undefined {
  const storageTarget = `${PROPERTIES}.storageProfile`;
  if (changedSource(stored.storageProfile.source?.id, incoming.storageProfile.source?.id)) {
    return propertyChangeNotAllowed(`${storageTarget}.source.id`);
  }
  if (changedSource(stored.storageProfile.osDiskImage?.source?.id, incoming.storageProfile.osDiskImage?.source?.id)) {
    return propertyChangeNotAllowed(`${storageTarget}.osDiskImage.source.id`);
  }
  const storedLuns = new Set((stored.storageProfile.dataDiskImages ?? []).map((disk) => disk.lun));
  if ((incoming.storageProfile.dataDiskImages ?? []).some((disk) => !storedLuns.has(disk.lun))) {
    return {
      status: 409,
      code: "OperationNotAllowed",
      message: DATA_DISK_CHANGE_MESSAGE,
      target: `${storageTarget}.dataDiskImages`,
    };
  }
  const removed = removedTargetRegions(stored, incoming, location);
  if (removed.length > 0 && incoming.safetyProfile?.allowDeletionOfReplicatedLocations !== true) {
    return {
      status: 409,
      code: "OperationNotAllowed",
      message:
        `Removing replicated locations ${removed.map((region) => `'${region}'`).join(", ")} from a gallery image version is not allowed ` +
        "unless safetyProfile.allowDeletionOfReplicatedLocations is set to true.",
      target: `${PROPERTIES}.publishingProfile.targetRegions`,
    };
  }
  return undefined;
}

/** What decides whether `safetyProfile.blockDeletionBeforeEndOfLife` still protects a version. */
export interface DeletionProtection {
  blockDeletionBeforeEndOfLife?: boolean;
  endOfLifeDate?: string;
}

/**
 * Whether a version may not be deleted yet: blockDeletionBeforeEndOfLife is set and its end of life has not passed
 * at `now` (epoch ms). A version with no end of life never reaches it, so stays protected until the flag is cleared.
 */
export function deletionBlockedUntilEndOfLife(version: DeletionProtection, now: number): boolean {
  if (version.blockDeletionBeforeEndOfLife !== true) return false;
  const endOfLife = version.endOfLifeDate ? parseIsoDate(version.endOfLifeDate) : undefined;
  return !endOfLife || endOfLife.getTime() > now;
}

/**
 * The DELETE of a protected version: 409 OperationNotAllowed, naming the date and how to lift the block. No public
 * record of Azure's wording was found (docs/azure-error-fidelity.md).
 */
export function checkImageVersionDeletion(
  name: string,
  version: DeletionProtection,
  now: number,
): RuleViolation | undefined {
  if (!deletionBlockedUntilEndOfLife(version, now)) return undefined;
  const until = version.endOfLifeDate ? `its end of life date ${version.endOfLifeDate}` : "an end of life date";
  return {
    status: 409,
    code: "OperationNotAllowed",
    message:
      `Gallery image version '${name}' cannot be deleted before ${until} because ` +
      "safetyProfile.blockDeletionBeforeEndOfLife is true. Set blockDeletionBeforeEndOfLife to false, or delete " +
      "the version after its end of life date.",
    target: `${PROPERTIES}.safetyProfile.blockDeletionBeforeEndOfLife`,
  };
}

/** Regions the stored version replicates to that the update leaves out (display names). */
export function removedTargetRegions(
  stored: GalleryImageVersionProperties,
  incoming: GalleryImageVersionProperties,
  location: string,
): string[] {
  const kept = new Set(
    effectiveTargetRegions({ location, publishingProfile: incoming.publishingProfile }).map((region) =>
      normalizeLocation(region.name),
    ),
  );
  return effectiveTargetRegions({ location, publishingProfile: stored.publishingProfile })
    .map((region) => region.name)
    .filter((name) => !kept.has(normalizeLocation(name)));
}
