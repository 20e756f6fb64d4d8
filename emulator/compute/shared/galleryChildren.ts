import type { TargetRegionInput } from "../../../lib/gallery/replication.js";
import { checkGalleryArtifactName, checkImageVersionName } from "../../../lib/gallery/names.js";
import type { EmulatorContext } from "../../context.js";
import { ArmErrors } from "../../errors.js";
import type { OperationRecord } from "../../operations.js";
import type { GalleryRef, WriteResult } from "../galleries/galleries.model.js";
import { parentGallery } from "../galleryImages/galleryImages.model.js";
import { requireObjectBody, throwViolation } from "./body.js";
import {
  deleteArtifact,
  patchedBody,
  readArtifactPut,
  trackedArtifactView,
  writeArtifact,
  writeArtifactVersion,
  type ArtifactBody,
  type ArtifactRecord,
  type ArtifactState,
} from "./galleryArtifacts.js";
import { GALLERY_TYPE } from "./names.js";

/**
 * The model of a gallery's scripts and in-VM access control profiles, and of their versions: where each lives, how
 * it is found, written (location, name and update rules), deleted and created for the seed. A family says only what
 * is its own (its type and names, how its properties are parsed, and its versions' view); the rules live here once.
 */

interface WriteInput {
  location: string;
  tags?: Record<string, string>;
  properties: unknown;
}

function found(record: ArtifactRecord | undefined, ref: GalleryRef, collection: string, name: string): ArtifactRecord {
  if (!record)
    throw ArmErrors.resourceNotFound(`${GALLERY_TYPE}/${ref.gallery}/${collection}`, name, ref.resourceGroup);
  return record;
}

/** What a family of gallery children says of itself. */
export interface GalleryChildFamily<R extends GalleryRef> {
  type: string;
  /** Its versions' type: a child holding versions cannot be deleted. */
  versionType: string;
  /** Its segment of the resource id under the gallery (`scripts`). */
  segment: string;
  /** Its name in the location errors ("gallery script"). */
  kind: string;
  /** The URL parameter of its name, as the name rule's errors call it. */
  nameParameter: string;
  nameOf(ref: R): string;
  /** A PUT's or PATCH's properties, parsed and checked against the stored ones (`existing` on update). */
  properties(ctx: EmulatorContext, raw: unknown, existing: ArtifactRecord | undefined): Record<string, unknown>;
}

export function galleryChildModel<R extends GalleryRef>(family: GalleryChildFamily<R>) {
  const nestedName = (ref: R) => `${ref.gallery}/${family.nameOf(ref)}`;

  function find(ctx: EmulatorContext, ref: R): ArtifactRecord | undefined {
    return ctx.resources.get<ArtifactBody, ArtifactState>(
      `${parentGallery(ctx, ref).body.id}/${family.segment}/${family.nameOf(ref)}`,
    );
  }

  const get = (ctx: EmulatorContext, ref: R) => found(find(ctx, ref), ref, family.segment, family.nameOf(ref));

  function write(
    ctx: EmulatorContext,
    ref: R,
    input: WriteInput,
    existing: ArtifactRecord | undefined,
  ): WriteResult<ArtifactRecord> {
    return writeArtifact(ctx, {
      parent: parentGallery(ctx, ref),
      type: family.type,
      name: family.nameOf(ref),
      nestedName: nestedName(ref),
      location: input.location,
      tags: input.tags,
      properties: family.properties(ctx, input.properties, existing),
      existing,
    });
  }

  function put(ctx: EmulatorContext, ref: R, rawBody: unknown): WriteResult<ArtifactRecord> {
    throwViolation(checkGalleryArtifactName(family.nameOf(ref), family.nameParameter));
    const { input, existing } = readArtifactPut(rawBody, {
      type: family.type,
      kind: family.kind,
      nestedName: nestedName(ref),
      resourceGroup: ref.resourceGroup,
      gallery: () => parentGallery(ctx, ref),
      find: () => find(ctx, ref),
    });
    return write(ctx, ref, input, existing);
  }

  return {
    find,
    get,
    view: (record: ArtifactRecord, now: number) => trackedArtifactView(record, family.type, now),
    put,
    patch(ctx: EmulatorContext, ref: R, rawBody: unknown): WriteResult<ArtifactRecord> {
      const existing = get(ctx, ref);
      return write(ctx, ref, patchedBody(existing, rawBody), existing);
    },
    /** DELETE: refused while versions remain, as for image definitions. */
    remove(ctx: EmulatorContext, ref: R): OperationRecord {
      const existing = get(ctx, ref);
      return deleteArtifact(ctx, existing, {
        nestedName: nestedName(ref),
        childType: family.versionType,
        childPrefix: `${GALLERY_TYPE}/${ref.gallery}/${family.segment}/${existing.name}/versions`,
      });
    },
    /** Creates one as a PUT would, for the demo seed and tests. */
    create(ctx: EmulatorContext, input: R & { properties: Record<string, unknown> }): ArtifactRecord {
      const { properties, ...rest } = input;
      const ref = rest as unknown as R;
      return put(ctx, ref, { location: parentGallery(ctx, ref).body.location, properties }).record;
    },
  };
}

