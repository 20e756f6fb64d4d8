import { beforeAll, describe, expect, it } from "vitest";
import { EMPTY_SEED } from "../seed/wellKnown.js";
import { computeFixture } from "../testing/computeFixture.js";
import { FAST_POLL } from "../testing/harness.js";

/**
 * Microsoft's published examples of the gallery API (Azure/azure-rest-api-specs,
 * specification/compute/resource-manager/Microsoft.Compute/GalleryRP/stable/2025-12-03/examples: every example the
 * spec's x-ms-examples name, and the invite examples; 2025-03-03's copy of a file is cited where the search index
 * holds none of 2025-12-03), replayed in order against one emulator at api-version 2025-12-03. Each step builds the
 * example's request itself (names and values as the example has them, cited by file name; no example file is copied
 * into the repository) and checks the status and that every property path of the example's response body is present
 * in the emulator's. A write's example response is its request plus the
 * read-only properties the service adds, so a write step lists only those (`adds`) and also checks that every value
 * it sent comes back unchanged. Paths are written with `[]` for array items.
 *
 * Where an example names resources the emulator can't have as written, the step says how it differs
 * (docs/emulator.md, "Microsoft's examples replayed", lists them): placeholder ids (`{subscriptionId}`,
 * `{imageName}`) become resources made in `beforeAll`, and the examples' misspelled `diskEncryptionSet` type
 * becomes `diskEncryptionSets`.
 */

const SUB = EMPTY_SEED.subscriptionId;
const TENANT = EMPTY_SEED.tenantId;
const ADMIN = EMPTY_SEED.admin.upn;
const RG = "myResourceGroup";
const API = "api-version=2025-12-03";
const PROVIDER = `/subscriptions/${SUB}/resourceGroups/${RG}/providers`;
const GALLERY = `${PROVIDER}/Microsoft.Compute/galleries/myGalleryName`;
const IMAGE = `${GALLERY}/images/myGalleryImageName`;
const TRUSTED_IMAGE = `${GALLERY}/images/myTrustedImageName`;
const APP = `${GALLERY}/applications/myGalleryApplicationName`;
const SCRIPT = `${GALLERY}/scripts/myGalleryScriptName`;
const PROFILE = `${GALLERY}/inVMAccessControlProfiles/myInVMAccessControlProfileName`;
const SOURCE_IMAGE = `${PROVIDER}/Microsoft.Compute/images/myImage`;
const SOURCE_IMAGE_V2 = `${PROVIDER}/Microsoft.Compute/images/myImageV2`;
const IDENTITY = `${PROVIDER}/Microsoft.ManagedIdentity/userAssignedIdentities/myIdentity`;
const VHD_ACCOUNT = `${PROVIDER}/Microsoft.Storage/storageAccounts/gallerysourcencus`;
const VHD = "https://gallerysourcencus.blob.core.windows.net/myvhds/Windows-Server-2012-R2-20171216-en.us-128GB.vhd";
const PACKAGE_ACCOUNT = `${PROVIDER}/Microsoft.Storage/storageAccounts/mystorageaccount`;
const PACKAGE = "https://mystorageaccount.blob.core.windows.net/mycontainer/package.zip";
const VM = `${PROVIDER}/Microsoft.Compute/virtualMachines/myVM`;
const OS_SNAPSHOT = `${PROVIDER}/Microsoft.Compute/snapshots/myOsSnapshot`;
const DATA_DISK = `${PROVIDER}/Microsoft.Compute/disks/myDataDisk`;
const OTHER_GALLERY = `${PROVIDER}/Microsoft.Compute/galleries/myOtherGalleryName`;
const des = (name: string) => `${PROVIDER}/Microsoft.Compute/diskEncryptionSets/${name}`;

type Json = Record<string, unknown>;

/** Every property path of a JSON value, array items as `[]`. */
function pathsOf(value: unknown): Set<string> {
  const paths = new Set<string>();
  const visit = (v: unknown, at: string) => {
    if (Array.isArray(v)) v.forEach((item) => visit(item, `${at}[]`));
    else if (v !== null && typeof v === "object") {
      for (const [k, child] of Object.entries(v)) {
        const path = at ? `${at}.${k}` : k;
        paths.add(path);
        visit(child, path);
      }
    }
  };
  visit(value, "");
  return paths;
}

type Segment = string | number;

/** The leaves of a JSON value, each with its exact path (array indexes kept); an empty object is a leaf. */
function leavesOf(value: unknown, at: Segment[] = []): [Segment[], unknown][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leavesOf(item, [...at, i]));
  if (value !== null && typeof value === "object" && Object.keys(value).length > 0)
    return Object.entries(value).flatMap(([k, child]) => leavesOf(child, [...at, k]));
  return [[at, value]];
}

function valueAt(value: unknown, path: Segment[]): unknown {
  return path.reduce<unknown>(
    (at, segment) => (at !== null && typeof at === "object" ? (at as Record<Segment, unknown>)[segment] : undefined),
    value,
  );
}

/** Whether the service answered what was sent: equal, or an object where an empty one was sent. */
function echoes(sent: unknown, got: unknown): boolean {
  if (sent !== null && typeof sent === "object" && !Array.isArray(sent))
    return got !== null && typeof got === "object" && !Array.isArray(got);
  return JSON.stringify(sent) === JSON.stringify(got);
}

interface Step {
  /** The example's file under examples/, with the API version whose folder has it when not 2025-12-03. */
  example: string;
  method: "GET" | "PUT" | "PATCH" | "POST" | "DELETE";
  /** The request's path, or a function of what earlier steps learnt (the community gallery's public name). */
  path: string | ((learnt: Learnt) => string);
  /** Query parameters besides api-version, as the example has them. */
  query?: string;
  /** The request's body, or a function of what earlier steps learnt. */
  body?: Json | ((learnt: Learnt) => Json);
  /** The example's status for this call. */
  status: number | number[];
  /** Writes: the read-only property paths the example's response adds to the request's. */
  adds?: string[];
  /** Reads: the property paths of the example's response body. */
  responsePaths?: string[];
  /** Request leaves the service answers with another spelling (checked present, not equal). */
  rewritten?: string[];
  /** Request paths the example's response does not carry (instructions, not state). */
  writeOnly?: string[];
  /** Why and how the step differs from the example, when it does. */
  differs?: string;
  /** State the example's response presumes, made before the call. */
  prepare?: (replay: Replay) => Promise<void>;
}

interface Replay {
  call(method: string, path: string, body?: unknown, query?: string): Promise<{ status: number; body: Json }>;
  advance(seconds: number): Promise<void>;
  learnt: Learnt;
}

interface Learnt {
  /** The public name Azure gives a community gallery (prefix and a generated suffix). */
  publicName?: string;
}

const SAFETY = { allowDeletionOfReplicatedLocations: false, blockDeletionBeforeEndOfLife: false };
const encryption = (os: string, data: [number, string][]) => ({
  osDiskImage: { diskEncryptionSetId: des(os) },
  dataDiskImages: data.map(([lun, name]) => ({ lun, diskEncryptionSetId: des(name) })),
});
const WEST_US = {
  name: "West US",
  regionalReplicaCount: 1,
  encryption: encryption("myWestUSDiskEncryptionSet", [
    [0, "myOtherWestUSDiskEncryptionSet"],
    [1, "myWestUSDiskEncryptionSet"],
  ]),
  excludeFromLatest: false,
};
const EAST_US = {
  name: "East US",
  regionalReplicaCount: 2,
  storageAccountType: "Standard_ZRS",
  encryption: encryption("myEastUSDiskEncryptionSet", [
    [0, "myOtherEastUSDiskEncryptionSet"],
    [1, "myEastUSDiskEncryptionSet"],
  ]),
  excludeFromLatest: false,
};
/**
 * The examples' versions answer a profile-level `storageAccountType: Standard_LRS` they were not sent; from
 * 2025-03-03 the emulator answers `storageAccountStrategy: PreferStandard_ZRS` there instead (docs/api-versions.md
 * has the evidence), so that is the path checked.
 */
