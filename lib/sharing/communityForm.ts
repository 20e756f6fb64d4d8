import { z } from "zod";
import {
  checkCommunityUri,
  checkPublicNamePrefix,
  checkPublisherContact,
  type CommunityPublisherInfo,
} from "@/lib/gallery/community";
import { ruleString } from "@/lib/publish/formRules";

/** The "Make it a community gallery" form's rules: the service's, from lib/gallery/community (the emulator's too). */
export const communityFormSchema = z.object({
  publisherUri: ruleString((v) => checkCommunityUri("publisherUri", v.trim()), "Enter the link to your website."),
  publisherContact: ruleString((v) => checkPublisherContact(v.trim()), "Enter the email address users can contact."),
  eula: ruleString((v) => checkCommunityUri("eula", v.trim()), "Enter the link to your end-user license agreement."),
  publicNamePrefix: ruleString((v) => checkPublicNamePrefix(v.trim()), "Enter a prefix for the public name."),
});

export type CommunityFormValues = z.input<typeof communityFormSchema>;

export const COMMUNITY_FORM_FIELDS = ["publisherUri", "publisherContact", "eula", "publicNamePrefix"] as const;

/** ARM's targets for the details, as the emulator and the service name them, mapped to the form's fields. */
export const COMMUNITY_FIELD_ALIASES: Record<string, string> = Object.fromEntries(
  COMMUNITY_FORM_FIELDS.flatMap((f) => [
    [`properties.sharingProfile.communityGalleryInfo.${f}`, f],
    [`gallery.properties.sharingProfile.communityGalleryInfo.${f}`, f],
  ]),
);

export function communityInfoOf(values: CommunityFormValues): Required<CommunityPublisherInfo> {
  return {
    publisherUri: values.publisherUri.trim(),
    publisherContact: values.publisherContact.trim(),
    eula: values.eula.trim(),
    publicNamePrefix: values.publicNamePrefix.trim(),
  };
}
