"use client";

import { useEffect, useState } from "react";

interface Entry {
  id: string;
  title: string;
}

/** The page's top-level sections (a Section inside another is part of it), in document order. */
function sectionsOf(main: Element): Entry[] {
  return Array.from(main.querySelectorAll<HTMLElement>("section[data-section]"))
    .filter((section) => !section.parentElement?.closest("section[data-section]"))
    .map((section) => ({ id: section.id, title: section.dataset.section ?? section.id }));
}

const same = (a: Entry[], b: Entry[]) => a.length === b.length && a.every((e, i) => e.id === b[i]!.id);

/**
 * "On this page": links to the page's sections, like the portal's blade menu, so a long resource page is one
 * keystroke from its versions, access or deploy snippets, and each has a deep link (`#versions`). It follows the
 * page as panels that load later add their sections. Shown only where a page has three sections or more.
 */
export function SectionNav() {
  const [entries, setEntries] = useState<Entry[]>([]);
  useEffect(() => {
    const main = document.getElementById("main");
    if (!main) return;
    // A deep link to a section that renders after the first paint (a panel loaded later) still lands on it, once.
    let pending = window.location.hash.slice(1);
    const update = () => {
      setEntries((current) => (same(current, sectionsOf(main)) ? current : sectionsOf(main)));
      const target = pending ? document.getElementById(pending) : null;
      if (target) {
        pending = "";
        target.scrollIntoView();
      }
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(main, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
  if (entries.length < 3) return null;
  return (
    <nav aria-label="On this page" className="relative mt-3 overflow-x-auto border-b border-slate-200 pb-2">
      <ul className="flex gap-4 text-sm whitespace-nowrap">
        {entries.map((entry) => (
          <li key={entry.id}>
            <a href={`#${entry.id}`} className="text-brand-700 hover:underline">
              {entry.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
