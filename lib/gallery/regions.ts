import type { RuleViolation } from "./violation";

/**
 * Azure public regions, shaped like the entries of `GET /subscriptions/{s}/locations`: coordinates are strings
 * as ARM returns them. Covers every region the seed documents name plus today's common ones.
 */
export interface AzureRegion {
  name: string;
  displayName: string;
  regionType: "Physical";
  /** ARM puts canary (EUAP) and restricted regions in "Other". */
  regionCategory: "Recommended" | "Other";
  geography: string;
  geographyGroup: string;
  latitude: string;
  longitude: string;
  physicalLocation: string;
  pairedRegion?: string;
  availabilityZones: boolean;
}

type Row = [
  name: string,
  displayName: string,
  geography: string,
  geographyGroup: string,
  latitude: string,
  longitude: string,
  physicalLocation: string,
  pairedRegion: string | undefined,
  availabilityZones: boolean,
  regionCategory?: "Other",
];

const ROWS: Row[] = [
  ["eastus", "East US", "United States", "US", "37.3719", "-79.8164", "Virginia", "westus", true],
  ["eastus2", "East US 2", "United States", "US", "36.6681", "-78.3889", "Virginia", "centralus", true],
  ["southcentralus", "South Central US", "United States", "US", "29.4167", "-98.5", "Texas", "northcentralus", true],
  ["westus2", "West US 2", "United States", "US", "47.233", "-119.852", "Washington", "westcentralus", true],
  ["westus3", "West US 3", "United States", "US", "33.448376", "-112.074036", "Phoenix", "eastus", true],
  ["centralus", "Central US", "United States", "US", "41.5908", "-93.6208", "Iowa", "eastus2", true],
  [
    "northcentralus",
    "North Central US",
    "United States",
    "US",
    "41.8819",
    "-87.6278",
    "Illinois",
    "southcentralus",
    false,
  ],
  ["westus", "West US", "United States", "US", "37.783", "-122.417", "California", "eastus", false],
  ["westcentralus", "West Central US", "United States", "US", "40.89", "-110.234", "Wyoming", "westus2", false],
  ["centraluseuap", "Central US EUAP", "Canary (US)", "US", "41.5908", "-93.6208", "", "eastus2euap", true, "Other"],
  ["eastus2euap", "East US 2 EUAP", "Canary (US)", "US", "36.6681", "-78.3889", "", "centraluseuap", true, "Other"],
  ["canadacentral", "Canada Central", "Canada", "Canada", "43.653", "-79.383", "Toronto", "canadaeast", true],
  ["canadaeast", "Canada East", "Canada", "Canada", "46.817", "-71.217", "Quebec", "canadacentral", false],
  [
    "brazilsouth",
    "Brazil South",
    "Brazil",
    "South America",
    "-23.55",
    "-46.633",
    "Sao Paulo State",
    "southcentralus",
    true,
  ],
  [
    "brazilsoutheast",
    "Brazil Southeast",
    "Brazil",
    "South America",
    "-22.90278",
    "-43.2075",
    "Rio",
    "brazilsouth",
    false,
  ],
  [
    "mexicocentral",
    "Mexico Central",
    "Mexico",
    "Mexico",
    "20.588818",
    "-100.389888",
    "Querétaro State",
    undefined,
    true,
  ],
  ["northeurope", "North Europe", "Europe", "Europe", "53.3478", "-6.2597", "Ireland", "westeurope", true],
  ["westeurope", "West Europe", "Europe", "Europe", "52.3667", "4.9", "Netherlands", "northeurope", true],
  ["uksouth", "UK South", "United Kingdom", "Europe", "50.941", "-0.799", "London", "ukwest", true],
  ["ukwest", "UK West", "United Kingdom", "Europe", "53.427", "-3.084", "Cardiff", "uksouth", false],
  // UK North and UK South 2 appear in the seed's source-region table but were never opened to customers.
  ["uknorth", "UK North", "United Kingdom", "Europe", "55.3781", "-3.436", "", "uksouth2", false, "Other"],
  ["uksouth2", "UK South 2", "United Kingdom", "Europe", "50.941", "-0.799", "", "uknorth", false, "Other"],
  ["francecentral", "France Central", "France", "Europe", "46.3772", "2.373", "Paris", "francesouth", true],
  [
    "francesouth",
    "France South",
    "France",
    "Europe",
    "43.8345",
    "2.1972",
    "Marseille",
    "francecentral",
    false,
    "Other",
  ],
  [
    "germanywestcentral",
    "Germany West Central",
    "Germany",
    "Europe",
    "50.110924",
    "8.682127",
    "Frankfurt",
    "germanynorth",
    true,
  ],
  [
    "germanynorth",
    "Germany North",
    "Germany",
    "Europe",
    "53.073635",
    "8.806422",
    "Berlin",
    "germanywestcentral",
    false,
    "Other",
  ],
  [
    "switzerlandnorth",
    "Switzerland North",
    "Switzerland",
    "Europe",
    "47.451542",
    "8.564572",
    "Zurich",
    "switzerlandwest",
    true,
  ],
  [
    "switzerlandwest",
    "Switzerland West",
    "Switzerland",
    "Europe",
    "46.204391",
    "6.143158",
    "Geneva",
    "switzerlandnorth",
    false,
    "Other",
  ],
  ["norwayeast", "Norway East", "Norway", "Europe", "59.913868", "10.752245", "Norway", "norwaywest", true],
  ["norwaywest", "Norway West", "Norway", "Europe", "58.969975", "5.733107", "Norway", "norwayeast", false, "Other"],
  ["swedencentral", "Sweden Central", "Sweden", "Europe", "60.67488", "17.14127", "Gävle", "swedensouth", true],
  ["swedensouth", "Sweden South", "Sweden", "Europe", "55.60508", "13.00073", "Malmo", "swedencentral", false, "Other"],
  ["polandcentral", "Poland Central", "Poland", "Europe", "52.23334", "21.01666", "Warsaw", undefined, true],
  ["italynorth", "Italy North", "Italy", "Europe", "45.46888", "9.18109", "Milan", undefined, true],
  ["spaincentral", "Spain Central", "Spain", "Europe", "40.4259", "-3.4209", "Madrid", undefined, true],
  ["eastasia", "East Asia", "Asia Pacific", "Asia Pacific", "22.267", "114.188", "Hong Kong", "southeastasia", true],
  [
    "southeastasia",
    "Southeast Asia",
    "Asia Pacific",
    "Asia Pacific",
    "1.283",
    "103.833",
    "Singapore",
    "eastasia",
    true,
  ],
  ["japaneast", "Japan East", "Japan", "Asia Pacific", "35.68", "139.77", "Tokyo, Saitama", "japanwest", true],
  ["japanwest", "Japan West", "Japan", "Asia Pacific", "34.6939", "135.5022", "Osaka", "japaneast", false],
  ["koreacentral", "Korea Central", "Korea", "Asia Pacific", "37.5665", "126.978", "Seoul", "koreasouth", true],
  ["koreasouth", "Korea South", "Korea", "Asia Pacific", "35.1796", "129.0756", "Busan", "koreacentral", false],
  ["centralindia", "Central India", "India", "Asia Pacific", "18.5822", "73.9197", "Pune", "southindia", true],
  ["southindia", "South India", "India", "Asia Pacific", "12.9822", "80.1636", "Chennai", "centralindia", false],
  ["westindia", "West India", "India", "Asia Pacific", "19.088", "72.868", "Mumbai", "southindia", false],
  [
    "australiaeast",
    "Australia East",
    "Australia",
    "Asia Pacific",
    "-33.86",
    "151.2094",
    "New South Wales",
    "australiasoutheast",
    true,
  ],
  [
    "australiasoutheast",
    "Australia Southeast",
    "Australia",
    "Asia Pacific",
    "-37.8136",
    "144.9631",
    "Victoria",
    "australiaeast",
    false,
  ],
  // The seed notes that replicating to Australia Central and Central 2 needs the subscription allow-listed.
  [
    "australiacentral",
    "Australia Central",
    "Australia",
    "Asia Pacific",
    "-35.3075",
    "149.1244",
    "Canberra",
    "australiacentral2",
    false,
  ],
  [
    "australiacentral2",
    "Australia Central 2",
    "Australia",
    "Asia Pacific",
    "-35.3075",
    "149.1244",
    "Canberra",
    "australiacentral",
    false,
    "Other",
  ],
  ["uaenorth", "UAE North", "UAE", "Middle East", "25.266666", "55.316666", "Dubai", "uaecentral", true],
  [
    "uaecentral",
    "UAE Central",
    "UAE",
    "Middle East",
    "24.466667",
    "54.366669",
    "Abu Dhabi",
    "uaenorth",
    false,
    "Other",
  ],
  ["qatarcentral", "Qatar Central", "Qatar", "Middle East", "25.551462", "51.439327", "Doha", undefined, true],
  ["israelcentral", "Israel Central", "Israel", "Middle East", "31.2655698", "33.4506633", "Israel", undefined, true],
  [
    "southafricanorth",
    "South Africa North",
    "South Africa",
    "Africa",
    "-25.73134",
    "28.21837",
    "Johannesburg",
    "southafricawest",
    true,
  ],
  [
    "southafricawest",
    "South Africa West",
    "South Africa",
    "Africa",
    "-34.075691",
    "18.843266",
    "Cape Town",
    "southafricanorth",
    false,
    "Other",
  ],
];

