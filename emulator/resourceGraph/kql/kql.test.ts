import { describe, expect, it } from "vitest";
import { KqlError } from "./errors.js";
import { evaluate, type Row, type Table } from "./evaluate.js";
import { parseQuery } from "./parser.js";

const G = "microsoft.compute/galleries";
const D = "microsoft.compute/galleries/images";
const V = "microsoft.compute/galleries/images/versions";

const rows: Row[] = [
  {
    id: "/subscriptions/s1/resourceGroups/rg-a/providers/Microsoft.Compute/galleries/GalA",
    name: "GalA",
    type: G,
    location: "westeurope",
    resourceGroup: "rg-a",
    properties: { provisioningState: "Succeeded", sharingProfile: { permissions: "Private" } },
    tags: { team: "platform" },
  },
  {
    id: "/subscriptions/s1/resourceGroups/rg-a/providers/Microsoft.Compute/galleries/GalA/images/ubuntu-22",
    name: "ubuntu-22",
    type: D,
    location: "westeurope",
    resourceGroup: "rg-a",
    properties: { osType: "Linux", identifier: { publisher: "Contoso", offer: "ubuntu", sku: "22_04" } },
    tags: null,
  },
  {
    id: "/subscriptions/s1/resourceGroups/rg-a/providers/Microsoft.Compute/galleries/GalA/images/win-2022",
    name: "win-2022",
    type: D,
    location: "westeurope",
    resourceGroup: "rg-a",
    properties: { osType: "Windows", identifier: { publisher: "Contoso", offer: "windows", sku: "2022" } },
    tags: null,
  },
  {
    id: "/subscriptions/s2/resourceGroups/rg-b/providers/Microsoft.Compute/galleries/GalB",
    name: "GalB",
    type: G,
    location: "eastus",
    resourceGroup: "rg-b",
    properties: { provisioningState: "Creating" },
    tags: null,
  },
  {
    id: "/subscriptions/s1/resourceGroups/rg-a/providers/Microsoft.Compute/galleries/GalA/images/ubuntu-22/versions/1.0.0",
    name: "1.0.0",
    type: V,
    location: "westeurope",
    resourceGroup: "rg-a",
    properties: { publishingProfile: { replicaCount: 2 } },
    tags: null,
  },
];
const resources: Table = { columns: ["id", "name", "type", "location", "resourceGroup", "properties", "tags"], rows };

function run(query: string): Table {
  return evaluate(parseQuery(query), resources);
}

function names(query: string): string[] {
  return run(query).rows.map((r) => String(r.name));
}

function failure(query: string) {
  try {
    run(query);
  } catch (e) {
    if (e instanceof KqlError) return e.detail;
    throw e;
  }
  throw new Error(`'${query}' did not fail`);
}

describe("KQL subset: where", () => {
  it("== is case-sensitive, =~ is not", () => {
    expect(names("resources | where name == 'gala'")).toEqual([]);
    expect(names("resources | where name =~ 'gala'")).toEqual(["GalA"]);
    expect(names(`resources | where type =~ 'Microsoft.Compute/Galleries'`)).toEqual(["GalA", "GalB"]);
  });

  it("!= and !~ negate", () => {
    expect(names(`resources | where type != '${D}' and type !~ '${V.toUpperCase()}'`)).toEqual(["GalA", "GalB"]);
  });

  it("in is case-sensitive, in~ is not, !in excludes", () => {
    expect(names(`resources | where name in ('GalA', 'galb')`)).toEqual(["GalA"]);
    expect(names(`resources | where name in~ ('GalA', 'galb')`)).toEqual(["GalA", "GalB"]);
    expect(names(`resources | where type !in ('${G}', '${D}')`)).toEqual(["1.0.0"]);
    expect(names(`resources | where type !in~ ('${G.toUpperCase()}', '${D}')`)).toEqual(["1.0.0"]);
  });

  it("contains, startswith and has match case-insensitively; has needs a whole term", () => {
    expect(names("resources | where name contains 'UBUNTU'")).toEqual(["ubuntu-22"]);
    expect(names("resources | where name startswith 'win'")).toEqual(["win-2022"]);
    expect(names("resources | where name !contains 'a'")).toEqual(["ubuntu-22", "win-2022", "1.0.0"]);
    expect(names("resources | where id has 'galleries'")).toHaveLength(5);
    expect(names("resources | where id has 'galler'")).toEqual([]);
    expect(names("resources | where name has 'ubuntu'")).toEqual(["ubuntu-22"]);
  });

  it("combines with and, or, not() and parentheses", () => {
    expect(names(`resources | where (type == '${G}' or type == '${V}') and not(location == 'eastus')`)).toEqual([
      "GalA",
      "1.0.0",
    ]);
    expect(names(`resources | where type == '${G}' or type == '${V}' and location == 'eastus'`)).toEqual([
      "GalA",
      "GalB",
    ]);
  });

  it("reads dynamic properties with dots and brackets, and compares numbers", () => {
    expect(names("resources | where properties.osType == 'Linux'")).toEqual(["ubuntu-22"]);
    expect(names("resources | where properties['identifier']['offer'] =~ 'WINDOWS'")).toEqual(["win-2022"]);
    expect(names("resources | where properties.publishingProfile.replicaCount >= 2")).toEqual(["1.0.0"]);
    expect(names("resources | where isnotempty(tags)")).toEqual(["GalA"]);
  });

  it("defaults to the resources table when the query starts with an operator", () => {
    expect(names("where name == 'GalB'")).toEqual(["GalB"]);
  });
});

