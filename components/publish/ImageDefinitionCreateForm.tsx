"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useMemo, useRef } from "react";
import { FormProvider, useFieldArray, useForm, useFormContext } from "react-hook-form";
import { armCrumbs } from "@/components/galleries/armCrumbs";
import { useSubscriptionName } from "@/components/galleries/useSubscriptionName";
import { useArm } from "@/components/layout/ArmContext";
import { FormFooter } from "@/components/publish/FormFooter";
import { PublishingInformation, RecommendedConfiguration } from "@/components/publish/definitionFieldGroups";
import {
  AddRowButton,
  Group,
  PairInput,
  ReadOnlyField,
  RemoveRowButton,
  SelectField,
  TagsEditor,
  TextField,
} from "@/components/publish/fields";
import { LimitUsagePanel } from "@/components/publish/LimitUsage";
import { placeServerError } from "@/components/publish/serverErrors";
import { useSubmission } from "@/components/publish/useSubmission";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { PageHeader } from "@/components/ui/Section";
import { Spinner } from "@/components/ui/Spinner";
import { galleryIdOf, imageIdOf, pageHref, type GalleryPath } from "@/lib/azure/routeParams";
import { ARCHITECTURES, HYPERV_GENERATIONS, OS_STATES, OS_TYPES } from "@/lib/gallery/imageValues";
import { apiVersionDefaults, effectiveDefinitionSecurity, SDK_GALLERY_API_VERSION } from "@/lib/gallery/apiVersions";
import { regionDisplayName } from "@/lib/gallery/regions";
import { IDENTIFIER_MAX_LENGTH } from "@/lib/gallery/identifier";
import { ENTITY_NAME_HINT } from "@/lib/gallery/names";
import {
  DISALLOWABLE_DISK_TYPES,
  identifierHint,
  makeImageDefinitionCreateSchema,
  PICKABLE_SECURITY_TYPES,
  type ImageDefinitionCreateOutput,
  type ImageDefinitionCreateValues,
} from "@/lib/publish/imageDefinitionForm";
import { createImageDefinition } from "@/lib/queries/galleryImages";
import { usageQueries, type UsageIndex } from "@/lib/queries/galleryUsage";
import { galleryQueries } from "@/lib/queries/galleries";
import { imageQueries } from "@/lib/queries/galleryImages";

const FIELDS = ["name", "properties", "tags"] as const;
const choices = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

export const EMPTY_DEFINITION: ImageDefinitionCreateValues = {
  name: "",
  properties: {
    identifier: { publisher: "", offer: "", sku: "" },
    osType: "",
    osState: "",
    hyperVGeneration: "",
    architecture: "x64",
    securityType: "",
    description: "",
    eula: "",
    privacyStatementUri: "",
    releaseNoteUri: "",
    endOfLifeDate: "",
    recommended: { vCPUs: {}, memory: {} },
    disallowed: { diskTypes: [] },
    purchasePlan: { name: "", publisher: "", product: "" },
    features: [],
  },
  tags: [],
};

