/**
 * Identities of the `empty` seed. Development values, printed by `GET /_emulator/info` and docs/emulator.md, like
 * Azurite's well-known account key.
 */
export const EMPTY_SEED = {
  tenantId: "72f988bf-0000-4000-8000-00000000e001",
  tenantDomain: "emulator.onmicrosoft.com",
  subscriptionId: "00000000-0000-4000-8000-00000000a001",
  admin: {
    objectId: "00000000-0000-4000-8000-0000000000a1",
    upn: "admin@emulator.onmicrosoft.com",
    password: "Admin#1234",
  },
  user: {
    objectId: "00000000-0000-4000-8000-0000000000a2",
    upn: "user@emulator.onmicrosoft.com",
    password: "User#1234",
  },
  servicePrincipal: {
    objectId: "00000000-0000-4000-8000-0000000000a3",
    appId: "00000000-0000-4000-8000-0000000000a4",
    secret: "emulator-sp-secret",
  },
} as const;
