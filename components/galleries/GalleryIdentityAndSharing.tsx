"use client";

import type { Gallery } from "@azure/arm-compute";
import { useQuery } from "@tanstack/react-query";
import { useArm } from "@/components/layout/ArmContext";
import { PropertyList } from "@/components/ui/PropertyList";
import { Section } from "@/components/ui/Section";
import { StateBadge } from "@/components/ui/StateBadge";
import { galleryIdentityChoiceOf } from "@/lib/gallery/galleryIdentity";
import { regionDisplayName } from "@/lib/gallery/regions";
import { isSoftDeleteEnabled, SOFT_DELETE_SUMMARY } from "@/lib/gallery/softDelete";
import { galleryQueries } from "@/lib/queries/galleries";

/** While a share runs the state changes on its own: read the gallery again until it settles. */
const SHARING_POLL_MS = 3_000;

function Mono({ value }: { value: string | undefined }) {
  return <span className="break-all font-mono text-xs">{value ?? "—"}</span>;
}

function IdentityDetails({ gallery }: { gallery: Gallery }) {
  const choice = galleryIdentityChoiceOf(gallery.identity);
  const users = Object.entries(gallery.identity?.userAssignedIdentities ?? {});
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-900">Managed identity</h3>
      <PropertyList
        columns={3}
        items={[
          { label: "System-assigned", value: choice.systemAssigned ? "On" : "Off" },
          { label: "Principal id", value: <Mono value={gallery.identity?.principalId} /> },
          { label: "Tenant id", value: <Mono value={gallery.identity?.tenantId} /> },
        ]}
      />
      <table className="mt-3 w-full text-left text-sm">
        <caption className="text-left text-xs font-medium uppercase tracking-wide text-slate-600">
          User-assigned identities
        </caption>
        <thead className="text-xs text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">
              Resource id
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Principal id
            </th>
            <th scope="col" className="py-1 font-medium">
              Client id
            </th>
          </tr>
        </thead>
        <tbody>
          {users.length === 0 ? (
            <tr>
              <td colSpan={3} className="py-1 text-slate-600">
                None
              </td>
            </tr>
          ) : (
            users.map(([id, user]) => (
              <tr key={id} className="border-t border-slate-100 align-top">
                <td className="py-1 pr-3">
                  <Mono value={id} />
                </td>
                <td className="py-1 pr-3">
                  <Mono value={user.principalId} />
                </td>
                <td className="py-1">
                  <Mono value={user.clientId} />
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

function SharingStatusDetails({ gallery }: { gallery: Gallery }) {
  const status = gallery.sharingStatus;
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-900">Direct sharing state</h3>
      {!status ? (
        <p className="text-sm text-slate-600">Never shared directly: no sharing state to report.</p>
      ) : (
        <>
          <p className="mt-1 text-sm">
            Across regions: <StateBadge state={status.aggregatedState} />
          </p>
          <table className="mt-2 w-full text-left text-sm">
            <caption className="sr-only">Sharing state per region</caption>
            <thead className="text-xs text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Region
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  State
                </th>
                <th scope="col" className="py-1 font-medium">
                  Details
                </th>
              </tr>
            </thead>
            <tbody>
              {(status.summary ?? []).map((region) => (
                <tr key={region.region} className="border-t border-slate-100 align-top">
                  <td className="py-1 pr-3">{regionDisplayName(region.region ?? "")}</td>
                  <td className="py-1 pr-3">
                    <StateBadge state={region.state} />
                  </td>
                  {/* Azure answers details "" for a region with nothing to report. */}
                  <td className="py-1">{region.details || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

/** The gallery's settings beyond its description: soft delete, managed identity and the state of its direct sharing. */
export function GalleryIdentityAndSharing({ galleryId }: { galleryId: string }) {
  const arm = useArm();
  const gallery = useQuery({
    ...galleryQueries.detail(arm, galleryId),
    refetchInterval: (query) =>
      query.state.data?.sharingStatus?.aggregatedState === "InProgress" ? SHARING_POLL_MS : false,
  });
  if (!gallery.data) return null;
  const softDelete = isSoftDeleteEnabled(gallery.data.softDeletePolicy);
  return (
    <Section title="Identity, soft delete and sharing state">
      <div className="grid gap-5 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <p className="text-sm">
          <span className="font-semibold">Soft delete: </span>
          {softDelete ? `On. ${SOFT_DELETE_SUMMARY}` : "Off: deleted image versions are deleted for good."}
        </p>
        <IdentityDetails gallery={gallery.data} />
        <SharingStatusDetails gallery={gallery.data} />
      </div>
    </Section>
  );
}
