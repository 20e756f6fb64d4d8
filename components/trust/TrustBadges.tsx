import { StateBadge, Tag } from "@/components/ui/StateBadge";
import { POLICY_VIOLATION_LABELS, type VersionTrust } from "@/lib/gallery/trust";

const VALIDATION_BADGES = {
  passed: { state: "Succeeded", label: "Validation passed" },
  failed: { state: "Failed", label: "Validation failed" },
  pending: { state: "InProgress", label: "Validation pending" },
} as const;

/** The platform's verdicts on a version as badges: validation, policy reports, and where the image came from. */
export function TrustBadges({ trust, provenance = false }: { trust: VersionTrust | undefined; provenance?: boolean }) {
  if (!trust) return null;
  const validation =
    trust.validation in VALIDATION_BADGES
      ? VALIDATION_BADGES[trust.validation as keyof typeof VALIDATION_BADGES]
      : undefined;
  const source = trust.provenance.map((attribute) => attribute.value).filter(Boolean);
  return (
    <span className="inline-flex flex-wrap items-center gap-1" data-testid={`trust-${trust.version}`}>
      {validation && <StateBadge state={validation.state} label={validation.label} />}
      {trust.reportedForPolicyViolation && (
        <Tag tone="warn">
          Policy violation
          {trust.policyViolations.length > 0 &&
            `: ${trust.policyViolations.map((v) => POLICY_VIOLATION_LABELS[v.category] ?? v.category).join(", ")}`}
        </Tag>
      )}
      {provenance && source.length > 0 && <Tag>From {source.join(" · ")}</Tag>}
    </span>
  );
}