const PROFILE_STORAGE = "properties.publishingProfile.storageAccountStrategy";
const under = (prefix: string, names: string[]) => names.map((name) => `${prefix}.${name}`);
const REGION_READ = under("properties.publishingProfile.targetRegions[]", [
  "name",
  "regionalReplicaCount",
  "storageAccountType",
  "excludeFromLatest",
]);
const PROFILE_READ = [...under("properties.publishingProfile", ["replicaCount", "publishedDate"]), PROFILE_STORAGE];
const DISK_IMAGES_READ = [
  ...under("properties.storageProfile.osDiskImage", ["sizeInGB", "hostCaching"]),
  ...under("properties.storageProfile.dataDiskImages[]", ["lun", "sizeInGB", "hostCaching"]),
];
const REPLICATION_STATUS_READ = [
  "properties.replicationStatus.aggregatedState",
  ...under("properties.replicationStatus.summary[]", ["region", "state", "details", "progress"]),
];
/** What a managed-image version's example response adds to its request. */
const VERSION_ADDS = [
  "id",
  "name",
  "properties.publishingProfile.targetRegions[].storageAccountType",
  ...PROFILE_READ,
  "properties.storageProfile.osDiskImage",
  "properties.storageProfile.dataDiskImages",
  ...DISK_IMAGES_READ,
  "properties.safetyProfile.reportedForPolicyViolation",
  "properties.provisioningState",
];
const ENCRYPTION_READ = under("properties.publishingProfile.targetRegions[].encryption", [
  "osDiskImage.diskEncryptionSetId",
  "dataDiskImages[].lun",
  "dataDiskImages[].diskEncryptionSetId",
]);
const VALIDATIONS_READ = [
  ...under("properties.validationsProfile.executedValidations[]", ["type", "status", "version", "executionTime"]),
  ...under("properties.validationsProfile.platformAttributes[]", ["name", "value"]),
  "properties.validationsProfile.validationEtag",
];
/** The validation examples' version: the paths both show. */
const VALIDATED_VERSION_READ = [
  "id",
  "name",
  "location",
  "properties.publishingProfile.targetRegions[].name",
  ...PROFILE_READ,
  "properties.storageProfile.source.id",
  ...VALIDATIONS_READ,
  "properties.provisioningState",
];
const VERSION_READ = [
  "id",
  "name",
  "location",
  ...REGION_READ,
  ...ENCRYPTION_READ,
  ...PROFILE_READ,
  "properties.storageProfile.source.id",
  ...DISK_IMAGES_READ,
  ...under("properties.safetyProfile", [
    "allowDeletionOfReplicatedLocations",
    "reportedForPolicyViolation",
    "policyViolations[].category",
    "policyViolations[].details",
  ]),
  "properties.provisioningState",
];
/** A version to West US and East US from the given disks, each region's OS and LUN 1 encrypted with its own sets. */
const versionFromDisks = (
  storageProfile: Json,
  sets: { west: [string, string]; east: [string, string] },
): { location: string; properties: Json } => ({
  location: "West US",
  properties: {
    publishingProfile: {
      targetRegions: [
        { ...WEST_US, encryption: encryption(sets.west[0], [[1, sets.west[1]]]) },
        { ...EAST_US, encryption: encryption(sets.east[0], [[1, sets.east[1]]]) },
      ],
    },
    storageProfile,
    safetyProfile: SAFETY,
  },
});
/** GalleryImageVersion_Create_WithSnapshotsAsSource's request: an OS snapshot and a data disk. */
const SNAPSHOT_VERSION = versionFromDisks(
  {
    osDiskImage: { source: { id: OS_SNAPSHOT }, hostCaching: "ReadOnly" },
    dataDiskImages: [{ source: { id: DATA_DISK }, lun: 1, hostCaching: "None" }],
  },
  {
    west: ["myWestUSDiskEncryptionSet", "myWestUSDiskEncryptionSet"],
    east: ["myEastUSDiskEncryptionSet", "myEastUSDiskEncryptionSet"],
  },
);
/** GalleryImageVersion_Create_WithVHD's request: the OS and a data disk from VHD blobs. */
const VHD_VERSION = versionFromDisks(
  {
    osDiskImage: { source: { storageAccountId: VHD_ACCOUNT, uri: VHD }, hostCaching: "ReadOnly" },
    dataDiskImages: [{ source: { storageAccountId: VHD_ACCOUNT, uri: VHD }, lun: 1, hostCaching: "None" }],
  },
  {
    west: ["myWestUSDiskEncryptionSet", "myOtherWestUSDiskEncryptionSet"],
    east: ["myEastUSDiskEncryptionSet", "myOtherEastUSDiskEncryptionSet"],
  },
);
const APPLICATION = {
  location: "West US",
  properties: {
    description: "This is the gallery application description.",
    eula: "This is the gallery application EULA.",
    privacyStatementUri: "myPrivacyStatementUri}",
    releaseNoteUri: "myReleaseNoteUri",
    supportedOSType: "Windows",
    customActions: [
      {
        name: "myCustomAction",
        script: "myCustomActionScript",
        description: "This is the custom action description.",
        parameters: [
          {
            name: "myCustomActionParameter",
            required: false,
            type: "String",
            defaultValue: "default value of parameter.",
            description: "This is the description of the parameter",
          },
        ],
      },
    ],
  },
};
const APPLICATION_READ = [
  "id",
  "name",
  "location",
  ...[...pathsOf(APPLICATION.properties)].map((p) => `properties.${p}`),
];
const APPLICATION_VERSION = {
  location: "West US",
  properties: {
    publishingProfile: {
      source: { mediaLink: `${PACKAGE}?{sasKey}` },
      manageActions: {
        install: 'powershell -command "Expand-Archive -Path package.zip -DestinationPath C:\\package"',
        remove: "del C:\\package ",
      },
      targetRegions: [
        { name: "West US", regionalReplicaCount: 1, storageAccountType: "Standard_LRS", excludeFromLatest: false },
      ],
      replicaCount: 1,
      endOfLifeDate: "2029-07-01T07:00:00Z",
      storageAccountType: "Standard_LRS",
      customActions: APPLICATION.properties.customActions,
    },
    safetyProfile: { allowDeletionOfReplicatedLocations: false },
  },
};
const PROFILE_VERSION = {
  location: "West US",
  properties: {
    mode: "Audit",
    defaultAccess: "Allow",
    rules: {
      privileges: [{ name: "GoalState", path: "/machine", queryParameters: { comp: "goalstate" } }],
      roles: [{ name: "Provisioning", privileges: ["GoalState"] }],
      identities: [
        {
          name: "WinPA",
          userName: "SYSTEM",
          groupName: "Administrators",
          exePath: "C:\\Windows\\System32\\cscript.exe",
          processName: "cscript",
        },
      ],
      roleAssignments: [{ role: "Provisioning", identities: ["WinPA"] }],
    },
    targetLocations: [{ name: "West US" }, { name: "South Central US" }],
    excludeFromLatest: false,
  },
};
const list = (paths: string[]) => ["value", ...paths.map((p) => `value[].${p}`)];
/** A resource's read paths: its envelope, every path of the properties it was written with, and read-only ones. */
const resourcePaths = (properties: unknown, adds: string[] = []) => [
  "id",
  "name",
  "location",
  "properties",
  ...[...pathsOf(properties)].map((p) => `properties.${p}`),
  ...adds,
];
const SCRIPT_PROPERTIES = {
  description: "This is the gallery script description.",
  eula: "This is the gallery script EULA.",
  privacyStatementUri: "{myPrivacyStatementUri}",
  releaseNoteUri: "{myReleaseNoteUri}",
  supportedOSType: "Windows",
};
const SCRIPT_VERSION = {
  location: "West US",
  properties: {
    publishingProfile: {
      source: {
        scriptLink: "https://mystorageaccount.blob.core.windows.net/mycontainer/myScript.ps1",
        parameters: [
          { name: "location", required: true, defaultValue: "westus", type: "String" },
          {
            name: "numberOfUnits",
            required: true,
            type: "Int",
            defaultValue: "3",
            description: "description of the parameter",
            minValue: "1",
            maxValue: "5",
          },
          {
            name: "typeOfProduct",
            required: false,
            type: "Enum",
            defaultValue: "Fruit",
            description: "description of the parameter",
            enumValues: ["Fruit", "Vegetable", "Greens", "Nuts"],
          },
        ],
      },
      targetRegions: [{ name: "West US", regionalReplicaCount: 2, storageAccountType: "Standard_LRS" }],
      replicaCount: 2,
      endOfLifeDate: "2027-07-01T07:00:00+00:00",
      storageAccountType: "Standard_LRS",
    },
    safetyProfile: { allowDeletionOfReplicatedLocations: false },
  },
};
const SCRIPT_VERSION_ADDS = [
  "type",
  "properties.publishingProfile.targetRegions[].excludeFromLatest",
  "properties.publishingProfile.excludeFromLatest",
  "properties.publishingProfile.publishedDate",
  "properties.provisioningState",
];
const PROFILE_PROPERTIES = { osType: "Linux", applicableHostEndpoint: "WireServer" };
const IMAGE_PROPERTIES = {
  osType: "Windows",
  osState: "Generalized",
  hyperVGeneration: "V1",
  identifier: { publisher: "myPublisherName", offer: "myOfferName", sku: "mySkuName" },
};
const COMMUNITY_GALLERY = `${PROVIDER}/Microsoft.Compute/galleries/myCommunityGalleryName`;
const SHARED = `/subscriptions/${SUB}/providers/Microsoft.Compute/locations/westus/sharedGalleries/${SUB}-MYGALLERYNAME`;
const COMMUNITY = (learnt: Learnt) =>
  `/subscriptions/${SUB}/providers/Microsoft.Compute/locations/westus/communityGalleries/${learnt.publicName}`;
