"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useId, useState } from "react";
import { useArm } from "@/components/layout/ArmContext";
import { buttonClass } from "@/components/publish/buttonClass";
import { Card, Section } from "@/components/ui/Section";
import { Spinner } from "@/components/ui/Spinner";
import { imageIdOf, type GalleryPath } from "@/lib/azure/routeParams";
import { imageQueries } from "@/lib/queries/galleryImages";

// The form (react-hook-form, zod and the form fields) loads when it is opened, not with the definition page.
const ChangeFeaturesForm = dynamic(
  () => import("@/components/images/ChangeFeaturesForm").then((m) => m.ChangeFeaturesForm),
  { ssr: false, loading: () => <Spinner label="Loading the form…" /> },
);

/**
 * An image definition's features, and "Change features": set `allowUpdateImage`, give SecurityType, disk
 * controllers (NVMe), accelerated networking or hibernation a new value from a version on, and see before saving
 * which existing versions gain it and which keep the behaviour they were published with.
 */
export function DefinitionFeatures({ path }: { path: GalleryPath & { imageName: string } }) {
  const arm = useArm();
  const image = useQuery(imageQueries.detail(arm, imageIdOf(path)));
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const formId = useId();
  if (!image.data) return null;
  // The list itself is the definition's "Features" property above; this section changes it.
  const features = image.data.features ?? [];
  return (
    <Section
      title="Features"
      description="Since api-version 2024-03-03 features can change after creation: a change with a start version applies to that version and newer ones; older versions keep what they were published with."
      actions={
        <button
          type="button"
          className={buttonClass.secondary}
          aria-expanded={open}
          aria-controls={formId}
          onClick={() => {
            setOpen(!open);
            setSaved(false);
          }}
        >
          Change features
        </button>
      }
    >
      <Card>
        <p className="text-sm">
          {features.some((feature) => feature.startsAtVersion)
            ? "Some features start at a later version: the versions table marks the versions that keep their old behaviour."
            : "Every feature applies to every version."}
        </p>
        {saved && (
          <p role="status" className="mt-2 text-sm text-emerald-800">
            Features changed.
          </p>
        )}
      </Card>
      {open && (
        <div id={formId}>
          <ChangeFeaturesForm
            path={path}
            image={image.data}
            onDone={() => {
              setOpen(false);
              setSaved(true);
            }}
            onCancel={() => setOpen(false)}
          />
        </div>
      )}
    </Section>
  );
}
