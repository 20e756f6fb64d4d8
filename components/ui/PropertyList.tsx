import type { ReactNode } from "react";

export interface Property {
  label: string;
  value: ReactNode;
  /** Spans the whole row (long values such as resource ids). */
  wide?: boolean;
}

/** Label/value pairs of a resource, as a description list. */
export function PropertyList({ items, columns = 2 }: { items: Property[]; columns?: 1 | 2 | 3 }) {
  const grid = { 1: "", 2: "sm:grid-cols-2", 3: "sm:grid-cols-2 lg:grid-cols-3" }[columns];
  return (
    <dl className={`grid grid-cols-1 gap-x-6 gap-y-3 ${grid}`}>
      {items.map((item) => (
        <div key={item.label} className={`min-w-0 ${item.wide ? "col-span-full" : ""}`}>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{item.label}</dt>
          <dd className="mt-0.5 break-words text-sm text-slate-900">{item.value ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}
