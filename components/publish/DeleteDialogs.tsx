"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useArm } from "@/components/layout/ArmContext";
import { buttonClass } from "@/components/publish/buttonClass";
import { DeleteResourceButton } from "@/components/publish/DeleteConfirm";
import { OrderedDeleteButton } from "@/components/publish/orderedDelete";
import { DefinitionSoftDeleteNotice, VersionSoftDeleteNotice } from "@/components/recycleBin/SoftDeleteNotice";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { Spinner } from "@/components/ui/Spinner";
import { galleryIdOf, imageIdOf, pageHref, versionIdOf, type GalleryPath } from "@/lib/azure/routeParams";
import { dateOnly } from "@/lib/gallery/isoDate";
import { deleteGallery } from "@/lib/queries/galleries";
import { deleteImageVersion, versionQueries } from "@/lib/queries/galleryImageVersions";
import { isListComplete } from "@/lib/queries/versionLists";
import { deleteImageDefinition, imageQueries } from "@/lib/queries/galleryImages";

/**
 * Delete a gallery. The service refuses while it holds image definitions, so the dialog says what must go first
 * (versions, then definitions) and links to each definition instead of offering a delete that would fail.
 */
export function DeleteGalleryButton({ path }: { path: GalleryPath }) {
  const arm = useArm();
  const [asked, setAsked] = useState(false);
  const id = galleryIdOf(path);
  const definitions = useQuery({ ...imageQueries.list(arm, id), enabled: asked });
  const count = definitions.data?.length ?? 0;
  return (
    <DeleteResourceButton
      noun="gallery"
      name={path.galleryName}
      resourceId={id}
      start={() => deleteGallery(arm, path)}
      afterHref="/"
      blocked={definitions.isPending || count > 0}
      onOpen={() => setAsked(true)}
    >
      {definitions.isPending ? (
        <Spinner label="Checking what the gallery holds…" />
      ) : definitions.isError ? (
        <ErrorPanel error={definitions.error} title="The gallery's image definitions could not be listed" />
      ) : count > 0 ? (
        <div>
          <p className="font-semibold">
            This gallery still holds {count} image {count === 1 ? "definition" : "definitions"}.
          </p>
          <p className="mt-1">
            Azure deletes a gallery only when it is empty: delete the image versions first, then the image definitions,
            then the gallery. Open each definition to delete it with its versions:
          </p>
          <ul className="mt-2 max-h-48 list-disc overflow-y-auto pl-5">
            {definitions.data.map((definition) => (
              <li key={definition.id}>
                <Link className={buttonClass.link} href={pageHref(definition.id ?? "")}>
                  {definition.name}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p>The gallery is empty. Deleting it cannot be undone.</p>
      )}
    </DeleteResourceButton>
  );
}

/**
 * Delete an image definition. With versions inside, the service refuses; the dialog offers the explicit,
 * confirmed "delete this definition and its N versions", deletes the versions one by one with each one's
 * progress, then the definition. It stops at the first failure, which it shows with its cause and fix.
 */
export function DeleteImageDefinitionButton({ path }: { path: GalleryPath & { imageName: string } }) {
  const arm = useArm();
  const [asked, setAsked] = useState(false);
  const id = imageIdOf(path);
  const versions = useQuery({ ...versionQueries.list(arm, id), enabled: asked });
  return (
    <OrderedDeleteButton
      noun="image definition"
      shortNoun="definition"
      name={path.imageName}
      versions={versions}
      complete={isListComplete(versions)}
      onOpen={() => setAsked(true)}
      notice={<DefinitionSoftDeleteNotice galleryId={galleryIdOf(path)} />}
      deleteVersion={(name) => deleteImageVersion(arm, { ...path, versionName: name })}
      versionId={(name) => versionIdOf({ ...path, versionName: name })}
      deleteParent={() => deleteImageDefinition(arm, path)}
      parentId={id}
      afterHref={pageHref(galleryIdOf(path))}
    />
  );
}

/** Delete one image version, with its replicas in every region. */
export function DeleteImageVersionButton({
  path,
  blockedUntil,
}: {
  path: GalleryPath & { imageName: string; versionName: string };
  blockedUntil?: Date | undefined;
}) {
  const arm = useArm();
  // When the dialog was opened: whether the end of life is still ahead is judged then, not on every render.
  const [openedAt, setOpenedAt] = useState(0);
  return (
    <DeleteResourceButton
      noun="image version"
      name={path.versionName}
      resourceId={versionIdOf(path)}
      start={() => deleteImageVersion(arm, path)}
      afterHref={pageHref(imageIdOf(path))}
      onOpen={() => setOpenedAt(Date.now())}
    >
      <p>Its replicas in every target region are deleted; VMs can no longer be created from it.</p>
      <VersionSoftDeleteNotice galleryId={galleryIdOf(path)} openedAt={openedAt} />
      {blockedUntil && blockedUntil.getTime() > openedAt && (
        <p className="mt-2 font-semibold text-amber-900">
          Its safety profile blocks deletion before its end-of-life date ({dateOnly(blockedUntil)}); the service will
          refuse.
        </p>
      )}
    </DeleteResourceButton>
  );
}
