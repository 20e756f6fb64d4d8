"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { useCapabilities } from "@/components/access/useCapabilities";
import { buttonClass } from "@/components/publish/buttonClass";
import { StateBadge } from "@/components/ui/StateBadge";

export const linkButton = `${buttonClass.secondary} inline-flex items-center`;

/** Only what the signed-in user may do at the scope shows; nothing while permissions load. */
export function useAllows(scopeId: string) {
  const { data } = useCapabilities(scopeId);
  return (action: string) => data?.allows(action) ?? false;
}

export function Toolbar({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="toolbar" aria-label={label} className="my-3 flex flex-wrap gap-2">
      {children}
    </div>
  );
}

export function LinkButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className={linkButton}>
      {children}
    </Link>
  );
}

export interface ArtifactRow {
  key: string;
  href: string;
  name: string;
  cells: ReactNode[];
  provisioningState?: string | undefined;
}

/** A short list of scripts, profiles or versions: name (linked), state and the columns given. */
export function ArtifactTable({
  caption,
  headers,
  rows,
  empty,
}: {
  caption: string;
  headers: string[];
  rows: ArtifactRow[];
  empty: string;
}) {
  if (rows.length === 0) return <p className="mt-2 text-sm text-slate-700">{empty}</p>;
  return (
    <div className="relative mt-2 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Name
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              State
            </th>
            {headers.map((header) => (
              <th key={header} scope="col" className="px-3 py-2 font-medium">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-t border-slate-100 align-top">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <Link href={row.href} className="text-brand-700 hover:underline">
                  {row.name}
                </Link>
              </th>
              <td className="px-3 py-2">
                <StateBadge state={row.provisioningState} />
              </td>
              {row.cells.map((cell, index) => (
                <td key={index} className="px-3 py-2">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
