"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { PrincipalName } from "@/components/sharing/AccessPanel";
import { useSharingClients } from "@/components/sharing/useSharingClients";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { Spinner } from "@/components/ui/Spinner";
import { graphQueries } from "@/lib/queries/graph";
import { asObjectId, OTHER_TENANT_EXPLANATION, type DirectoryPrincipal } from "@/lib/sharing/principals";
import { SafeText } from "@/components/ui/SafeText";
import { visibleText } from "@/lib/security/safeLink";

/** The wizard's "who": search Microsoft Graph by name, or paste an object id. */
export function PrincipalPicker({
  value,
  onChange,
}: {
  value: DirectoryPrincipal | undefined;
  onChange: (p: DirectoryPrincipal | undefined) => void;
}) {
  const { graph } = useSharingClients();
  const [text, setText] = useState(value?.displayName ?? "");
  const [debounced, setDebounced] = useState(text);
  const inputId = useId();
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const results = useQuery(graphQueries.search(graph, debounced));
  const pasted = asObjectId(debounced);

  return (
    <div>
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-900">
        Search users, groups and service principals by name, or paste an object id
      </label>
      <input
        id={inputId}
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoComplete="off"
        className="mt-1 w-full max-w-lg rounded border border-slate-300 px-3 py-2 text-sm"
      />
      <p className="mt-2 max-w-2xl text-xs text-slate-600">{OTHER_TENANT_EXPLANATION}</p>
      {results.isFetching && <Spinner label="Searching the directory…" />}
      {results.isError && <ErrorPanel error={results.error} title="The directory could not be searched" />}
      {results.data && (
        <fieldset className="mt-3">
          <legend className="text-sm font-medium text-slate-900">
            {results.data.length > 0
              ? "Matches"
              : pasted
                ? "No principal with this object id in this directory"
                : "No matches"}
          </legend>
          {results.data.length === 0 && pasted && (
            <p className="mt-1 max-w-2xl text-sm text-slate-700">
              The object id is not in this tenant&apos;s directory. Someone of another tenant must be invited as a guest
              first; use the object id of the guest, which differs from their id at home.
            </p>
          )}
          <ul className="mt-2 space-y-1">
            {results.data.map((p) => (
              <li key={p.id}>
                <label className="flex cursor-pointer items-start gap-2 rounded border border-slate-200 bg-white px-3 py-2 hover:bg-slate-50">
                  <input
                    type="radio"
                    name="principal"
                    className="mt-1"
                    checked={value?.id === p.id}
                    onChange={() => onChange(p)}
                    aria-label={visibleText(`${p.displayName}${p.detail ? ` (${p.detail})` : ""}`)}
                  />
                  <PrincipalName principal={p} fallbackId={p.id} />
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      {value && (
        <p className="mt-3 text-sm text-slate-700" aria-live="polite">
          Selected: <SafeText value={value.displayName} className="font-semibold" />
        </p>
      )}
    </div>
  );
}
