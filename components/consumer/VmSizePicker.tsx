"use client";

import { useQuery } from "@tanstack/react-query";
import { useArm } from "@/components/layout/ArmContext";
import {
  availabilityText,
  type ImageFacts,
  recommendedRangesText,
  type SizeOption,
  sizeOptions,
  type VmRequest,
} from "@/lib/gallery/vmSizes";
import { vmSizeQueries } from "@/lib/queries/vmSizes";

function optionLabel(option: SizeOption): string {
  const { size } = option;
  const figures = [
    size.vCPUs !== undefined ? `${size.vCPUs} vCPUs` : "",
    size.memoryGB !== undefined ? `${size.memoryGB} GB` : "",
  ]
    .filter(Boolean)
    .join(", ");
  const mark =
    option.availability !== "Available"
      ? "unavailable"
      : option.compatibility.compatible
        ? "compatible"
        : "not compatible";
  return `${size.name} (${figures}) — ${mark}`;
}

export interface VmSizePickerProps {
  id: string;
  className: string;
  value: string;
  onChange: (size: string) => void;
  subscriptionId: string;
  region: string;
  image: ImageFacts;
  /** What the deployment sends: the security type the image requires. */
  vm: VmRequest;
}

/**
 * The VM size of the deploy panel: the sizes `Microsoft.Compute/skus` offers in the region, each marked compatible
 * with the image or not (lib/gallery/vmSizes.ts), the chosen one's reasons and advice below. When the sizes cannot
 * be listed (no subscription-wide read), a free text field with the reason.
 */
export function VmSizePicker({ id, className, value, onChange, subscriptionId, region, image, vm }: VmSizePickerProps) {
  const arm = useArm();
  const skus = useQuery(vmSizeQueries.inRegion(arm, subscriptionId, region));
  const recommended = recommendedRangesText(image);
  const describedBy = `${id}-about`;

  if (skus.isError || !subscriptionId) {
    return (
      <>
        <input
          id={id}
          className={className}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={describedBy}
        />
        <p id={describedBy} className="text-xs text-slate-600">
          {skus.isError ? "The sizes offered here could not be listed, so compatibility is not checked." : ""}
          {recommended ? ` Recommended: ${recommended}.` : ""}
        </p>
      </>
    );
  }

  const options = skus.data ? sizeOptions(skus.data, region, image, vm) : [];
  const chosen = options.find((o) => o.size.name.toLowerCase() === value.toLowerCase());
  const groups: [string, SizeOption[]][] = [
    ["Compatible", options.filter((o) => o.availability === "Available" && o.compatibility.compatible)],
    [
      "Not compatible with this image",
      options.filter((o) => o.availability === "Available" && !o.compatibility.compatible),
    ],
    ["Not available to you in this region", options.filter((o) => o.availability !== "Available")],
  ];
  const problems = chosen
    ? [
        ...(availabilityText(chosen.availability) ? [availabilityText(chosen.availability)!] : []),
        ...chosen.compatibility.reasons.map((r) => r.reason),
      ]
    : [];

  return (
    <>
      <select
        id={id}
        className={className}
        value={chosen ? chosen.size.name : value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy}
        disabled={skus.isPending}
      >
        {!chosen && (
          <option value={value}>
            {skus.isPending ? `${value} (loading sizes…)` : `${value} — not offered in this region`}
          </option>
        )}
        {groups
          .filter(([, list]) => list.length > 0)
          .map(([label, list]) => (
            <optgroup key={label} label={label}>
              {list.map((o) => (
                <option key={o.size.name} value={o.size.name}>
                  {optionLabel(o)}
                </option>
              ))}
            </optgroup>
          ))}
      </select>
      <div id={describedBy} className="text-xs" data-testid="vm-size-compatibility">
        {chosen && problems.length === 0 && <p className="text-emerald-800">Compatible with this image.</p>}
        {problems.length > 0 && (
          <div role="alert" className="text-amber-900">
            <p className="font-semibold">{value} cannot be used:</p>
            <ul className="list-disc pl-4">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        {chosen?.compatibility.advice.map((a) => (
          <p key={a.kind} className="text-slate-600">
            {a.message}
          </p>
        ))}
        {recommended && <p className="text-slate-600">Recommended by the image definition: {recommended}.</p>}
      </div>
    </>
  );
}
