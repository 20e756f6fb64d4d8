"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { buttonClass } from "@/components/publish/buttonClass";
import { inputClass } from "@/components/publish/fields";
import { Card } from "@/components/ui/Section";
import { ALL_WRITABLE_SCOPE, parseRetentionScope } from "@/lib/lifecycle/retentionArm";

/**
 * Without a scope: every gallery the user can write, or the id of an image definition, gallery or subscription (the
 * detail pages link here with one).
 */
export function RetentionScopeForm() {
  const router = useRouter();
  const id = useId();
  const [kind, setKind] = useState<"all" | "id">("all");
  const [scope, setScope] = useState("");
  const [invalid, setInvalid] = useState(false);
  return (
    <Card>
      <form
        aria-label="Retention scope"
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = parseRetentionScope(kind === "all" ? ALL_WRITABLE_SCOPE : scope.trim());
          setInvalid(!parsed);
          if (parsed) router.push(`/retention?scope=${encodeURIComponent(parsed.id)}`);
        }}
        className="flex flex-col gap-3"
      >
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium text-slate-800">Scope</legend>
          <label className="flex items-start gap-2 text-sm text-slate-800">
            <input type="radio" name="kind" checked={kind === "all"} onChange={() => setKind("all")} />
            <span>
              Every gallery I can write
              <span className="block text-xs text-slate-600">
                Galleries where you may delete and update image versions; those you can only read are left out.
              </span>
            </span>
          </label>
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input type="radio" name="kind" checked={kind === "id"} onChange={() => setKind("id")} />
            One image definition, gallery or subscription
          </label>
        </fieldset>
        {kind === "id" && (
          <div className="flex flex-col gap-1">
            <label htmlFor={id} className="text-sm font-medium text-slate-800">
              Image definition, gallery or subscription resource id
            </label>
            <input
              id={id}
              value={scope}
              onChange={(e) => setScope(e.target.value)}
              aria-invalid={invalid}
              aria-describedby={invalid ? `${id}-error` : undefined}
              className={inputClass}
            />
            {invalid && (
              <p id={`${id}-error`} className="text-sm text-red-800">
                Error: that is not an image definition, gallery or subscription id.
              </p>
            )}
          </div>
        )}
        <div>
          <button type="submit" className={buttonClass.primary}>
            Continue
          </button>
        </div>
      </form>
    </Card>
  );
}
