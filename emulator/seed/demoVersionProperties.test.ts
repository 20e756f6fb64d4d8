import { describe, expect, it } from "vitest";
import { computeFixture } from "../testing/computeFixture.js";
import { DEMO_SUBSCRIPTIONS } from "./demoIdentities.js";
import {
  FAILED_VALIDATION_IMAGE,
  FLAGGED_IMAGE,
  REVIEW_GALLERY,
  REVIEW_RESOURCE_GROUP,
  TRUSTED_LAUNCH_SUPPORTED_IMAGE,
  VHD_ACCOUNT,
} from "./demoVersionProperties.js";

const PROD = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
const ADMIN = "megan@contoso.onmicrosoft.com";

describe("demo seed: VHD blobs, a validated and a failed Trusted Launch Supported version, and a flagged version", () => {
  const fx = computeFixture({ seed: "demo", as: ADMIN, subscriptionId: PROD });

  it("holds the validated and the flagged versions, made from a registered VHD", async () => {
    const validated = await fx.client.galleryImageVersions.get(
      REVIEW_RESOURCE_GROUP,
      REVIEW_GALLERY,
      TRUSTED_LAUNCH_SUPPORTED_IMAGE,
      "1.0.0",
      { expand: "ValidationProfile" },
    );
    expect(validated.validationsProfile?.executedValidations?.[0]?.status).toBe("Succeeded");
    expect(validated.storageProfile?.osDiskImage?.source?.uri).toContain(
      `https://${VHD_ACCOUNT}.blob.core.windows.net/`,
    );

    const failed = await fx.client.galleryImageVersions.get(
      REVIEW_RESOURCE_GROUP,
      REVIEW_GALLERY,
      FAILED_VALIDATION_IMAGE,
      "1.0.0",
      { expand: "ValidationProfile" },
    );
    expect(failed.validationsProfile?.executedValidations).toEqual([
      expect.objectContaining({ type: "TrustedLaunchValidation", status: "Failed" }),
    ]);

    const flagged = await fx.client.galleryImageVersions.get(
      REVIEW_RESOURCE_GROUP,
      REVIEW_GALLERY,
      FLAGGED_IMAGE,
      "1.0.0",
    );
    expect(flagged.safetyProfile?.reportedForPolicyViolation).toBe(true);
    expect(flagged.safetyProfile?.policyViolations?.[0]?.category).toBe("ImageFlaggedUnsafe");

    const accountId = `/subscriptions/${PROD}/resourceGroups/${REVIEW_RESOURCE_GROUP}/providers/Microsoft.Storage/storageAccounts/${VHD_ACCOUNT}`;
    const blobs = await (
      await fx.em.fetch(`/_emulator/blobs?storageAccountId=${encodeURIComponent(accountId)}`)
    ).json();
    expect(blobs.value.length).toBeGreaterThanOrEqual(3);
  });
});
