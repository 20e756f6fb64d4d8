import { z } from "zod";
import { checkUserAssignedIdentityId, sameIdentityId } from "@/lib/gallery/galleryIdentity";
import { checkGalleryQuota } from "@/lib/gallery/limits";
import { checkGalleryName } from "@/lib/gallery/names";
import { checkLocationAvailable } from "@/lib/gallery/regions";
import { checkResourceGroupName } from "@/lib/queries/resourceGroups";
import { ruleString, tagRowsSchema, type TagRow } from "@/lib/publish/formRules";

export const GALLERY_TYPE = "Microsoft.Compute/galleries";

export interface GalleryCreateValues {
  subscriptionId: string;
  resourceGroupMode: "existing" | "new";
  resourceGroupName: string;
  name: string;
  location: string;
  description: string;
  tags: TagRow[];
  /** `softDeletePolicy.isSoftDeleteEnabled`. */
  softDeleteEnabled: boolean;
}

export interface GalleryCreateContext {
  /** Galleries already counted in a subscription and region (undefined while unknown). */
  galleriesIn?: (subscriptionId: string, location: string) => number | undefined;
}

/** The create-gallery form's rules: the service's name and region rules, ARM's resource group and tag rules, the quota. */
export function makeGalleryCreateSchema(context: GalleryCreateContext = {}) {
  return z
    .object({
      subscriptionId: z.string().min(1, { error: "Choose a subscription." }),
      resourceGroupMode: z.enum(["existing", "new"]),
      resourceGroupName: ruleString(checkResourceGroupName, "Choose a resource group, or name a new one."),
      name: ruleString(checkGalleryName, "Enter a name for the gallery."),
      location: ruleString((value) => checkLocationAvailable(value, GALLERY_TYPE), "Choose a region."),
      description: z.string().transform((value) => value.trim() || undefined),
      tags: tagRowsSchema,
      softDeleteEnabled: z.boolean(),
    })
    .superRefine((values, zod) => {
      const used = values.location ? context.galleriesIn?.(values.subscriptionId, values.location) : undefined;
      const quota = used === undefined ? undefined : checkGalleryQuota("galleries", used, values.location);
      if (quota) zod.addIssue({ code: "custom", path: ["location"], message: quota.message });
    });
}

export type GalleryCreateOutput = z.output<ReturnType<typeof makeGalleryCreateSchema>>;

export interface GalleryUpdateValues {
  description: string;
  tags: TagRow[];
  softDeleteEnabled: boolean;
  systemAssigned: boolean;
  /** Objects, not strings: react-hook-form's field arrays key their rows by object. */
  userAssignedIdentities: { id: string }[];
}

/**
 * A gallery update may change its description, tags, soft delete policy and managed identity; name, region and group
 * are fixed. Two rows naming one identity would be one entry of the map the service takes.
 */
export const galleryUpdateSchema = z
  .object({
    description: z.string().transform((value) => value.trim()),
    tags: tagRowsSchema,
    softDeleteEnabled: z.boolean(),
    systemAssigned: z.boolean(),
    userAssignedIdentities: z.array(
      z.object({
        id: ruleString(checkUserAssignedIdentityId, "Enter the resource id of a user-assigned identity.").transform(
          (value) => value.trim(),
        ),
      }),
    ),
  })
  .superRefine((values, zod) => {
    values.userAssignedIdentities.forEach((row, index) => {
      if (values.userAssignedIdentities.slice(0, index).some((earlier) => sameIdentityId(earlier.id, row.id)))
        zod.addIssue({
          code: "custom",
          path: ["userAssignedIdentities", index, "id"],
          message: "Already in the list.",
        });
    });
  });

export type GalleryUpdateOutput = z.output<typeof galleryUpdateSchema>;
