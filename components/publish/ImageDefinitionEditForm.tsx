"use client";

import type { GalleryImage } from "@azure/arm-compute";
import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { armCrumbs } from "@/components/galleries/armCrumbs";
import { useSubscriptionName } from "@/components/galleries/useSubscriptionName";
import { useArm } from "@/components/layout/ArmContext";
import { FormFooter } from "@/components/publish/FormFooter";
import { PublishingInformation, RecommendedConfiguration } from "@/components/publish/definitionFieldGroups";
import { Group, ReadOnlyField, TagsEditor } from "@/components/publish/fields";
import { placeServerError } from "@/components/publish/serverErrors";
import { useSubmission } from "@/components/publish/useSubmission";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { PageHeader } from "@/components/ui/Section";
import { Spinner } from "@/components/ui/Spinner";
import { dateOnly } from "@/lib/gallery/isoDate";
import { imageIdOf, pageHref, type GalleryPath } from "@/lib/azure/routeParams";
import { describeFeature } from "@/lib/gallery/features";
import { tagRowsOf } from "@/lib/publish/formRules";
import {
  makeImageDefinitionUpdateSchema,
  type ImageDefinitionUpdateOutput,
  type ImageDefinitionUpdateValues,
} from "@/lib/publish/imageDefinitionForm";
import { updateImageDefinition } from "@/lib/queries/galleryImages";
import { imageQueries } from "@/lib/queries/galleryImages";

type DefinitionPath = GalleryPath & { imageName: string };

const fixed = (property: string) =>
  `Fixed at creation: the service answers "Changing property 'galleryImage.properties.${property}' is not allowed." Create a new image definition to change it.`;

/** Edit an image definition: description, EULA, URIs, end of life, recommended configuration and tags. */
export function ImageDefinitionEditForm({ path }: { path: DefinitionPath }) {
  const arm = useArm();
  const subscriptionName = useSubscriptionName(path.subscriptionId);
  const image = useQuery(imageQueries.detail(arm, imageIdOf(path)));
  return (
    <>
      <Breadcrumbs items={[...armCrumbs(path, subscriptionName), { label: "Edit" }]} />
      <PageHeader kind="Image definition" title={`Edit ${path.imageName}`} />
      {image.isError && <ErrorPanel error={image.error} title="The image definition could not be read" />}
      {image.data ? <Form path={path} image={image.data} /> : !image.isError && <Spinner label="Loading…" />}
    </>
  );
}

function Form({ path, image }: { path: DefinitionPath; image: GalleryImage }) {
  const arm = useArm();
  const router = useRouter();
  const storedEndOfLife = dateOnly(image.endOfLifeDate);
  const schema = useMemo(
    () =>
      makeImageDefinitionUpdateSchema(
        () => new Date(),
        {
          identifier: image.identifier ?? { publisher: "", offer: "", sku: "" },
          osType: image.osType ?? "",
          osState: image.osState ?? "",
          hyperVGeneration: image.hyperVGeneration ?? "V1",
          architecture: image.architecture ?? "x64",
        },
        storedEndOfLife,
      ),
    [image, storedEndOfLife],
  );
  const form = useForm<ImageDefinitionUpdateValues, unknown, ImageDefinitionUpdateOutput>({
    resolver: zodResolver(schema),
    // As the user types, not on blur: an error appearing on blur moves the submit button under a pressed mouse.
    mode: "onChange",
    defaultValues: {
      properties: {
        description: image.description ?? "",
        eula: image.eula ?? "",
        privacyStatementUri: image.privacyStatementUri ?? "",
        releaseNoteUri: image.releaseNoteUri ?? "",
        endOfLifeDate: storedEndOfLife,
        recommended: {
          vCPUs: { min: image.recommended?.vCPUs?.min ?? Number.NaN, max: image.recommended?.vCPUs?.max ?? Number.NaN },
          memory: {
            min: image.recommended?.memory?.min ?? Number.NaN,
            max: image.recommended?.memory?.max ?? Number.NaN,
          },
        },
      },
      tags: tagRowsOf(image.tags),
    },
  });

  const { operation, refusal, submit } = useSubmission((error) =>
    placeServerError(form, error, ["properties", "tags"]),
  );
  async function onSubmit(values: ImageDefinitionUpdateOutput) {
    const {
      identifier: _identifier,
      osType: _osType,
      osState: _osState,
      hyperVGeneration: _generation,
      architecture: _architecture,
      ...changes
    } = values.properties;
    await submit(
      `Updating image definition ${path.imageName}`,
      () => updateImageDefinition(arm, path, { properties: changes, tags: values.tags }),
      () => router.push(pageHref(imageIdOf(path))),
    );
  }

  const features = image.features?.map(describeFeature).join(", ");
  return (
    <FormProvider {...form}>
      <form
        noValidate
        onSubmit={form.handleSubmit(onSubmit)}
        className="mt-4 grid max-w-4xl gap-4"
        aria-label={`Edit image definition ${path.imageName}`}
      >
        <Group legend="Fixed at creation">
          <ReadOnlyField label="Publisher" value={image.identifier?.publisher} reason={fixed("identifier.publisher")} />
          <ReadOnlyField label="Offer" value={image.identifier?.offer} reason={fixed("identifier.offer")} />
          <ReadOnlyField label="SKU" value={image.identifier?.sku} reason={fixed("identifier.sku")} />
          <ReadOnlyField label="OS type" value={image.osType} reason={fixed("osType")} />
          <ReadOnlyField label="OS state" value={image.osState} reason={fixed("osState")} />
          <ReadOnlyField
            label="Hyper-V generation"
            value={image.hyperVGeneration ?? "V1"}
            reason={fixed("hyperVGeneration")}
          />
          <ReadOnlyField label="Architecture" value={image.architecture ?? "x64"} reason={fixed("architecture")} />
          <ReadOnlyField
            label="Features"
            value={features}
            reason="Changed with “Change features” on the definition's page (allowUpdateImage, from a start version on), not here."
          />
        </Group>
        <RecommendedConfiguration />
        <PublishingInformation endOfLifeHint="A new date must be in the future." />
        <TagsEditor />
        <FormFooter
          refusal={refusal}
          refusalTitle="The image definition could not be updated"
          state={operation.state}
          submitLabel="Save changes"
          cancel={pageHref(imageIdOf(path))}
        />
      </form>
    </FormProvider>
  );
}