/** The read-only view of a version that shared and community galleries answer. */
const SHARED_VERSION = [
  "name",
  "location",
  "identifier.uniqueId",
  "properties.publishedDate",
  "properties.endOfLifeDate",
  "properties.excludeFromLatest",
  "properties.storageProfile.osDiskImage.diskSizeGB",
  "properties.storageProfile.osDiskImage.hostCaching",
  "properties.artifactTags",
];
const SHARED_IMAGE = [
  "name",
  "location",
  "identifier.uniqueId",
  "properties.osType",
  "properties.osState",
  "properties.hyperVGeneration",
  "properties.identifier.publisher",
  "properties.identifier.offer",
  "properties.identifier.sku",
  "properties.artifactTags",
];

/** What a gallery write's example response adds to its request. */
const GALLERY_ADDS = ["id", "name", "properties.identifier.uniqueName", "properties.provisioningState"];
/** Whom a gallery is shared with, as `$select=Permissions` and `$expand=SharingProfile/Groups` answer. */
const SHARING_READ = [
  "id",
  "name",
  "location",
  "properties.sharingProfile.permissions",
  "properties.sharingProfile.groups[].type",
  "properties.sharingProfile.groups[].ids",
];
const GALLERY_READ = [
  "id",
  "name",
  "location",
  "properties.description",
  "properties.identifier.uniqueName",
  "properties.provisioningState",
];
const APPLICATION_VERSION_ADDS = [
  "id",
  "name",
  "type",
  "properties.publishingProfile.enableHealthCheck",
  "properties.publishingProfile.excludeFromLatest",
  "properties.publishingProfile.publishedDate",
  "properties.provisioningState",
];

