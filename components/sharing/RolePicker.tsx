"use client";

import { useId } from "react";
import { AUDIENCE_LABELS, describeRole, orderRoles, type Audience, type RoleChoice } from "@/lib/sharing/roles";
import { SafeText } from "@/components/ui/SafeText";
import { visibleText } from "@/lib/security/safeLink";

/** The wizard's "role": recommended roles for the audience first, each with what it allows in words. */
export function RolePicker({
  roles,
  audience,
  onAudience,
  value,
  onChange,
  scope = "images",
}: {
  roles: RoleChoice[];
  /** What is shared: a VM application's consumers need other roles than an image's. */
  scope?: "images" | "applications";
  audience: Audience;
  onAudience: (a: Audience) => void;
  value: string | undefined;
  onChange: (roleId: string) => void;
}) {
  const ordered = orderRoles(roles, audience, scope);
  return (
    <div className="space-y-4">
      <fieldset>
        <legend className="text-sm font-medium text-slate-900">Who are they?</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {(Object.keys(AUDIENCE_LABELS) as Audience[]).map((a) => (
            <label key={a} className="flex items-center gap-1.5 text-sm">
              <input type="radio" name="audience" checked={audience === a} onChange={() => onAudience(a)} />
              {AUDIENCE_LABELS[a]}
            </label>
          ))}
        </div>
      </fieldset>
      {scope === "applications" && (
        <p role="note" className="rounded border border-sky-300 bg-sky-50 p-3 text-sm text-sky-950">
          A reader of a VM application can see it and its versions and install any version on the VMs and scale sets
          they deploy (applicationProfile); they cannot change, replicate or share it. Compute Gallery Image Reader does
          not include applications.
        </p>
      )}
      <RoleGroup title="Recommended" roles={ordered.recommended} value={value} onChange={onChange} />
      {ordered.custom.length > 0 && (
        <RoleGroup title="Custom roles" roles={ordered.custom} value={value} onChange={onChange} />
      )}
      <details>
        <summary className="cursor-pointer text-sm font-medium text-slate-900">
          Other built-in roles ({ordered.other.length})
        </summary>
        <div className="mt-2">
          <RoleGroup title="Other built-in roles" roles={ordered.other} value={value} onChange={onChange} />
        </div>
      </details>
    </div>
  );
}

function RoleGroup({
  title,
  roles,
  value,
  onChange,
}: {
  title: string;
  roles: (RoleChoice & { why?: string })[];
  value: string | undefined;
  onChange: (id: string) => void;
}) {
  const legendId = useId();
  return (
    <fieldset aria-labelledby={legendId}>
      <legend id={legendId} className="text-sm font-semibold text-slate-900">
        {title}
      </legend>
      <ul className="mt-2 space-y-2">
        {roles.map((r) => (
          <li key={r.id}>
            <label className="flex cursor-pointer items-start gap-2 rounded border border-slate-200 bg-white px-3 py-2 hover:bg-slate-50">
              <input
                type="radio"
                name="role"
                className="mt-1"
                checked={value === r.id}
                onChange={() => onChange(r.id)}
                aria-label={visibleText(r.roleName)}
              />
              <span>
                <SafeText value={r.roleName} className="font-medium text-slate-900" />
                {r.why && <span className="block text-xs text-slate-700">{r.why}</span>}
                <ul className="mt-1 list-disc pl-5 text-xs text-slate-700">
                  {describeRole(r.permissions).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
