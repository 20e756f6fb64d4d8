import { describe, expect, it } from "vitest";
import { forgetOwnStorage } from "@/lib/security/signOut";
import { memoryStorage } from "@/test/support/memoryStorage";

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
