/**
 * Identities of the `demo` seed: two tenants, four subscriptions, the personas later features are shown and
 * tested with, ordinary users and groups for principal search, and service principals. Development values,
 * printed by `GET /_emulator/info` and docs/emulator.md, like Azurite's well-known account key.
 *
 * GUIDs follow one readable scheme, `{org}000000-0000-4000-{kind}-{n}`: org `c0` is Contoso and `fa` Fabrikam;
 * kind 8000 tenant, 8001 subscription, 8002 user, 8003 group, 8004 service principal object, 8005 app id,
 * 8006 role assignment.
 */

/** Every demo user signs in with this password (the emulator's password grant and one-click sign-in page). */
export const DEMO_PASSWORD = "Demo#1234";

export const DEMO_TENANTS = {
  contoso: {
    tenantId: "c0000000-0000-4000-8000-000000000000",
    displayName: "Contoso",
    defaultDomain: "contoso.onmicrosoft.com",
  },
  fabrikam: {
    tenantId: "fa000000-0000-4000-8000-000000000000",
    displayName: "Fabrikam",
    defaultDomain: "fabrikam.onmicrosoft.com",
  },
} as const;

const C = DEMO_TENANTS.contoso.tenantId;
const F = DEMO_TENANTS.fabrikam.tenantId;

export const DEMO_SUBSCRIPTIONS = {
  contosoProduction: {
    subscriptionId: "c0000000-0000-4000-8001-000000000001",
    tenantId: C,
    displayName: "Contoso Production",
  },
  contosoDevelopment: {
    subscriptionId: "c0000000-0000-4000-8001-000000000002",
    tenantId: C,
    displayName: "Contoso Development",
  },
  contosoShared: {
    subscriptionId: "c0000000-0000-4000-8001-000000000003",
    tenantId: C,
    displayName: "Contoso Shared Services",
  },
  fabrikamProduction: {
    subscriptionId: "fa000000-0000-4000-8001-000000000001",
    tenantId: F,
    displayName: "Fabrikam Production",
  },
} as const;

export type DemoSubscriptionKey = keyof typeof DEMO_SUBSCRIPTIONS;

/** The roles the demo identities play; each persona is one user. */
export const DEMO_PERSONAS = ["platform-admin", "publisher", "consumer", "other-tenant", "no-access"] as const;
export type DemoPersona = (typeof DEMO_PERSONAS)[number];

export interface DemoUser {
  objectId: string;
  tenantId: string;
  displayName: string;
  upn: string;
  persona?: DemoPersona;
}

export const DEMO_USERS = {
  megan: {
    objectId: "c0000000-0000-4000-8002-000000000001",
    tenantId: C,
    displayName: "Megan Bowen",
    upn: "megan@contoso.onmicrosoft.com",
    persona: "platform-admin",
  },
  alex: {
    objectId: "c0000000-0000-4000-8002-000000000002",
    tenantId: C,
    displayName: "Alex Wilber",
    upn: "alex@contoso.onmicrosoft.com",
    persona: "publisher",
  },
  adele: {
    objectId: "c0000000-0000-4000-8002-000000000003",
    tenantId: C,
    displayName: "Adele Vance",
    upn: "adele@contoso.onmicrosoft.com",
    persona: "consumer",
  },
  pradeep: {
    objectId: "c0000000-0000-4000-8002-000000000004",
    tenantId: C,
    displayName: "Pradeep Gupta",
    upn: "pradeep@contoso.onmicrosoft.com",
    persona: "no-access",
  },
  diego: {
    objectId: "c0000000-0000-4000-8002-000000000005",
    tenantId: C,
    displayName: "Diego Siciliani",
    upn: "diego@contoso.onmicrosoft.com",
  },
  lidia: {
    objectId: "c0000000-0000-4000-8002-000000000006",
    tenantId: C,
    displayName: "Lidia Holloway",
    upn: "lidia@contoso.onmicrosoft.com",
  },
  nestor: {
    objectId: "c0000000-0000-4000-8002-000000000007",
    tenantId: C,
    displayName: "Nestor Wilke",
    upn: "nestor@contoso.onmicrosoft.com",
  },
  patti: {
    objectId: "c0000000-0000-4000-8002-000000000008",
    tenantId: C,
    displayName: "Patti Fernandez",
    upn: "patti@contoso.onmicrosoft.com",
  },
  lee: {
    objectId: "fa000000-0000-4000-8002-000000000001",
    tenantId: F,
    displayName: "Lee Gu",
    upn: "lee@fabrikam.onmicrosoft.com",
    persona: "other-tenant",
  },
  johanna: {
    objectId: "fa000000-0000-4000-8002-000000000002",
    tenantId: F,
    displayName: "Johanna Lorenz",
    upn: "johanna@fabrikam.onmicrosoft.com",
  },
  isaiah: {
    objectId: "fa000000-0000-4000-8002-000000000003",
    tenantId: F,
    displayName: "Isaiah Langer",
    upn: "isaiah@fabrikam.onmicrosoft.com",
  },
} as const satisfies Record<string, DemoUser>;

