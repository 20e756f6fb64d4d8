"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useCapabilities } from "@/components/access/useCapabilities";
import { useArm } from "@/components/layout/ArmContext";
import { buttonClass } from "@/components/publish/buttonClass";
import { DeleteButton, DeleteFooter } from "@/components/publish/DeleteDialogs";
import { useOperation } from "@/components/publish/useOperation";
import { Dialog } from "@/components/ui/Dialog";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { Spinner } from "@/components/ui/Spinner";
import { StateBadge } from "@/components/ui/StateBadge";
import { toAzureError, type AzureError } from "@/lib/azure/errors";
import { applicationIdOf, applicationVersionIdOf, galleryIdOf, pageHref } from "@/lib/azure/routeParams";
import { compareVersionNames } from "@/lib/gallery/names";
import {
  applicationVersionQueries,
  deleteApplication,
  deleteApplicationVersion,
  type ApplicationPath,
  type ApplicationVersionPath,
} from "@/lib/queries/galleryApplications";
import { invalidateAfterPublish } from "@/lib/queries/publish";

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

type ItemState = { state: "Waiting" | "Deleting" | "Deleted" | "Failed"; error?: AzureError };

/**
 * Delete an application in the service's order: Azure refuses while versions remain, so with versions the dialog
 * offers the confirmed "delete the application and its N versions", deletes each version (with its replicas) one
 * by one showing its progress, then the application; it stops at the first failure and shows it.
 */
export function DeleteApplicationButton({ path }: { path: ApplicationPath }) {
  const arm = useArm();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [items, setItems] = useState<Record<string, ItemState>>({});
  const [running, setRunning] = useState(false);
  const operation = useOperation();
  const id = applicationIdOf(path);
  const versions = useQuery({ ...applicationVersionQueries.list(arm, id), enabled: open });
  const list = (versions.data ?? []).map((v) => v.name ?? "").sort((a, b) => compareVersionNames(b, a));
  const count = list.length;
  const checkboxId = useId();

  async function deleteVersion(name: string): Promise<boolean> {
    setItems((current) => ({ ...current, [name]: { state: "Deleting" } }));
    try {
      await deleteApplicationVersion(arm, { ...path, versionName: name }).pollUntilDone();
      setItems((current) => ({ ...current, [name]: { state: "Deleted" } }));
      return true;
    } catch (caught) {
      const error = toAzureError(caught, applicationVersionIdOf({ ...path, versionName: name }));
      setItems((current) => ({ ...current, [name]: { state: "Failed", error } }));
      return false;
    }
  }

  async function confirm() {
    setRunning(true);
    setItems(Object.fromEntries(list.map((name) => [name, { state: "Waiting" } as ItemState])));
    for (const name of list) {
      if (!(await deleteVersion(name))) {
        await invalidateAfterPublish(queryClient);
        setRunning(false);
        return;
      }
    }
    const outcome = await operation.run(
      `Deleting VM application ${path.applicationName}`,
      () => deleteApplication(arm, path),
      { resourceId: id },
    );
    setRunning(false);
    if (outcome.ok) router.push(pageHref(galleryIdOf(path)));
  }

  const versionsWord = (n: number) => `${n} ${n === 1 ? "version" : "versions"}`;
  return (
    <>
      <DeleteButton label="Delete VM application" onClick={() => setOpen(true)} />
      <Dialog
        open={open}
        onClose={() => !running && setOpen(false)}
        title={`Delete VM application ${path.applicationName}?`}
      >
        {versions.isPending ? (
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
            {count > 0 && (
              <>
                <ol
                  aria-label="Deletion progress"
                  className="mt-3 max-h-56 space-y-1 overflow-y-auto rounded border border-slate-200 p-2"
                >
                  {list.map((name) => {
                    const item = items[name];
                    return (
                      <li key={name} className="flex flex-col">
                        <span className="flex items-center justify-between gap-2">
                          <span className="font-mono">{name}</span>
                          {item && (
                            <StateBadge
                              state={item.state === "Deleted" ? "Succeeded" : item.state}
                              label={item.state}
                            />
                          )}
                        </span>
                        {item?.error && (
                          <ErrorPanel error={item.error} title={`Version ${name} could not be deleted`} />
                        )}
                      </li>
                    );
                  })}
                </ol>
                <div className="mt-3 flex items-start gap-2">
                  <input
                    id={checkboxId}
                    type="checkbox"
                    className="mt-0.5 h-4 w-4"
                    checked={confirmed}
                    disabled={running}
                    onChange={(event) => setConfirmed(event.target.checked)}
                  />
                  <label htmlFor={checkboxId}>Delete this application and its {versionsWord(count)}</label>
                </div>
              </>
            )}
          </>
        )}
        <DeleteFooter
          state={operation.state}
          onCancel={() => setOpen(false)}
          cancelDisabled={running}
          confirmDisabled={versions.isPending || versions.isError || running || (count > 0 && !confirmed)}
          onConfirm={confirm}
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
