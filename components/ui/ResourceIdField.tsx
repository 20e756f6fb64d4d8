import { CopyButton } from "@/components/ui/CopyButton";

/** A resource id in full, selectable, with a copy button. */
export function ResourceIdField({ id }: { id: string }) {
  return (
    <span className="flex flex-wrap items-start gap-2">
      <code className="break-all rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800">{id}</code>
      <CopyButton value={id} label="Copy resource id" />
    </span>
  );
}
