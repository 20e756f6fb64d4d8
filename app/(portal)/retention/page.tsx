import type { Metadata } from "next";
import { LazyRetentionPanel } from "@/components/lifecycle/LazyLifecyclePanels";
import { RetentionScopeForm } from "@/components/lifecycle/RetentionScopeForm";
import { PageHeader } from "@/components/ui/Section";
import { scopeLabel } from "@/components/sharing/scopeLabels";
import { parseRetentionScope } from "@/lib/lifecycle/retentionArm";

export const metadata: Metadata = { title: "Retention" };

type Props = { searchParams: Promise<{ scope?: string }> };

/**
 * `/retention?scope={definition, gallery or subscription id, or all}`: a retention policy's dry run, then applying
 * it; `all` is every gallery the user can write.
 */
export default async function RetentionPage({ searchParams }: Props) {
  const { scope } = await searchParams;
  const all = scope !== undefined && parseRetentionScope(scope)?.kind === "all";
  return (
    <>
      <PageHeader
        kind="Retention"
        title={all ? "every gallery you can write" : scope ? scopeLabel(scope) : "Choose a scope"}
        subtitle={scope && !all ? <span className="break-all font-mono text-xs">{scope}</span> : undefined}
      />
      {scope ? <LazyRetentionPanel scope={scope} /> : <RetentionScopeForm />}
    </>
  );
}
