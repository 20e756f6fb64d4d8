"use client";

import { useId, useState } from "react";
import { useFormContext } from "react-hook-form";
import { buttonClass } from "@/components/publish/buttonClass";
import { inputClass } from "@/components/publish/fields";
import { replicationDefaults } from "@/lib/gallery/replication";
import { regionDisplayName } from "@/lib/gallery/regions";
import { planReplicas, REPLICA_GUIDANCE } from "@/lib/gallery/replicaPlanner";
import type { TargetRegionRow } from "@/lib/publish/imageVersionForm";

const REGIONS = "properties.publishingProfile.targetRegions";

interface Demand {
  vms: string;
  scaleSets: string;
}

const NO_DEMAND: Demand = { vms: "", scaleSets: "" };
const DEMAND_LABELS: Record<keyof Demand, string> = {
  vms: "VMs created at once",
  scaleSets: "Scale sets created at once",
};

const whole = (value: string) => {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
};

/**
 * Microsoft's current replica guidance (REPLICA_GUIDANCE) as a calculator: per target region, how many VMs and scale
 * sets are created at once. It recommends replicas and shows what the storage costs: regions × replicas × image size,
 * for the plan and for the form as it is.
 */
export function ReplicaPlanner({ imageSizeGB }: { imageSizeGB: number | undefined }) {
  const { watch, setValue } = useFormContext();
  const rows = (watch(REGIONS) ?? []) as TargetRegionRow[];
  const defaultCount = watch("properties.publishingProfile.replicaCount") as number | undefined;
  const [demand, setDemand] = useState<Record<string, Demand>>({});
  const [sizeText, setSizeText] = useState("");
  const [production, setProduction] = useState(false);
  const id = useId();
  const size = sizeText !== "" ? whole(sizeText) : (imageSizeGB ?? 0);

  const plan = planReplicas(
    rows.map((row) => {
      const d = demand[row.name] ?? NO_DEMAND;
      return { region: row.name, concurrentVMs: whole(d.vms), concurrentScaleSets: whole(d.scaleSets), production };
    }),
    size,
  );
  const currentReplicas = rows.reduce(
    (total, row) =>
      total +
      (Number.isInteger(row.regionalReplicaCount)
        ? row.regionalReplicaCount!
        : Number.isInteger(defaultCount)
          ? defaultCount!
          : replicationDefaults().replicaCount),
    0,
  );
  const update = (region: string, key: keyof Demand, value: string) =>
    setDemand((current) => ({
      ...current,
      [region]: { ...(current[region] ?? NO_DEMAND), [key]: value },
    }));

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
        Replica planner
      </h2>
      <p className="mb-3 text-xs text-slate-600" data-testid="replica-guidance">
        One replica per {REPLICA_GUIDANCE.vmsPerReplica} VMs created at the same time, and one per scale set created at
        the same time; over-provision for large images. Source:{" "}
        <a className="text-brand-700 underline" href={REPLICA_GUIDANCE.source} target="_blank" rel="noreferrer">
          {REPLICA_GUIDANCE.sourceTitle}
        </a>{" "}
        (until 2023 it said one per {REPLICA_GUIDANCE.previousVmsPerReplica} VMs, as its &ldquo;Best practices&rdquo;
        still do).
      </p>
      <label className="mb-3 flex items-center gap-2 text-sm">
        <input type="checkbox" checked={production} onChange={(event) => setProduction(event.target.checked)} />
        Production image: at least {REPLICA_GUIDANCE.productionMinimum} replicas per region
      </label>
      <div className="mb-3 flex flex-col gap-1">
        <label htmlFor={`${id}-size`} className="text-xs font-medium text-slate-700">
          Image size (GB)
        </label>
        <input
          id={`${id}-size`}
          type="number"
          min={1}
          inputMode="numeric"
          className={`${inputClass} w-32`}
          value={sizeText}
          placeholder={imageSizeGB !== undefined ? String(imageSizeGB) : "e.g. 128"}
          onChange={(event) => setSizeText(event.target.value)}
          aria-describedby={`${id}-size-hint`}
        />
        <p id={`${id}-size-hint`} className="text-xs text-slate-600">
          {imageSizeGB !== undefined
            ? `The chosen source is ${imageSizeGB} GB (OS and data disks).`
            : "Pick a source to take its size, or enter one."}
        </p>
      </div>
      <table className="w-full text-sm">
        <caption className="sr-only">Demand and recommended replicas per region</caption>
        <thead>
          <tr className="text-left text-xs text-slate-600">
            <th scope="col" className="font-medium">
              Region
            </th>
            <th scope="col" className="font-medium">
              VMs at once
            </th>
            <th scope="col" className="font-medium">
              Scale sets at once
            </th>
            <th scope="col" className="font-medium">
              Recommended
            </th>
          </tr>
        </thead>
        <tbody>
          {plan.regions.map((recommendation) => {
            const display = regionDisplayName(recommendation.region);
            const d = demand[recommendation.region] ?? NO_DEMAND;
            return (
              <tr key={recommendation.region} className="border-t border-slate-100">
                <th scope="row" className="py-1.5 pr-2 text-left font-medium">
                  {display}
                </th>
                {(["vms", "scaleSets"] as const).map((key) => (
                  <td key={key} className="py-1.5 pr-2">
                    <input
                      type="number"
                      min={0}
                      inputMode="numeric"
                      className={`${inputClass} min-w-14 px-1.5`}
                      aria-label={`${DEMAND_LABELS[key]} in ${display}`}
                      placeholder="0"
                      value={d[key]}
                      onChange={(event) => update(recommendation.region, key, event.target.value)}
                    />
                  </td>
                ))}
                <td className="py-1.5">
                  <output aria-label={`Recommended replicas in ${display}`}>{recommendation.replicas}</output>
                  {recommendation.capped && <span className="block text-xs text-amber-900">capped at 100</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="font-medium">Planned</dt>
        <dd>
          {plan.totalReplicas} replicas in {plan.regions.length} regions
          {size ? ` = ${plan.storageGB.toLocaleString("en-US")} GB stored` : ""}
        </dd>
        <dt className="font-medium">In the form now</dt>
        <dd>
          {currentReplicas} replicas{size ? ` = ${(currentReplicas * size).toLocaleString("en-US")} GB stored` : ""}
        </dd>
      </dl>
      <button
        type="button"
        className={`${buttonClass.secondary} mt-3`}
        onClick={() =>
          plan.regions.forEach((recommendation, index) =>
            setValue(`${REGIONS}.${index}.regionalReplicaCount`, recommendation.replicas, {
              shouldDirty: true,
              shouldValidate: true,
            }),
          )
        }
      >
        Apply the recommended replica counts
      </button>
    </section>
  );
}
