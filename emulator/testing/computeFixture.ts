import type {
  ComputeManagementClient,
  Gallery,
  GalleryImage,
  GalleryImageVersion,
  Image,
  ImageDataDisk,
  OperatingSystemStateTypes,
  OperatingSystemTypes,
  VirtualMachine,
} from "@azure/arm-compute";
import type { OperationState, PollerLike } from "@azure/core-lro";
import { afterAll, beforeAll } from "vitest";
import type { EmulatorConfig } from "../config.js";
import { EMPTY_SEED } from "../seed/wellKnown.js";
import { FAST_POLL, startTestEmulator, type TestEmulator } from "./harness.js";

/**
 * The set-up the Compute tests share: an emulator started before the file's tests and closed after them, a
 * caller's Compute client, resource groups, and the galleries, definitions, versions and sources they publish,
 * each awaited with the clock moving (replication takes emulated minutes).
 */
export interface ComputeFixtureOptions extends Partial<EmulatorConfig> {
  /** The caller of `fx.client` (UPN or app id); the empty seed's admin unless given. */
  as?: string;
  /** The subscription of `fx.client` and `fx.id`; the empty seed's unless given. */
  subscriptionId?: string;
  /** Resource groups created before the tests, by name, with their location. */
  resourceGroups?: Record<string, string>;
  /** Emulated seconds the clock moves at each step while `settle` awaits an operation. */
  stepSeconds?: number;
}

export type Poller<T> = PollerLike<OperationState<T>, T>;

/** Generalized Linux unless said otherwise. */
export interface ImageOs {
  osType?: OperatingSystemTypes;
  osState?: OperatingSystemStateTypes;
}

export interface ComputeFixture {
  readonly em: TestEmulator;
  readonly client: ComputeManagementClient;
  readonly subscriptionId: string;
  /** The id of a Microsoft.Compute resource of the fixture's subscription (`type` as in the id: `disks`, `galleries/g/images`). */
  id(type: string, name: string, resourceGroup: string): string;
  /**
   * Awaits a long-running operation while moving the emulator's clock. The first step is taken as soon as ARM
   * accepts the operation, before the poller's first poll: a poll that finds it running is told to wait
   * (Retry-After) in real seconds.
   */
  settle<T>(poller: Poller<T>, stepSeconds?: number): Promise<T>;
  gallery(resourceGroup: string, name: string, body: Gallery): Promise<Gallery>;
  /** A definition with the publisher Contoso and offer and SKU named after it unless `body` says otherwise. */
  defineImage(
    resourceGroup: string,
    gallery: string,
    name: string,
    body: Partial<GalleryImage> & { location: string },
  ): Promise<GalleryImage>;
  /** A version to `regions` (its own location when none) from `sourceId`. */
  publish(
    resourceGroup: string,
    gallery: string,
    image: string,
    version: string,
    body: {
      location: string;
      sourceId: string;
      regions?: string[];
      publishingProfile?: GalleryImageVersion["publishingProfile"];
    },
  ): Promise<GalleryImageVersion>;
  /** A managed image over a blob, data disks of the given sizes at LUNs 0, 1, ...; returns its id. */
  imageFromBlob(
    resourceGroup: string,
    name: string,
    location: string,
    options?: ImageOs & {
      osDiskSizeGB?: number;
      dataDiskSizesGB?: number[];
      dataDisks?: ImageDataDisk[];
      hyperVGeneration?: Image["hyperVGeneration"];
    },
  ): Promise<string>;
  /** An empty OS disk and a managed image over it; returns the image's id. */
  imageFromDisk(
    resourceGroup: string,
    name: string,
    location: string,
    options?: ImageOs & { diskSizeGB?: number },
  ): Promise<string>;
  /** A VM from the Marketplace's Ubuntu, for specialized sources; returns its id. */
  marketplaceVm(resourceGroup: string, name: string, location: string): Promise<string>;
  /**
   * A blob in the emulator's blob registry at `uri` (https://{account}.blob.core.windows.net/{container}/{blob},
   * a query ignored), its storage account made in `resourceGroup` when missing: an application package, say.
   */
  blob(resourceGroup: string, location: string, uri: string, sizeGB?: number): Promise<void>;
}