/** A version's properties as a family parses them, with what the region rules judge. */
export interface ParsedChildVersion {
  properties: Record<string, unknown>;
  /** The regions it replicates to (`targetRegions`, `targetLocations`). */
  targetRegions: readonly TargetRegionInput[];
  /** The family's region rules (lib/gallery) over what it parsed, under its own names. */
  regionRules: Parameters<typeof writeArtifactVersion>[1]["regionRules"];
}

/** What a family of gallery child versions says of itself. */
export interface GalleryChildVersionFamily<R extends GalleryRef & { version: string }> {
  type: string;
  /** Its name in the location errors ("gallery script version"). */
  kind: string;
  /** The parent's segment and name, for the not-found error and nested names. */
  parentSegment: string;
  parentNameOf(ref: R): string;
  /** The parent (script or profile), or its own not-found error. */
  parent(ctx: EmulatorContext, ref: R): ArtifactRecord;
  parse(ctx: EmulatorContext, raw: unknown, existing: ArtifactRecord | undefined): ParsedChildVersion;
  /** PATCH: the stored properties with the sent ones over them, as the family merges them. */
  merge(stored: Record<string, unknown>, sent: Record<string, unknown>): Record<string, unknown>;
}

export function galleryChildVersionModel<R extends GalleryRef & { version: string }>(
  family: GalleryChildVersionFamily<R>,
) {
  const nestedName = (ref: R) => `${ref.gallery}/${family.parentNameOf(ref)}/${ref.version}`;

  function find(ctx: EmulatorContext, ref: R) {
    const parent = family.parent(ctx, ref);
    return {
      parent,
      record: ctx.resources.get<ArtifactBody, ArtifactState>(`${parent.body.id}/versions/${ref.version}`),
    };
  }

  const get = (ctx: EmulatorContext, ref: R) =>
    found(find(ctx, ref).record, ref, `${family.parentSegment}/${family.parentNameOf(ref)}/versions`, ref.version);

  function write(
    ctx: EmulatorContext,
    ref: R,
    input: WriteInput,
    existing: ArtifactRecord | undefined,
    startedAt?: number,
  ): WriteResult<ArtifactRecord> {
    const { parent } = find(ctx, ref);
    const parsed = family.parse(ctx, input.properties, existing);
    return writeArtifactVersion(ctx, {
      parent,
      type: family.type,
      name: ref.version,
      nestedName: nestedName(ref),
      location: input.location,
      tags: input.tags,
      properties: parsed.properties,
      existing,
      targetRegions: parsed.targetRegions,
      startedAt,
      regionRules: parsed.regionRules,
    });
  }

  /** PUT: creates the version and starts its replication (201), or updates it and replicates what changed (200). */
  function put(ctx: EmulatorContext, ref: R, rawBody: unknown, startedAt?: number): WriteResult<ArtifactRecord> {
    throwViolation(checkImageVersionName(ref.version));
    const { input, existing } = readArtifactPut(rawBody, {
      type: family.type,
      kind: family.kind,
      nestedName: nestedName(ref),
      resourceGroup: ref.resourceGroup,
      gallery: () => parentGallery(ctx, ref),
      find: () => find(ctx, ref).record,
    });
    return write(ctx, ref, input, existing, startedAt);
  }

  return {
    find,
    get,
    put,
    /** PATCH: the sent properties merged over the stored ones, then the rules of PUT. */
    patch(ctx: EmulatorContext, ref: R, rawBody: unknown): WriteResult<ArtifactRecord> {
      const body = requireObjectBody(rawBody);
      const existing = get(ctx, ref);
      const properties = family.merge(existing.body.properties, (body.properties ?? {}) as Record<string, unknown>);
      return write(
        ctx,
        ref,
        { location: existing.body.location, tags: body.tags ?? existing.body.tags, properties },
        existing,
      );
    },
    remove: (ctx: EmulatorContext, ref: R): OperationRecord =>
      deleteArtifact(ctx, get(ctx, ref), { nestedName: nestedName(ref) }),
    /** Creates a version as a PUT would; `startedAt` in the past backdates its replication (the demo seed). */
    create(
      ctx: EmulatorContext,
      input: R & { properties: Record<string, unknown>; startedAt?: number },
    ): ArtifactRecord {
      const { properties, startedAt, ...rest } = input;
      const ref = rest as unknown as R;
      return put(ctx, ref, { location: parentGallery(ctx, ref).body.location, properties }, startedAt).record;
    },
  };
}