export const AZURE_REGIONS: readonly AzureRegion[] = ROWS.map(
  ([
    name,
    displayName,
    geography,
    geographyGroup,
    latitude,
    longitude,
    physicalLocation,
    pairedRegion,
    availabilityZones,
    category,
  ]) => ({
    name,
    displayName,
    regionType: "Physical",
    regionCategory: category ?? "Recommended",
    geography,
    geographyGroup,
    latitude,
    longitude,
    physicalLocation,
    ...(pairedRegion ? { pairedRegion } : {}),
    availabilityZones,
  }),
);

const BY_NAME = new Map(AZURE_REGIONS.map((region) => [region.name, region]));

/** Latest and replication views normalise every version's target regions per render: a few spellings, 10,000s of calls. */
const normalizedLocations = new Map<string, string>();
const NORMALIZED_LOCATIONS_KEPT = 1_000;

/**
 * ARM accepts a location as its name or its display name, in any case and spacing ("West Europe",
 * "westeurope", "WESTEUROPE"), and always answers with the name. Unknown locations are normalised the same way.
 */
export function normalizeLocation(location: string): string {
  let name = normalizedLocations.get(location);
  if (name === undefined) {
    if (normalizedLocations.size >= NORMALIZED_LOCATIONS_KEPT) normalizedLocations.clear();
    name = location.replace(/\s+/g, "").toLowerCase();
    normalizedLocations.set(location, name);
  }
  return name;
}

