import { describe, expect, it } from "vitest";
import { forgetOwnStorage } from "@/lib/security/signOut";

/** The Web Storage interface over a Map, as the browser's localStorage behaves. */
function memoryStorage(entries: Record<string, string>): Storage {
  const map = new Map(Object.entries(entries));
  return {
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, String(v)),
    removeItem: (k) => void map.delete(k),
    clear: () => map.clear(),
  };
}

describe("forgetOwnStorage", () => {
  it("removes every key of ours, however many, and nothing else", () => {
    const storage = memoryStorage({
      "gallerist.selectedTenant": '{"a":"b"}',
      "gallerist.inventory.filters": "x",
      "gallerist.z": "y",
      "msal.account.keys": "[]",
      "another-app": "1",
    });
    expect(forgetOwnStorage(storage).sort()).toEqual([
      "gallerist.inventory.filters",
      "gallerist.selectedTenant",
      "gallerist.z",
    ]);
    expect(storage.length).toBe(2);
    expect(storage.getItem("msal.account.keys")).toBe("[]");
    expect(storage.getItem("another-app")).toBe("1");
  });
});
