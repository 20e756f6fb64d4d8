"use client";

import type { GalleryInventory } from "@/components/inventory/useGalleryInventory";
import { ErrorPanel } from "@/components/ui/ErrorPanel";

/** The subscriptions the inventory could not list, each with ARM's error and a Retry that lists only it again. */
export function InventoryFailures({ inventory }: { inventory: GalleryInventory }) {
  return (inventory.state?.failures ?? []).map((failure) => (
    <div key={failure.scope} className="mt-3">
      <ErrorPanel
        error={failure.error}
        title={`${failure.scope} could not be listed`}
        onRetry={() => inventory.retry(failure.subscriptionId)}
        retrying={failure.retrying === true}
      />
    </div>
  ));
}