export function findRegion(location: string): AzureRegion | undefined {
  return BY_NAME.get(normalizeLocation(location));
}

export function isKnownRegion(location: string): boolean {
  return findRegion(location) !== undefined;
}

export function hasAvailabilityZones(location: string): boolean {
  return findRegion(location)?.availabilityZones ?? false;
}

/** The display name for a location, or the location as given when it is not a known region. */
export function regionDisplayName(location: string): string {
  return findRegion(location)?.displayName ?? location;
}

/** Two locations name the same region ("East US 2" and "eastus2"). */
export function sameLocation(a: string, b: string): boolean {
  return normalizeLocation(a) === normalizeLocation(b);
}

/** ARM's 400 for a location that is unknown or not enabled for a resource type. */
export function locationNotAvailable(location: string, resourceType: string): RuleViolation {
  return {
    status: 400,
    code: "LocationNotAvailableForResourceType",
    message:
      `The provided location '${location}' is not available for resource type '${resourceType}'. ` +
      `List of available regions for the resource type is '${AZURE_REGIONS.map((region) => region.name).join(",")}'.`,
  };
}

export function checkLocationAvailable(location: string, resourceType: string): RuleViolation | undefined {
  return isKnownRegion(location) ? undefined : locationNotAvailable(location, resourceType);
}
