"use client";

import type { GalleryImageVersion } from "@azure/arm-compute";
import { useQuery } from "@tanstack/react-query";
import { useArm } from "@/components/layout/ArmContext";
import { TrustBadges } from "@/components/trust/TrustBadges";
import { useVersionTrust } from "@/components/trust/useVersionTrust";
import { Tag } from "@/components/ui/StateBadge";
import { galleryPathOf, imageIdOf } from "@/lib/azure/routeParams";
import { describeFeature, featureAppliesTo } from "@/lib/gallery/features";
import { imageQueries } from "@/lib/queries/galleryImages";

/**
 * A version row's features and trust: features added from a later version (which this one does not have, keeping
 * the behaviour it was published with), those it gained from a start version, and the platform's verdicts.
 */
export function VersionFeaturesCell({ version }: { version: GalleryImageVersion }) {
  const arm = useArm();
  const path = galleryPathOf(version.id ?? "");
  const imageId = path?.imageName ? imageIdOf({ ...path, imageName: path.imageName }) : "";
  const image = useQuery({ ...imageQueries.detail(arm, imageId), enabled: imageId !== "" });
  const name = version.name ?? "";
  const features = image.data?.features ?? [];
  const trust = useVersionTrust([version], image.data?.features).get(name);
  const staged = features.filter((feature) => feature.startsAtVersion);
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      {staged.map((feature) =>
        featureAppliesTo(feature, name) ? (
          <Tag key={feature.name} tone="brand">
            {feature.name}={feature.value}
          </Tag>
        ) : (
          <Tag key={feature.name}>
            keeps old {feature.name} (new {describeFeature(feature)})
          </Tag>
        ),
      )}
      <TrustBadges trust={trust} />
    </span>
  );
}
