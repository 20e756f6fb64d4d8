import type { ReactNode } from "react";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import type { ConsumerListing } from "@/lib/queries/consumerListing";

/**
 * Under the filters of "What I can use": how many rows show of how many, how the list was read (Resource Graph, or
 * ARM listing and why), then `note`; and each subscription or gallery that could not be listed.
 */
export function ListingStatus({
  listing,
  shown,
  total,
  noun,
  fallbackNote = "",
  note,
}: {
  listing: ConsumerListing;
  shown: number;
  total: number;
  /** "image definitions" */
  noun: string;
  /** What the ARM listing misses, after the Resource Graph's answer ("; … are not found by listing"). */
  fallbackNote?: string;
  note: ReactNode;
}) {
  return (
    <>
      <p className="mt-3 text-xs text-slate-600" role="status">
        {shown} of {total} {noun} · listed through{" "}
        {listing.source === "resourceGraph" ? "Azure Resource Graph" : "ARM listing"}
        {listing.fallbackReason && ` (Resource Graph answered ${listing.fallbackReason.code}${fallbackNote})`}. {note}
      </p>
      {listing.failures.map((failure) => (
        <ErrorPanel key={failure.scope} error={failure.error} title={`${failure.scope} could not be listed`} />
      ))}
    </>
  );
}
