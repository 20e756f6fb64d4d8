import { describe, expect, it } from "vitest";
import {
  checkUserAssignedIdentityId,
  galleryIdentityBody,
  galleryIdentityChoiceOf,
  galleryIdentityTypeOf,
  sameIdentityChoice,
} from "./galleryIdentity";

const BUILDER =
  "/subscriptions/00000000-0000-4000-8000-00000000a001/resourceGroups/rg-identities/providers/Microsoft.ManagedIdentity/userAssignedIdentities/image-builder";

describe("gallery identity", () => {
  it("derives the identity type from the system-assigned switch and the user-assigned ids", () => {
    expect(galleryIdentityTypeOf({ systemAssigned: false, userAssignedIds: [] })).toBe("None");
    expect(galleryIdentityTypeOf({ systemAssigned: true, userAssignedIds: [] })).toBe("SystemAssigned");
    expect(galleryIdentityTypeOf({ systemAssigned: false, userAssignedIds: [BUILDER] })).toBe("UserAssigned");
    expect(galleryIdentityTypeOf({ systemAssigned: true, userAssignedIds: [BUILDER] })).toBe(
      "SystemAssigned, UserAssigned",
    );
  });

  it("sends the whole set of user-assigned identities, and none for a system-assigned or no identity", () => {
    expect(galleryIdentityBody({ systemAssigned: true, userAssignedIds: [` ${BUILDER} `] })).toEqual({
      type: "SystemAssigned, UserAssigned",
      userAssignedIdentities: { [BUILDER]: {} },
    });
    expect(galleryIdentityBody({ systemAssigned: false, userAssignedIds: [] })).toEqual({ type: "None" });
  });

  it("reads a gallery's identity back into the choice, whatever the case of its type", () => {
    expect(
      galleryIdentityChoiceOf({ type: "systemAssigned, userAssigned", userAssignedIdentities: { [BUILDER]: {} } }),
    ).toEqual({ systemAssigned: true, userAssignedIds: [BUILDER] });
    expect(galleryIdentityChoiceOf(undefined)).toEqual({ systemAssigned: false, userAssignedIds: [] });
  });

  it("compares choices without regard to order or case", () => {
    const other = BUILDER.replace("image-builder", "signer");
    expect(
      sameIdentityChoice(
        { systemAssigned: true, userAssignedIds: [BUILDER, other] },
        { systemAssigned: true, userAssignedIds: [other, BUILDER.toLowerCase()] },
      ),
    ).toBe(true);
    expect(
      sameIdentityChoice({ systemAssigned: true, userAssignedIds: [] }, { systemAssigned: false, userAssignedIds: [] }),
    ).toBe(false);
    expect(
      sameIdentityChoice(
        { systemAssigned: false, userAssignedIds: [BUILDER] },
        { systemAssigned: false, userAssignedIds: [other] },
      ),
    ).toBe(false);
  });

  it("accepts only a user-assigned identity's resource id", () => {
    expect(checkUserAssignedIdentityId(BUILDER)).toBeUndefined();
    expect(checkUserAssignedIdentityId("image-builder")?.code).toBe("InvalidParameter");
    expect(
      checkUserAssignedIdentityId(
        BUILDER.replace("Microsoft.ManagedIdentity/userAssignedIdentities", "Microsoft.Compute/disks"),
      ),
    ).toBeDefined();
    expect(checkUserAssignedIdentityId(`${BUILDER}/extra`)).toBeDefined();
  });
});