/** Create an image definition in a gallery: every property the service accepts, checked before submit. */
export function ImageDefinitionCreateForm({ path }: { path: GalleryPath }) {
  const arm = useArm();
  const router = useRouter();
  const subscriptionName = useSubscriptionName(path.subscriptionId);
  const galleryId = galleryIdOf(path);
  const gallery = useQuery(galleryQueries.detail(arm, galleryId));
  const definitions = useQuery(imageQueries.list(arm, galleryId));
  const usage = useQuery(usageQueries.bySubscriptions(arm, [path.subscriptionId]));
  const location = gallery.data?.location ?? "";
  const usageRef = useRef<UsageIndex | undefined>(undefined);
  usageRef.current = usage.data;
  const locationRef = useRef(location);
  locationRef.current = location;

  const schema = useMemo(
    () =>
      makeImageDefinitionCreateSchema({
        now: () => new Date(),
        get location() {
          return locationRef.current;
        },
        definitionsInRegion: () =>
          locationRef.current
            ? usageRef.current?.at(path.subscriptionId, locationRef.current).usages.imageDefinitions.used
            : undefined,
      }),
    [path.subscriptionId],
  );
  const form = useForm<ImageDefinitionCreateValues, unknown, ImageDefinitionCreateOutput>({
    resolver: zodResolver(schema),
    // As the user types, not on blur: an error appearing on blur moves the submit button under a pressed mouse.
    mode: "onChange",
    defaultValues: EMPTY_DEFINITION,
  });

  const [name, identifier] = form.watch(["name", "properties.identifier"]);
  const hint = identifierHint(
    { name, identifier },
    (definitions.data ?? []).flatMap((d) =>
      d.identifier && d.name ? [{ name: d.name, identifier: d.identifier }] : [],
    ),
  );

  const { operation, refusal, submit } = useSubmission((error) =>
    placeServerError(form, error, FIELDS, { galleryImageName: "name" }),
  );
  async function onSubmit(values: ImageDefinitionCreateOutput) {
    const target = { ...path, imageName: values.name };
    await submit(
      `Creating image definition ${values.name}`,
      () => createImageDefinition(arm, target, { location, properties: values.properties, tags: values.tags }),
      () => router.push(pageHref(imageIdOf(target))),
    );
  }

  return (
    <>
      <Breadcrumbs items={[...armCrumbs(path, subscriptionName), { label: "Create image definition" }]} />
      <PageHeader kind="Image definition" title="Create image definition" subtitle={`In gallery ${path.galleryName}`} />
      {gallery.isError && <ErrorPanel error={gallery.error} title="The gallery could not be read" />}
      <FormProvider {...form}>
        <form
          noValidate
          onSubmit={form.handleSubmit(onSubmit)}
          className="mt-4 grid gap-4 lg:grid-cols-[1fr_20rem]"
          aria-label="Create image definition"
        >
          <div className="grid gap-4">
            <Group legend="Basics">
              <TextField name="name" label="Image definition name" required hint={ENTITY_NAME_HINT} />
              <ReadOnlyField
                label="Region"
                value={location ? regionDisplayName(location) : <Spinner />}
                reason="An image definition is created in its gallery's region."
              />
            </Group>
            <Group
              legend="Identifier (publisher, offer, SKU)"
              name="properties.identifier"
              description="The three together must be unique in this gallery. Letters, digits, hyphens, underscores and periods; not ending with a period. Fixed after creation."
            >
              <TextField
                name="properties.identifier.publisher"
                label="Publisher"
                required
                hint={`Up to ${IDENTIFIER_MAX_LENGTH.publisher} characters.`}
              />
              <TextField
                name="properties.identifier.offer"
                label="Offer"
                required
                hint={`Up to ${IDENTIFIER_MAX_LENGTH.offer} characters.`}
              />
              <TextField
                name="properties.identifier.sku"
                label="SKU"
                required
                hint={`Up to ${IDENTIFIER_MAX_LENGTH.sku} characters.`}
              />
              {hint && (
                <p
                  role="note"
                  className="self-end rounded border border-amber-300 bg-amber-50 p-2 text-xs text-amber-950 sm:col-span-2"
                >
                  {hint.message}
                </p>
              )}
            </Group>
            <Group
              legend="Operating system and VM generation"
              description="Versions must come from sources that match these. Fixed after creation."
            >
              <SelectField
                name="properties.osType"
                label="OS type"
                required
                placeholder="Choose an OS type"
                choices={choices(OS_TYPES)}
              />
              <SelectField
                name="properties.osState"
                label="OS state"
                required
                placeholder="Choose an OS state"
                hint="Generalized: sysprepped/deprovisioned, VMs get a new identity. Specialized: a copy of a VM as it was."
                choices={choices(OS_STATES)}
              />
              <SelectField
                name="properties.hyperVGeneration"
                label="Hyper-V generation"
                placeholder={`Default (${apiVersionDefaults(SDK_GALLERY_API_VERSION).hyperVGeneration})`}
                choices={choices(HYPERV_GENERATIONS)}
              />
              <SelectField name="properties.architecture" label="Architecture" choices={choices(ARCHITECTURES)} />
              <SelectField
                name="properties.securityType"
                label="Security type"
                placeholder="Default (by generation)"
                hint="Trusted launch and confidential VMs need Hyper-V generation V2. A choice is sent as made."
                choices={choices(PICKABLE_SECURITY_TYPES)}
              />
              <EffectiveSecurity />
            </Group>
            <FeaturesEditor />
            <RecommendedConfiguration />
            <DisallowedDiskTypes />
            <PublishingInformation endOfLifeHint="Must be in the future. Informational: VMs can still be created after it." />
            <Group legend="Purchase plan" description="For Marketplace-derived images: all three or none.">
              <TextField name="properties.purchasePlan.name" label="Plan name" />
              <TextField name="properties.purchasePlan.publisher" label="Plan publisher" />
              <TextField name="properties.purchasePlan.product" label="Plan product" />
            </Group>
            <TagsEditor />
            <FormFooter
              refusal={refusal}
              refusalTitle="The image definition could not be created"
              state={operation.state}
              submitLabel="Create image definition"
              notReady={!location}
              cancel={pageHref(galleryId)}
            />
          </div>
          <aside>
            <LimitUsagePanel subscriptionId={path.subscriptionId} location={location} kinds={["imageDefinitions"]} />
          </aside>
        </form>
      </FormProvider>
    </>
  );
}

