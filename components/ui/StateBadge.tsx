const TONES: Record<string, string> = {
  succeeded: "bg-emerald-50 text-emerald-800 ring-emerald-600/30",
  completed: "bg-emerald-50 text-emerald-800 ring-emerald-600/30",
  inprogress: "bg-blue-50 text-blue-800 ring-blue-600/30",
  replicating: "bg-blue-50 text-blue-800 ring-blue-600/30",
  creating: "bg-blue-50 text-blue-800 ring-blue-600/30",
  updating: "bg-blue-50 text-blue-800 ring-blue-600/30",
  deleting: "bg-amber-50 text-amber-900 ring-amber-600/30",
  failed: "bg-red-50 text-red-800 ring-red-600/30",
};

/** A state word from ARM (Succeeded, Replicating, Failed…) as a coloured pill; the word itself carries the meaning. */
export function StateBadge({ state, label }: { state: string | undefined; label?: string }) {
  const text = label ?? state ?? "Unknown";
  const tone = TONES[(state ?? "").toLowerCase()] ?? "bg-slate-100 text-slate-700 ring-slate-500/30";
  return (
    <span
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tone}`}
    >
      {text}
    </span>
  );
}

export function Tag({
  children,
  tone = "neutral",
}: {
  children: React.ReactNode;
  tone?: "neutral" | "brand" | "warn";
}) {
  const cls = {
    neutral: "bg-slate-100 text-slate-700",
    brand: "bg-brand-100 text-brand-800",
    warn: "bg-amber-100 text-amber-900",
  }[tone];
  return <span className={`inline-flex rounded px-1.5 py-0.5 text-xs font-semibold ${cls}`}>{children}</span>;
}
