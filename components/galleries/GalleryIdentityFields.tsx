"use client";

import type { GalleryIdentity } from "@azure/arm-compute";
import { useFieldArray, useFormContext } from "react-hook-form";
import { AddRowButton, CheckboxField, Group, PairInput, RemoveRowButton } from "@/components/publish/fields";
import { sameIdentityId } from "@/lib/gallery/galleryIdentity";

/** What the service reports for an identity the gallery already holds (principal and client ids are read-only). */
function assignedDetails(identity: GalleryIdentity | undefined, id: string) {
  const entry = Object.entries(identity?.userAssignedIdentities ?? {}).find(([key]) => sameIdentityId(key, id));
  return entry?.[1];
}

/**
 * The edit form's managed identity: the system-assigned identity on or off (with the principal the service created),
 * and the user-assigned identities by resource id, added and removed as rows.
 */
export function GalleryIdentityFields({ current }: { current: GalleryIdentity | undefined }) {
  const { register, watch } = useFormContext();
  const { fields, append, remove } = useFieldArray({ name: "userAssignedIdentities" });
  const systemOn = watch("systemAssigned") as boolean;
  const systemHint =
    systemOn && current?.principalId
      ? `Principal id ${current.principalId} in tenant ${current.tenantId ?? "—"}. Turning it off deletes this principal and its role assignments stop applying.`
      : "Azure creates a service principal for the gallery, in the subscription's tenant, that roles can be assigned to.";
  return (
    <Group legend="Managed identity" description="The identities the gallery acts as when it reads sources and keys.">
      <div className="sm:col-span-2">
        <CheckboxField name="systemAssigned" label="System-assigned identity" hint={systemHint} />
      </div>
      <div className="sm:col-span-2">
        <p className="text-sm font-medium text-slate-800">User-assigned identities</p>
        {fields.length === 0 && <p className="text-xs text-slate-600">None.</p>}
        <ul className="mt-2 space-y-2">
          {fields.map((field, index) => {
            const id = (watch(`userAssignedIdentities.${index}.id`) as string | undefined) ?? "";
            const details = assignedDetails(current, id);
            return (
              <li key={field.id} className="grid grid-cols-[1fr_auto] items-start gap-2">
                <div>
                  <PairInput
                    name={`userAssignedIdentities.${index}.id`}
                    label={`User-assigned identity ${index + 1} (resource id)`}
                    register={register}
                  />
                  {details && (
                    <p className="mt-1 text-xs text-slate-600">
                      Principal id <span className="font-mono">{details.principalId ?? "—"}</span>, client id{" "}
                      <span className="font-mono">{details.clientId ?? "—"}</span>
                    </p>
                  )}
                </div>
                <RemoveRowButton
                  label={`Remove user-assigned identity ${index + 1}`}
                  onClick={() => remove(index)}
                  className="mt-6"
                />
              </li>
            );
          })}
        </ul>
        <AddRowButton onClick={() => append({ id: "" })} className="mt-3">
          Add user-assigned identity
        </AddRowButton>
      </div>
    </Group>
  );
}
