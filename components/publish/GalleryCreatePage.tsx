"use client";

import { NoGalleryCreation } from "@/components/access/GalleryCreationUnavailable";
import { useGalleryCreationAccess } from "@/components/access/useGalleryCreationAccess";
import { GalleryCreateForm } from "@/components/publish/GalleryCreateForm";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { ErrorPanel } from "@/components/ui/ErrorPanel";
import { PageHeader } from "@/components/ui/Section";
import { Spinner } from "@/components/ui/Spinner";

/**
 * /galleries/new: the form, offering only the subscriptions and resource groups where the user may create a
 * gallery; a user who may create nowhere is told why instead of getting a form that can only fail.
 */
export function GalleryCreatePage({ initialSubscriptionId }: { initialSubscriptionId: string }) {
  const creation = useGalleryCreationAccess();
  return (
    <>
      <Breadcrumbs items={[{ label: "Galleries", kind: "Home", href: "/" }, { label: "Create gallery" }]} />
      <PageHeader
        kind="Azure Compute Gallery"
        title="Create gallery"
        subtitle="A gallery holds image definitions and their versions; access to it is managed with Azure RBAC."
      />
      {creation.error ? (
        <ErrorPanel error={creation.error} title="Your subscriptions could not be listed" />
      ) : creation.isPending ? (
        <Spinner className="mt-4" label="Checking where you may create a gallery…" />
      ) : creation.creatable.length === 0 ? (
        <NoGalleryCreation unavailable={creation.unavailable} />
      ) : (
        <GalleryCreateForm
          initialSubscriptionId={initialSubscriptionId}
          creatable={creation.creatable}
          unavailable={creation.unavailable}
        />
      )}
    </>
  );
}
