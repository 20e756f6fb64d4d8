"use client";

import { LinkButton, Toolbar, useAllows } from "@/components/galleryArtifacts/ArtifactParts";
import { DeleteResourceButton } from "@/components/publish/DeleteConfirm";
import { galleryArtifactHref, galleryArtifactId, type GalleryArtifactPath } from "@/lib/azure/artifactRoutes";
import { galleryIdOf, pageHref } from "@/lib/azure/routeParams";
import type { Operation } from "@/lib/queries/lro";

/** How the pages of scripts and in-VM access control profiles name one kind and its versions. */
export interface ArtifactKind {
  /** `Microsoft.Compute/galleries/scripts`: its write, delete and versions/… actions decide what shows. */
  resourceType: string;
  /** "gallery script", "access control profile". */
  noun: string;
  /** "script", "profile": what the service deletes only once its versions are gone. */
  shortNoun: string;
  /** "script version", "profile version". */
  versionNoun: string;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** An artifact's actions: edit, create a version, and delete once it has no versions (the service's order). */
export function ArtifactToolbar({
  kind,
  path,
  versionCount,
  deleteArtifact,
}: {
  kind: ArtifactKind;
  path: GalleryArtifactPath;
  versionCount: number;
  deleteArtifact: () => Operation<void>;
}) {
  const id = galleryArtifactId(path);
  const allows = useAllows(id);
  return (
    <Toolbar label={`${capitalized(kind.noun)} actions`}>
      {allows(`${kind.resourceType}/write`) && (
        <LinkButton href={`${galleryArtifactHref(path)}/edit`}>Edit {kind.noun}</LinkButton>
      )}
      {allows(`${kind.resourceType}/versions/write`) && (
        <LinkButton href={`${galleryArtifactHref(path)}/new-version`}>Create {kind.versionNoun}</LinkButton>
      )}
      {allows(`${kind.resourceType}/delete`) && (
        <DeleteResourceButton
          noun={kind.noun}
          name={path.artifactName}
          resourceId={id}
          start={deleteArtifact}
          afterHref={`${pageHref(galleryIdOf(path))}/${path.collection}`}
          blocked={versionCount > 0}
        >
          {versionCount > 0 ? (
            <p className="font-semibold text-amber-900">
              It still has {versionCount} {versionCount === 1 ? "version" : "versions"}: the service deletes a{" "}
              {kind.shortNoun} only once its versions are gone. Delete them first.
            </p>
          ) : (
            <p>Deleting it cannot be undone.</p>
          )}
        </DeleteResourceButton>
      )}
    </Toolbar>
  );
}

/** A version's actions: edit and delete (its replicas everywhere go with it). */
export function ArtifactVersionToolbar({
  kind,
  path,
  deleteVersion,
  consequence,
}: {
  kind: ArtifactKind;
  path: GalleryArtifactPath & { versionName: string };
  deleteVersion: () => Operation<void>;
  consequence: string;
}) {
  const id = galleryArtifactId(path);
  const allows = useAllows(id);
  return (
    <Toolbar label={`${capitalized(kind.versionNoun)} actions`}>
      {allows(`${kind.resourceType}/versions/write`) && (
        <LinkButton href={`${galleryArtifactHref(path)}/edit`}>Edit {kind.versionNoun}</LinkButton>
      )}
      {allows(`${kind.resourceType}/versions/delete`) && (
        <DeleteResourceButton
          noun={kind.versionNoun}
          name={path.versionName}
          resourceId={id}
          start={deleteVersion}
          afterHref={galleryArtifactHref({ ...path, versionName: undefined })}
        >
          <p>{consequence}</p>
        </DeleteResourceButton>
      )}
    </Toolbar>
  );
}
