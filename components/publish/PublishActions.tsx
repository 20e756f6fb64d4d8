"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useCapabilities } from "@/components/access/useCapabilities";
import { useArm } from "@/components/layout/ArmContext";
import {
  DeleteGalleryButton,
  DeleteImageDefinitionButton,
  DeleteImageVersionButton,
} from "@/components/publish/DeleteDialogs";
import { buttonClass } from "@/components/publish/buttonClass";
import { galleryIdOf, imageIdOf, pageHref, versionIdOf, type GalleryPath } from "@/lib/azure/routeParams";
import { versionQueries } from "@/lib/queries/galleryImageVersions";

const GALLERY = "Microsoft.Compute/galleries";
const DEFINITION = `${GALLERY}/images`;
const VERSION = `${DEFINITION}/versions`;

const linkButton = `${buttonClass.secondary} inline-flex items-center`;

/** Only what the signed-in user may do at the scope shows; nothing while permissions load. */
function useAllows(scopeId: string) {
  const { data } = useCapabilities(scopeId);
  return (action: string) => data?.allows(action) ?? false;
}

function Toolbar({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="toolbar" aria-label={label} className="my-3 flex flex-wrap gap-2">
      {children}
    </div>
  );
}

export function GalleryActions({ path }: { path: GalleryPath }) {
  const id = galleryIdOf(path);
  const allows = useAllows(id);
  return (
    <Toolbar label="Gallery actions">
      {allows(`${DEFINITION}/write`) && (
        <Link href={`${pageHref(id)}/new-image-definition`} className={linkButton}>
          Create image definition
        </Link>
      )}
      {allows(`${GALLERY}/write`) && (
        <Link href={`${pageHref(id)}/edit`} className={linkButton}>
          Edit
        </Link>
      )}
      {allows(`${GALLERY}/delete`) && <DeleteGalleryButton path={path} />}
    </Toolbar>
  );
}

export function ImageDefinitionActions({ path }: { path: GalleryPath & { imageName: string } }) {
  const id = imageIdOf(path);
  const allows = useAllows(id);
  return (
    <Toolbar label="Image definition actions">
      {allows(`${VERSION}/write`) && (
        <Link href={`${pageHref(id)}/new-version`} className={linkButton}>
          Create version
        </Link>
      )}
      {allows(`${DEFINITION}/write`) && (
        <Link href={`${pageHref(id)}/edit`} className={linkButton}>
          Edit
        </Link>
      )}
      {allows(`${DEFINITION}/delete`) && <DeleteImageDefinitionButton path={path} />}
    </Toolbar>
  );
}

export function ImageVersionActions({ path }: { path: GalleryPath & { imageName: string; versionName: string } }) {
  const arm = useArm();
  const id = versionIdOf(path);
  const allows = useAllows(id);
  const version = useQuery(versionQueries.detail(arm, id));
  const safety = version.data?.safetyProfile;
  return (
    <Toolbar label="Image version actions">
      {allows(`${VERSION}/write`) && (
        <Link href={`${pageHref(id)}/edit`} className={linkButton}>
          Edit
        </Link>
      )}
      {allows(`${VERSION}/delete`) && (
        <DeleteImageVersionButton
          path={path}
          blockedUntil={
            safety?.blockDeletionBeforeEndOfLife ? version.data?.publishingProfile?.endOfLifeDate : undefined
          }
        />
      )}
    </Toolbar>
  );
}
