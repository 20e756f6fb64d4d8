import type { Metadata } from "next";
import { LazyAccessPanel } from "@/components/sharing/LazySharingPanels";
import { PageHeader } from "@/components/ui/Section";
import { ScopePicker } from "@/components/sharing/ScopePicker";
import { scopeLabel } from "@/components/sharing/scopeLabels";

export const metadata: Metadata = { title: "Access" };

type Props = { searchParams: Promise<{ scope?: string }> };

/** `/access?scope={id}`: the role assignments of any scope, where inherited assignments link to; a picker without one. */
export default async function AccessPage({ searchParams }: Props) {
  const { scope } = await searchParams;
  if (!scope) return <ScopePicker purpose="access" />;
  return (
    <>
      <PageHeader
        kind="Access"
        title={scopeLabel(scope)}
        subtitle={<span className="break-all font-mono text-xs">{scope}</span>}
      />
      <LazyAccessPanel scopeId={scope} />
    </>
  );
}
