"use client";

import { useId, type ReactNode } from "react";

/** The filter form of "What I can use": the same controls for images and applications. */

const control = "rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-600";

export function FilterForm({ label, children }: { label: string; children: ReactNode }) {
  return (
    <form
      role="search"
      aria-label={label}
      className="mt-4 flex flex-wrap items-end gap-3"
      onSubmit={(e) => e.preventDefault()}
    >
      {children}
    </form>
  );
}

export function SearchFilter({
  value,
  onChange,
  placeholder,
}: {
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        Search
      </label>
      <input
        id={id}
        type="search"
        className={control}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
      />
    </div>
  );
}

export function FilterSelect({
  label,
  value,
  options,
  onChange,
  display = (v) => v,
}: {
  label: string;
  value: string;
  options: readonly string[];
  onChange: (value: string) => void;
  display?: (value: string) => string;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={control}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {display(o)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function HideEndOfLifeFilter({ checked, onChange }: { checked: boolean; onChange: (hide: boolean) => void }) {
  const id = useId();
  return (
    <div className="flex items-center gap-2 pb-1.5">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id} className="text-sm text-slate-700">
        Hide end of life
      </label>
    </div>
  );
}
