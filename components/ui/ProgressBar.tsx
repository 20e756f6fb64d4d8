/** A labelled progress bar with aria values, coloured by outcome. */
export function ProgressBar({
  value,
  label,
  valueText,
  tone = "progress",
}: {
  value: number;
  label: string;
  valueText: string;
  tone?: "progress" | "success" | "failure" | "unknown";
}) {
  const clamped = Math.max(0, Math.min(100, Math.round(value)));
  const fill = {
    progress: "bg-brand-600",
    success: "bg-emerald-600",
    failure: "bg-red-600",
    unknown: "bg-slate-400",
  }[tone];
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={clamped}
      aria-valuetext={valueText}
      className="h-2 w-full min-w-24 overflow-hidden rounded-full bg-slate-200"
    >
      <div className={`h-full ${fill} transition-[width] duration-500`} style={{ width: `${clamped}%` }} />
    </div>
  );
}
