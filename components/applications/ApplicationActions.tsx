"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useCapabilities } from "@/components/access/useCapabilities";
import { useArm } from "@/components/layout/ArmContext";
import { buttonClass } from "@/components/publish/buttonClass";
import { DeleteResourceButton } from "@/components/publish/DeleteConfirm";
import { OrderedDeleteButton } from "@/components/publish/orderedDelete";
import { applicationIdOf, applicationVersionIdOf, galleryIdOf, pageHref } from "@/lib/azure/routeParams";
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
  const [asked, setAsked] = useState(false);
  const id = applicationIdOf(path);
  const versions = useQuery({ ...applicationVersionQueries.list(arm, id), enabled: asked });
  return (
    <OrderedDeleteButton
      noun="VM application"
      shortNoun="application"
      name={path.applicationName}
      versions={versions}
      complete={isListComplete(versions)}
      onOpen={() => setAsked(true)}
      consequence="VMs and scale sets that reference a deleted version can no longer install it."
      deleteVersion={(name) => deleteApplicationVersion(arm, { ...path, versionName: name })}
      versionId={(name) => applicationVersionIdOf({ ...path, versionName: name })}
      deleteParent={() => deleteApplication(arm, path)}
      parentId={id}
      afterHref={pageHref(galleryIdOf(path))}
    />
  );
}

/** Delete one application version, with its replicas in every region. */
export function DeleteApplicationVersionButton({ path }: { path: ApplicationVersionPath }) {
  const arm = useArm();
  return (
    <DeleteResourceButton
      noun="application version"
      name={path.versionName}
      resourceId={applicationVersionIdOf(path)}
      start={() => deleteApplicationVersion(arm, path)}
      afterHref={pageHref(applicationIdOf(path))}
    >
      <p>
        Its replicas in every target region are deleted; VMs and scale sets that name this version can no longer install
        it, and `latest` moves to the next eligible version. This cannot be undone.
      </p>
    </DeleteResourceButton>
  );
}