/** The examples after the first writes: reads, updates, sharing, community, and deletes, in an order that works. */
const MORE_STEPS: Step[] = [
  {
    example: "galleryScriptExamples/GalleryScript_ListByGallery.json",
    method: "GET",
    path: `${GALLERY}/scripts`,
    status: 200,
    responsePaths: list(resourcePaths(SCRIPT_PROPERTIES, ["properties.provisioningState"])),
  },
  {
    example: "2025-03-03/galleryExamples/GalleryScript_Update.json",
    method: "PATCH",
    path: SCRIPT,
    body: { properties: SCRIPT_PROPERTIES },
    status: 200,
    adds: ["id", "name", "type", "location"],
  },
  {
    example: "2025-03-03/galleryExamples/GalleryScriptVersion_Create.json",
    method: "PUT",
    path: `${SCRIPT}/versions/1.0.0`,
    body: SCRIPT_VERSION,
    status: 201,
    adds: ["id", "name", ...SCRIPT_VERSION_ADDS],
  },
  {
    example: "galleryScriptExamples/GalleryScriptVersion_Get.json",
    method: "GET",
    path: `${SCRIPT}/versions/1.0.0`,
    status: 200,
    responsePaths: resourcePaths(SCRIPT_VERSION.properties, SCRIPT_VERSION_ADDS),
  },
  {
    example: "2025-03-03/galleryExamples/GalleryScriptVersion_Get_WithReplicationStatus.json",
    method: "GET",
    path: `${SCRIPT}/versions/1.0.0`,
    query: "$expand=ReplicationStatus",
    status: 200,
    responsePaths: [...resourcePaths(SCRIPT_VERSION.properties, SCRIPT_VERSION_ADDS), ...REPLICATION_STATUS_READ],
  },
  {
    example: "2025-03-03/galleryExamples/GalleryScriptVersion_Update.json",
    method: "PATCH",
    path: `${SCRIPT}/versions/1.0.0`,
    body: {
      properties: {
        publishingProfile: {
          ...SCRIPT_VERSION.properties.publishingProfile,
          source: {
            scriptLink: "https://mystorageaccount.blob.core.windows.net/mycontainer/myScript.ps1",
            parameters: [
              ...SCRIPT_VERSION.properties.publishingProfile.source.parameters,
              {
                name: "weightOfUnit",
                required: true,
                type: "Double",
                defaultValue: "0.6",
                description: "description of the parameter",
                minValue: "0.1",
                maxValue: "2",
              },
            ],
          },
        },
        safetyProfile: { allowDeletionOfReplicatedLocations: false },
      },
    },
    status: 200,
    adds: ["id", "name", "location", ...SCRIPT_VERSION_ADDS],
    differs:
      "the scriptLink is sent without the example's '?{sasKey}' (its response shows the link without one); the " +
      "String parameters myGalleryScriptParameter1 and 2 are left out as the version's Get example has none",
  },
  {
    example: "galleryScriptExamples/GalleryScriptVersion_ListByGalleryScript.json",
    method: "GET",
    path: `${SCRIPT}/versions`,
    status: 200,
    responsePaths: list(resourcePaths(SCRIPT_VERSION.properties, SCRIPT_VERSION_ADDS)),
  },
  {
    example: "2025-03-03/galleryResourceProfileExamples/GalleryInVMAccessControlProfile_Update.json",
    method: "PATCH",
    path: PROFILE,
    body: { properties: PROFILE_PROPERTIES },
    status: 200,
    adds: ["id", "name", "location", "properties.provisioningState"],
  },
  {
    example: "2025-03-03/galleryResourceProfileExamples/GalleryInVMAccessControlProfile_ListByGallery.json",
    method: "GET",
    path: `${GALLERY}/inVMAccessControlProfiles`,
    status: 200,
    responsePaths: list(resourcePaths(PROFILE_PROPERTIES, ["properties.provisioningState"])),
  },
  {
    example: "2025-03-03/galleryResourceProfileExamples/GalleryInVMAccessControlProfileVersion_Update.json",
    method: "PATCH",
    path: `${PROFILE}/versions/1.0.0`,
    body: {
      properties: {
        mode: "Audit",
        defaultAccess: "Allow",
        targetLocations: [{ name: "West US" }, { name: "South Central US" }, { name: "East US" }],
        excludeFromLatest: false,
      },
    },
    status: 200,
    adds: [
      "id",
      "name",
      "location",
      ...[...pathsOf(PROFILE_VERSION.properties.rules)].map((p) => `properties.rules.${p}`),
      "properties.rules",
      "properties.publishedDate",
      "properties.provisioningState",
    ],
  },
  {
    example:
      "2025-03-03/galleryResourceProfileExamples/GalleryInVMAccessControlProfileVersion_ListByGalleryInVMAccessControlProfile.json",
    method: "GET",
    path: `${PROFILE}/versions`,
    status: 200,
    responsePaths: list(
      resourcePaths(PROFILE_VERSION.properties, ["properties.publishedDate", "properties.provisioningState"]),
    ),
  },
  {
    example: "2025-03-03/galleryExamples/GalleryApplicationVersion_Update.json",
    method: "PATCH",
    path: `${APP}/versions/1.0.0`,
    body: {
      properties: {
        publishingProfile: {
          source: { mediaLink: `${PACKAGE}?{sasKey}` },
          manageActions: APPLICATION_VERSION.properties.publishingProfile.manageActions,
          targetRegions: APPLICATION_VERSION.properties.publishingProfile.targetRegions,
          replicaCount: 1,
          endOfLifeDate: "2029-07-01T07:00:00Z",
          storageAccountType: "Standard_LRS",
        },
        safetyProfile: { allowDeletionOfReplicatedLocations: false },
      },
    },
    status: 200,
    adds: [...APPLICATION_VERSION_ADDS, "location"],
    rewritten: ["properties.publishingProfile.endOfLifeDate"],
    differs: "endOfLifeDate 2029 for the example's 2019 (a past date is refused)",
  },
  {
    example: "2025-03-03/galleryExamples/GalleryApplicationVersion_Get_WithReplicationStatus.json",
    method: "GET",
    path: `${APP}/versions/1.0.0`,
    query: "$expand=ReplicationStatus",
    status: 200,
    responsePaths: [
      ...resourcePaths(APPLICATION_VERSION.properties, APPLICATION_VERSION_ADDS),
      ...REPLICATION_STATUS_READ,
    ],
    differs: "settings and advancedSettings, which no request of the examples sets, are not asserted",
  },
  {
    example: "2025-03-03/galleryExamples/GalleryImage_Update.json",
    method: "PATCH",
    path: IMAGE,
    body: { properties: IMAGE_PROPERTIES },
    status: 200,
    adds: ["name", "location", "properties.provisioningState"],
  },
  {
    example: "galleryExamples/GalleryImage_ListByGallery.json",
    method: "GET",
    path: `${GALLERY}/images`,
    status: 200,
    responsePaths: list(resourcePaths(IMAGE_PROPERTIES, ["properties.provisioningState"])),
  },
  {
    example: "2025-03-03/galleryExamples/GalleryImageVersion_Update_RestoreSoftDeleted.json",
    method: "PATCH",
    path: `${IMAGE}/versions/1.0.2`,
    body: { properties: { restore: true, storageProfile: {} } },
    status: 200,
    writeOnly: ["properties.restore"],
    adds: [
      "name",
      "location",
      ...REGION_READ,
      ...PROFILE_READ,
      "properties.storageProfile.source.id",
      ...DISK_IMAGES_READ,
      "properties.provisioningState",
    ],
    differs: "restores 1.0.2, the version GalleryImageVersion_Delete soft-deleted above",
  },
  {
    example: "galleryExamples/Gallery_AddToSharingProfile.json",
    method: "POST",
    path: `${GALLERY}/share`,
    body: {
      operationType: "Add",
      groups: [
        { type: "Subscriptions", ids: [SUB] },
        { type: "AADTenants", ids: [TENANT] },
      ],
    },
    status: [200, 202],
    differs:
      "the gallery is shared with the emulator's own subscription and tenant, which the caller can read from; " +
      "version 1.0.0 gets an endOfLifeDate first, which the shared version examples show (no version example sets " +
      "one, and a directly shared gallery's encrypted versions can't be changed after)",
    prepare: async ({ call, advance }) => {
      const eol = { properties: { publishingProfile: { endOfLifeDate: "2030-03-20T09:12:28Z" } } };
      const patched = await call("PATCH", `${IMAGE}/versions/1.0.0`, eol);
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);
      await advance(3600);
    },
  },
  {
    example: "galleryExamples/Gallery_Get_WithSelectPermissions.json",
    method: "GET",
    path: GALLERY,
    query: "$select=Permissions",
    status: 200,
    responsePaths: SHARING_READ,
  },
  {
    example: "sharedGalleryExamples/SharedGallery_List.json",
    method: "GET",
    path: SHARED.replace(/\/[^/]+$/, ""),
    status: 200,
    responsePaths: list(["location", "name", "identifier.uniqueId", "properties.artifactTags"]),
    differs: "the artifact tags' names and values are data, so only properties.artifactTags is checked",
  },
  {
    example: "2025-03-03/sharedGalleryExamples/SharedGallery_Get.json",
    method: "GET",
    path: SHARED,
    status: 200,
    responsePaths: ["location", "name", "identifier.uniqueId", "properties.artifactTags"],
  },
  {
    example: "sharedGalleryExamples/SharedGalleryImages_List.json",
    method: "GET",
    path: `${SHARED}/images`,
    status: 200,
    responsePaths: list(SHARED_IMAGE),
  },
  {
    example: "sharedGalleryExamples/SharedGalleryImage_Get.json",
    method: "GET",
    path: `${SHARED}/images/myGalleryImageName`,
    status: 200,
    responsePaths: SHARED_IMAGE,
    differs: "no eula: GalleryImage_Create's definition has none",
  },
  {
    example: "sharedGalleryExamples/SharedGalleryImageVersions_List.json",
    method: "GET",
    path: `${SHARED}/images/myGalleryImageName/versions`,
    status: 200,
    responsePaths: list(SHARED_VERSION),
  },
  {
    example: "2025-03-03/sharedGalleryExamples/SharedGalleryImageVersion_Get.json",
    method: "GET",
    path: `${SHARED}/images/myGalleryImageName/versions/1.0.0`,
    status: 200,
    responsePaths: SHARED_VERSION,
  },
  ...(["accept", "reject"] as const).flatMap((decision): Step[] => {
    const title = decision === "accept" ? "Accept" : "Reject";
    const answer = ["type", "sharedGallerySubscriptionId", "sharedGalleryName", "location", "status"];
    return [
      {
        example: `sharedGalleryInviteExamples/SharedGalleryInvite_${title}.json`,
        method: "POST",
        path: `/subscriptions/${SUB}/providers/Microsoft.Compute/locations/westus/sharedGallerySubscriptions/${SUB}/sharedGalleries/myGalleryName/${decision}`,
        status: [200, 202],
        // The reject example's body is empty; accept's carries the decision.
        responsePaths: decision === "accept" ? answer : [],
        differs: "the gallery shared by Gallery_AddToSharingProfile, with the caller's own subscription",
      },
      {
        example: `tenantLevelSharedGalleryInviteExamples/TenantLevelSharedGalleryInvite_${title}.json`,
        method: "POST",
        path: `/providers/Microsoft.Compute/locations/westus/tenantLevelSharedGallerySubscriptions/${SUB}/sharedGalleries/myGalleryName/${decision}`,
        status: [200, 202],
        responsePaths: decision === "accept" ? answer : [],
        differs: "the gallery shared by Gallery_AddToSharingProfile, with the caller's own tenant",
      },
    ];
  }),
  {
    example: "2025-03-03/galleryExamples/Gallery_Get_WithExpandSharingProfileGroups.json",
    method: "GET",
    path: GALLERY,
    query: "$expand=SharingProfile/Groups",
    status: 200,
    responsePaths: SHARING_READ,
  },
  {
    example: "2025-03-03/galleryExamples/Gallery_ResetSharingProfile.json",
    method: "POST",
    path: `${GALLERY}/share`,
    body: { operationType: "Reset" },
    status: [200, 202],
  },
  {
    example: "2025-03-03/galleryExamples/CommunityGallery_Create.json",
    method: "PUT",
    path: COMMUNITY_GALLERY,
    body: {
      location: "West US",
      properties: {
        description: "This is the gallery description.",
        sharingProfile: {
          permissions: "Community",
          communityGalleryInfo: {
            publisherUri: "https://contoso.example/uri",
            publisherContact: "pir@microsoft.com",
            eula: "https://contoso.example/eula",
            publicNamePrefix: "PirPublic",
          },
        },
      },
    },
    status: 201,
    adds: GALLERY_ADDS,
    differs:
      "a gallery of its own (myGalleryName is shared with groups); publisherUri and eula are URIs for the " +
      "example's 'uri' and 'eula', which are not",
  },
  {
    example: "2025-03-03/galleryExamples/Gallery_EnableCommunityGallery.json",
    method: "POST",
    path: `${COMMUNITY_GALLERY}/share`,
    body: { operationType: "EnableCommunity" },
    status: [200, 202],
    differs: "the community gallery gets GalleryImage_Create's definition and a version first, for the reads after",
    prepare: async ({ call, advance }) => {
      const image = await call("PUT", `${COMMUNITY_GALLERY}/images/myGalleryImageName`, {
        location: "West US",
        properties: { ...IMAGE_PROPERTIES, eula: "https://test-uri.com", privacyStatementUri: "https://test-uri.com" },
      });
      expect(image.status).toBe(201);
      await advance(3600);
      const version = await call("PUT", `${COMMUNITY_GALLERY}/images/myGalleryImageName/versions/1.0.0`, {
        location: "West US",
        properties: {
          publishingProfile: { targetRegions: [{ name: "West US" }], endOfLifeDate: "2030-03-20T09:12:28Z" },
          storageProfile: { source: { id: SOURCE_IMAGE } },
        },
      });
      expect(version.status).toBe(201);
      await advance(3600);
    },
  },
  {
    example: "2025-03-03/galleryExamples/CommunityGallery_Get.json",
    method: "GET",
    path: COMMUNITY_GALLERY,
    status: 200,
    responsePaths: [
      ...GALLERY_READ,
      "properties.sharingProfile.permissions",
      ...under("properties.sharingProfile.communityGalleryInfo", [
        "publisherUri",
        "publisherContact",
        "eula",
        "publicNames",
        "communityGalleryEnabled",
      ]),
      "properties.sharingStatus.aggregatedState",
      ...under("properties.sharingStatus.summary[]", ["region", "state", "details"]),
    ],
    differs: "the community gallery CommunityGallery_Create made",
  },
  {
    example: "communityGalleryExamples/CommunityGallery_Get.json",
    method: "GET",
    path: COMMUNITY,
    status: 200,
    responsePaths: [
      "location",
      "name",
      "type",
      "identifier.uniqueId",
      "properties.artifactTags",
      "properties.disclaimer",
      "properties.communityMetadata.publisherUri",
      "properties.communityMetadata.publisherContact",
      "properties.communityMetadata.eula",
      "properties.communityMetadata.publicNames",
    ],
    differs:
      "communityMetadata.privacyStatementUri is not asserted: no request field of the API sets it (the gallery's " +
      "communityGalleryInfo has none), and the emulator invents no value",
    prepare: async ({ call, learnt }) => {
      const gallery = await call("GET", COMMUNITY_GALLERY);
      const info = (gallery.body.properties as { sharingProfile: { communityGalleryInfo: { publicNames: string[] } } })
        .sharingProfile.communityGalleryInfo;
      learnt.publicName = info.publicNames[0];
    },
  },
  {
    example: "2025-03-03/communityGalleryExamples/CommunityGalleryImage_List.json",
    method: "GET",
    path: (learnt) => `${COMMUNITY(learnt)}/images`,
    status: 200,
    responsePaths: list([
      ...SHARED_IMAGE,
      "type",
      "properties.privacyStatementUri",
      "properties.eula",
      "properties.disclaimer",
    ]),
  },
  {
    example: "2025-03-03/communityGalleryExamples/CommunityGalleryImage_Get.json",
    method: "GET",
    path: (learnt) => `${COMMUNITY(learnt)}/images/myGalleryImageName`,
    status: 200,
    responsePaths: [
      ...SHARED_IMAGE,
      "type",
      "properties.privacyStatementUri",
      "properties.eula",
      "properties.disclaimer",
    ],
  },
  {
    example: "2025-03-03/communityGalleryExamples/CommunityGalleryImageVersion_List.json",
    method: "GET",
    path: (learnt) => `${COMMUNITY(learnt)}/images/myGalleryImageName/versions`,
    status: 200,
    responsePaths: list([...SHARED_VERSION, "properties.disclaimer"]),
  },
  {
    example: "communityGalleryExamples/CommunityGalleryImageVersion_Get.json",
    method: "GET",
    path: (learnt) => `${COMMUNITY(learnt)}/images/myGalleryImageName/versions/1.0.0`,
    status: 200,
    responsePaths: [...SHARED_VERSION, "type", "properties.disclaimer"],
  },
  {
    example: "2025-03-03/galleryExamples/GalleryImageVersion_Create_WithCommunityImageVersionAsSource.json",
    method: "PUT",
    path: `${IMAGE}/versions/1.0.10`,
    body: (learnt) => ({
      location: "West US",
      properties: {
        publishingProfile: { targetRegions: [WEST_US, EAST_US] },
        storageProfile: {
          source: { communityGalleryImageId: `/communityGalleries/${learnt.publicName}/images/myGalleryImageName` },
        },
        safetyProfile: SAFETY,
      },
    }),
    status: 201,
    adds: VERSION_ADDS,
    differs:
      "version 1.0.10 from the community gallery CommunityGallery_Create made (public, so the caller's own " +
      "tenant's serves; virtualMachines.communityImage.test.ts uses another tenant's)",
  },
  {
    example: "2025-03-03/GalleryScriptVersion_Update.json/Gallery_Update.json",
    method: "PATCH",
    path: GALLERY,
    body: { properties: { description: "This is the gallery description." } },
    status: 200,
    adds: ["name", "location", "properties.identifier.uniqueName", "properties.provisioningState"],
    differs: "2025-03-03 files this example in a folder named GalleryScriptVersion_Update.json",
  },
  {
    example: "2025-03-03/galleryExamples/Gallery_ListByResourceGroup.json",
    method: "GET",
    path: `${PROVIDER}/Microsoft.Compute/galleries`,
    status: 200,
    responsePaths: list(GALLERY_READ),
  },
  {
    example: "2025-03-03/galleryExamples/Gallery_ListBySubscription.json",
    method: "GET",
    path: `/subscriptions/${SUB}/providers/Microsoft.Compute/galleries`,
    status: 200,
    responsePaths: list(GALLERY_READ),
  },
  ...[
    ["2025-03-03/galleryExamples/GalleryScriptVersion_Delete.json", `${SCRIPT}/versions/1.0.0`],
    ["galleryScriptExamples/GalleryScript_Delete.json", SCRIPT],
    [
      "2025-03-03/galleryResourceProfileExamples/GalleryInVMAccessControlProfileVersion_Delete.json",
      `${PROFILE}/versions/1.0.0`,
    ],
    ["2025-03-03/galleryResourceProfileExamples/GalleryInVMAccessControlProfile_Delete.json", PROFILE],
    ["2025-03-03/galleryExamples/GalleryApplicationVersion_Delete.json", `${APP}/versions/1.0.0`],
    ["2025-03-03/galleryExamples/GalleryApplication_Delete.json", APP],
  ].map(([example, path]): Step => ({ example: example!, method: "DELETE", path: path!, status: [200, 202, 204] })),
  {
    example: "2025-03-03/galleryExamples/GalleryImage_Delete.json",
    method: "DELETE",
    path: `${COMMUNITY_GALLERY}/images/myGalleryImageName`,
    status: [200, 202, 204],
    differs: "the community gallery's definition, once its version is deleted (myGalleryName keeps soft-deleted ones)",
    prepare: async ({ call, advance }) => {
      const version = await call("DELETE", `${COMMUNITY_GALLERY}/images/myGalleryImageName/versions/1.0.0`);
      expect([200, 202, 204]).toContain(version.status);
      await advance(3600);
    },
  },
  {
    example: "2025-03-03/galleryExamples/Gallery_Delete.json",
    method: "DELETE",
    path: COMMUNITY_GALLERY,
    status: [200, 202, 204],
    differs: "the community gallery, now empty",
  },
];

