import type { ReactNode } from "react";
import { SafeText } from "@/components/ui/SafeText";
import { safeHref } from "@/lib/security/safeLink";

/**
 * A URI from a resource (EULA, privacy statement, release notes): a link when it is an absolute http(s) URL,
 * otherwise the value as plain text, so a `javascript:` URI can be read but never followed. Opens in a new tab
 * without giving the target page a handle on the portal or the portal's URL.
 */
export function SafeLink({
  href,
  children,
  className,
}: {
  href: string | null | undefined;
  children?: ReactNode;
  className?: string;
}) {
  const safe = safeHref(href);
  if (!safe) return <SafeText value={href} className={className} />;
  return (
    <a
      href={safe}
      target="_blank"
      rel="noopener noreferrer nofollow"
      className={`break-all text-brand-700 hover:underline ${className ?? ""}`}
    >
      {children ?? <SafeText value={safe} />}
    </a>
  );
}
