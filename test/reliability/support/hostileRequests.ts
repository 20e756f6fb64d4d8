import {
  deepJson,
  deploymentBody,
  doublingTemplate,
  kqlNestedNot,
  kqlNestedParens,
  kqlOrTerms,
  nestedConcat,
  PROTOTYPE_KEYS,
  templateNaming,
} from "./abusiveInputs.js";
import type { HostileToken } from "./hostileTokens.js";

/** One malformed request, and whether it must be answered 401 (a token fault) or any other 4xx. */
export interface HostileRequest {
  category: string;
  method: string;
  /** Sent verbatim (no URL normalisation), so `..` and `%2F` reach the server as written. */
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  expect401: boolean;
  /** The identity endpoints answer with Entra's OAuth error body, not ARM's. */
  errorShape?: "entra";
}

/** Existing resources the cases aim at, and the bodies that would be valid for them. */
export interface FuzzTargets {
  subscriptionId: string;
  resourceGroup: string;
  gallery: string;
  image: string;
  authorization: string;
  tokens: HostileToken[];
}

const GALLERY_API = "api-version=2025-12-03";
const RG_API = "api-version=2022-09-01";

const BAD_JSON = [
  "{",
  "}",
  '{"location":}',
  '{"location":"westeurope",}',
  '{"location":"westeurope"}}',
  "[1,2",
  "nul",
  "'single'",
  '{"location": NaN}',
  '{"tags": {"a": undefined}}',
  "\u0000\u0001\u0002",
  '{"location":"westeurope","properties":{"description":"\\uZZZZ"}}',
  "<xml/>",
  "\ufeff{",
  '{"a":' + "[".repeat(5000),
];

const WRONG_TYPES: unknown[] = [
  [],
  "westeurope",
  42,
  true,
  null,
  { location: 5 },
  { location: null },
  { location: ["westeurope"] },
  { location: { name: "westeurope" } },
  { location: "westeurope", tags: "owner=me" },
  { location: "westeurope", tags: ["a"] },
  { location: "westeurope", tags: { a: 1 } },
  { location: "westeurope", tags: { a: null } },
  { location: "westeurope", tags: { a: { b: "c" } } },
  { location: "westeurope", properties: "none" },
  { location: "westeurope", properties: [1] },
  { location: "westeurope", properties: 7 },
];

/** Locations a create refuses (an update by PATCH does not read the location). */
const INVALID_LOCATIONS: unknown[] = [
  { location: "nowhere-land" },
  { location: "" },
  { location: "\u0000westeurope" },
  {},
];

const WRONG_GALLERY_PROPERTIES: unknown[] = [
  { description: 5 },
  { description: ["x"] },
  { sharingProfile: { permissions: 7 } },
  { sharingProfile: { permissions: "Everyone" } },
  { sharingProfile: "Private" },
  { softDeletePolicy: { isSoftDeleteEnabled: "yes" } },
];

const WRONG_DEFINITION_PROPERTIES: unknown[] = [
  {},
  { identifier: "Contoso:Ubuntu:22_04", osType: "Linux", osState: "Generalized" },
  { identifier: { publisher: 1, offer: "o", sku: "s" }, osType: "Linux", osState: "Generalized" },
  { identifier: { publisher: "p", offer: "o", sku: "s" }, osType: "Plan9", osState: "Generalized" },
  { identifier: { publisher: "p", offer: "o", sku: "s" }, osType: "Linux", osState: 3 },
  {
    identifier: { publisher: "p", offer: "o", sku: "s" },
    osType: "Linux",
    osState: "Generalized",
    hyperVGeneration: "V9",
  },
  { identifier: { publisher: "p".repeat(200), offer: "o", sku: "s" }, osType: "Linux", osState: "Generalized" },
  {
    identifier: { publisher: "p", offer: "o", sku: "s" },
    osType: "Linux",
    osState: "Generalized",
    endOfLifeDate: "yesterday",
  },
  {
    identifier: { publisher: "p", offer: "o", sku: "s" },
    osType: "Linux",
    osState: "Generalized",
    recommended: { vCPUs: { min: "one" } },
  },
];

/** Names no resource type accepts: path tricks, control and invisible characters, reserved characters, 10,000 characters. */
const HOSTILE_NAMES = [
  "..",
  ".",
  "..%2F..%2Fetc",
  "a%2Fb",
  "%2F",
  "%2e%2e",
  "a%00b",
  "%00",
  "name%0A",
  "tab%09name",
  "del%7F",
  "rtl%E2%80%AEevil",
  "zero%E2%80%8Bwidth",
  "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
  "semi%3Bcolon",
  "quote%22name",
  "star*",
  "name.",
  "%F0%9F%92%A5%3C%3E",
  "%C3%A9%3F%3F",
  "%FF%FE",
  "%E0%A4%A",
  "x".repeat(10_000),
  "%E2%82%AC".repeat(3_400),
];

