export function Spinner({ className = "", label }: { className?: string; label?: string }) {
  return (
    <span className={`inline-flex items-center gap-2 ${className}`}>
      <span
        aria-hidden="true"
        className="inline-block h-5 w-5 animate-spin rounded-full border-2 border-slate-300 border-t-brand-600"
      />
      {label && <span className="text-sm text-slate-600">{label}</span>}
    </span>
  );
}
