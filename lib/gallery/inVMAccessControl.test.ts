import { describe, expect, it } from "vitest";
import { makeInVMAccessControlProfileVersionPropertiesSchema, validateAccessControlRules } from "./inVMAccessControl";

const RULES = {
  privileges: [{ name: "GoalState", path: "/machine" }],
  roles: [{ name: "Provisioning", privileges: ["goalstate"] }],
  identities: [{ name: "Agent", processName: "agent" }],
  roleAssignments: [{ role: "provisioning", identities: ["agent"] }],
};

describe("in-VM access control rules", () => {
  it("accepts rules whose references resolve, by name without regard to case", () => {
    expect(validateAccessControlRules(RULES)).toEqual([]);
  });

  it("names each unresolved reference at its path", () => {
    const violations = validateAccessControlRules({
      ...RULES,
      roles: [{ name: "Provisioning", privileges: ["Missing"] }],
      roleAssignments: [{ role: "Ghost", identities: ["Nobody"] }],
    });
    expect(violations.map((v) => v.target)).toEqual([
      "galleryInVMAccessControlProfileVersion.properties.rules.roles[0].privileges[0]",
      "galleryInVMAccessControlProfileVersion.properties.rules.roleAssignments[0].role",
      "galleryInVMAccessControlProfileVersion.properties.rules.roleAssignments[0].identities[0]",
    ]);
  });

  it("refuses duplicate names, identities that match nothing and relative privilege paths", () => {
    const violations = validateAccessControlRules({
      privileges: [
        { name: "a", path: "machine" },
        { name: "A", path: "/x" },
      ],
      identities: [{ name: "empty" }],
    });
    expect(violations.map((v) => v.message)).toEqual([
      "Duplicate privilege name 'A' in the access control rules.",
      "The path 'machine' of privilege 'a' must start with '/'.",
      "Identity 'empty' must specify at least one of userName, groupName, exePath or processName.",
    ]);
  });

  it("requires mode and defaultAccess from the spec's enums, in any casing", () => {
    const schema = makeInVMAccessControlProfileVersionPropertiesSchema();
    expect(schema.parse({ mode: "enforce", defaultAccess: "deny" })).toMatchObject({
      mode: "Enforce",
      defaultAccess: "Deny",
    });
    expect(schema.safeParse({ mode: "Block", defaultAccess: "Deny" }).success).toBe(false);
    expect(schema.safeParse({ defaultAccess: "Deny" }).success).toBe(false);
  });
});
