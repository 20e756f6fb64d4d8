"use client";

import { type KeyboardEvent, useId, useRef, useSyncExternalStore } from "react";
import { CopyButton } from "@/components/ui/CopyButton";
import { rememberSnippetTool, SNIPPET_TOOL_KEY, snippetToolOf, storedSnippetTool } from "@/lib/consumer/snippetTool";

const listeners = new Set<() => void>();
/** The choice made on this page, for a browser that refuses storage. */
let chosenHere: string | undefined;

function localStorageOrNone(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

// Every snippet list on the page, and those in the user's other tabs, follow one choice.
function subscribe(onChange: () => void) {
  listeners.add(onChange);
  const onStorage = (event: StorageEvent) => {
    if (event.key === SNIPPET_TOOL_KEY || event.key === null) onChange();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener("storage", onStorage);
  };
}

const readChoice = () => storedSnippetTool(localStorageOrNone()) ?? chosenHere;

function choose(kind: string) {
  chosenHere = kind;
  rememberSnippetTool(localStorageOrNone(), kind);
  listeners.forEach((listener) => listener());
}

/** Where an arrow, Home or End key moves among `count` tabs from `index` (wrapping), as the ARIA tabs pattern has it. */
function targetTab(key: string, index: number, count: number): number | undefined {
  switch (key) {
    case "ArrowRight":
      return (index + 1) % count;
    case "ArrowLeft":
      return (index - 1 + count) % count;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return undefined;
  }
}

/**
 * Deploy snippets as tabs, one tool's snippet shown at a time, opening on the tool the user last chose (anywhere in
 * the dashboard). The WAI-ARIA tabs pattern: one tab stop, arrows/Home/End move and select, each panel named by
 * its tab.
 */
export function SnippetTabs<K extends string>({
  label,
  kinds,
  labels,
  code,
}: {
  /** The tab list's name. */
  label: string;
  kinds: readonly K[];
  labels: Record<K, string>;
  code: Record<K, string>;
}) {
  const snippets = kinds.map((kind) => ({ kind, label: labels[kind], code: code[kind] }));
  const base = useId();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const stored = useSyncExternalStore(subscribe, readChoice, () => undefined);
  const selected = snippetToolOf(stored, kinds);
  const tabId = (kind: string) => `${base}-tab-${kind}`;
  const panelId = (kind: string) => `${base}-panel-${kind}`;

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const next = targetTab(event.key, index, snippets.length);
    if (next === undefined) return;
    event.preventDefault();
    choose(snippets[next]!.kind);
    tabs.current[next]?.focus();
  };

  return (
    <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <div role="tablist" aria-label={label} className="flex flex-wrap gap-x-1 border-b border-slate-200 px-2">
        {snippets.map((snippet, index) => {
          const isSelected = snippet.kind === selected;
          return (
            <button
              key={snippet.kind}
              ref={(element) => {
                tabs.current[index] = element;
              }}
              type="button"
              role="tab"
              id={tabId(snippet.kind)}
              aria-selected={isSelected}
              aria-controls={panelId(snippet.kind)}
              tabIndex={isSelected ? 0 : -1}
              onClick={() => choose(snippet.kind)}
              onKeyDown={(event) => onKeyDown(event, index)}
              className={`-mb-px border-b-2 px-2.5 py-2 text-sm font-medium ${
                isSelected
                  ? "border-brand-600 text-slate-900"
                  : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
              }`}
            >
              {snippet.label}
            </button>
          );
        })}
      </div>
      {snippets.map((snippet) => (
        <div
          key={snippet.kind}
          role="tabpanel"
          id={panelId(snippet.kind)}
          aria-labelledby={tabId(snippet.kind)}
          hidden={snippet.kind !== selected}
        >
          <div className="flex justify-end px-3 pt-2">
            <CopyButton value={snippet.code} label={`Copy ${snippet.label} snippet`} />
          </div>
          <pre tabIndex={0} className="max-h-80 overflow-auto p-3 font-mono text-xs text-slate-900">
            <code>{snippet.code}</code>
          </pre>
        </div>
      ))}
    </div>
  );
}
