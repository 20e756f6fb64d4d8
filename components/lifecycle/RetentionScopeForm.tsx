"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { buttonClass } from "@/components/publish/buttonClass";
import { inputClass } from "@/components/publish/fields";
import { Card } from "@/components/ui/Section";
import { parseRetentionScope } from "@/lib/lifecycle/retentionArm";

/** Without a scope: the id of an image definition, gallery or subscription (the detail pages link here with one). */
export function RetentionScopeForm() {
  const router = useRouter();
  const id = useId();
  const [scope, setScope] = useState("");
  const [invalid, setInvalid] = useState(false);
  return (
    <Card>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = parseRetentionScope(scope.trim());
          setInvalid(!parsed);
          if (parsed) router.push(`/retention?scope=${encodeURIComponent(parsed.id)}`);
        }}
        className="flex flex-col gap-2"
      >
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
        <div>
          <button type="submit" className={buttonClass.primary}>
            Continue
          </button>
        </div>
      </form>
    </Card>
  );
}
