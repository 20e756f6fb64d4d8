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
 * The section being read: the hash's section while it is on screen (a short last section, once linked to, counts),
 * else the last one whose top has passed a quarter of the viewport.
 */
function currentSection(entries: Entry[]): string | undefined {
  const hash = decodeURIComponent(window.location.hash.slice(1));
  const linked = entries.some((e) => e.id === hash) ? document.getElementById(hash) : null;
  if (linked) {
    const { top, bottom } = linked.getBoundingClientRect();
    if (top < window.innerHeight && bottom > 0) return hash;
  }
  let current = entries[0]?.id;
  for (const entry of entries) {
    const top = document.getElementById(entry.id)?.getBoundingClientRect().top;
    if (top !== undefined && top <= window.innerHeight / 4) current = entry.id;
  }
  return current;
}

/**
 * The browser scrolls to the linked section; focus follows it there, so Tab goes on inside it and a screen reader
 * reads it. The section is focusable only until focus leaves it: a click on its text must not focus it later.
 */
function focusSection(id: string) {
  const section = document.getElementById(id);
  if (!section) return;
  section.tabIndex = -1;
  section.addEventListener("blur", () => section.removeAttribute("tabindex"), { once: true });
  section.focus({ preventScroll: true });
}

/**
 * "On this page": links to the page's sections, like the portal's blade menu, so a long resource page is one
 * keystroke from its versions, access or deploy snippets, and each has a deep link (`#versions`). It follows the
 * page as panels that load later add their sections. The section being read is marked (aria-current), and
 * following a link moves focus to its section. Shown only
 * where a page has three sections or more.
 */
export function SectionNav() {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [current, setCurrent] = useState<string>();
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
  useEffect(() => {
    if (entries.length < 3) return;
    let frame = 0;
    const follow = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setCurrent(currentSection(entries)));
    };
    follow();
    window.addEventListener("scroll", follow, { passive: true });
    window.addEventListener("hashchange", follow);
    window.addEventListener("resize", follow);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", follow);
      window.removeEventListener("hashchange", follow);
      window.removeEventListener("resize", follow);
    };
  }, [entries]);
  if (entries.length < 3) return null;
  return (
    <nav aria-label="On this page" className="relative mt-3 overflow-x-auto border-b border-slate-200 pb-2">
      <ul className="flex gap-4 text-sm whitespace-nowrap">
        {entries.map((entry) => (
          <li key={entry.id}>
            <a
              href={`#${entry.id}`}
              aria-current={entry.id === current ? "location" : undefined}
              onClick={() => focusSection(entry.id)}
              className={`hover:underline ${
                entry.id === current ? "font-semibold text-slate-900 underline" : "text-brand-700"
              }`}
            >
              {entry.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
