import type { EmulatorContext } from "../../context.js";

/**
 * What an image version needs to know about its source: a managed image, a VM, a managed disk or snapshot, or
 * another gallery image version. The compute modules that own each source type describe their resources in
 * this shape, so the version model can check OS type/state, Hyper-V generation, region and disks against the
 * definition without knowing how each source is stored.
 */
export interface VersionSource {
  id: string;
  kind: "image" | "virtualMachine" | "disk" | "snapshot" | "galleryImageVersion";
  location: string;
  osType?: "Windows" | "Linux";
  osState?: "Generalized" | "Specialized";
  hyperVGeneration?: "V1" | "V2";
  architecture?: "x64" | "Arm64";
  /** A source version's definition's SecurityType feature. */
  securityType?: string;
  /** A disk's `supportedCapabilities.diskControllerTypes` ("SCSI, NVMe", "NVMe"). */
  diskControllerTypes?: string;
  osDiskSizeGB?: number;
  dataDisks: { lun: number; sizeGB: number; sourceId?: string }[];
  /**
   * Why this source cannot become an image version at all (a VM with an ephemeral OS disk, UltraSSD disks or
   * unmanaged disks), as the service words it.
   */
  unusableBecause?: { code: string; message: string };
}

export type VersionSourceResolver = (ctx: EmulatorContext, id: string) => VersionSource | undefined;
