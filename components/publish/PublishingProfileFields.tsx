"use client";

import { CheckboxField, Group, NumberField, SelectField, TextField } from "@/components/publish/fields";
import {
  MAX_REPLICA_COUNT,
  MIN_REPLICA_COUNT,
  REPLICATION_MODES,
  STORAGE_ACCOUNT_TYPES,
} from "@/lib/gallery/galleryImageVersion";
import { apiVersionDefaults, SDK_GALLERY_API_VERSION, STORAGE_ACCOUNT_STRATEGIES } from "@/lib/gallery/apiVersions";
import { hasAvailabilityZones, regionDisplayName } from "@/lib/gallery/regions";
import { replicationDefaults } from "@/lib/gallery/replication";

const PROFILE = "properties.publishingProfile";

/**
 * The publishing profile's defaults for target regions that set none of their own: replica count, storage type
 * (Standard_ZRS not offered where the source region has no zones) and replication mode. Image, application and
 * script versions take the same profile; image and script versions also take a storage strategy, which is then
 * what an empty storage type means.
 */
export function ReplicationDefaultsGroup({
  location,
  storageStrategy = false,
  storagePlaceholder = "Default (Standard_LRS)",
  replicationModeHint,
}: {
  /** The version's (source) region. */
  location: string;
  /** The version takes `storageAccountStrategy` (image and script versions). */
  storageStrategy?: boolean;
  /** What an empty storage type means, where there is no strategy. */
  storagePlaceholder?: string;
  replicationModeHint?: string;
}) {
  const zones = hasAvailabilityZones(location);
  const storageHint = storageStrategy
    ? "When empty, each region's storage follows the storage strategy below."
    : undefined;
  return (
    <Group
      legend="Replication defaults"
      description="Used by target regions that set no count or storage type of their own."
    >
      <NumberField
        name={`${PROFILE}.replicaCount`}
        label="Default replica count"
        min={MIN_REPLICA_COUNT}
        max={MAX_REPLICA_COUNT}
        hint={`${MIN_REPLICA_COUNT} to ${MAX_REPLICA_COUNT}; ${replicationDefaults().replicaCount} when empty.`}
      />
      <SelectField
        name={`${PROFILE}.storageAccountType`}
        label="Default storage type"
        {...(storageHint ? { hint: storageHint } : {})}
        placeholder={storageStrategy ? "Default (by strategy)" : storagePlaceholder}
        choices={STORAGE_ACCOUNT_TYPES.map((type) => {
          const unavailable = type === "Standard_ZRS" && !zones;
          return {
            value: type,
            label: unavailable ? `${type} (not in ${regionDisplayName(location)})` : type,
            disabled: unavailable,
          };
        })}
      />
      {storageStrategy && <StorageStrategyField />}
      <SelectField
        name={`${PROFILE}.replicationMode`}
        label="Replication mode"
        placeholder="Default (Full)"
        choices={REPLICATION_MODES.map((mode) => ({ value: mode, label: mode }))}
        {...(replicationModeHint ? { hint: replicationModeHint } : {})}
      />
    </Group>
  );
}

/** The storage default of the api-version the dashboard sends: a strategy, or a type for every region. */
function defaultStrategy(): string {
  const storage = apiVersionDefaults(SDK_GALLERY_API_VERSION).storage;
  return "storageAccountStrategy" in storage ? storage.storageAccountStrategy : storage.storageAccountType;
}

/**
 * The storage account strategy (image and script versions take one), with the default of the api-version in use:
 * what an empty field means there, so the user sees what Azure will make of it.
 */
function StorageStrategyField() {
  const fallback = defaultStrategy();
  return (
    <SelectField
      name={`${PROFILE}.storageAccountStrategy`}
      label="Storage strategy"
      hint={`Used where no storage type is set. At api-version ${SDK_GALLERY_API_VERSION} the default is ${fallback}: Standard_ZRS in regions with availability zones, Standard_LRS elsewhere; each region shows what it gets. Neither can be combined with a default storage type, nor changed later.`}
      placeholder={`Default (${fallback})`}
      choices={STORAGE_ACCOUNT_STRATEGIES.map((strategy) => ({ value: strategy, label: strategy }))}
    />
  );
}

/** Exclusion from "latest" in every region and the end-of-life date, as image and application versions take them. */
export function LatestAndEndOfLifeFields({
  deployedAs,
  endOfLifeHint,
}: {
  /** How a version is used by its number: "deployed" (images), "installed" (applications). */
  deployedAs: string;
  endOfLifeHint: string;
}) {
  return (
    <>
      <CheckboxField
        name={`${PROFILE}.excludeFromLatest`}
        label="Exclude from latest in every region"
        hint={`VMs that ask for 'latest' will not get this version; it can still be ${deployedAs} by its number.`}
      />
      <TextField name={`${PROFILE}.endOfLifeDate`} label="End-of-life date" type="date" hint={endOfLifeHint} />
    </>
  );
}
