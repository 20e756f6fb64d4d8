import { GALLERY_LIMITS_TEXT } from "./limits";
import { SOFT_DELETE_RETENTION_DAYS } from "./softDelete";

/**
 * The troubleshooting catalogue: for an error the service returned, the cause in plain words and the fix to
 * show. One code can cover several causes, so entries may also match on the message.
 */
export interface ArmErrorLike {
  code?: string;
  message?: string;
  status?: number;
}

export interface ErrorExplanation {
  title: string;
  cause: string;
  fix: string;
  /** A page of the dashboard where the fix is done. */
  link?: { label: string; href: string };
}

interface CatalogueEntry extends ErrorExplanation {
  code?: string;
  status?: number;
  pattern?: RegExp;
}

export const REPLICATION_FIX =
  "Check each region's state with $expand=ReplicationStatus. If a region stays Replicating for more than six hours or " +
  "has Failed, run the create or update of the version again; with many target regions, replicate in stages.";

const NAME_RULES =
  "at most 80 characters, only English letters, numbers, underscores and periods, starting and ending with a letter or number";
const DEFINITION_NAME_RULES =
  "at most 80 characters, only English letters, numbers, hyphens, underscores and periods, starting and ending with a letter or number";

/** Ordered: the first entry whose code, status and pattern all match wins, so specific entries come first. */
const CATALOGUE: CatalogueEntry[] = [
  {
    pattern: /^Gallery name is invalid|entity name 'galleryName'/i,
    title: "Invalid gallery name",
    cause: "The gallery name does not meet the naming rules.",
    fix: `Choose a name with ${NAME_RULES}.`,
  },
  {
    pattern: /entity name 'galleryImageName'/i,
    title: "Invalid image definition name",
    cause: "The image definition name does not meet the naming rules.",
    fix: `Choose a name with ${DEFINITION_NAME_RULES}.`,
  },
  {
    pattern: /invalid trailing characters/i,
    title: "Name ends with an invalid character",
    cause: "The name ends with a period or an underscore.",
    fix: "Choose a name that ends with a letter or a number.",
  },
  {
    code: "LocationNotAvailableForResourceType",
    title: "Region not available",
    cause: "The region is misspelled, or your subscription has no access to it.",
    fix: "Check the region's spelling against the list of regions you can use; if it is missing, request access to the region.",
  },
  {
    // Before the generic nested-resources entry: Compute names the soft-deleted versions among the nested ids.
    pattern: /nested resources.*softDeletedArtifactTypes\//is,
    title: "Soft-deleted versions remain",
    cause:
      `The gallery keeps deleted image versions for ${SOFT_DELETE_RETENTION_DAYS} days (soft delete is on), and a ` +
      "definition (or its gallery) cannot be deleted while it still holds soft-deleted versions. The API has no purge.",
    fix:
      "Wait until the versions are purged (the recycle bin shows when), or turn soft delete off in the gallery's " +
      "settings, restore each version from the recycle bin and delete it again: with soft delete off, it is deleted " +
      "for good. Then delete the definition.",
    link: { label: "Open the recycle bin", href: "/recycle-bin" },
  },
  {
    pattern: /nested resources/i,
    title: "Resource still has children",
    cause: "A gallery must be empty before it is deleted, and an image definition must have no versions.",
    fix: "Delete the image versions first, then the image definitions, then the gallery.",
  },
  {
    code: "InvalidResourceLocation",
    title: "Name already used in another region",
    cause: "A resource with this name already exists in another region of the same resource group.",
    fix: "Use another name, or another resource group.",
  },
  {
    code: "PropertyChangeNotAllowed",
    pattern: /storageProfile.*source\.id/i,
    title: "Source cannot change",
    cause: "The source of an image version is fixed when the version is created.",
    fix: "Keep the existing source, or publish a new version number from the new source.",
  },
  {
    code: "PropertyChangeNotAllowed",
    title: "Property cannot change",
    cause:
      "OS type, OS state, Hyper-V generation, architecture, publisher, offer and SKU are fixed when an image definition is created.",
    fix: "Create a new image definition with the values you need.",
  },
  {
    pattern: /identified by \(publisher/i,
    title: "Identifier already used",
    cause: "Another image definition in this gallery already has this publisher, offer and SKU.",
    fix: "Choose a different publisher, offer and SKU combination, or use another gallery.",
  },
  {
    pattern: /^Asset name galleryImage\.properties\.identifier/i,
    title: "Invalid publisher, offer or SKU",
    cause: "The value is empty, too long, ends with a period or has characters that are not allowed.",
    fix: "Use letters, numbers, hyphens, underscores and periods only, not ending with a period: publisher up to 128 characters, offer and SKU up to 64.",
  },
  {
    code: "ParentResourceNotFound",
    title: "Parent resource not found",
    cause:
      "The gallery or image definition this resource belongs to does not exist in this subscription and resource group.",
    fix: "Check the subscription, resource group and names, or create the parent first.",
  },
  {
    pattern: /DateTimeOffset|ISO8601|iso-8601/i,
    title: "Invalid date",
    cause: "The value is not a date in ISO 8601 format.",
    fix: "Enter a date as yyyy-MM-dd or yyyy-MM-ddTHH:mm:ssZ.",
  },
  {
    pattern: /EndOfLifeDate must be set to a future date/i,
    title: "End-of-life date in the past",
    cause: "The end-of-life date must be after today.",
    fix: "Choose a future date, or leave the end-of-life date empty.",
  },
  {
    pattern: /is not a valid integer|System\.Int32/i,
    title: "Whole number expected",
    cause: "This field accepts only whole numbers.",
    fix: "Enter a whole number.",
  },
  {
    pattern: /minimum value of .* must not be greater than the maximum/i,
    title: "Minimum above maximum",
    cause: "The minimum is larger than the maximum.",
    fix: "Make the minimum less than or equal to the maximum.",
  },
  {
    pattern: /Allowed values are/i,
    title: "Value not allowed",
    cause: "The property only accepts a fixed list of values.",
    fix: "Choose one of the allowed values listed in the message.",
  },
  {
    pattern: /ZRS storage account type is not supported/i,
    title: "ZRS not available in this region",
    cause: "Zone-redundant storage needs a region with availability zones.",
    fix: "Use Standard_LRS or Premium_LRS in this region, or pick a region with availability zones.",
  },
  {
    pattern: /must contain the location of image version/i,
    title: "Source region missing from target regions",
    cause: "A version is always replicated to the region it is created in.",
    fix: "Add the version's own region to the target regions.",
  },
  {
    pattern: /Duplicate regions are not allowed/i,
    title: "Region listed twice",
    cause: "A target region appears more than once.",
    fix: "Remove the duplicate region.",
  },
  {
    pattern: /is out of range/i,
    title: "Value out of range",
    cause: "The value is outside the range the service accepts.",
    fix: "Choose a value within the range in the message (replica counts go from 1 to 100; 50 is usually enough).",
  },
  {
    pattern: /image version name is invalid/i,
    title: "Invalid version number",
    cause: "A version number is three whole numbers separated by periods.",
    fix: "Use Major.Minor.Patch, for example 1.0.0 or 2018.12.1.",
  },
  {
    pattern: /is not found\. Please check source|Source was not found/i,
    title: "Source not found",
    cause: "The source does not exist, or it is in another region than the version.",
    fix: "Check the source's resource id, and create the version in the source's region.",
  },
  {
    pattern: /must either be a managed image, virtual machine or another gallery image version/i,
    title: "Unsupported source",
    cause: "A version is made from a managed image, a virtual machine or another image version.",
    fix: "Pick a source of one of those kinds.",
  },
  {
    pattern: /must be a managed disk or snapshot/i,
    title: "Unsupported disk source",
    cause: "OS and data disk images are made from managed disks or snapshots.",
    fix: "Pick a managed disk or a snapshot for each disk.",
  },
  {
    pattern: /Expect fully qualified resource Id/i,
    title: "Malformed resource id",
    cause: "The source is not a full resource id.",
    fix: "Use the full id, starting with /subscriptions/{subscriptionId}/resourceGroups/…",
  },
  {
    pattern: /One and only one source type/i,
    title: "Source missing or ambiguous",
    cause: "A version needs exactly one kind of source: an image, a VM, or a set of disks/snapshots.",
    fix: "Give one source only.",
  },
  {
    pattern: /Duplicated lun numbers/i,
    title: "Duplicate LUN",
    cause: "Two data disks use the same LUN.",
    fix: "Give each data disk its own LUN.",
  },
  {
    pattern: /Duplicated source ids/i,
    title: "Disk used twice",
    cause: "The same disk or snapshot is the source of two disks.",
    fix: "Use a different source for each disk.",
  },
  {
    pattern: /OSDiskImage and DataDiskImage cannot point to same blob/i,
    title: "OS and data disk share a source",
    cause: "The OS disk and a data disk point to the same source.",
    fix: "Use distinct sources for the OS disk and each data disk.",
  },
  {
    pattern: /OS State in the parent gallery image/i,
    title: "OS state does not match",
    cause: "The source's OS state (Generalized or Specialized) differs from the image definition's.",
    fix: "Pick a source with the definition's OS state, or create a definition for the source's OS state.",
  },
  {
    pattern: /different Hypervisor generation/i,
    title: "Hyper-V generation does not match",
    cause: "The source's Hyper-V generation differs from the image definition's.",
    fix: "Pick a source of the definition's generation, or use a definition of the source's generation.",
  },
  {
    pattern: /different OS type/i,
    title: "OS type does not match",
    cause: "The source's operating system (Windows or Linux) differs from the image definition's.",
    fix: "Pick a source with the definition's OS type, or use a definition for the source's OS type.",
  },
  {
    pattern: /ephemeral OS disk|UltraSSD|must be created from Managed Disks/i,
    title: "Unsupported source VM disks",
    cause: "Source VMs with ephemeral OS disks, Ultra disks or unmanaged disks cannot be captured.",
    fix: "Use a VM with only Premium SSD, Standard SSD or Standard HDD managed disks.",
  },
  {
    pattern: /Adding new Data Disks or changing the LUN/i,
    title: "Data disks are fixed",
    cause: "An update cannot add data disks or change their LUNs.",
    fix: "Keep the existing data disks and LUNs, or publish a new version.",
  },
  {
    pattern: /Removing replicated locations/i,
    title: "Region holds replicas",
    cause: "Removing a region that already holds replicas needs the version's safety profile to allow it.",
    fix: "Set safetyProfile.allowDeletionOfReplicatedLocations to true, then remove the region.",
  },
  {
    pattern: /exceeding quota limits/i,
    title: "Quota reached",
    cause: `A subscription may hold at most ${GALLERY_LIMITS_TEXT} per region.`,
    fix: "Delete resources you no longer need, or request a quota increase.",
  },
  {
    pattern: /Too many requests on source/i,
    title: "Source is busy",
    cause: "Too many image versions are being created from this source at once, so the service throttles it.",
    fix: "Wait for some of the versions from this source to finish replicating (the Retry-After header says how long), then create this one; publish from one source a few versions at a time.",
  },
  {
    pattern: /disk encryption set .* must be in the same subscription/i,
    title: "Encryption set in another subscription",
    cause:
      "A disk encryption set can only be used in the subscription it was created in, and the gallery is in another one.",
    fix: "Create or use a disk encryption set in the image version's subscription and region.",
  },
  {
    pattern: /disk encryption set .* was not found/i,
    title: "Encryption set not found",
    cause: "No disk encryption set exists with that resource id.",
    fix: "Check the disk encryption set's resource id, or create the set first.",
  },
  {
    pattern: /targetRegions\.encryption\.(osDiskImage|dataDiskImages)\.diskEncryptionSetId is invalid/i,
    title: "Malformed encryption set id",
    cause: "The disk encryption set's resource id is not in the expected format.",
    fix: "Use /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/diskEncryptionSets/{diskEncryptionSetName}.",
  },
  {
    pattern: /A disk encryption set is required for disk/i,
    title: "Encryption missing in a region",
    cause: "A disk is encrypted with a disk encryption set in one target region but not in another.",
    fix: "Encrypt that disk in every target region, or in none.",
  },
  {
    pattern: /invalid lun \[\d+\] was specified in encryption/i,
    title: "Encryption for a disk that does not exist",
    cause: "The LUN in the encryption settings does not match any data disk of the source.",
    fix: "Use the LUN of one of the source's data disks (listed in the message).",
  },
  {
    pattern: /Duplicate luns .* encryption\.dataDiskImages/i,
    title: "LUN encrypted twice",
    cause: "A region's encryption settings name the same LUN more than once.",
    fix: "List each LUN once per region.",
  },
  {
    pattern: /Cannot specify new data disk image encryption lun/i,
    title: "Encryption cannot be added",
    cause: "Encryption cannot be added to the data disks of an existing image version.",
    fix: "Remove the added encryption settings, or publish a new version with the encryption you need.",
  },
  {
    pattern: /exceeds the total limit of '\d+' Virtual Machine instances/i,
    title: "Too many instances",
    cause: "A scale set holds at most 1,000 instances from a gallery or Marketplace image, 600 from a managed image.",
    fix: "Lower the instance count, use a gallery image instead of a managed image, or spread the load over several scale sets.",
  },
  {
    pattern: /current OS state of the VM Scale Set/i,
    title: "OS state cannot change",
    cause: "A scale set's new image must have the same OS state (Generalized or Specialized) as its current one.",
    fix: "Update the scale set with an image of the same OS state, or create a new scale set for the other one.",
  },
  {
    pattern: /Parameter 'osProfile' is not allowed/i,
    title: "No admin account for a specialized image",
    cause: "A specialized image keeps its accounts, so an admin user name, password or SSH key cannot be given.",
    fix: "Leave out the admin credentials, or deploy a generalized image version.",
  },
  {
    pattern: /Required parameter 'osProfile' is missing/i,
    title: "Admin account required",
    cause:
      "A generalized image keeps no accounts, so the VM or scale set needs an admin user name and a password or SSH key.",
    fix: "Give the admin user name and a password or SSH key, or deploy a specialized image version.",
  },
  {
    pattern: /no latest image version/i,
    title: "No latest version",
    cause: "Every version of this image definition is excluded from latest, or it has none.",
    fix: "Publish a version with 'Exclude from latest' off, or deploy a specific version.",
  },
  {
    pattern: /has a different plan .* than the parent gallery image plan/i,
    title: "Purchase plan does not match",
    cause: "The plan given for the VM differs from the purchase plan of the image definition.",
    fix: "Give the image definition's purchase plan exactly, or none when the definition has none.",
  },
  {
    status: 429,
    title: "Too many requests",
    cause: "The service is throttling requests on this source or subscription.",
    fix: "Wait and retry later.",
  },
  {
    code: "LinkedAuthorizationFailed",
    title: "No access to the image's subscription",
    cause: "The image lives in another tenant's subscription you cannot read.",
    fix: "Ask the subscription owner for read access to the image version.",
  },
  {
    pattern: /is not available in .* region/i,
    title: "Image not in this region",
    cause: "The image version is not replicated to the region you deploy to.",
    fix: "Replicate the version to the region, or deploy in one of its target regions.",
  },
  {
    pattern: /Replication to all the target regions not completed|replication job/i,
    title: "Replication not completed",
    cause: "Replication to one or more target regions failed or has not finished.",
    fix: REPLICATION_FIX,
  },
  {
    code: "AuthorizationFailed",
    title: "Not authorised",
    cause: "Your account has no role that allows this action on this scope.",
    fix: "Ask an owner of the gallery (or a User Access Administrator) for a role that grants it.",
  },
  {
    code: "RoleAssignmentExists",
    title: "Already shared",
    cause: "This principal already has this role at this scope.",
    fix: "Nothing to do; the access is in place.",
  },
];

const FALLBACK: ErrorExplanation = {
  title: "Request failed",
  cause: "The service refused the request.",
  fix: "Read the message above; correct the input and try again.",
};

export function explainArmError(error: ArmErrorLike): ErrorExplanation {
  const entry = CATALOGUE.find(
    (candidate) =>
      (candidate.code === undefined || candidate.code.toLowerCase() === error.code?.toLowerCase()) &&
      (candidate.status === undefined || candidate.status === error.status) &&
      (candidate.pattern === undefined || candidate.pattern.test(error.message ?? "")),
  );
  if (!entry) return FALLBACK;
  return { title: entry.title, cause: entry.cause, fix: entry.fix, ...(entry.link ? { link: entry.link } : {}) };
}
