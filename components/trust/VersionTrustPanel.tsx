"use client";

import { useQuery } from "@tanstack/react-query";
import { useArm } from "@/components/layout/ArmContext";
import { TrustBadges } from "@/components/trust/TrustBadges";
import { useVersionTrust } from "@/components/trust/useVersionTrust";
import { formatDateTime } from "@/components/ui/format";
import { PropertyList } from "@/components/ui/PropertyList";
import { Card, Section } from "@/components/ui/Section";
import { SafeText } from "@/components/ui/SafeText";
import { imageIdOf, versionIdOf, type GalleryPath } from "@/lib/azure/routeParams";
import { describeFeature, featureAppliesTo } from "@/lib/gallery/features";
import { POLICY_VIOLATION_LABELS } from "@/lib/gallery/trust";
import { imageQueries } from "@/lib/queries/galleryImages";
import { versionQueries } from "@/lib/queries/galleryImageVersions";

const VALIDATION_WORDS = {
  passed: "Every validation the platform ran succeeded.",
  failed: "A validation failed: VMs made from this version may not start as the definition promises.",
  pending: "The platform validates this version for Trusted Launch; no result yet (it takes an hour or more).",
  notApplicable: "No validation applies: this version's security type asks for none.",
  unknown: "The validation results could not be read.",
} as const;

/**
 * On a version page: the features this version has (a feature added later with startsAtVersion may not apply to it),
 * the platform's validation results, policy reports and the image's provenance.
 */
export function VersionTrustPanel({ path }: { path: GalleryPath & { imageName: string; versionName: string } }) {
  const arm = useArm();
  const version = useQuery(versionQueries.detail(arm, versionIdOf(path)));
  const image = useQuery(imageQueries.detail(arm, imageIdOf(path)));
  const features = image.data?.features;
  const trust = useVersionTrust(version.data ? [version.data] : [], features).get(path.versionName);
  if (!version.data || !image.data || !trust) return null;
  const applying = (features ?? []).filter((feature) => featureAppliesTo(feature, path.versionName));
  const later = (features ?? []).filter((feature) => !featureAppliesTo(feature, path.versionName));
  return (
    <Section
      title="Features and trust"
      description="What this version offers VMs, and what the platform reports about it."
      actions={<TrustBadges trust={trust} />}
    >
      <Card>
        <PropertyList
          items={[
            {
              label: "Features of this version",
              value: applying.length ? applying.map(describeFeature).join(", ") : "None",
            },
            {
              label: "Features from later versions",
              value: later.length
                ? `${later.map(describeFeature).join(", ")}: not for ${path.versionName}, which keeps the behaviour it was published with`
                : "—",
            },
            {
              label: "Validation",
              wide: true,
              value: (
                <>
                  <p>{VALIDATION_WORDS[trust.validation]}</p>
                  {trust.validations.length > 0 && (
                    <ul className="mt-1 list-disc pl-5">
                      {trust.validations.map((v) => (
                        <li key={`${v.type}-${v.executionTime ?? ""}`}>
                          {v.type} {v.version ? `v${v.version}` : ""}: <strong>{v.status}</strong>
                          {v.executionTime ? ` (${formatDateTime(v.executionTime)})` : ""}
                        </li>
                      ))}
                    </ul>
                  )}
                </>
              ),
            },
            {
              label: "Policy violations",
              wide: true,
              value: trust.reportedForPolicyViolation ? (
                <ul className="list-disc pl-5" aria-label="Reported policy violations">
                  {trust.policyViolations.map((v) => (
                    <li key={`${v.category}-${v.details}`}>
                      <strong>{POLICY_VIOLATION_LABELS[v.category] ?? v.category}</strong> ({v.category}):{" "}
                      <SafeText value={v.details} />
                    </li>
                  ))}
                </ul>
              ) : (
                "None reported"
              ),
            },
            {
              label: "Provenance (platform attributes)",
              wide: true,
              value: trust.provenance.length ? (
                <span className="font-mono text-xs">
                  {trust.provenance.map((a) => `${a.name}=${a.value}`).join(", ")}
                </span>
              ) : (
                "—"
              ),
            },
          ]}
        />
      </Card>
    </Section>
  );
}
