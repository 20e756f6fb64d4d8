import type { Metadata } from "next";
import { RetentionPanel } from "@/components/lifecycle/RetentionPanel";
import { RetentionScopeForm } from "@/components/lifecycle/RetentionScopeForm";
import { PageHeader } from "@/components/ui/Section";
import { scopeLabel } from "@/components/sharing/scopeLabels";

export const metadata: Metadata = { title: "Retention" };

type Props = { searchParams: Promise<{ scope?: string }> };

/** `/retention?scope={definition, gallery or subscription id}`: a retention policy's dry run, then applying it. */
export default async function RetentionPage({ searchParams }: Props) {
  const { scope } = await searchParams;
  return (
    <>
      <PageHeader
        kind="Retention"
        title={scope ? scopeLabel(scope) : "Choose a scope"}
        subtitle={scope ? <span className="break-all font-mono text-xs">{scope}</span> : undefined}
      />
      {scope ? <RetentionPanel scope={scope} /> : <RetentionScopeForm />}
    </>
  );
}
