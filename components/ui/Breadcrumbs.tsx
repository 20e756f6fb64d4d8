import { IntentLink } from "@/components/ui/IntentLink";

export interface Crumb {
  label: string;
  /** What the level is in ARM terms, shown small above the name (Subscription, Resource group, Gallery…). */
  kind?: string;
  href?: string;
}

/** The ARM path of the page: Galleries › subscription › resource group › gallery › definition › version. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-4">
      <ol className="flex flex-wrap items-end gap-x-2 gap-y-1 text-sm">
        {items.map((item, index) => {
          const last = index === items.length - 1;
          return (
            <li key={`${index}-${item.label}`} className="flex items-end gap-2">
              <span className="flex flex-col">
                {item.kind && <span className="text-[11px] uppercase tracking-wide text-slate-600">{item.kind}</span>}
                {item.href && !last ? (
                  <IntentLink href={item.href} className="text-brand-700 hover:underline">
                    {item.label}
                  </IntentLink>
                ) : (
                  <span aria-current={last ? "page" : undefined} className="font-medium text-slate-800">
                    {item.label}
                  </span>
                )}
              </span>
              {!last && (
                <span aria-hidden="true" className="pb-px text-slate-400">
                  ›
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