const API_VERSION_FAULTS = [
  "",
  "api-version=",
  "api-version=2099-01-01",
  "api-version=latest",
  "api-version=%00",
  "apiversion=2025-12-03",
  "api-version=2025-12-03'--",
];

/**
 * Generates `count` malformed requests from a seeded generator: bad JSON, wrong types, oversized bodies, hostile
 * names, missing or invalid api-versions, refused tokens, methods a type does not have.
 */
export function hostileRequests(count: number, random: () => number, t: FuzzTargets): HostileRequest[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const sub = `/subscriptions/${t.subscriptionId}`;
  const rg = `${sub}/resourceGroups/${t.resourceGroup}`;
  const galleries = `${rg}/providers/Microsoft.Compute/galleries`;
  const gallery = `${galleries}/${t.gallery}`;
  const image = `${gallery}/images/${t.image}`;
  const json = { "Content-Type": "application/json" };
  const auth = { Authorization: t.authorization };
  const validDefinition = {
    location: "westeurope",
    properties: { identifier: { publisher: "p", offer: "o", sku: "s" }, osType: "Linux", osState: "Generalized" },
  };
  const newName = () => `fuzz${Math.floor(random() * 1e9)}`;

  const makers: (() => HostileRequest)[] = [
    () => {
      const [method, path] = pick([
        ["PUT", `${sub}/resourceGroups/${newName()}?${RG_API}`],
        ["PUT", `${galleries}/${newName()}?${GALLERY_API}`],
        ["PATCH", `${gallery}?${GALLERY_API}`],
        ["PUT", `${gallery}/images/${newName()}?${GALLERY_API}`],
        ["PUT", `${image}/versions/1.0.${Math.floor(random() * 1000)}?${GALLERY_API}`],
      ] as const);
      return {
        category: "bad JSON",
        method,
        path,
        headers: { ...auth, ...json },
        body: pick(BAD_JSON),
        expect401: false,
      };
    },
    () => {
      const [method, path] = pick([
        ["PUT", `${sub}/resourceGroups/${newName()}?${RG_API}`],
        ["PUT", `${galleries}/${newName()}?${GALLERY_API}`],
        ["PATCH", `${gallery}?${GALLERY_API}`],
        ["PUT", `${gallery}/images/${newName()}?${GALLERY_API}`],
      ] as const);
      const body = method === "PUT" && random() < 0.2 ? pick(INVALID_LOCATIONS) : pick(WRONG_TYPES);
      return {
        category: "wrong types",
        method,
        path,
        headers: { ...auth, ...json },
        body: JSON.stringify(body),
        expect401: false,
      };
    },
    () => ({
      category: "wrong property types",
      method: pick(["PUT", "PATCH"]),
      path: `${gallery}?${GALLERY_API}`,
      headers: { ...auth, ...json },
      body: JSON.stringify({ location: "westeurope", properties: pick(WRONG_GALLERY_PROPERTIES) }),
      expect401: false,
    }),
    () => ({
      category: "wrong definition properties",
      method: "PUT",
      path: `${gallery}/images/${newName()}?${GALLERY_API}`,
      headers: { ...auth, ...json },
      body: JSON.stringify({ location: "westeurope", properties: pick(WRONG_DEFINITION_PROPERTIES) }),
      expect401: false,
    }),
    () => {
      const name = pick(HOSTILE_NAMES);
      const [method, path, body] = pick([
        ["PUT", `${sub}/resourceGroups/${name}?${RG_API}`, { location: "westeurope" }],
        ["PUT", `${galleries}/${name}?${GALLERY_API}`, { location: "westeurope" }],
        ["PUT", `${gallery}/images/${name}?${GALLERY_API}`, validDefinition],
        ["PUT", `${image}/versions/${name}?${GALLERY_API}`, { location: "westeurope", properties: {} }],
        ["DELETE", `${galleries}/${name}?${GALLERY_API}`, undefined],
        ["GET", `${gallery}/images/${name}?${GALLERY_API}`, undefined],
        ["DELETE", `${sub}/resourceGroups/${name}?${RG_API}`, undefined],
      ] as const);
      return {
        category: "hostile name",
        method,
        path,
        headers: { ...auth, ...json },
        ...(body ? { body: JSON.stringify(body) } : {}),
        expect401: false,
      };
    },
    () => {
      const [method, path, body] = pick([
        ["PUT", `${galleries}/${newName()}`, { location: "westeurope" }],
        ["GET", gallery, undefined],
        ["DELETE", gallery, undefined],
        ["PUT", `${sub}/resourceGroups/${newName()}`, { location: "westeurope" }],
        ["PUT", `${gallery}/images/${newName()}`, validDefinition],
      ] as const);
      const query = pick(API_VERSION_FAULTS);
      return {
        category: "api-version",
        method,
        path: query ? `${path}?${query}` : path,
        headers: { ...auth, ...json },
        ...(body ? { body: JSON.stringify(body) } : {}),
        expect401: false,
      };
    },
    () => {
      const token = pick(t.tokens);
      const [method, path, body] = pick([
        ["PUT", `${galleries}/${newName()}?${GALLERY_API}`, { location: "westeurope" }],
        ["PUT", `${sub}/resourceGroups/${newName()}?${RG_API}`, { location: "westeurope" }],
        ["PATCH", `${gallery}?${GALLERY_API}`, { tags: { owner: "intruder" } }],
        ["DELETE", gallery, undefined],
        ["DELETE", `${rg}?${RG_API}`, undefined],
        ["GET", `${gallery}?${GALLERY_API}`, undefined],
        ["GET", `${sub}/resourcegroups?${RG_API}`, undefined],
        ["PUT", `${gallery}/images/${newName()}?${GALLERY_API}`, validDefinition],
        [
          "PUT",
          `${sub}/providers/Microsoft.Authorization/roleAssignments/${crypto.randomUUID()}?api-version=2022-04-01`,
          { properties: { roleDefinitionId: "x", principalId: "y" } },
        ],
      ] as const);
      const headers: Record<string, string> = { ...json };
      if (token.authorization !== undefined) headers.Authorization = token.authorization;
      const fullPath = method === "DELETE" && !path.includes("?") ? `${path}?${GALLERY_API}` : path;
      return {
        category: `token: ${token.name}`,
        method,
        path: fullPath,
        headers,
        ...(body ? { body: JSON.stringify(body) } : {}),
        expect401: true,
      };
    },
    () => ({
      category: "method not allowed",
      method: pick(["POST", "PATCH"]),
      path: pick([
        `${sub}/resourceGroups/${t.resourceGroup}/providers/Microsoft.Compute/galleries?${GALLERY_API}`,
        `${sub}/locations?${RG_API}`,
      ]),
      headers: { ...auth, ...json },
      body: "{}",
      expect401: false,
    }),
    () => ({
      category: "unknown path",
      method: pick(["GET", "PUT", "DELETE"]),
      path: pick([
        `${rg}/providers/Microsoft.Evil/things/x?${GALLERY_API}`,
        `${gallery}/../../../../etc/passwd?${GALLERY_API}`,
        `${gallery}/images/${t.image}/versions/1.0.0/extra/segments?${GALLERY_API}`,
        `/subscriptions/not-a-guid/resourceGroups/x?${RG_API}`,
        `${sub}/resourceGroups/${t.resourceGroup}%2F..%2F..?${RG_API}`,
      ]),
      headers: { ...auth, ...json },
      body: JSON.stringify({ location: "westeurope" }),
      expect401: false,
    }),
    () => ({
      category: "content type",
      method: "PUT",
      path: `${galleries}/${newName()}?${GALLERY_API}`,
      headers: {
        ...auth,
        "Content-Type": pick(["text/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]),
      },
      body: pick(["<gallery location='westeurope'/>", "location=westeurope&tags=x", "--x\r\n\r\n--x--"]),
      expect401: false,
    }),
  ];

  const validate = `${rg}/providers/Microsoft.Resources/deployments/fuzz/validate?api-version=2025-04-01`;
  const graphQuery = "/providers/Microsoft.ResourceGraph/resources?api-version=2022-10-01";
  const kql = (query: string) => JSON.stringify({ query, subscriptions: [t.subscriptionId] });
  const since = `eventTimestamp ge '${new Date(Date.now() - 3600_000).toISOString()}'`;
  makers.push(
    () => {
      const key = pick(PROTOTYPE_KEYS);
      return pick<HostileRequest>([
        {
          category: "prototype key",
          method: "POST",
          path: `/${pick(["organizations", "common"])}/oauth2/v2.0/token`,
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ grant_type: key, client_id: "04b07795-8ddb-461a-bbee-02f9e1bf7b46" }).toString(),
          expect401: false,
          errorShape: "entra",
        },
        {
          category: "prototype key",
          method: "GET",
          path: `${sub}/providers/Microsoft.Insights/eventtypes/management/values?api-version=2015-04-01&$filter=${encodeURIComponent(`${since} and ${key} eq 'x'`)}`,
          headers: auth,
          expect401: false,
        },
        {
          category: "prototype key",
          method: "POST",
          path: graphQuery,
          headers: { ...auth, ...json },
          body: kql(`resources | where ${key === "toString" ? "valueOf" : key}(name) == 'x'`),
          expect401: false,
        },
        {
          category: "prototype key",
          method: "PUT",
          path: `${galleries}/${newName()}?${GALLERY_API}`,
          headers: { ...auth, ...json },
          body: `{"${key}":{"location":"westeurope"}}`,
          expect401: false,
        },
      ]);
    },
    () =>
      pick<HostileRequest>([
        {
          category: "nesting",
          method: "POST",
          path: validate,
          headers: { ...auth, ...json },
          body: `{"properties":{"mode":"Incremental","template":${deepJson(10_000)}}}`,
          expect401: false,
        },
        {
          category: "nesting",
          method: "POST",
          path: validate,
          headers: { ...auth, ...json },
          body: deploymentBody(templateNaming(nestedConcat(pick([3_000, 5_000])))),
          expect401: false,
        },
        {
          category: "nesting",
          method: "POST",
          path: graphQuery,
          headers: { ...auth, ...json },
          body: kql(kqlNestedParens(5_000)),
          expect401: false,
        },
        {
          category: "nesting",
          method: "POST",
          path: graphQuery,
          headers: { ...auth, ...json },
          body: kql(kqlNestedNot(3_000)),
          expect401: false,
        },
        {
          category: "nesting",
          method: "POST",
          path: graphQuery,
          headers: { ...auth, ...json },
          body: kql(kqlOrTerms(20_000)),
          expect401: false,
        },
        {
          category: "nesting",
          method: "PUT",
          path: `${galleries}/${newName()}?${GALLERY_API}`,
          headers: { ...auth, ...json },
          body: `{"location":"westeurope","tags":{"a":${deepJson(1_000)}}}`,
          expect401: false,
        },
      ]),
    () => ({
      category: "expansion",
      method: "POST",
      path: validate,
      headers: { ...auth, ...json },
      body: deploymentBody(doublingTemplate(pick([24, 27, 40]))),
      expect401: false,
    }),
    () => ({
      category: "content type",
      method: pick(["PUT", "PATCH"]),
      path: pick([
        `${sub}/resourceGroups/${newName()}?${RG_API}`,
        `${galleries}/${newName()}?${GALLERY_API}`,
        `${gallery}?${GALLERY_API}`,
      ]),
      headers: { ...auth, "Content-Type": pick(["application/x-www-form-urlencoded", "text/plain;charset=UTF-8"]) },
      body: pick(["location=westeurope", '{"location":"westeurope"}']),
      expect401: false,
    }),
    () =>
      pick<HostileRequest>([
        {
          category: "control surface",
          method: "POST",
          path: "/_emulator/clock",
          headers: { "Content-Type": "text/plain", Origin: "https://evil.example" },
          body: '{"advanceSeconds":86400}',
          expect401: false,
        },
        {
          category: "control surface",
          method: "POST",
          path: "/_emulator/clock",
          headers: { "Content-Type": "text/plain" },
          body: '{"advanceSeconds":86400}',
          expect401: false,
        },
        {
          category: "control surface",
          method: "POST",
          path: "/_emulator/clock",
          headers: json,
          body: pick([
            '{"advanceSeconds":1e300}',
            '{"advanceSeconds":-5}',
            '{"advanceSeconds":"60"}',
            "[60]",
            '{"advanceSeconds":1e999}',
          ]),
          expect401: false,
        },
        {
          category: "control surface",
          method: "PUT",
          path: "/_emulator/faults",
          headers: { ...json, Origin: "null" },
          body: '{"rules":[]}',
          expect401: false,
        },
        {
          category: "control surface",
          method: "PUT",
          path: "/_emulator/faults",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: "rules=all",
          expect401: false,
        },
        {
          category: "control surface",
          method: "DELETE",
          path: "/_emulator/faults",
          headers: { Origin: "http://localhost.evil.example" },
          expect401: false,
        },
      ]),
  );

  const requests: HostileRequest[] = [];
  for (let i = 0; i < count; i++) requests.push(pick(makers)());
  return requests;
}

let oversized: Buffer | undefined;

/**
 * A body just over ARM's 4 MB limit, valid JSON otherwise, to check the limit holds rather than the parser. One
 * buffer shared by every case, so ten thousand cases do not hold gigabytes.
 */
export function oversizedBody(): Buffer {
  oversized ??= Buffer.from(
    JSON.stringify({ location: "westeurope", properties: { description: "x".repeat(4 * 1024 * 1024 + 10) } }),
  );
  return oversized;
}
