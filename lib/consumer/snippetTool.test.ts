import { describe, expect, it } from "vitest";
import { APPLICATION_SNIPPET_KINDS } from "@/lib/consumer/applicationSnippets";
import { SNIPPET_KINDS } from "@/lib/consumer/snippets";
import { rememberSnippetTool, SNIPPET_TOOL_KEY, snippetToolOf, storedSnippetTool } from "@/lib/consumer/snippetTool";
import { OWN_STORAGE_PREFIX } from "@/lib/security/signOut";
import { memoryStorage } from "@/test/support/memoryStorage";

/** A browser that refuses storage (blocked site data, a full quota) throws on every call. */
function refusingStorage(): Storage {
  const refuse = () => {
    throw new DOMException("The operation is insecure.", "SecurityError");
  };
  return { length: 0, clear: refuse, getItem: refuse, key: refuse, removeItem: refuse, setItem: refuse };
}

describe("the remembered snippet tool", () => {
  it("opens on the first tool until one is chosen, then on the chosen one for images and applications alike", () => {
    const storage = memoryStorage();
    expect(snippetToolOf(storedSnippetTool(storage), SNIPPET_KINDS)).toBe("azureCli");
    rememberSnippetTool(storage, "bicep");
    expect(snippetToolOf(storedSnippetTool(storage), SNIPPET_KINDS)).toBe("bicep");
    expect(snippetToolOf(storedSnippetTool(storage), APPLICATION_SNIPPET_KINDS)).toBe("bicep");
    rememberSnippetTool(storage, "terraform");
    expect(snippetToolOf(storedSnippetTool(storage), APPLICATION_SNIPPET_KINDS)).toBe("terraform");
  });

  it("ignores a stored value the list does not offer (an old or edited entry)", () => {
    const storage = memoryStorage();
    storage.setItem(SNIPPET_TOOL_KEY, "toString");
    expect(snippetToolOf(storedSnippetTool(storage), SNIPPET_KINDS)).toBe("azureCli");
    expect(snippetToolOf("bicep", ["azureCli", "powershell"])).toBe("azureCli");
  });

  it("is one of the dashboard's own keys, so signing out forgets it", () => {
    expect(SNIPPET_TOOL_KEY.startsWith(OWN_STORAGE_PREFIX)).toBe(true);
  });

  it("does not fail where the browser refuses storage", () => {
    expect(storedSnippetTool(refusingStorage())).toBeUndefined();
    expect(() => rememberSnippetTool(refusingStorage(), "bicep")).not.toThrow();
    expect(storedSnippetTool(undefined)).toBeUndefined();
  });
});