describe("KQL subset: shaping", () => {
  it("extend with tostring, tolower and split()[n]", () => {
    const t = run(
      `resources | where type =~ '${D}' | extend gallery = tostring(split(id, '/')[8]), sub = tolower(split(id, '/')[2]), os = tostring(properties.osType)`,
    );
    expect(t.columns).toEqual([...resources.columns, "gallery", "sub", "os"]);
    expect(t.rows.map((r) => [r.gallery, r.sub, r.os])).toEqual([
      ["GalA", "s1", "Linux"],
      ["GalA", "s1", "Windows"],
    ]);
  });

  it("project keeps, renames and names dotted paths; project-away drops", () => {
    const t = run(
      `resources | where name == 'GalA' | project name, region = location, properties.sharingProfile.permissions`,
    );
    expect(t.columns).toEqual(["name", "region", "properties_sharingProfile_permissions"]);
    expect(t.rows).toEqual([{ name: "GalA", region: "westeurope", properties_sharingProfile_permissions: "Private" }]);
    expect(run("resources | project-away properties, tags").columns).toEqual([
      "id",
      "name",
      "type",
      "location",
      "resourceGroup",
    ]);
  });

  it("order by and sort by sort ascending or descending (descending by default)", () => {
    expect(names("resources | where type =~ 'microsoft.compute/galleries' | order by name asc")).toEqual([
      "GalA",
      "GalB",
    ]);
    expect(names("resources | where type =~ 'microsoft.compute/galleries' | sort by name")).toEqual(["GalB", "GalA"]);
    expect(names("resources | order by location asc, name desc")).toEqual([
      "GalB",
      "win-2022",
      "ubuntu-22",
      "GalA",
      "1.0.0",
    ]);
  });

  it("top n by, limit and take", () => {
    expect(names("resources | top 2 by name asc")).toEqual(["1.0.0", "GalA"]);
    expect(names("resources | limit 2")).toEqual(["GalA", "ubuntu-22"]);
    expect(names("resources | take 1")).toEqual(["GalA"]);
  });

  it("summarize count() by columns, with the column named count_", () => {
    const t = run("resources | summarize count() by type, location | order by count_ desc");
    expect(t.columns).toEqual(["type", "location", "count_"]);
    expect(t.rows[0]).toEqual({ type: D, location: "westeurope", count_: 2 });
    expect(t.rows).toHaveLength(4);
    expect(run("resources | where name == 'none' | summarize total = count()").rows).toEqual([{ total: 0 }]);
    expect(run("resources | summarize dcount(location)").rows).toEqual([{ dcount_location: 2 }]);
  });

  it("count and distinct", () => {
    expect(run(`resources | where type == '${G}' | count`).rows).toEqual([{ Count: 2 }]);
    const t = run("resources | distinct location, resourceGroup | order by location asc");
    expect(t.rows).toEqual([
      { location: "eastus", resourceGroup: "rg-b" },
      { location: "westeurope", resourceGroup: "rg-a" },
    ]);
  });
});

describe("KQL subset: errors", () => {
  it("reports a syntax error with Resource Graph's ParserFailure detail and position", () => {
    expect(failure("resources | where name == ")).toMatchObject({
      code: "ParserFailure",
      message: "ParserFailure",
      line: 1,
      characterPositionInLine: 26,
      token: "<EOF>",
    });
    expect(failure("resources\n| where name = 'x'")).toMatchObject({ code: "ParserFailure", line: 2, token: "=" });
  });

  it("refuses operators outside the subset, naming the ones it supports", () => {
    const detail = failure("resources | mv-expand properties");
    expect(detail).toMatchObject({ code: "ParserFailure", token: "mv-expand" });
    expect(detail.expectedToken).toContain("summarize");
    expect(failure("resources | join (resources) on id")).toMatchObject({ code: "ParserFailure", token: "join" });
  });

  it("names unknown functions, tables and columns", () => {
    expect(failure("resources | where todynamic(name) == 1")).toEqual({
      code: "UnknownFunction",
      message: "Unknown function: 'todynamic'.",
    });
    expect(failure("resources | summarize cout() by type")).toEqual({
      code: "UnknownFunction",
      message: "Unknown function: 'cout'.",
    });
    expect(failure("resources | where nmae == 'x'")).toEqual({
      code: "SEM0100",
      message: "'where' operator: Failed to resolve scalar expression named 'nmae'",
    });
    expect(failure("resources | project name | where location == 'x'")).toMatchObject({ code: "SEM0100" });
  });

  it("rejects an unterminated string", () => {
    expect(failure("resources | where name == 'x")).toMatchObject({
      code: "ParserFailure",
      characterPositionInLine: 26,
    });
  });
});

describe("KQL subset: rows", () => {
  it("makes columns named __proto__ or constructor as any other, and reads none from a prototype", () => {
    const { rows: out } = run(
      "resources | where name == 'GalA' | extend __proto__ = 'p', constructor = 'c' | project name, __proto__, constructor",
    );
    expect(out).toHaveLength(1);
    const [row] = out;
    expect(Object.keys(row!)).toEqual(["name", "__proto__", "constructor"]);
    expect(row!["__proto__"]).toBe("p");
    expect(row!.constructor).toBe("c");
    expect(JSON.parse(JSON.stringify(row))).toEqual({ name: "GalA", ["__proto__"]: "p", constructor: "c" });
    // A row made by project has no inherited property to read either.
    const [plain] = run("resources | where name == 'GalA' | project name").rows;
    expect(plain!.constructor).toBeUndefined();
    expect(plain!.toString).toBeUndefined();
    expect(failure("resources | project constructor")).toMatchObject({ code: "SEM0100" });
  });
});
