"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type ReactNode } from "react";
import { DeleteButton, DeleteFooter } from "@/components/publish/DeleteConfirm";
import { useOperation } from "@/components/publish/useOperation";
import { Dialog } from "@/components/ui/Dialog";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { Spinner } from "@/components/ui/Spinner";
import { StateBadge } from "@/components/ui/StateBadge";
import { toAzureError, type AzureError } from "@/lib/azure/errors";
import { compareVersionNames } from "@/lib/gallery/names";
import type { Operation } from "@/lib/queries/lro";
import { invalidateAfterPublish } from "@/lib/queries/publish";

/**
 * Deleting a parent in the service's order (an image definition, a VM application): its versions one by one, each
 * with its replicas, then the parent; the first failure stops it, so nothing after it is attempted. Shared by the
 * delete dialogs of definitions and applications.
 */

type ItemState = { state: "Waiting" | "Deleting" | "Deleted" | "Failed"; error?: AzureError };

export function useOrderedDelete(options: {
  /** Newest first, as the dialog lists them. */
  versionNames: readonly string[];
  deleteVersion: (name: string) => Operation<void>;
  versionId: (name: string) => string;
  /** What the operation status says, and the parent's delete. */
  parentLabel: string;
  deleteParent: () => Operation<void>;
  parentId: string;
  /** Where to go once the parent is gone. */
  afterHref: string;
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const operation = useOperation();
  const [items, setItems] = useState<Record<string, ItemState>>({});
  const [running, setRunning] = useState(false);
  const [confirmed, setConfirmed] = useState(false);

  async function deleteVersion(name: string): Promise<boolean> {
    setItems((current) => ({ ...current, [name]: { state: "Deleting" } }));
    try {
      await options.deleteVersion(name).pollUntilDone();
      setItems((current) => ({ ...current, [name]: { state: "Deleted" } }));
      return true;
    } catch (caught) {
      const error = toAzureError(caught, options.versionId(name));
      setItems((current) => ({ ...current, [name]: { state: "Failed", error } }));
      return false;
    }
  }

  async function confirm() {
    setRunning(true);
    setItems(Object.fromEntries(options.versionNames.map((name) => [name, { state: "Waiting" } as ItemState])));
    for (const name of options.versionNames) {
      if (!(await deleteVersion(name))) {
        await invalidateAfterPublish(queryClient);
        setRunning(false);
        return;
      }
    }
    const outcome = await operation.run(options.parentLabel, options.deleteParent, { resourceId: options.parentId });
    setRunning(false);
    if (outcome.ok) router.push(options.afterHref);
  }

  return { items, running, confirmed, setConfirmed, confirm, operation };
}

const versionsWord = (n: number) => `${n} ${n === 1 ? "version" : "versions"}`;
const a = (noun: string) => `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;

/**
 * The delete button and dialog of a parent with versions (`noun`: "image definition", `shortNoun`: "definition").
 * `versions` is the read of its versions, which `onOpen` starts, and `complete` whether it has read them all. With
 * versions, the delete needs the explicit "delete it and its N versions" and shows each version's progress.
 */
export function OrderedDeleteButton({
  noun,
  shortNoun,
  name,
  versions,
  complete,
  onOpen,
  notice,
  consequence,
  ...options
}: Omit<Parameters<typeof useOrderedDelete>[0], "versionNames" | "parentLabel"> & {
  noun: string;
  shortNoun: string;
  name: string;
  versions: { isError: boolean; error: unknown; data?: readonly { name?: string }[] | undefined };
  complete: boolean;
  onOpen: () => void;
  /** Shown above the explanation once the versions are known (what the gallery's soft delete keeps). */
  notice?: ReactNode;
  /** What deleting the versions means beyond the replicas. */
  consequence?: string;
}) {
  const [open, setOpen] = useState(false);
  const listed = !versions.isError && complete && versions.data;
  const names = listed ? listed.map((version) => version.name ?? "").sort((a, b) => compareVersionNames(b, a)) : [];
  const count = names.length;
  const deletion = useOrderedDelete({ ...options, versionNames: names, parentLabel: `Deleting ${noun} ${name}` });
  return (
    <>
      <DeleteButton
        label={`Delete ${noun}`}
        onClick={() => {
          onOpen();
          setOpen(true);
        }}
      />
      <Dialog open={open} onClose={() => !deletion.running && setOpen(false)} title={`Delete ${noun} ${name}?`}>
        {versions.isError ? (
          <ErrorPanel error={versions.error} title={`The versions of this ${shortNoun} could not be listed`} />
        ) : !listed ? (
          <Spinner label="Checking its versions…" />
        ) : (
          <>
            {notice}
            <p>
              {count > 0
                ? `Azure deletes ${a(noun)} only when it has no versions. Its ${count} ${count === 1 ? "version goes" : "versions go"} first, one by one, with their replicas in every region; then the ${shortNoun}.${consequence ? ` ${consequence}` : ""}`
                : "It has no versions. Deleting it cannot be undone."}
            </p>
            {count > 0 && <OrderedDeleteProgress deletion={deletion} versionNames={names} what={`this ${shortNoun}`} />}
          </>
        )}
        <DeleteFooter
          state={deletion.operation.state}
          onCancel={() => setOpen(false)}
          cancelDisabled={deletion.running}
          confirmDisabled={!listed || deletion.running || (count > 0 && !deletion.confirmed)}
          onConfirm={deletion.confirm}
          confirmLabel={count > 0 ? `Delete ${shortNoun} and ${versionsWord(count)}` : `Delete ${noun}`}
        />
      </Dialog>
    </>
  );
}

/** Each version's progress, then the box that confirms deleting them all (`what`: "this definition"). */
function OrderedDeleteProgress({
  deletion,
  versionNames,
  what,
}: {
  deletion: ReturnType<typeof useOrderedDelete>;
  versionNames: readonly string[];
  what: string;
}) {
  const checkboxId = useId();
  const count = versionNames.length;
  return (
    <>
      <ol
        aria-label="Deletion progress"
        className="mt-3 max-h-56 space-y-1 overflow-y-auto rounded border border-slate-200 p-2"
      >
        {versionNames.map((name) => {
          const item = deletion.items[name];
          return (
            <li key={name} className="flex flex-col">
              <span className="flex items-center justify-between gap-2">
                <span className="font-mono">{name}</span>
                {item && <StateBadge state={item.state === "Deleted" ? "Succeeded" : item.state} label={item.state} />}
              </span>
              {item?.error && <ErrorPanel error={item.error} title={`Version ${name} could not be deleted`} />}
            </li>
          );
        })}
      </ol>
      <div className="mt-3 flex items-start gap-2">
        <input
          id={checkboxId}
          type="checkbox"
          className="mt-0.5 h-4 w-4"
          checked={deletion.confirmed}
          disabled={deletion.running}
          onChange={(event) => deletion.setConfirmed(event.target.checked)}
        />
        <label htmlFor={checkboxId}>
          Delete {what} and its {versionsWord(count)}
        </label>
      </div>
    </>
  );
}
