/**
 * The deploy tool (Azure CLI, Bicep, …) the user last chose, so every snippet list opens on it: across pages and
 * reloads, and for images and applications alike, whose snippets share the tools' names. In localStorage under the
 * dashboard's own prefix, so signing out forgets it with the other stored choices.
 */
export const SNIPPET_TOOL_KEY = "gallerist.snippetTool";

/** The stored choice, or undefined where there is none or storage cannot be read (blocked by the browser). */
export function storedSnippetTool(storage: Storage | undefined): string | undefined {
  try {
    return storage?.getItem(SNIPPET_TOOL_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The tool a list of snippets opens on: the stored choice where the list offers it, else the list's first. */
export function snippetToolOf<K extends string>(stored: string | undefined, kinds: readonly K[]): K | undefined {
  return kinds.find((kind) => kind === stored) ?? kinds[0];
}

/** Keeps the choice; a browser that refuses storage keeps it for this page only. */
export function rememberSnippetTool(storage: Storage | undefined, kind: string): void {
  try {
    storage?.setItem(SNIPPET_TOOL_KEY, kind);
  } catch {
    // Storage full or blocked: the choice still holds on this page (the caller keeps it in memory).
  }
}
