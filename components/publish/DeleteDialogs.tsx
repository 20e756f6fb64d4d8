"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useArm } from "@/components/layout/ArmContext";
import { buttonClass } from "@/components/publish/buttonClass";
import { OperationStatus } from "@/components/publish/OperationStatus";
import { OrderedDeleteProgress, useOrderedDelete } from "@/components/publish/orderedDelete";
import { useOperation, type OperationState } from "@/components/publish/useOperation";
import { DefinitionSoftDeleteNotice, VersionSoftDeleteNotice } from "@/components/recycleBin/SoftDeleteNotice";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { Spinner } from "@/components/ui/Spinner";
import { Dialog } from "@/components/ui/Dialog";
import { galleryIdOf, imageIdOf, pageHref, versionIdOf, type GalleryPath } from "@/lib/azure/routeParams";
import { compareVersionNames } from "@/lib/gallery/names";
import { deleteGallery } from "@/lib/queries/galleries";
import { deleteImageVersion, versionQueries } from "@/lib/queries/galleryImageVersions";
import { isListComplete } from "@/lib/queries/versionLists";
import { deleteImageDefinition, imageQueries } from "@/lib/queries/galleryImages";

export function DeleteButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className={buttonClass.secondary} onClick={onClick}>
      {label}
    </button>
  );
}

/**
 * Delete a gallery. The service refuses while it holds image definitions, so the dialog says what must go first
 * (versions, then definitions) and links to each definition instead of offering a delete that would fail.
 */
export function DeleteGalleryButton({ path }: { path: GalleryPath }) {
  const arm = useArm();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const operation = useOperation();
  const id = galleryIdOf(path);
  const definitions = useQuery({ ...imageQueries.list(arm, id), enabled: open });
  const count = definitions.data?.length ?? 0;
  async function confirm() {
    const outcome = await operation.run(`Deleting gallery ${path.galleryName}`, () => deleteGallery(arm, path), {
      resourceId: id,
    });
    if (outcome.ok) router.push("/");
  }
  return (
    <>
      <DeleteButton label="Delete gallery" onClick={() => setOpen(true)} />
      <Dialog open={open} onClose={() => setOpen(false)} title={`Delete gallery ${path.galleryName}?`}>
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
              Azure deletes a gallery only when it is empty: delete the image versions first, then the image
              definitions, then the gallery. Open each definition to delete it with its versions:
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
        <DeleteFooter
          state={operation.state}
          onCancel={() => setOpen(false)}
          confirmDisabled={definitions.isPending || count > 0 || operation.state.phase === "running"}
          onConfirm={confirm}
          confirmLabel="Delete gallery"
        />
      </Dialog>
    </>
  );
}

/**
 * Delete an image definition. With versions inside, the service refuses; the dialog offers the explicit,
 * confirmed "delete this definition and its N versions", deletes the versions one by one with each one's
 * progress, then the definition. It stops at the first failure, which it shows with its cause and fix.
 */