const STEPS: Step[] = [
  {
    example: "galleryExamples/Gallery_Create_WithManagedIdentity.json",
    method: "PUT",
    path: GALLERY,
    body: {
      location: "West US",
      identity: { type: "SystemAssigned, UserAssigned", userAssignedIdentities: { [IDENTITY]: {} } },
      properties: { description: "This is the gallery description." },
    },
    status: 201,
    adds: [
      "id",
      "name",
      "identity.principalId",
      "identity.tenantId",
      "properties.identifier",
      "properties.identifier.uniqueName",
      "properties.provisioningState",
    ],
    // The example's 201 body also shows softDeletePolicy, which its request does not set (its 200 body lacks it).
    differs: "the user-assigned identity is made in beforeAll; softDeletePolicy of the 201 body is not asserted",
  },
  {
    example: "galleryExamples/Gallery_Get.json",
    method: "GET",
    path: GALLERY,
    status: 200,
    responsePaths: [
      "id",
      "name",
      "location",
      "properties",
      "properties.description",
      "properties.identifier",
      "properties.identifier.uniqueName",
      "properties.provisioningState",
    ],
  },
  {
    example: "2025-03-03/galleryExamples/Gallery_Get_WithManagedIdentity.json",
    method: "GET",
    path: GALLERY,
    status: 200,
    responsePaths: [
      ...GALLERY_READ,
      "identity.type",
      "identity.principalId",
      "identity.tenantId",
      `identity.userAssignedIdentities.${IDENTITY}.principalId`,
      `identity.userAssignedIdentities.${IDENTITY}.clientId`,
    ],
  },
  {
    example: "2025-03-03/galleryExamples/Gallery_Create_SoftDeletionEnabled.json",
    method: "PUT",
    path: GALLERY,
    body: {
      location: "West US",
      properties: { description: "This is the gallery description.", softDeletePolicy: { isSoftDeleteEnabled: true } },
    },
    status: 200,
    adds: ["id", "name", "properties.identifier", "properties.identifier.uniqueName", "properties.provisioningState"],
  },
  {
    example: "2025-03-03/galleryExamples/Gallery_Create.json",
    method: "PUT",
    path: OTHER_GALLERY,
    body: { location: "West US", properties: { description: "This is the gallery description." } },
    status: 201,
    adds: GALLERY_ADDS,
    differs: "a gallery of its own, myOtherGalleryName, as myGalleryName exists",
  },
  {
    example: "2025-03-03/galleryExamples/Gallery_Create_WithSharingProfile.json",
    method: "PUT",
    path: OTHER_GALLERY,
    body: {
      location: "West US",
      properties: { description: "This is the gallery description.", sharingProfile: { permissions: "Groups" } },
    },
    status: 200,
    adds: GALLERY_ADDS,
    differs: "myOtherGalleryName again, so the example's 200 (an update) is the answer",
  },
  {
    example: "2025-03-03/galleryExamples/GalleryImage_Create.json",
    method: "PUT",
    path: IMAGE,
    body: { location: "West US", properties: IMAGE_PROPERTIES },
    status: 201,
    adds: ["id", "name", "properties.provisioningState"],
  },
  {
    example: "galleryExamples/GalleryImage_Get.json",
    method: "GET",
    path: IMAGE,
    status: 200,
    responsePaths: [
      "id",
      "name",
      "location",
      "properties.osType",
      "properties.osState",
      "properties.hyperVGeneration",
      "properties.identifier.publisher",
      "properties.identifier.offer",
      "properties.identifier.sku",
      "properties.provisioningState",
    ],
  },
  {
    example: "2025-03-03/galleryExamples/GalleryImageVersion_Create.json",
    method: "PUT",
    path: `${IMAGE}/versions/1.0.0`,
    body: {
      location: "West US",
      properties: {
        publishingProfile: { targetRegions: [WEST_US, EAST_US] },
        storageProfile: { source: { id: SOURCE_IMAGE } },
        safetyProfile: SAFETY,
      },
    },
    status: 201,
    adds: VERSION_ADDS,
    differs: "the source image and disk encryption sets are made in beforeAll",
  },
  {
    example: "2025-03-03/galleryExamples/GalleryImageVersion_Create_WithAdditionalReplicaSets.json",
    method: "PUT",
    path: `${IMAGE}/versions/1.0.1`,
    body: {
      location: "West US",
      properties: {
        publishingProfile: {
          targetRegions: [
            { ...WEST_US, additionalReplicaSets: [{ storageAccountType: "PremiumV2_LRS", regionalReplicaCount: 1 }] },
            EAST_US,
          ],
        },
        storageProfile: { source: { id: SOURCE_IMAGE } },
        safetyProfile: { allowDeletionOfReplicatedLocations: false },
      },
    },
    status: 201,
    adds: VERSION_ADDS,
    differs: "version 1.0.1, as 1.0.0 exists",
  },
  {
    example: "galleryExamples/GalleryImageVersion_Create_WithTargetExtendedLocations.json",
    method: "PUT",
    path: `${IMAGE}/versions/1.0.2`,
    body: {
      location: "West US",
      properties: {
        publishingProfile: {
          targetRegions: [WEST_US, EAST_US],
          targetExtendedLocations: [
            {
              name: "West US",
              extendedLocation: { name: "microsoftlosangeles1", type: "EdgeZone" },
              encryption: encryption("myWestUSDiskEncryptionSet", [[0, "myWestUSDiskEncryptionSet"]]),
              storageAccountType: "StandardSSD_LRS",
              extendedLocationReplicaCount: 1,
            },
            {
              name: "East US",
              extendedLocation: { name: "microsoftnewyork1", type: "EdgeZone" },
              encryption: encryption("myEastUSDiskEncryptionSet", [[0, "myEastUSDiskEncryptionSet"]]),
              storageAccountType: "StandardSSD_LRS",
              extendedLocationReplicaCount: 1,
            },
          ],
        },
        storageProfile: { source: { id: SOURCE_IMAGE } },
        safetyProfile: SAFETY,
      },
    },
    status: 201,
    adds: VERSION_ADDS,
    differs:
      "version 1.0.2; the request carries the targetExtendedLocations its response shows (the example's request " +
      "omits them), with StandardSSD_LRS for the response's 'StandardSSD_LRS(default)', which is no storage type",
  },
  {
    example: "2025-03-03/galleryExamples/GalleryImageVersion_Create_WithVHD_UefiSettings.json",
    method: "PUT",
    path: `${TRUSTED_IMAGE}/versions/1.0.3`,
    body: {
      location: "West US",
      properties: {
        publishingProfile: {
          targetRegions: [
            {
              name: "West US",
              regionalReplicaCount: 1,
              encryption: encryption("myWestUSDiskEncryptionSet", [[1, "myOtherWestUSDiskEncryptionSet"]]),
              excludeFromLatest: false,
            },
            {
              name: "East US",
              regionalReplicaCount: 2,
              storageAccountType: "Standard_ZRS",
              encryption: encryption("myEastUSDiskEncryptionSet", [[1, "myOtherEastUSDiskEncryptionSet"]]),
              excludeFromLatest: false,
            },
          ],
        },
        storageProfile: {
          osDiskImage: { source: { storageAccountId: VHD_ACCOUNT, uri: VHD }, hostCaching: "ReadOnly" },
          dataDiskImages: [{ source: { storageAccountId: VHD_ACCOUNT, uri: VHD }, lun: 1, hostCaching: "None" }],
        },
        safetyProfile: SAFETY,
        securityProfile: {
          uefiSettings: {
            signatureTemplateNames: ["MicrosoftUefiCertificateAuthorityTemplate"],
            additionalSignatures: {
              kek: [{ type: "sha256", value: ["<sha256 value>"] }],
              db: [{ type: "x509", value: ["<x509 value>"] }],
              dbx: [{ type: "x509", value: ["<x509 value>"] }],
            },
          },
        },
      },
    },
    status: 201,
    adds: [
      "id",
      "name",
      "properties.publishingProfile.targetRegions[].storageAccountType",
      "properties.publishingProfile.replicaCount",
      "properties.publishingProfile.publishedDate",
      PROFILE_STORAGE,
      "properties.safetyProfile.reportedForPolicyViolation",
      "properties.provisioningState",
    ],
    differs:
      "UEFI keys need a definition that supports Trusted Launch, which GalleryImage_Create's V1 one does not, so " +
      "this is version 1.0.3 of a Gen2 TrustedLaunchSupported Windows definition; the storage account and its VHD " +
      "blob are made in beforeAll; East US gets disk encryption sets too, as Azure refuses a region without them " +
      "when another region's disks have one (the example leaves East US unencrypted)",
    prepare: async ({ call, advance }) => {
      const image = await call("PUT", TRUSTED_IMAGE, {
        location: "West US",
        properties: {
          osType: "Windows",
          osState: "Generalized",
          hyperVGeneration: "V2",
          features: [{ name: "SecurityType", value: "TrustedLaunchSupported" }],
          identifier: { publisher: "myPublisherName", offer: "myOfferName", sku: "myTrustedSkuName" },
        },
      });
      expect(image.status).toBe(201);
      await advance(3600);
    },
  },
  {
    example: "2025-03-03/galleryExamples/GalleryImageVersion_Get_WithReplicationStatus.json",
    method: "GET",
    path: `${IMAGE}/versions/1.0.0`,
    query: "$expand=ReplicationStatus",
    status: 200,
    responsePaths: [...VERSION_READ, ...REPLICATION_STATUS_READ],
    differs: "the version is flagged through /_emulator/policyViolations first, as the example's is",
    prepare: async ({ call }) => {
      const flagged = await call("PUT", "/_emulator/policyViolations", {
        resourceId: `${IMAGE}/versions/1.0.0`,
        policyViolations: [{ category: "ImageFlaggedUnsafe", details: "This is the policy violation details." }],
      });
      expect(flagged.status).toBe(200);
    },
  },
  {
    example: "galleryExamples/GalleryImageVersion_Get_WithValidationProfileAndReplicationStatus.json",
    method: "GET",
    path: `${TRUSTED_IMAGE}/versions/1.0.0`,
    query: "$expand=ValidationProfile,ReplicationStatus",
    status: 200,
    responsePaths: [
      ...VALIDATED_VERSION_READ,
      ...under("properties.storageProfile.osDiskImage", ["sizeInGB", "hostCaching"]),
      ...REPLICATION_STATUS_READ,
    ],
    differs:
      "validation runs for versions of TrustedLaunchSupported definitions, so the version is of one made in " +
      "beforeAll (a Gen2 managed image its source)",
    prepare: async ({ call, advance }) => {
      const version = await call("PUT", `${TRUSTED_IMAGE}/versions/1.0.0`, {
        location: "West US",
        properties: {
          publishingProfile: { targetRegions: [{ name: "West US" }, { name: "East US", regionalReplicaCount: 2 }] },
          storageProfile: { source: { id: SOURCE_IMAGE_V2 } },
        },
      });
      expect(version.status).toBe(201);
      for (let hour = 0; hour < 24; hour++) await advance(3600);
    },
  },
  {
    example: "galleryExamples/GalleryImageVersion_Get_WithValidationProfile.json",
    method: "GET",
    path: `${TRUSTED_IMAGE}/versions/1.0.0`,
    query: "$expand=ValidationProfile",
    status: 200,
    responsePaths: VALIDATED_VERSION_READ,
    differs: "the version GalleryImageVersion_Get_WithValidationProfileAndReplicationStatus made",
  },
  {
    example: "2025-03-03/galleryExamples/GalleryImage_UpdateFeatures.json",
    method: "PATCH",
    path: TRUSTED_IMAGE,
    body: {
      properties: {
        osType: "Windows",
        osState: "Generalized",
        hyperVGeneration: "V2",
        allowUpdateImage: true,
        features: [{ name: "SecurityType", value: "TrustedLaunch", startsAtVersion: "2.0.0" }],
        identifier: { publisher: "myPublisherName", offer: "myOfferName", sku: "myTrustedSkuName" },
      },
    },
    status: 200,
    adds: ["name", "location", "properties.provisioningState"],
    writeOnly: ["properties.allowUpdateImage"],
    differs:
      "the Gen2 definition made for the UEFI example (GalleryImage_Create's is V1, which a V2 update can't change), " +
      "so its SKU is myTrustedSkuName",
  },
  {
    example: "galleryExamples/GalleryImageVersion_Update_WithoutSourceId.json",
    method: "PATCH",
    path: `${IMAGE}/versions/1.0.0`,
    body: { properties: { publishingProfile: { targetRegions: [WEST_US, EAST_US] } } },
    status: 200,
    adds: [...VERSION_ADDS, "location", "properties.storageProfile.source.id"],
  },
  {
    example: "2025-03-03/galleryExamples/GalleryImageVersion_Update.json",
    method: "PATCH",
    path: `${IMAGE}/versions/1.0.0`,
    body: {
      properties: {
        publishingProfile: {
          targetRegions: [
            { name: "West US", regionalReplicaCount: 1 },
            { name: "East US", regionalReplicaCount: 2, storageAccountType: "Standard_ZRS" },
          ],
        },
        storageProfile: { source: { id: SOURCE_IMAGE } },
      },
    },
    status: 200,
    adds: [
      ...VERSION_ADDS,
      "location",
      ...ENCRYPTION_READ,
      "properties.publishingProfile.targetRegions[].excludeFromLatest",
    ],
  },
  {
    example: "2025-03-03/galleryExamples/GalleryImageVersion_Get.json",
    method: "GET",
    path: `${IMAGE}/versions/1.0.0`,
    status: 200,
    responsePaths: VERSION_READ,
  },
  {
    example: "2025-03-03/galleryExamples/GalleryImageVersion_Create_WithVmAsSource.json",
    method: "PUT",
    path: `${IMAGE}/versions/1.0.4`,
    body: {
      location: "West US",
      properties: {
        publishingProfile: { targetRegions: [{ ...WEST_US, regionalReplicaCount: 2 }, EAST_US] },
        storageProfile: { source: { virtualMachineId: VM } },
        safetyProfile: SAFETY,
      },
    },
    status: 201,
    adds: VERSION_ADDS,
    differs: "version 1.0.4; the generalized VM is made in beforeAll from the managed image",
  },
  {
    example: "2025-03-03/galleryExamples/GalleryImageVersion_Create_WithImageVersionAsSource.json",
    method: "PUT",
    path: `${IMAGE}/versions/1.0.5`,
    body: {
      location: "West US",
      properties: {
        publishingProfile: { targetRegions: [WEST_US, EAST_US] },
        storageProfile: { source: { id: `${IMAGE}/versions/1.0.0` } },
        safetyProfile: SAFETY,
      },
    },
    status: 201,
    adds: VERSION_ADDS,
    differs: "version 1.0.5, from version 1.0.0 of the same definition",
  },
  {
    example: "2025-03-03/galleryExamples/GalleryImageVersion_Create_WithSnapshotsAsSource.json",
    method: "PUT",
    path: `${IMAGE}/versions/1.0.6`,
    body: SNAPSHOT_VERSION,
    status: 201,
    adds: VERSION_ADDS,
    differs: "version 1.0.6; the OS snapshot and the data disk are made in beforeAll",
  },
  {
    example: "2025-03-03/galleryExamples/GalleryImageVersion_Create_WithVHD.json",
    method: "PUT",
    path: `${IMAGE}/versions/1.0.7`,
    body: VHD_VERSION,
    status: 201,
    adds: VERSION_ADDS,
    differs:
      "version 1.0.7; the example's West US sets (myDiskEncryptionSet, myOtherDiskEncryptionSet) are the West US " +
      "ones made in beforeAll; East US gets disk encryption sets too, as for the UEFI example (Azure refuses a " +
      "region without them when another region's disks have one)",
  },
  {
    example: "galleryExamples/GalleryImageVersion_Create_WithShallowReplicationMode.json",
    method: "PUT",
    path: `${IMAGE}/versions/1.0.8`,
    body: {
      location: "West US",
      properties: {
        publishingProfile: {
          targetRegions: [{ name: "West US", regionalReplicaCount: 1, excludeFromLatest: false }],
          replicationMode: "Shallow",
        },
        storageProfile: { source: { id: SOURCE_IMAGE } },
        safetyProfile: SAFETY,
      },
    },
    status: 201,
    adds: VERSION_ADDS,
    differs: "version 1.0.8",
  },
  {
    example: "2025-03-03/galleryExamples/GalleryImageVersion_Create_WithStorageAccountStrategy.json",
    method: "PUT",
    path: `${IMAGE}/versions/1.0.9`,
    body: {
      location: "West US",
      properties: {
        publishingProfile: {
          targetRegions: [
            { name: "West US" },
            { name: "East US" },
            { name: "East US 2", storageAccountType: "Premium_LRS" },
          ],
          storageAccountStrategy: "PreferStandard_ZRS",
        },
        storageProfile: { source: { virtualMachineId: VM } },
      },
    },
    status: 201,
    adds: [
      "id",
      "name",
      "properties.publishingProfile.targetRegions[].regionalReplicaCount",
      "properties.publishingProfile.targetRegions[].storageAccountType",
      ...under("properties.publishingProfile", ["replicaCount", "publishedDate", "excludeFromLatest"]),
      ...under("properties.safetyProfile", ["reportedForPolicyViolation", "allowDeletionOfReplicatedLocations"]),
      "properties.provisioningState",
    ],
    differs: "version 1.0.9, from the VM made in beforeAll",
  },
  {
    example: "galleryExamples/GalleryImageVersion_Get_WithSnapshotsAsSource.json",
    method: "GET",
    path: `${IMAGE}/versions/1.0.6`,
    status: 200,
    responsePaths: [
      ...resourcePaths(SNAPSHOT_VERSION.properties),
      ...REGION_READ,
      ...PROFILE_READ,
      ...DISK_IMAGES_READ,
      "properties.safetyProfile.reportedForPolicyViolation",
      "properties.provisioningState",
    ],
    differs: "the version GalleryImageVersion_Create_WithSnapshotsAsSource made",
  },
  {
    example: "2025-03-03/galleryExamples/GalleryImageVersion_Get_WithVhdAsSource.json",
    method: "GET",
    path: `${IMAGE}/versions/1.0.7`,
    status: 200,
    responsePaths: [
      ...resourcePaths(VHD_VERSION.properties),
      ...REGION_READ,
      ...PROFILE_READ,
      ...DISK_IMAGES_READ,
      "properties.safetyProfile.reportedForPolicyViolation",
      "properties.provisioningState",
    ],
    differs: "the version GalleryImageVersion_Create_WithVHD made",
  },
  {
    example: "2025-03-03/galleryExamples/GalleryImageVersion_ListByGalleryImage.json",
    method: "GET",
    path: `${IMAGE}/versions`,
    status: 200,
    responsePaths: list(VERSION_READ),
  },
  {
    example: "2025-03-03/galleryExamples/GalleryImageVersion_Delete.json",
    method: "DELETE",
    path: `${IMAGE}/versions/1.0.2`,
    status: [200, 202, 204],
  },
  {
    example: "2025-03-03/galleryExamples/GallerySoftDeletedResource_ListByArtifactName.json",
    method: "GET",
    path: `${GALLERY}/softDeletedArtifactTypes/Images/artifacts/myGalleryImageName/versions`,
    status: 200,
    responsePaths: list([
      "name",
      "id",
      "type",
      "location",
      "properties",
      "properties.resourceArmId",
      "properties.softDeletedTime",
      "properties.softDeletedArtifactType",
    ]),
  },
  {
    example: "2025-03-03/galleryExamples/GalleryApplication_Create.json",
    method: "PUT",
    path: APP,
    body: APPLICATION,
    status: 201,
    adds: ["id", "name", "type"],
  },
  {
    example: "galleryExamples/GalleryApplication_Get.json",
    method: "GET",
    path: APP,
    status: 200,
    responsePaths: APPLICATION_READ,
  },
  {
    example: "galleryExamples/GalleryApplication_Update.json",
    method: "PATCH",
    path: APP,
    body: { properties: APPLICATION.properties },
    status: 200,
    adds: ["id", "name", "type", "location"],
  },
  {
    example: "2025-03-03/galleryExamples/GalleryApplication_ListByGallery.json",
    method: "GET",
    path: `${GALLERY}/applications`,
    status: 200,
    responsePaths: list(APPLICATION_READ),
  },
  {
    example: "2025-03-03/galleryExamples/GalleryApplicationVersion_Create.json",
    method: "PUT",
    path: `${APP}/versions/1.0.0`,
    body: APPLICATION_VERSION,
    status: 201,
    adds: [
      "id",
      "name",
      "type",
      "properties.publishingProfile.enableHealthCheck",
      "properties.publishingProfile.excludeFromLatest",
      "properties.publishingProfile.publishedDate",
      "properties.provisioningState",
    ],
    rewritten: ["properties.publishingProfile.endOfLifeDate"],
    differs:
      "endOfLifeDate 2029 for the example's 2019 (a past date is refused); the package blob is registered in " +
      "beforeAll; the response's settings and advancedSettings, which the request does not set, are not asserted",
  },
  {
    example: "2025-03-03/galleryExamples/GalleryApplicationVersion_Get.json",
    method: "GET",
    path: `${APP}/versions/1.0.0`,
    status: 200,
    responsePaths: resourcePaths(APPLICATION_VERSION.properties, APPLICATION_VERSION_ADDS),
    differs: "settings and advancedSettings, which no request of the examples sets, are not asserted",
  },
  {
    example: "2025-03-03/galleryExamples/GalleryApplicationVersion_ListByGalleryApplication.json",
    method: "GET",
    path: `${APP}/versions`,
    status: 200,
    responsePaths: list(resourcePaths(APPLICATION_VERSION.properties, APPLICATION_VERSION_ADDS)),
    differs: "settings and advancedSettings, which no request of the examples sets, are not asserted",
  },
  {
    example: "2025-03-03/galleryResourceProfileExamples/GalleryInVMAccessControlProfile_Create.json",
    method: "PUT",
    path: PROFILE,
    body: {
      location: "West US",
      properties: { osType: "Linux", applicableHostEndpoint: "WireServer" },
    },
    status: 201,
    adds: ["id", "name", "properties.provisioningState"],
  },
  {
    example: "2025-03-03/galleryResourceProfileExamples/GalleryInVMAccessControlProfile_Get.json",
    method: "GET",
    path: PROFILE,
    status: 200,
    responsePaths: resourcePaths(PROFILE_PROPERTIES, ["properties.provisioningState"]),
  },
  {
    example: "2025-03-03/galleryResourceProfileExamples/GalleryInVMAccessControlProfileVersion_Create.json",
    method: "PUT",
    path: `${PROFILE}/versions/1.0.0`,
    body: PROFILE_VERSION,
    status: 201,
    adds: ["id", "name", "properties.publishedDate", "properties.provisioningState"],
  },
  {
    example: "2025-03-03/galleryResourceProfileExamples/GalleryInVMAccessControlProfileVersion_Get.json",
    method: "GET",
    path: `${PROFILE}/versions/1.0.0`,
    status: 200,
    responsePaths: resourcePaths(PROFILE_VERSION.properties, [
      "properties.publishedDate",
      "properties.provisioningState",
    ]),
  },
  {
    example: "galleryScriptExamples/GalleryScript_Create.json",
    method: "PUT",
    path: SCRIPT,
    body: { location: "West US", properties: SCRIPT_PROPERTIES },
    status: 201,
    adds: ["id", "name", "type", "properties.provisioningState"],
  },
  {
    example: "2025-03-03/galleryExamples/GalleryScript_Get.json",
    method: "GET",
    path: SCRIPT,
    status: 200,
    responsePaths: resourcePaths(SCRIPT_PROPERTIES, ["properties.provisioningState"]),
  },
  ...MORE_STEPS,
];

