import type { ReactNode } from "react";
import { Spinner } from "@/components/ui/Spinner";

/** Full-page loading / error / empty message, used while nothing else can be shown. */
export function PageStatus({
  kind,
  title,
  detail,
  children,
}: {
  kind: "loading" | "error" | "empty";
  title: string;
  detail?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <main className="flex min-h-[60vh] items-center justify-center p-8">
      <div
        role={kind === "error" ? "alert" : "status"}
        className="max-w-lg rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm"
      >
        {kind === "loading" && <Spinner className="mx-auto mb-3" />}
        <h1 className={`text-lg font-semibold ${kind === "error" ? "text-red-800" : "text-slate-800"}`}>{title}</h1>
        {detail && <div className="mt-2 text-sm text-slate-600">{detail}</div>}
        {children}
      </div>
    </main>
  );
}