export function DeleteImageDefinitionButton({ path }: { path: GalleryPath & { imageName: string } }) {
  const arm = useArm();
  const [open, setOpen] = useState(false);
  const id = imageIdOf(path);
  const versions = useQuery({ ...versionQueries.list(arm, id), enabled: open });
  const list = ((isListComplete(versions) && versions.data) || [])
    .map((version) => version.name ?? "")
    .sort((a, b) => compareVersionNames(b, a));
  const count = list.length;
  const deletion = useOrderedDelete({
    versionNames: list,
    deleteVersion: (name) => deleteImageVersion(arm, { ...path, versionName: name }),
    versionId: (name) => versionIdOf({ ...path, versionName: name }),
    parentLabel: `Deleting image definition ${path.imageName}`,
    deleteParent: () => deleteImageDefinition(arm, path),
    parentId: id,
    afterHref: pageHref(galleryIdOf(path)),
  });

  return (
    <>
      <DeleteButton label="Delete image definition" onClick={() => setOpen(true)} />
      <Dialog
        open={open}
        onClose={() => !deletion.running && setOpen(false)}
        title={`Delete image definition ${path.imageName}?`}
      >
        {!versions.isError && !isListComplete(versions) ? (
          <Spinner label="Checking its versions…" />
        ) : versions.isError ? (
          <ErrorPanel error={versions.error} title="The versions of this definition could not be listed" />
        ) : (
          <>
            <DefinitionSoftDeleteNotice galleryId={galleryIdOf(path)} />
            <p>
              {count > 0
                ? `Azure deletes an image definition only when it has no versions. Its ${count} ${count === 1 ? "version goes" : "versions go"} first, one by one, with their replicas in every region; then the definition.`
                : "It has no versions. Deleting it cannot be undone."}
            </p>
            {count > 0 && <OrderedDeleteProgress deletion={deletion} versionNames={list} what="this definition" />}
          </>
        )}
        <DeleteFooter
          state={deletion.operation.state}
          onCancel={() => setOpen(false)}
          cancelDisabled={deletion.running}
          confirmDisabled={
            versions.isPending || versions.isError || deletion.running || (count > 0 && !deletion.confirmed)
          }
          onConfirm={deletion.confirm}
          confirmLabel={
            count > 0
              ? `Delete definition and ${count} ${count === 1 ? "version" : "versions"}`
              : "Delete image definition"
          }
        />
      </Dialog>
    </>
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
  const router = useRouter();
  const [open, setOpen] = useState(false);
  // When the dialog was opened: whether the end of life is still ahead is judged then, not on every render.
  const [openedAt, setOpenedAt] = useState(0);
  const operation = useOperation();
  const id = versionIdOf(path);
  async function confirm() {
    const outcome = await operation.run(
      `Deleting image version ${path.versionName}`,
      () => deleteImageVersion(arm, path),
      { resourceId: id },
    );
    if (outcome.ok) router.push(pageHref(imageIdOf(path)));
  }
  return (
    <>
      <DeleteButton
        label="Delete image version"
        onClick={() => {
          setOpenedAt(Date.now());
          setOpen(true);
        }}
      />
      <Dialog open={open} onClose={() => setOpen(false)} title={`Delete image version ${path.versionName}?`}>
        <p>Its replicas in every target region are deleted; VMs can no longer be created from it.</p>
        <VersionSoftDeleteNotice galleryId={galleryIdOf(path)} openedAt={openedAt} />
        {blockedUntil && blockedUntil.getTime() > openedAt && (
          <p className="mt-2 font-semibold text-amber-900">
            Its safety profile blocks deletion before its end-of-life date ({blockedUntil.toISOString().slice(0, 10)});
            the service will refuse.
          </p>
        )}
        <DeleteFooter
          state={operation.state}
          onCancel={() => setOpen(false)}
          confirmDisabled={operation.state.phase === "running" || operation.state.phase === "submitting"}
          onConfirm={confirm}
          confirmLabel="Delete image version"
        />
      </Dialog>
    </>
  );
}

/** The foot of every delete dialog: the operation's progress or refusal, then Cancel and the destructive action. */
export function DeleteFooter(props: {
  state: OperationState;
  onCancel: () => void;
  cancelDisabled?: boolean;
  onConfirm: () => void;
  confirmDisabled: boolean;
  confirmLabel: string;
}) {
  return (
    <>
      <div className="mt-4">
        <OperationStatus state={props.state} showRefusal />
      </div>
      <div className="mt-4 flex justify-end gap-2">
        <button
          type="button"
          className={buttonClass.secondary}
          disabled={props.cancelDisabled}
          onClick={props.onCancel}
        >
          Cancel
        </button>
        <button type="button" className={buttonClass.danger} disabled={props.confirmDisabled} onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </div>
    </>
  );
}
