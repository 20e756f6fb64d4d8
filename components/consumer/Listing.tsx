import type { ReactNode } from "react";
import { DataTable } from "@/components/ui/DataTable";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { Spinner } from "@/components/ui/Spinner";
import type { ConsumerListing } from "@/lib/queries/consumerListing";

/** The parts of a "What I can use" list: what was read and how, what could not be, and the table. */

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
      <ListingFailures failures={listing.failures} />
    </>
  );
}

/** Each subscription or gallery whose listing failed; the rest of the list still shows. */
export function ListingFailures({ failures }: { failures: ConsumerListing["failures"] }) {
  return failures.map((failure) => (
    <ErrorPanel key={failure.scope} error={failure.error} title={`${failure.scope} could not be listed`} />
  ));
}

/** The list's table, sorted by name; `finding` says what is being looked for until the first answer. */
export function ListingTable<Row extends { id: string }>({
  finding,
  ...table
}: Omit<Parameters<typeof DataTable<Row>>[0], "getRowId" | "initialSorting"> & {
  /** "Finding the images you can use…", or undefined once there is something to show. */
  finding: string | undefined;
}) {
  return (
    <div className="mt-3">
      {finding ? (
        <Spinner label={finding} />
      ) : (
        <DataTable {...table} getRowId={(row) => row.id} initialSorting={[{ id: "name", desc: false }]} />
      )}
    </div>
  );
}
