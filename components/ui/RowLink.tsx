import Link from "next/link";
import type { ComponentProps } from "react";

/**
 * A link in a table's rows. Next prefetches every link that scrolls into view, and each prefetch of a dynamic route
 * is a render on the server: a table's rows are many and change while a long list streams in, is filtered or is
 * scrolled (a 10,000-version list sent hundreds of them on one load, competing with the page's own reads). A row's
 * page is asked for when it is clicked.
 */
export function RowLink(props: Omit<ComponentProps<typeof Link>, "prefetch">) {
  return <Link prefetch={false} {...props} />;
}