describe("Microsoft's gallery API examples replayed against the emulator", () => {
  const fx = computeFixture({ resourceGroups: { [RG]: "westus" } });

  async function call(method: string, path: string, body?: unknown, query?: string) {
    const res = await fx.em.fetch(`${path}?${API}${query ? `&${query}` : ""}`, {
      method,
      as: ADMIN,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json().catch(() => undefined)) as Json };
  }

  beforeAll(async () => {
    // The resources the examples name by placeholder.
    await fx.imageFromBlob(RG, "myImage", "westus", {
      osType: "Windows",
      osDiskSizeGB: 10,
      dataDiskSizesGB: [10, 10],
      hyperVGeneration: "V1",
    });
    await fx.imageFromBlob(RG, "myImageV2", "westus", { osType: "Windows", osDiskSizeGB: 30, hyperVGeneration: "V2" });
    for (const [name, location] of [
      ["myWestUSDiskEncryptionSet", "westus"],
      ["myOtherWestUSDiskEncryptionSet", "westus"],
      ["myEastUSDiskEncryptionSet", "eastus"],
      ["myOtherEastUSDiskEncryptionSet", "eastus"],
    ] as const) {
      await fx.settle(
        fx.client.diskEncryptionSets.createOrUpdate(
          RG,
          name,
          {
            location,
            identity: { type: "SystemAssigned" },
            activeKey: { keyUrl: "https://kv.vault.azure.net/keys/k/1" },
          },
          FAST_POLL,
        ),
      );
    }
    await fx.settle(
      fx.client.virtualMachines.createOrUpdate(
        RG,
        "myVM",
        {
          location: "westus",
          hardwareProfile: { vmSize: "Standard_D2s_v5" },
          storageProfile: { imageReference: { id: SOURCE_IMAGE }, osDisk: { createOption: "FromImage" } },
          osProfile: { computerName: "myvm", adminUsername: "azureuser", adminPassword: "P@ssw0rd-1234" },
        },
        FAST_POLL,
      ),
    );
    await fx.client.virtualMachines.generalize(RG, "myVM");
    const disk = (osType?: "Windows") => ({
      location: "westus",
      ...(osType ? { osType, hyperVGeneration: "V1" as const } : {}),
      diskSizeGB: 10,
      creationData: { createOption: "Empty" },
    });
    await fx.settle(fx.client.disks.createOrUpdate(RG, "myOsDisk", disk("Windows"), FAST_POLL));
    await fx.settle(fx.client.disks.createOrUpdate(RG, "myDataDisk", disk(), FAST_POLL));
    await fx.settle(
      fx.client.snapshots.createOrUpdate(
        RG,
        "myOsSnapshot",
        {
          location: "westus",
          creationData: { createOption: "Copy", sourceResourceId: `${PROVIDER}/Microsoft.Compute/disks/myOsDisk` },
        },
        FAST_POLL,
      ),
    );
    const put = (path: string, body: Json) =>
      fx.em.fetch(path, { method: "PUT", as: ADMIN, body: JSON.stringify(body) }).then((r) => r.status);
    expect(await put(`${IDENTITY}?api-version=2023-01-31`, { location: "westus" })).toBe(201);
    for (const account of [VHD_ACCOUNT, PACKAGE_ACCOUNT]) {
      const body = { location: "westus", sku: { name: "Standard_LRS" }, kind: "StorageV2" };
      expect(await put(`${account}?api-version=2023-05-01`, body)).toBe(200);
    }
    const register = (body: Json) =>
      fx.em.fetch("/_emulator/blobs", { method: "PUT", body: JSON.stringify(body) }).then((r) => r.status);
    expect(
      await register({
        storageAccountId: VHD_ACCOUNT,
        container: "myvhds",
        blob: "Windows-Server-2012-R2-20171216-en.us-128GB.vhd",
        sizeGB: 128,
        osType: "Windows",
      }),
    ).toBe(200);
    expect(
      await register({ storageAccountId: PACKAGE_ACCOUNT, container: "mycontainer", blob: "package.zip", sizeGB: 1 }),
    ).toBe(200);
  });

  const replay: Replay = { call, advance: (seconds) => fx.em.advance(seconds), learnt: {} };

  for (const step of STEPS) {
    it(`${step.example}: ${step.method} answers ${step.status} with every property path of the example`, async () => {
      await step.prepare?.(replay);
      const path = typeof step.path === "function" ? step.path(replay.learnt) : step.path;
      const body = typeof step.body === "function" ? step.body(replay.learnt) : step.body;
      const res = await call(step.method, path, body, step.query);
      const statuses = Array.isArray(step.status) ? step.status : [step.status];
      expect(statuses, JSON.stringify(res.body)).toContain(res.status);
      const present = pathsOf(res.body);
      const written = body ? [...pathsOf(body)].filter((p) => !(step.writeOnly ?? []).includes(p)) : [];
      const expected = body ? [...written, ...(step.adds ?? [])] : (step.responsePaths ?? []);
      expect(expected.filter((p) => !present.has(p))).toEqual([]);
      if (body && step.method !== "POST") {
        const changed = leavesOf(body)
          .map(([segments, sent]) => [segments.join("."), sent, valueAt(res.body, segments)] as const)
          .filter(([path]) => path !== "location" && !(step.rewritten ?? []).includes(path))
          .filter(([path]) => !(step.writeOnly ?? []).includes(path))
          .filter(([, sent, got]) => !echoes(sent, got));
        expect(
          changed.map(([path, sent, got]) => `${path}: sent ${JSON.stringify(sent)}, got ${JSON.stringify(got)}`),
        ).toEqual([]);
      }
      await fx.em.advance(3600);
      if (step.method === "DELETE") expect((await call("GET", path)).status).toBe(404);
    });
  }
});