/** The user who plays each persona. */
export const DEMO_PERSONA_USERS: Record<DemoPersona, DemoUser> = {
  "platform-admin": DEMO_USERS.megan,
  publisher: DEMO_USERS.alex,
  consumer: DEMO_USERS.adele,
  "other-tenant": DEMO_USERS.lee,
  "no-access": DEMO_USERS.pradeep,
};

export interface DemoGroup {
  objectId: string;
  tenantId: string;
  displayName: string;
  description: string;
  members: string[];
}

export const DEMO_GROUPS = {
  imageConsumers: {
    objectId: "c0000000-0000-4000-8003-000000000001",
    tenantId: C,
    displayName: "Image Consumers",
    description: "Application teams that deploy VMs from the shared base images.",
    members: [DEMO_USERS.adele.objectId, DEMO_USERS.diego.objectId],
  },
  platformTeam: {
    objectId: "c0000000-0000-4000-8003-000000000002",
    tenantId: C,
    displayName: "Platform Team",
    description: "Owners of the image factory and the galleries.",
    members: [DEMO_USERS.megan.objectId, DEMO_USERS.nestor.objectId],
  },
  developers: {
    objectId: "c0000000-0000-4000-8003-000000000003",
    tenantId: C,
    displayName: "Developers",
    description: "Everyone who builds software at Contoso.",
    members: [DEMO_USERS.diego.objectId, DEMO_USERS.lidia.objectId, DEMO_USERS.patti.objectId],
  },
  fabrikamCloudOps: {
    objectId: "fa000000-0000-4000-8003-000000000001",
    tenantId: F,
    displayName: "Fabrikam Cloud Operations",
    description: "Fabrikam's cloud operations team.",
    members: [DEMO_USERS.lee.objectId, DEMO_USERS.johanna.objectId],
  },
} as const satisfies Record<string, DemoGroup>;

export interface DemoServicePrincipal {
  objectId: string;
  appId: string;
  secret: string;
  tenantId: string;
  displayName: string;
  persona: string;
}

export const DEMO_SERVICE_PRINCIPALS = {
  imagePipeline: {
    objectId: "c0000000-0000-4000-8004-000000000001",
    appId: "c0000000-0000-4000-8005-000000000001",
    secret: "contoso-image-pipeline-secret",
    tenantId: C,
    displayName: "contoso-image-pipeline",
    persona: "image-pipeline",
  },
  automation: {
    objectId: "c0000000-0000-4000-8004-000000000002",
    appId: "c0000000-0000-4000-8005-000000000002",
    secret: "contoso-automation-secret",
    tenantId: C,
    displayName: "contoso-automation",
    persona: "automation",
  },
  fabrikamAutomation: {
    objectId: "fa000000-0000-4000-8004-000000000001",
    appId: "fa000000-0000-4000-8005-000000000001",
    secret: "fabrikam-automation-secret",
    tenantId: F,
    displayName: "fabrikam-automation",
    persona: "automation",
  },
} as const satisfies Record<string, DemoServicePrincipal>;
