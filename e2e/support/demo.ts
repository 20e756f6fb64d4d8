/**
 * Resources of the `demo` seed the specs walk through (emulator/seed/demoData.ts). The newest Windows Server
 * 2022 Gen2 version was published minutes before the seed's "now", so it is still replicating.
 */
export const DEMO = {
  subscription: "Contoso Production",
  gallery: "contoso_prod_images",
  resourceGroup: "rg-images-prod",
  definition: "ws2022-datacenter-g2",
  replicatingVersion: "2024.12.0",
} as const;
