"use client";

import type { SharingProfileGroup } from "@azure/arm-compute";
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useCapabilities } from "@/components/access/useCapabilities";
import { sharingLabel } from "@/components/galleries/sharing";
import { useArm } from "@/components/layout/ArmContext";
import { CommunityGalleryForm } from "@/components/sharing/CommunityGalleryForm";
import { ConfirmDialog } from "@/components/sharing/ConfirmDialog";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { Section } from "@/components/ui/Section";
import { Spinner } from "@/components/ui/Spinner";
import { sharingQueries, useUpdateDirectSharing } from "@/lib/queries/sharing";
import { GUID } from "@/lib/sharing/principals";

type GroupType = "Subscriptions" | "AADTenants";
const LIMITS: Record<GroupType, number> = { Subscriptions: 30, AADTenants: 5 };
const NOUN: Record<GroupType, string> = { Subscriptions: "subscription", AADTenants: "tenant" };

/**
 * Direct sharing (beyond RBAC): share the gallery with whole subscriptions or tenants within the service's limits,
 * or make it a community gallery. Only shown to callers who hold Microsoft.Compute/galleries/share/action.
 */
export function DirectSharingPanel({ galleryId }: { galleryId: string }) {
  const capabilities = useCapabilities(galleryId);
  if (!capabilities.data?.share) return null;
  return <DirectSharing galleryId={galleryId} />;
}

function DirectSharing({ galleryId }: { galleryId: string }) {
  const arm = useArm();
  const profile = useQuery(sharingQueries.directSharing(arm, galleryId));
  const [type, setType] = useState<GroupType>("Subscriptions");
  const [id, setId] = useState("");
  const [confirm, setConfirm] = useState<"Reset">();
  const [communityOpen, setCommunityOpen] = useState(false);
  const typeId = useId();
  const idId = useId();
  const update = useUpdateDirectSharing(arm, galleryId, {
    onSuccess: () => {
      setConfirm(undefined);
      setId("");
    },
  });

  const sharing = profile.data?.sharingProfile;
  const groups: SharingProfileGroup[] = sharing?.groups ?? [];
  const idsOf = (t: GroupType) => groups.find((g) => g.type === t)?.ids ?? [];
  const community =
    sharing?.permissions === "Community" && sharing.communityGalleryInfo?.communityGalleryEnabled === true;
  const publicNames = sharing?.communityGalleryInfo?.publicNames ?? [];
  const trimmed = id.trim();
  const invalid = trimmed !== "" && !GUID.test(trimmed);
  const atLimit = idsOf(type).length >= LIMITS[type];

  return (
    <Section
      title="Direct sharing"
      description="Share the whole gallery, read-only, with every user of chosen subscriptions or tenants, or publicly as a community gallery."
    >
      {profile.isPending && <Spinner label="Loading sharing status…" />}
      {profile.isError && <ErrorPanel error={profile.error} title="The sharing status could not be read" />}
      {profile.data && (
        <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 text-sm shadow-sm">
          <p data-testid="sharing-status">
            <span className="font-semibold">Status: </span>
            {sharingLabel(sharing?.permissions)}
          </p>
          {community && publicNames.length > 0 && (
            <p data-testid="community-public-name">
              <span className="font-semibold">Public name: </span>
              <span className="font-mono text-xs">{publicNames.join(", ")}</span> — consumers open the gallery by this
              name and its region.
            </p>
          )}
          {(["Subscriptions", "AADTenants"] as GroupType[]).map((t) => (
            <div key={t}>
              <h3 className="font-semibold">
                Shared with {NOUN[t]}s ({idsOf(t).length} of {LIMITS[t]})
              </h3>
              {idsOf(t).length === 0 ? (
                <p className="text-slate-600">None.</p>
              ) : (
                <ul className="mt-1 space-y-1">
                  {idsOf(t).map((shared) => (
                    <li key={shared} className="flex items-center gap-2">
                      <span className="font-mono text-xs">{shared}</span>
                      <button
                        type="button"
                        disabled={update.isPending}
                        onClick={() => update.mutate({ operationType: "Remove", groups: [{ type: t, ids: [shared] }] })}
                        aria-label={`Stop sharing with ${NOUN[t]} ${shared}`}
                        className="rounded border border-red-300 px-2 py-0.5 text-xs font-semibold text-red-800 hover:bg-red-50"
                      >
                        Remove
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
          {!community && (
            <form
              className="flex flex-wrap items-end gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                if (!invalid && trimmed && !atLimit)
                  update.mutate({ operationType: "Add", groups: [{ type, ids: [trimmed.toLowerCase()] }] });
              }}
            >
              <div>
                <label htmlFor={typeId} className="block text-xs font-medium">
                  Share with
                </label>
                <select
                  id={typeId}
                  value={type}
                  onChange={(e) => setType(e.target.value as GroupType)}
                  className="rounded border border-slate-300 px-2 py-1.5"
                >
                  <option value="Subscriptions">Subscription</option>
                  <option value="AADTenants">Tenant</option>
                </select>
              </div>
              <div>
                <label htmlFor={idId} className="block text-xs font-medium">
                  {type === "Subscriptions" ? "Subscription id" : "Tenant id"}
                </label>
                <input
                  id={idId}
                  value={id}
                  onChange={(e) => setId(e.target.value)}
                  aria-invalid={invalid}
                  aria-describedby={invalid || atLimit ? `${idId}-hint` : undefined}
                  className="w-96 max-w-full rounded border border-slate-300 px-2 py-1.5 font-mono text-xs"
                />
              </div>
              <button
                type="submit"
                disabled={!trimmed || invalid || atLimit || update.isPending}
                className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white disabled:opacity-50"
              >
                Add
              </button>
              {(invalid || atLimit) && (
                <p id={`${idId}-hint`} className="w-full text-xs text-red-800">
                  {atLimit
                    ? `A gallery can be shared with at most ${LIMITS[type]} ${NOUN[type]}s; remove one first.`
                    : "Enter a GUID, e.g. 00000000-0000-0000-0000-000000000000."}
                </p>
              )}
            </form>
          )}
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              onClick={() => setConfirm("Reset")}
              className="rounded border border-slate-300 px-3 py-1.5 font-medium"
            >
              Stop direct sharing (reset)
            </button>
            {!community && !communityOpen && (
              <button
                type="button"
                onClick={() => setCommunityOpen(true)}
                className="rounded border border-slate-300 px-3 py-1.5 font-medium"
              >
                Make it a community gallery
              </button>
            )}
          </div>
          {!community && communityOpen && (
            <CommunityGalleryForm
              galleryId={galleryId}
              onCancel={() => setCommunityOpen(false)}
              onDone={() => setCommunityOpen(false)}
            />
          )}
          {update.isPending && <Spinner label="Updating the sharing profile…" />}
          {update.isError && <ErrorPanel error={update.error} title="The sharing profile could not be changed" />}
        </div>
      )}
      <ConfirmDialog
        open={confirm !== undefined && !update.isError}
        title="Stop direct sharing?"
        confirmLabel="Reset sharing"
        busy={update.isPending}
        onCancel={() => setConfirm(undefined)}
        onConfirm={() => confirm && update.mutate({ operationType: confirm })}
      >
        Every subscription and tenant loses the direct share, and a community gallery stops being public. RBAC
        assignments stay.
      </ConfirmDialog>
    </Section>
  );
}
