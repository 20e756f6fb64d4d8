import type { ReactNode } from "react";
import { SectionNav } from "@/components/ui/SectionNav";

const slugOf = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** The link to a section's heading on its page ("Recycle bin" → #section-recycle-bin). */
export const sectionAnchor = (title: string) => `#section-${slugOf(title)}`;

export function Section({
  title,
  description,
  actions,
  children,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const slug = slugOf(title);
  const id = `section-${slug}`;
  // The section's own id is the deep link (#versions); SectionNav lists the page's sections by data-section.
  return (
    <section id={slug} data-section={title} aria-labelledby={id} className="mt-6">
      <div className="mb-3 flex flex-wrap items-end justify-between gap-2">
        <div>
          <h2 id={id} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          {description && <p className="mt-0.5 text-sm text-slate-600">{description}</p>}
        </div>
        {actions}
      </div>
      {children}
    </section>
  );
}

export function Card({ children }: { children: ReactNode }) {
  return <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">{children}</div>;
}

export function PageHeader({
  kind,
  title,
  subtitle,
  badges,
}: {
  kind: string;
  title: string;
  subtitle?: ReactNode;
  badges?: ReactNode;
}) {
  return (
    <header className="mb-2">
      <p className="text-xs font-semibold uppercase tracking-wider text-slate-600">{kind}</p>
      <div className="mt-1 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
        {badges}
      </div>
      {subtitle && <div className="mt-1 text-sm text-slate-600">{subtitle}</div>}
      <SectionNav />
    </header>
  );
}
