import { randomUUID } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { GRAPH_AUDIENCE } from "../../lib/azure/wellKnown.js";
import { GUID, tenantMembership } from "../authorization/principals.js";
import type { EmulatorContext } from "../context.js";
import { ArmError } from "../errors.js";
import { originOf } from "../http.js";
import { stageAuthentication } from "../pipeline/authentication.js";
import type { Principal, PrincipalKind, Tenant } from "../store/directory.js";
import { GraphError, GraphErrors } from "./errors.js";
import { type CollectionQuery, collectionQueryOf, pageOf, pagingOf, selectOf } from "./query.js";
import { ENTITY_SET_OF, type EntitySet, graphView, ODATA_TYPE, project } from "./views.js";

declare module "fastify" {
  interface FastifyRequest {
    graphRequestId: string;
  }
}

const KIND_OF: Record<EntitySet, PrincipalKind> = {
  users: "User",
  groups: "Group",
  servicePrincipals: "ServicePrincipal",
};
const GRAPH_JSON = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

type Query = Record<string, string>;

/**
 * The Microsoft Graph subset the dashboard needs to find and name principals: users, groups (with members) and
 * service principals of the token's tenant (guests included), `/me`, and `directoryObjects/getByIds`, under
 * `/v1.0` at the emulator's origin. Encapsulated so its tokens (audience https://graph.microsoft.com) and its
 * error shape stay apart from ARM's.
 */
