import { visibleText } from "@/lib/security/safeLink";

/**
 * Text that came from a resource (description, tag, EULA): rendered as text, never as markup, with invisible
 * and direction-changing characters shown as code points. Use it for anything a resource's writer chose.
 */
export function SafeText({ value, className }: { value: string | null | undefined; className?: string }) {
  if (!value) return <span className={className}>—</span>;
  return <span className={`whitespace-pre-wrap break-words ${className ?? ""}`}>{visibleText(value)}</span>;
}

/** A resource's tags, each `name=value` as text; keys and values are free text chosen by the writer. */
export function ResourceTags({ tags }: { tags: Record<string, string> | null | undefined }) {
  const entries = Object.entries(tags ?? {});
  if (entries.length === 0) return <span>—</span>;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="Tags">
      {entries.map(([name, value]) => (
        <li key={name} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">
          <SafeText value={`${name}=${value}`} />
        </li>
      ))}
    </ul>
  );
}
