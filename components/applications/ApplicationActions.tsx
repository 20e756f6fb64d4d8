"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useCapabilities } from "@/components/access/useCapabilities";
import { useArm } from "@/components/layout/ArmContext";
import { buttonClass } from "@/components/publish/buttonClass";
import { DeleteButton, DeleteFooter } from "@/components/publish/DeleteDialogs";
import { OrderedDeleteProgress, useOrderedDelete } from "@/components/publish/orderedDelete";
import { useOperation } from "@/components/publish/useOperation";
import { Dialog } from "@/components/ui/Dialog";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { Spinner } from "@/components/ui/Spinner";
import { applicationIdOf, applicationVersionIdOf, galleryIdOf, pageHref } from "@/lib/azure/routeParams";
import { compareVersionNames } from "@/lib/gallery/names";
import {
  applicationVersionQueries,
  deleteApplication,
  deleteApplicationVersion,
  type ApplicationPath,
  type ApplicationVersionPath,
} from "@/lib/queries/galleryApplications";
import { isListComplete } from "@/lib/queries/versionLists";

const APPLICATION = "Microsoft.Compute/galleries/applications";
const VERSION = `${APPLICATION}/versions`;
const linkButton = `${buttonClass.secondary} inline-flex items-center`;

function useAllows(scopeId: string) {
  const { data } = useCapabilities(scopeId);
  return (action: string) => data?.allows(action) ?? false;
}

/** Only what the signed-in user may do on the application shows; nothing while permissions load. */
export function ApplicationActions({ path }: { path: ApplicationPath }) {
  const id = applicationIdOf(path);
  const allows = useAllows(id);
  return (
    <div role="toolbar" aria-label="VM application actions" className="my-3 flex flex-wrap gap-2">
      {allows(`${VERSION}/write`) && (
        <Link href={`${pageHref(id)}/new-version`} className={linkButton}>
          Create application version
        </Link>
      )}
      {allows(`${APPLICATION}/write`) && (
        <Link href={`${pageHref(id)}/edit`} className={linkButton}>
          Edit
        </Link>
      )}
      {allows(`${APPLICATION}/delete`) && <DeleteApplicationButton path={path} />}
    </div>
  );
}

export function ApplicationVersionActions({ path }: { path: ApplicationVersionPath }) {
  const id = applicationVersionIdOf(path);
  const allows = useAllows(id);
  return (
    <div role="toolbar" aria-label="Application version actions" className="my-3 flex flex-wrap gap-2">
      {allows(`${VERSION}/write`) && (
        <Link href={`${pageHref(id)}/edit`} className={linkButton}>
          Edit
        </Link>
      )}
      {allows(`${VERSION}/delete`) && <DeleteApplicationVersionButton path={path} />}
    </div>
  );
}

/**
 * Delete an application in the service's order: Azure refuses while versions remain, so with versions the dialog
 * offers the confirmed "delete the application and its N versions", deletes each version (with its replicas) one
 * by one showing its progress, then the application; it stops at the first failure and shows it.
 */
export function DeleteApplicationButton({ path }: { path: ApplicationPath }) {
  const arm = useArm();
  const [open, setOpen] = useState(false);
  const id = applicationIdOf(path);
  const versions = useQuery({ ...applicationVersionQueries.list(arm, id), enabled: open });
  const listed = !versions.isError && isListComplete(versions);
  const list = ((listed && versions.data) || []).map((v) => v.name ?? "").sort((a, b) => compareVersionNames(b, a));
  const count = list.length;
  const deletion = useOrderedDelete({
    versionNames: list,
    deleteVersion: (name) => deleteApplicationVersion(arm, { ...path, versionName: name }),
    versionId: (name) => applicationVersionIdOf({ ...path, versionName: name }),
    parentLabel: `Deleting VM application ${path.applicationName}`,
    deleteParent: () => deleteApplication(arm, path),
    parentId: id,
    afterHref: pageHref(galleryIdOf(path)),
  });

  const versionsWord = (n: number) => `${n} ${n === 1 ? "version" : "versions"}`;
  return (
    <>
      <DeleteButton label="Delete VM application" onClick={() => setOpen(true)} />
      <Dialog
        open={open}
        onClose={() => !deletion.running && setOpen(false)}
        title={`Delete VM application ${path.applicationName}?`}
      >
        {!versions.isError && !listed ? (
          <Spinner label="Checking its versions…" />
        ) : versions.isError ? (
          <ErrorPanel error={versions.error} title="The versions of this application could not be listed" />
        ) : (
          <>
            <p>
              {count > 0
                ? `Azure deletes an application only when it has no versions. Its ${versionsWord(count)} go first, one by one, with their replicas in every region; then the application. VMs and scale sets that reference a deleted version can no longer install it.`
                : "It has no versions. Deleting it cannot be undone."}
            </p>
            {count > 0 && <OrderedDeleteProgress deletion={deletion} versionNames={list} what="this application" />}
          </>
        )}
        <DeleteFooter
          state={deletion.operation.state}
          onCancel={() => setOpen(false)}
          cancelDisabled={deletion.running}
          confirmDisabled={!listed || deletion.running || (count > 0 && !deletion.confirmed)}
          onConfirm={deletion.confirm}
          confirmLabel={count > 0 ? `Delete application and ${versionsWord(count)}` : "Delete VM application"}
        />
      </Dialog>
    </>
  );
}

/** Delete one application version, with its replicas in every region. */
export function DeleteApplicationVersionButton({ path }: { path: ApplicationVersionPath }) {
  const arm = useArm();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const operation = useOperation();
  async function confirm() {
    const outcome = await operation.run(
      `Deleting application version ${path.versionName}`,
      () => deleteApplicationVersion(arm, path),
      { resourceId: applicationVersionIdOf(path) },
    );
    if (outcome.ok) router.push(pageHref(applicationIdOf(path)));
  }
  return (
    <>
      <DeleteButton label="Delete application version" onClick={() => setOpen(true)} />
      <Dialog open={open} onClose={() => setOpen(false)} title={`Delete application version ${path.versionName}?`}>
        <p>
          Its replicas in every target region are deleted; VMs and scale sets that name this version can no longer
          install it, and `latest` moves to the next eligible version. This cannot be undone.
        </p>
        <DeleteFooter
          state={operation.state}
          onCancel={() => setOpen(false)}
          confirmDisabled={operation.state.phase === "running" || operation.state.phase === "submitting"}
          onConfirm={confirm}
          confirmLabel="Delete application version"
        />
      </Dialog>
    </>
  );
}
