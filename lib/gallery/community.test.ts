import { describe, expect, it } from "vitest";
import {
  checkCommunityInfo,
  communityGalleryImageId,
  communityInfoMissing,
  communityPublicName,
  missingCommunityFields,
} from "./community";

const VALID = {
  publisherUri: "https://contoso.example",
  publisherContact: "images@contoso.example",
  eula: "https://contoso.example/eula",
  publicNamePrefix: "ContosoEU",
};

describe("community gallery rules", () => {
  it("accepts complete, well-formed details", () => {
    expect(checkCommunityInfo(VALID)).toBeUndefined();
    expect(missingCommunityFields(VALID)).toEqual([]);
  });

  it("refuses a prefix that is too short, too long or has other characters than letters and digits", () => {
    for (const prefix of ["abcd", "a".repeat(17), "contoso-eu", "contoso eu"]) {
      expect(checkCommunityInfo({ ...VALID, publicNamePrefix: prefix })).toMatchObject({
        code: "InvalidParameter",
        target: "gallery.properties.sharingProfile.communityGalleryInfo.publicNamePrefix",
      });
    }
    expect(checkCommunityInfo({ ...VALID, publicNamePrefix: "abcde" })).toBeUndefined();
    expect(checkCommunityInfo({ ...VALID, publicNamePrefix: "a".repeat(16) })).toBeUndefined();
  });

  it("refuses a contact that is not an email address and links that are not absolute http(s) URIs", () => {
    expect(checkCommunityInfo({ ...VALID, publisherContact: "images" })?.target).toMatch(/publisherContact$/);
    expect(checkCommunityInfo({ ...VALID, eula: "ftp://contoso.example/eula" })?.message).toContain(
      "end-user license agreement link",
    );
    expect(checkCommunityInfo({ ...VALID, publisherUri: "contoso.example" })?.target).toMatch(/publisherUri$/);
  });

  it("names every missing detail, blank ones included", () => {
    const missing = missingCommunityFields({ publisherUri: VALID.publisherUri, eula: "  " });
    expect(missing).toEqual(["publisherContact", "eula", "publicNamePrefix"]);
    expect(communityInfoMissing("g1", missing).message).toContain(
      "'communityGalleryInfo.publisherContact', 'communityGalleryInfo.eula', 'communityGalleryInfo.publicNamePrefix'",
    );
  });

  it("makes the public name and the community image ids as Compute spells them", () => {
    expect(communityPublicName("ContosoEU", "ABCDEF00-0000-4000-8000-000000000001")).toBe(
      "ContosoEU-abcdef00-0000-4000-8000-000000000001",
    );
    expect(communityGalleryImageId("P-1", "img", "1.0.0")).toBe("/CommunityGalleries/P-1/Images/img/Versions/1.0.0");
    expect(communityGalleryImageId("P-1", "img")).toBe("/CommunityGalleries/P-1/Images/img");
  });
});
