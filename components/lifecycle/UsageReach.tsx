/** What the usage counts can and cannot see, said wherever they are shown. */
export function UsageReach({ subscriptionCount }: { subscriptionCount: number }) {
  return (
    <p className="mt-2 text-xs text-slate-600">
      Counted by Resource Graph in the {subscriptionCount} {subscriptionCount === 1 ? "subscription" : "subscriptions"}{" "}
      you can read. VMs and scale sets in subscriptions or tenants you cannot read (most consumers of a shared or
      community gallery) are not counted.
    </p>
  );
}
