import type { Caller } from "./caller.js";
import type { EmulatorContext } from "./context.js";
import { ArmErrors } from "./errors.js";

export type HttpMethod = "GET" | "PUT" | "PATCH" | "DELETE" | "POST" | "HEAD";

export interface ArmRequest {
  method: HttpMethod;
  /** The request path, `//` collapsed and trailing `/` dropped, still percent-encoded. */
  path: string;
  /** Path parameters, percent-decoded, exactly as the client spelled them. */
  params: Record<string, string>;
  /** Query parameters (first value of each), keys as sent. */
  query: Record<string, string>;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  apiVersion: string;
  caller: Caller;
  /** scheme://host:port the client used, for Location and nextLink URLs. */
  origin: string;
  requestId: string;
  ctx: EmulatorContext;
}

export interface ArmResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ArmRoute {
  method: HttpMethod;
  /** ARM path template, e.g. `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}`; matched case-insensitively. */
  path: string;
  /** The ARM resource type, for api-version and method errors (e.g. `Microsoft.Compute/galleries`). */
  resourceType: string;
  /** The api-versions the real service accepts for this type; omitted means any dated version. */
  apiVersions?: readonly string[];
  /**
   * The RBAC action the caller must hold at `scope` (Azure's operation name, e.g.
   * `Microsoft.Compute/galleries/write`). Omitted for routes that any signed-in caller may use and that
   * filter their own results (subscription and tenant lists).
   */
  action?: string;
  /**
   * For collection GETs: the caller passes when it holds the action at the scope or anywhere beneath it, and
   * the handler returns only the items it may read (ARM filters lists rather than refusing them).
   */
  listsBeneath?: boolean;
  /** The scope the action is checked at; by default the resource the path names. */
  scope?: (params: Record<string, string>, path: string) => string;
  /**
   * Runs inside one SQLite transaction, committed before the reply. Synchronous, as better-sqlite3 transactions
   * cannot span an await.
   */
  handler: (req: ArmRequest) => ArmResponse;
}

interface CompiledRoute extends ArmRoute {
  regex: RegExp;
  names: string[];
}

export interface RouteMatch {
  route: ArmRoute;
  params: Record<string, string>;
}

/**
 * Maps ARM paths to operations. ARM matches path segments case-insensitively and keeps names as the client
 * spelled them, which Fastify's router cannot do for parameters, so ARM paths go through this table.
 */
export class ArmRouter {
  private readonly routes: CompiledRoute[] = [];

  add(route: ArmRoute): this {
    const names: string[] = [];
    const pattern = route.path
      .split("/")
      .map((segment) => {
        const param = /^\{(\w+)\}$/.exec(segment);
        if (param) {
          names.push(param[1]!);
          return "([^/]+)";
        }
        return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      })
      .join("/");
    this.routes.push({ ...route, names, regex: new RegExp(`^${pattern}$`, "i") });
    return this;
  }

  addAll(routes: ArmRoute[]): this {
    routes.forEach((r) => this.add(r));
    return this;
  }

  /** The route for method and path; throws ARM's error when no provider serves the path or the method. */
  match(method: string, path: string): RouteMatch {
    const candidates = this.routes
      .map((route) => ({ route, m: route.regex.exec(path) }))
      .filter((c): c is { route: CompiledRoute; m: RegExpExecArray } => c.m !== null);
    // HEAD falls back to GET where a type has no HEAD operation of its own, as HTTP allows.
    const hit =
      candidates.find((c) => c.route.method === method) ??
      (method === "HEAD" ? candidates.find((c) => c.route.method === "GET") : undefined);
    if (!hit) {
      if (candidates[0]) throw ArmErrors.methodNotAllowed(method, candidates[0].route.resourceType);
      throw ArmErrors.noRegisteredProvider(path);
    }
    const params: Record<string, string> = {};
    hit.route.names.forEach((name, i) => {
      params[name] = safeDecode(hit.m[i + 1]!);
    });
    return { route: hit.route, params };
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The path of a request as ARM sees it: `//` collapsed, no trailing `/`. */
export function normalizeArmPath(rawPath: string): string {
  const collapsed = rawPath.replace(/\/{2,}/g, "/");
  return collapsed.length > 1 ? collapsed.replace(/\/$/, "") : collapsed;
}