function DisallowedDiskTypes() {
  const { register } = useFormContext();
  const id = useId();
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 text-sm font-semibold text-slate-900">Disallowed disk types</legend>
      <p className="mb-3 text-xs text-slate-600">
        VMs made from this image may not use these disk types for their OS disk.
      </p>
      <div className="grid gap-2 sm:grid-cols-3">
        {DISALLOWABLE_DISK_TYPES.map((type) => (
          <div key={type} className="flex items-center gap-2">
            <input
              id={`${id}-${type}`}
              type="checkbox"
              value={type}
              className="h-4 w-4"
              {...register("properties.disallowed.diskTypes")}
            />
            <label htmlFor={`${id}-${type}`} className="text-sm">
              {type}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** Other features (name/value), e.g. IsAcceleratedNetworkSupported=True, DiskControllerTypes=SCSI, NVMe. */
function FeaturesEditor() {
  const { register } = useFormContext();
  const { fields, append, remove } = useFieldArray({ name: "properties.features" });
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 text-sm font-semibold text-slate-900">Other features</legend>
      <p className="mb-3 text-xs text-slate-600">
        For example IsAcceleratedNetworkSupported = True, IsHibernateSupported = True, DiskControllerTypes = SCSI, NVMe.
        Security type is set above.
      </p>
      <ul className="space-y-2">
        {fields.map((field, index) => (
          <li key={field.id} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
            <PairInput
              name={`properties.features.${index}.name`}
              label={`Feature ${index + 1} name`}
              register={register}
            />
            <PairInput
              name={`properties.features.${index}.value`}
              label={`Feature ${index + 1} value`}
              register={register}
            />
            <RemoveRowButton label={`Remove feature ${index + 1}`} onClick={() => remove(index)} className="mt-6" />
          </li>
        ))}
      </ul>
      <AddRowButton onClick={() => append({ name: "", value: "" })} className="mt-3">
        Add feature
      </AddRowButton>
    </fieldset>
  );
}

/** What the chosen generation and security type amount to at the api-version the dashboard sends. */
function EffectiveSecurity() {
  const { watch } = useFormContext();
  const hyperVGeneration = (watch("properties.hyperVGeneration") as string) || undefined;
  const securityType = (watch("properties.securityType") as string) || undefined;
  const effective = effectiveDefinitionSecurity({ hyperVGeneration, securityType }, SDK_GALLERY_API_VERSION);
  const generation = `Generation ${effective.hyperVGeneration === "V2" ? "2" : "1"}${effective.defaulted.hyperVGeneration ? " (default)" : ""}`;
  const security = effective.securityType
    ? `SecurityType ${effective.securityType}${effective.defaulted.securityType ? " (default)" : ""}`
    : "no SecurityType";
  return (
    <p className="text-sm text-slate-700 sm:col-span-2" aria-live="polite" data-testid="effective-security">
      <span className="font-medium">Will be created as:</span> {generation}, {security}, at api-version{" "}
      {SDK_GALLERY_API_VERSION}. {effective.meaning}
    </p>
  );
}
