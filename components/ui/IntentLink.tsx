"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

/**
 * A link whose page is prefetched when the user shows intent (pointer over it, or keyboard focus on it), not when
 * it scrolls into view. Next prefetches every visible link by default, and a prefetch of a dynamic route is a
 * render on the server: table rows are many and come and go while a long list streams in, is filtered or scrolled
 * (a 10,000-version list sent hundreds on one load), and the header's and breadcrumbs' links made ten renders on
 * every page load, competing with the page's own first reads. Hovering still leaves the page ready for the click.
 */
export function IntentLink({
  href,
  onMouseEnter,
  onFocus,
  ...props
}: Omit<ComponentProps<typeof Link>, "prefetch" | "href"> & { href: string }) {
  const router = useRouter();
  return (
    <Link
      {...props}
      href={href}
      prefetch={false}
      onMouseEnter={(event) => {
        router.prefetch(href);
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        router.prefetch(href);
        onFocus?.(event);
      }}
    />
  );
}
