import type { Metadata } from "next";
import { Suspense } from "react";
import { LazyShareWizard } from "@/components/sharing/LazySharingPanels";

export const metadata: Metadata = { title: "Grant access" };

/** `/share?scope={gallery or definition id}&step={1-4}`: the sharing wizard, bookmarkable per step; a picker without a scope. */
export default function SharePage() {
  return (
    <Suspense>
      <LazyShareWizard />
    </Suspense>
  );
}
