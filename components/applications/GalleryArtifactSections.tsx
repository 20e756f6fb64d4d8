"use client";

import type { GalleryApplication, GalleryInVMAccessControlProfile, GalleryScript } from "@azure/arm-compute";
import { useQueries, useQuery, type UseQueryResult } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import type { ReactNode } from "react";
import { useArm } from "@/components/layout/ArmContext";
import { buttonClass } from "@/components/publish/buttonClass";
import { descriptionColumn, endOfLifeColumn, versionCountColumn } from "@/components/ui/resourceColumns";
import { resourceNameColumn } from "@/components/ui/resourceNameColumn";
import { ResourceTableSection } from "@/components/ui/ResourceTableSection";
import { sectionAnchor } from "@/components/ui/Section";
import { Spinner } from "@/components/ui/Spinner";
import { useCapabilities } from "@/components/access/useCapabilities";
import { galleryIdOf, pageHref, type GalleryPath } from "@/lib/azure/routeParams";
import { highestVersionName } from "@/lib/gallery/names";
import { applicationQueries, applicationVersionQueries } from "@/lib/queries/galleryApplications";
import { isListComplete } from "@/lib/queries/versionLists";
import { imageQueries } from "@/lib/queries/galleryImages";
import { accessControlProfileQueries } from "@/lib/queries/galleryInVMAccessControlProfiles";
import { scriptQueries } from "@/lib/queries/galleryScripts";

interface ApplicationRow {
  id: string;
  name: string;
  application: GalleryApplication;
  versions: { count: number; highest: string | undefined } | "loading" | "error";
}

const applicationColumn = createColumnHelper<ApplicationRow>();

const applicationColumns = [
  resourceNameColumn<ApplicationRow>(),
  applicationColumn.accessor((row) => row.application.supportedOSType ?? "", { id: "os", header: "OS" }),
  descriptionColumn<ApplicationRow>((row) => row.application.description),
  endOfLifeColumn<ApplicationRow>((row) => row.application.endOfLifeDate),
  applicationColumn.accessor((row) => (typeof row.versions === "object" ? (row.versions.highest ?? "") : ""), {
    id: "highest",
    header: "Newest version",
    cell: (info) => {
      const v = info.row.original.versions;
      if (v === "loading") return <Spinner />;
      if (v === "error" || !v.highest) return "—";
      return <span className="font-mono">{v.highest}</span>;
    },
  }),
  versionCountColumn<ApplicationRow>("The versions of this application could not be listed"),
];

interface ScriptRow {
  id: string;
  name: string;
  script: GalleryScript;
}

const scriptColumns = [
  resourceNameColumn<ScriptRow>(),
  createColumnHelper<ScriptRow>().accessor((row) => row.script.properties?.supportedOSType ?? "", {
    id: "os",
    header: "OS",
  }),
  descriptionColumn<ScriptRow>((row) => row.script.properties?.description),
  endOfLifeColumn<ScriptRow>((row) => row.script.properties?.endOfLifeDate),
];

interface ProfileRow {
  id: string;
  name: string;
  profile: GalleryInVMAccessControlProfile;
}

const profileColumn = createColumnHelper<ProfileRow>();
const profileColumns = [
  resourceNameColumn<ProfileRow>(),
  profileColumn.accessor((row) => row.profile.properties?.osType ?? "", { id: "os", header: "OS" }),
  profileColumn.accessor((row) => row.profile.properties?.applicableHostEndpoint ?? "", {
    id: "endpoint",
    header: "Host endpoint",
  }),
  descriptionColumn<ProfileRow>((row) => row.profile.properties?.description),
];

const SECTIONS = {
  images: { title: "Image definitions", one: "image definition", many: "image definitions" },
  applications: { title: "VM applications", one: "VM application", many: "VM applications" },
  scripts: { title: "Scripts", one: "script", many: "scripts" },
  profiles: { title: "In-VM access control profiles", one: "access control profile", many: "access control profiles" },
} as const;

