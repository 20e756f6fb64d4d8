"use client";

import { useId, useState } from "react";
import { ApplicationsICanUse } from "@/components/consumer/ApplicationsICanUse";
import { ImagesICanUse } from "@/components/consumer/ImagesICanUse";
import { PageHeader } from "@/components/ui/Section";

const TYPES = [
  { value: "images", label: "Images" },
  { value: "applications", label: "Applications" },
] as const;
type ArtifactType = (typeof TYPES)[number]["value"];

/** "What I can use": the images or the VM Applications the signed-in user may read, one type at a time. */
export function WhatICanUse() {
  const [type, setType] = useState<ArtifactType>("images");
  const name = useId();
  return (
    <>
      <PageHeader
        kind="Consumer"
        title="What I can use"
        subtitle="Every image and VM Application you can read, with its versions, in every subscription you can reach."
      />
      <fieldset className="mt-4 flex flex-wrap items-center gap-4">
        <legend className="sr-only">Type</legend>
        <span aria-hidden className="text-xs font-medium text-slate-700">
          Type
        </span>
        {TYPES.map((t) => (
          <label key={t.value} className="flex items-center gap-1.5 text-sm text-slate-800">
            <input
              type="radio"
              name={name}
              value={t.value}
              checked={type === t.value}
              onChange={() => setType(t.value)}
            />
            {t.label}
          </label>
        ))}
      </fieldset>
      {type === "images" ? <ImagesICanUse /> : <ApplicationsICanUse />}
    </>
  );
}
