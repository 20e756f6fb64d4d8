/** The emulator of this run (started by global-setup.ts) and its control surface. */
export function emulatorUrl(): string {
  const url = process.env.GALLERIST_EMULATOR_URL;
  if (!url) throw new Error("GALLERIST_EMULATOR_URL is not set: run the tests through `npm run test:e2e`.");
  return url;
}

export type PersonaName = "platform-admin" | "publisher" | "consumer" | "other-tenant" | "no-access";

export interface SeededUser {
  upn: string;
  password: string;
  displayName: string;
  tenantId: string;
  persona?: string;
}

interface EmulatorInfo {
  users: SeededUser[];
  subscriptions: { subscriptionId: string; displayName: string; tenantId: string }[];
}

async function info(): Promise<EmulatorInfo> {
  const response = await fetch(`${emulatorUrl()}/_emulator/info`);
  return (await response.json()) as EmulatorInfo;
}

export async function seededSubscription(displayName: string) {
  const subscription = (await info()).subscriptions.find((s) => s.displayName === displayName);
  if (!subscription) throw new Error(`The demo seed has no subscription named '${displayName}'.`);
  return subscription;
}

export async function seededUser(persona: PersonaName): Promise<SeededUser> {
  const user = (await info()).users.find((u) => u.persona === persona);
  if (!user) throw new Error(`The demo seed has no user with persona '${persona}'.`);
  return user;
}

/**
 * Where a persona's signed-in browser state is kept between the setup project and the specs: per run (the
 * dashboard's port), so runs that overlap on one machine do not sign each other's personas out.
 */
export function storageStateOf(persona: PersonaName): string {
  const port = process.env.GALLERIST_BASE_URL ? new URL(process.env.GALLERIST_BASE_URL).port : "default";
  return `e2e/.auth/${port}/${persona}.json`;
}