export function registerGraph(app: FastifyInstance, ctx: EmulatorContext): void {
  app.register(async (graph) => {
    graph.decorateRequest("graphRequestId", "");
    graph.addHook("onRequest", async (req, reply) => {
      req.graphRequestId = randomUUID();
      reply.header("request-id", req.graphRequestId);
      reply.header("client-request-id", String(req.headers["client-request-id"] ?? req.graphRequestId));
    });
    graph.addHook("onRequest", stageAuthentication(ctx, [GRAPH_AUDIENCE]));
    graph.setErrorHandler((error, req, reply) => sendGraphError(req, reply, toGraphError(error, req)));

    graph.get("/v1.0/me", async (req, reply) => {
      if (req.caller!.kind !== "User") throw GraphErrors.meNeedsDelegatedToken();
      const me = ctx.directory.principal(req.caller!.objectId);
      if (!me) throw GraphErrors.resourceNotFound(req.caller!.objectId);
      return sendEntity(req, reply, "users", me, query(req));
    });

    for (const set of ["users", "groups", "servicePrincipals"] as const) {
      graph.get(`/v1.0/${set}`, async (req, reply) => sendCollection(req, reply, set, visible(req, KIND_OF[set])));
      graph.get<{ Params: { id: string } }>(`/v1.0/${set}/:id`, async (req, reply) =>
        sendEntity(req, reply, set, find(req, KIND_OF[set], req.params.id), query(req)),
      );
    }

    graph.get<{ Params: { id: string } }>("/v1.0/groups/:id/members", async (req, reply) => {
      const group = find(req, "Group", req.params.id);
      const q = query(req);
      const select = selectOf(q, ["User", "Group", "ServicePrincipal"]);
      const members = ctx.directory.membersOf(group.objectId);
      const { page, nextSkipToken } = pageOf(members, pagingOf(q));
      const tenant = tenantOf(req);
      return sendJson(reply, {
        "@odata.context": `${originOf(req)}/v1.0/$metadata#directoryObjects`,
        value: page.map((p) => ({ "@odata.type": ODATA_TYPE[p.kind], ...project(graphView(p, tenant), select) })),
        ...(nextSkipToken ? { "@odata.nextLink": nextLinkOf(req, nextSkipToken) } : {}),
      });
    });

    graph.post("/v1.0/directoryObjects/getByIds", async (req, reply) => {
      const body = req.body as { ids?: unknown; types?: unknown } | undefined;
      if (!body || !Array.isArray(body.ids) || body.ids.some((id) => typeof id !== "string")) {
        throw GraphErrors.badRequest("The request body must contain 'ids', an array of object ids.");
      }
      if (body.ids.length > 1000)
        throw GraphErrors.badRequest("The 'ids' collection cannot contain more than 1000 ids.");
      const types = Array.isArray(body.types) ? body.types.map((t) => String(t).toLowerCase()) : undefined;
      const kinds = (["User", "Group", "ServicePrincipal"] as const).filter(
        (k) => !types || types.includes(k === "ServicePrincipal" ? "serviceprincipal" : k.toLowerCase()),
      );
      if (types && kinds.length === 0)
        throw GraphErrors.badRequest(`Invalid type in 'types': '${String(body.types)}'.`);
      const inTenant = tenantMembership(ctx, req.caller!.tenantId);
      const tenant = tenantOf(req);
      const value = (body.ids as string[])
        .map((id) => (GUID.test(id) ? ctx.directory.principal(id) : undefined))
        .filter((p): p is Principal => p !== undefined && kinds.includes(p.kind) && inTenant(p))
        .map((p) => ({ "@odata.type": ODATA_TYPE[p.kind], ...project(graphView(p, tenant), undefined) }));
      return sendJson(reply, { "@odata.context": `${originOf(req)}/v1.0/$metadata#directoryObjects`, value });
    });

    graph.route({
      method: ["GET", "POST", "PUT", "PATCH", "DELETE"],
      url: "/v1.0/*",
      handler: async (req) => {
        const segment = req.url.split("?")[0]!.split("/").filter(Boolean)[1] ?? "";
        throw GraphErrors.segmentNotFound(decodeURIComponent(segment));
      },
    });
  });

  function query(req: FastifyRequest): Query {
    const q: Query = Object.create(null);
    for (const [k, v] of new URLSearchParams(req.url.split("?")[1] ?? "")) if (!(k in q)) q[k] = v;
    return q;
  }

  function tenantOf(req: FastifyRequest): Tenant {
    const tid = req.caller!.tenantId;
    return ctx.directory.tenant(tid) ?? { tenantId: tid, displayName: tid, defaultDomain: `${tid}.onmicrosoft.com` };
  }

  function visible(req: FastifyRequest, kind: PrincipalKind): Principal[] {
    const inTenant = tenantMembership(ctx, req.caller!.tenantId);
    return ctx.directory.principals({ kind }).filter(inTenant);
  }

  /** A directory object of the caller's tenant by object id, or a user by UPN (as `/users/{upn}` allows). */
  function find(req: FastifyRequest, kind: PrincipalKind, key: string): Principal {
    const tenant = tenantOf(req);
    const inTenant = tenantMembership(ctx, tenant.tenantId);
    const byId = GUID.test(key) ? ctx.directory.principal(key) : undefined;
    const found =
      byId ??
      (kind === "User"
        ? visible(req, "User").find((p) => {
            const upn = graphView(p, tenant).userPrincipalName;
            return typeof upn === "string" && upn.toLowerCase() === key.toLowerCase();
          })
        : undefined);
    if (!found || found.kind !== kind || !inTenant(found)) throw GraphErrors.resourceNotFound(key);
    return found;
  }

  function sendEntity(req: FastifyRequest, reply: FastifyReply, set: EntitySet, p: Principal, q: Query) {
    const select = selectOf(q, [p.kind]);
    return sendJson(reply, {
      "@odata.context": `${originOf(req)}/v1.0/$metadata#${ENTITY_SET_OF[p.kind] ?? set}${select ? `(${select.join(",")})` : ""}/$entity`,
      ...project(graphView(p, tenantOf(req)), select),
    });
  }

  function sendCollection(req: FastifyRequest, reply: FastifyReply, set: EntitySet, principals: Principal[]) {
    const q: CollectionQuery = collectionQueryOf(query(req), req.headers, KIND_OF[set]);
    const tenant = tenantOf(req);
    let views = principals.map((p) => graphView(p, tenant)).filter(q.matches);
    if (q.orderBy) {
      const { property, descending } = q.orderBy;
      views = views.sort(
        (a, b) => String(a[property] ?? "").localeCompare(String(b[property] ?? "")) * (descending ? -1 : 1),
      );
    }
    const { page, nextSkipToken } = pageOf(views, q);
    return sendJson(reply, {
      "@odata.context": `${originOf(req)}/v1.0/$metadata#${set}${q.select ? `(${q.select.join(",")})` : ""}`,
      ...(q.count ? { "@odata.count": views.length } : {}),
      value: page.map((v) => project(v, q.select)),
      ...(nextSkipToken ? { "@odata.nextLink": nextLinkOf(req, nextSkipToken) } : {}),
    });
  }
}

function nextLinkOf(req: FastifyRequest, skipToken: string): string {
  const url = new URL(req.url, originOf(req));
  url.searchParams.set("$skiptoken", skipToken);
  return url.toString();
}

function sendJson(reply: FastifyReply, body: unknown) {
  return reply.code(200).type(GRAPH_JSON).send(JSON.stringify(body));
}

function toGraphError(error: unknown, req: FastifyRequest): GraphError {
  if (error instanceof GraphError) return error;
  if (error instanceof ArmError)
    return error.status === 401 ? GraphErrors.fromAuthentication(error) : GraphErrors.badRequest(error.message);
  const e = error as { statusCode?: number; message?: string };
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)
    return GraphErrors.badRequest(e.message ?? "Bad request");
  console.error(`[emulator] Graph request ${req.graphRequestId} failed:`, error);
  return GraphErrors.internal(req.graphRequestId);
}

function sendGraphError(req: FastifyRequest, reply: FastifyReply, error: GraphError) {
  const clientRequestId = String(req.headers["client-request-id"] ?? req.graphRequestId);
  return reply
    .code(error.status)
    .type(GRAPH_JSON)
    .send(JSON.stringify(error.toBody(req.graphRequestId, clientRequestId)));
}