function countText(query: UseQueryResult<readonly unknown[]>, kind: keyof typeof SECTIONS): ReactNode {
  const { one, many } = SECTIONS[kind];
  if (query.isPending) return <Spinner label={`Counting ${many}…`} />;
  if (query.isError) return `${many}: could not be listed`;
  const n = query.data.length;
  return `${n} ${n === 1 ? one : many}`;
}

/** What the gallery holds, counted per kind, each count linking to its section. */
export function GalleryContentsSummary({ path }: { path: GalleryPath }) {
  const arm = useArm();
  const galleryId = galleryIdOf(path);
  const summary = [
    { kind: "images" as const, query: useQuery(imageQueries.list(arm, galleryId)) },
    { kind: "applications" as const, query: useQuery(applicationQueries.list(arm, galleryId)) },
    { kind: "scripts" as const, query: useQuery(scriptQueries.list(arm, galleryId)) },
    { kind: "profiles" as const, query: useQuery(accessControlProfileQueries.list(arm, galleryId)) },
  ];
  return (
    <nav aria-label="Gallery contents" className="mt-4">
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {summary.map(({ kind, query }) => (
          <li key={kind}>
            <a href={sectionAnchor(SECTIONS[kind].title)} className="text-brand-700 hover:underline">
              {countText(query, kind)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The gallery's VM applications, scripts and in-VM access control profiles, each linking to its page. */
export function GalleryArtifactSections({ path }: { path: GalleryPath }) {
  const arm = useArm();
  const galleryId = galleryIdOf(path);
  const applications = useQuery(applicationQueries.list(arm, galleryId));
  const scripts = useQuery(scriptQueries.list(arm, galleryId));
  const profiles = useQuery(accessControlProfileQueries.list(arm, galleryId));
  const versionLists = useQueries({
    queries: (applications.data ?? []).map((application) => applicationVersionQueries.list(arm, application.id ?? "")),
  });
  const canCreate = useCapabilities(galleryId).data?.allows("Microsoft.Compute/galleries/applications/write") ?? false;

  const applicationRows: ApplicationRow[] = (applications.data ?? []).map((application, index) => {
    const list = versionLists[index];
    return {
      id: application.id ?? "",
      name: application.name ?? "",
      application,
      versions:
        list?.data && isListComplete(list)
          ? { count: list.data.length, highest: highestVersionName(list.data.map((v) => v.name ?? "")) }
          : list?.isError
            ? "error"
            : "loading",
    };
  });
  return (
    <>
      <ResourceTableSection
        title={SECTIONS.applications.title}
        description="Packages installed on VMs and scale sets at deployment, versioned and replicated like images."
        actions={
          canCreate && (
            <Link href={`${pageHref(galleryId)}/new-application`} className={buttonClass.secondary}>
              Create VM application
            </Link>
          )
        }
        list={applications}
        errorTitle="The applications of this gallery could not be listed"
        data={applicationRows}
        columns={applicationColumns}
        caption={`VM applications in ${path.galleryName}`}
        empty="This gallery has no VM applications."
      />
      <ResourceTableSection
        title={SECTIONS.scripts.title}
        description="Scripts run on VMs, versioned like applications."
        list={scripts}
        errorTitle="The scripts of this gallery could not be listed"
        data={(scripts.data ?? []).map((script) => ({ id: script.id ?? "", name: script.name ?? "", script }))}
        columns={scriptColumns}
        caption={`Scripts in ${path.galleryName}`}
        empty="This gallery has no scripts."
      />
      <ResourceTableSection
        title={SECTIONS.profiles.title}
        description="Rules for the metadata endpoints (WireServer, IMDS) inside VMs."
        list={profiles}
        errorTitle="The access control profiles of this gallery could not be listed"
        data={(profiles.data ?? []).map((profile) => ({ id: profile.id ?? "", name: profile.name ?? "", profile }))}
        columns={profileColumns}
        caption={`In-VM access control profiles in ${path.galleryName}`}
        empty="This gallery has no in-VM access control profiles."
      />
    </>
  );
}
