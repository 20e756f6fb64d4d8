/**
 * Identifiers shared by the dashboard and the bundled emulator. These are development values, like
 * Azurite's well-known account key: they grant nothing outside the emulator.
 */

/** The dashboard's public client id when it signs in against the emulator (no Entra app registration). */
export const EMULATOR_DASHBOARD_CLIENT_ID = "0c5e3f3a-6a1b-4f5e-9d2a-5a11e7a11e75";

/** The Azure CLI's public client id; the emulator accepts it so scripts written for `az` work unchanged. */
export const AZURE_CLI_CLIENT_ID = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";

/** Token audiences, as Entra issues them. */
export const ARM_AUDIENCE = "https://management.azure.com";
export const GRAPH_AUDIENCE = "https://graph.microsoft.com";

/** Scopes the dashboard requests; one resource per token, as Entra requires. */
export const ARM_SCOPE = `${ARM_AUDIENCE}/user_impersonation`;
export const GRAPH_SCOPES = [`${GRAPH_AUDIENCE}/User.ReadBasic.All`];
/** Azure Storage's data plane (listing blobs): a token of its own audience. */
export const STORAGE_SCOPE = "https://storage.azure.com/user_impersonation";

/** The host of the https-shaped authority MSAL is given in emulator mode; never contacted (see msal-local-idp.md). */
export const EMULATOR_AUTHORITY_HOST = "login.emulator.local";

export const DEFAULT_EMULATOR_PORT = 4010;
