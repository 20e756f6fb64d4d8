import { emulatorUrl } from "./emulator";

/** Built-in role definition ids (the same in every subscription). */
export const BUILT_IN_ROLES = {
  reader: "acdd72a7-3385-48ef-bd42-f606fba81ae7",
  contributor: "b24988ac-6180-42a0-ab88-20f7382dd24c",
} as const;

interface Info {
  users: { upn: string; objectId: string; persona?: string }[];
  servicePrincipals: { appId: string; secret?: string; tenantId: string; displayName: string }[];
}

/**
 * ARM as the seed's automation service principal (Owner of the Contoso subscriptions), by client credentials: the
 * setup a spec needs around what it checks through the UI (a workload resource group, a role for the consumer).
 * `emulator`: the run's shared emulator unless a spec has a private world.
 */
export async function automationArm(emulator = emulatorUrl()) {
  const info = (await (await fetch(`${emulator}/_emulator/info`)).json()) as Info;
  const sp = info.servicePrincipals.find((s) => s.displayName === "contoso-automation")!;
  const token = await fetch(`${emulator}/${sp.tenantId}/oauth2/v2.0/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: sp.appId,
      client_secret: sp.secret!,
      scope: "https://management.azure.com/.default",
    }),
  });
  const { access_token } = (await token.json()) as { access_token: string };
  const consumer = info.users.find((u) => u.persona === "consumer")!;
  async function send(method: string, path: string, body?: unknown) {
    const response = await fetch(`${emulator}${path}`, {
      method,
      headers: { authorization: `Bearer ${access_token}`, "content-type": "application/json" },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (response.status >= 400)
      throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  }
  return {
    send,
    /** Grants the consumer persona a built-in role at `scope` (an ARM id); returns the undo. */
    async grantConsumer(scope: string, roleDefinitionGuid: string): Promise<() => Promise<void>> {
      const subscriptionId = scope.split("/")[2];
      const assignment = `${scope}/providers/Microsoft.Authorization/roleAssignments/${crypto.randomUUID()}?api-version=2022-04-01`;
      await send("PUT", assignment, {
        properties: {
          roleDefinitionId: `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${roleDefinitionGuid}`,
          principalId: consumer.objectId,
          principalType: "User",
        },
      });
      return () => send("DELETE", assignment);
    },
    /** Makes a resource group the consumer may deploy into (Contributor); returns the undo of the grant. */
    async workloadGroupForConsumer(subscriptionId: string, name: string, location: string) {
      const group = `/subscriptions/${subscriptionId}/resourceGroups/${name}`;
      await send("PUT", `${group}?api-version=2021-04-01`, { location });
      return this.grantConsumer(group, BUILT_IN_ROLES.contributor);
    },
  };
}