/** Reads a paged list to the end. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** Registers the file's beforeAll/afterAll; the fixture's members are there from the first test (and later hooks) on. */
export function computeFixture(options: ComputeFixtureOptions = {}): ComputeFixture {
  const {
    as = EMPTY_SEED.admin.upn,
    subscriptionId = EMPTY_SEED.subscriptionId,
    resourceGroups = {},
    stepSeconds = 60,
    ...config
  } = options;
  let started: { em: TestEmulator; client: ComputeManagementClient } | undefined;
  const running = () => {
    if (!started) throw new Error("The compute fixture starts in beforeAll: use it inside hooks and tests.");
    return started;
  };

  const fixture: ComputeFixture = {
    get em() {
      return running().em;
    },
    get client() {
      return running().client;
    },
    subscriptionId,
    id: (type, name, resourceGroup) =>
      `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Compute/${type}/${name}`,
    async settle(poller, step = stepSeconds) {
      const { em } = running();
      await poller.submitted();
      await em.advance(step);
      const timer = setInterval(() => void em.advance(step), 15);
      try {
        return await poller;
      } finally {
        clearInterval(timer);
      }
    },
    gallery: (resourceGroup, name, body) =>
      fixture.settle(fixture.client.galleries.createOrUpdate(resourceGroup, name, body, FAST_POLL)),
    defineImage: (resourceGroup, gallery, name, body) =>
      fixture.settle(
        fixture.client.galleryImages.createOrUpdate(
          resourceGroup,
          gallery,
          name,
          {
            osType: "Linux",
            osState: "Generalized",
            identifier: { publisher: "Contoso", offer: name, sku: name },
            ...body,
          },
          FAST_POLL,
        ),
      ),
    publish: (
      resourceGroup,
      gallery,
      image,
      version,
      { location, sourceId, regions = [location], publishingProfile },
    ) =>
      fixture.settle(
        fixture.client.galleryImageVersions.createOrUpdate(
          resourceGroup,
          gallery,
          image,
          version,
          {
            location,
            publishingProfile: { ...publishingProfile, targetRegions: regions.map((name) => ({ name })) },
            storageProfile: { source: { id: sourceId } },
          },
          FAST_POLL,
        ),
      ),
    async imageFromBlob(
      resourceGroup,
      name,
      location,
      {
        osType = "Linux",
        osState = "Generalized",
        osDiskSizeGB = 30,
        dataDiskSizesGB = [],
        dataDisks,
        hyperVGeneration = "V2",
      } = {},
    ) {
      const blob = (suffix: string) => `https://sa.blob.core.windows.net/vhds/${name}${suffix}.vhd`;
      await fixture.settle(
        fixture.client.images.createOrUpdate(
          resourceGroup,
          name,
          {
            location,
            hyperVGeneration,
            storageProfile: {
              osDisk: { osType, osState, blobUri: blob(""), diskSizeGB: osDiskSizeGB },
              dataDisks:
                dataDisks ?? dataDiskSizesGB.map((diskSizeGB, lun) => ({ lun, blobUri: blob(`-${lun}`), diskSizeGB })),
            },
          },
          FAST_POLL,
        ),
      );
      return fixture.id("images", name, resourceGroup);
    },
    async imageFromDisk(
      resourceGroup,
      name,
      location,
      { osType = "Linux", osState = "Generalized", diskSizeGB = 40 } = {},
    ) {
      const disk = `${name}-os`;
      await fixture.settle(
        fixture.client.disks.createOrUpdate(
          resourceGroup,
          disk,
          { location, osType, creationData: { createOption: "Empty" }, diskSizeGB },
          FAST_POLL,
        ),
      );
      await fixture.settle(
        fixture.client.images.createOrUpdate(
          resourceGroup,
          name,
          {
            location,
            storageProfile: {
              osDisk: { osType, osState, managedDisk: { id: fixture.id("disks", disk, resourceGroup) } },
            },
          },
          FAST_POLL,
        ),
      );
      return fixture.id("images", name, resourceGroup);
    },
    async blob(resourceGroup, location, uri, sizeGB = 1) {
      const { em } = running();
      const url = new URL(uri);
      const account = url.hostname.split(".")[0]!;
      const [container, ...blob] = decodeURIComponent(url.pathname).slice(1).split("/");
      const accountId = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Storage/storageAccounts/${account}`;
      const exists = await em.fetch(`${accountId}?api-version=2023-05-01`, { as });
      if (exists.status === 404) {
        const created = await em.fetch(`${accountId}?api-version=2023-05-01`, {
          method: "PUT",
          as,
          body: JSON.stringify({ location, sku: { name: "Standard_LRS" }, kind: "StorageV2" }),
        });
        if (!created.ok) throw new Error(`storage account ${account}: ${created.status} ${await created.text()}`);
      }
      const registered = await em.fetch("/_emulator/blobs", {
        method: "PUT",
        body: JSON.stringify({ storageAccountId: accountId, container, blob: blob.join("/"), sizeGB }),
      });
      if (!registered.ok) throw new Error(`blob ${uri}: ${registered.status} ${await registered.text()}`);
    },
    async marketplaceVm(resourceGroup, name, location) {
      const body: VirtualMachine = {
        location,
        hardwareProfile: { vmSize: "Standard_D2s_v5" },
        storageProfile: {
          imageReference: { publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server", version: "latest" },
          osDisk: { createOption: "FromImage" },
        },
        osProfile: { computerName: name, adminUsername: "azureuser", adminPassword: "P@ssw0rd-1234" },
      };
      await fixture.settle(fixture.client.virtualMachines.createOrUpdate(resourceGroup, name, body, FAST_POLL));
      return fixture.id("virtualMachines", name, resourceGroup);
    },
  };

  beforeAll(async () => {
    const em = await startTestEmulator(config);
    started = { em, client: em.compute(as, subscriptionId) };
    const groups = em.resources(as, subscriptionId).resourceGroups;
    for (const [name, location] of Object.entries(resourceGroups)) await groups.createOrUpdate(name, { location });
  });
  afterAll(() => started?.em.close());
  return fixture;
}
