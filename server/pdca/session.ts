// Who is asking, and is a write really theirs. Runs on every PDCA and auth route, before the
// body is parsed:
//  1. answers carry `Cache-Control: no-store` (personal data, never cached);
//  2. writes (POST, PUT, PATCH, DELETE) from another site are refused (403): a Sec-Fetch-Site
//     other than same-origin, or an Origin header other than the server's own;
//  3. a write with a body must send it as application/json (415): an HTML form or a
//     "simple" cross-site fetch cannot, without a CORS preflight this server never grants;
//  4. the session cookie is looked up; a route that needs a session answers 401 without one;
//  5. a write with a session must carry the session's CSRF token in `x-csrf-token` (403).
// Login (session "none") gets 2 and 3 but needs no token: there is no session yet.
import { timingSafeEqual } from "node:crypto";
import type { FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { findSession } from "../../pdca/store/index.ts";
import { ApiError, forbidden, unauthorized } from "../api-error.ts";
import { readSessionId } from "./cookies.ts";
import "./types.ts";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
export const CSRF_HEADER = "x-csrf-token";

/** Why this write looks cross-site, or null. */
export function crossSiteProblem(request: FastifyRequest): string | null {
  const site = request.headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin") return `cross-site request refused (Sec-Fetch-Site: ${String(site).slice(0, 20)})`;
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `${request.protocol}://${request.host}`) return "cross-origin request refused (the Origin header is not this server's)";
  return null;
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers["content-length"];
  return request.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}

function isJson(request: FastifyRequest): boolean {
  const type = request.headers["content-type"];
  return typeof type === "string" && /^application\/json\s*(;|$)/i.test(type);
}

function sameToken(sent: unknown, expected: string): boolean {
  if (typeof sent !== "string") return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export default fp(
  async (app) => {
    app.decorateRequest("auth", null);
    app.addHook("onRequest", async (request, reply) => {
      reply.header("cache-control", "no-store");
      const mode = request.routeOptions.config.session ?? "required";
      const unsafe = UNSAFE.has(request.method);
      if (unsafe) {
        const problem = crossSiteProblem(request);
        if (problem) throw forbidden("cross-site", problem);
        if (hasBody(request) && !isJson(request)) throw new ApiError(415, "json-body-required", "send the body as JSON (Content-Type: application/json)");
      }
      if (mode === "none") return;
      const id = readSessionId(request.headers.cookie);
      if (id) {
        const db = app.pdca.db;
        request.auth = await db.read((q) => findSession(q, id, db.now()));
      }
      if (!request.auth) {
        if (mode === "required") throw unauthorized("sign-in-required", "sign in first (POST /api/v1/auth/login)");
        return;
      }
      if (unsafe && !sameToken(request.headers[CSRF_HEADER], request.auth.session.csrfToken)) {
        throw forbidden("csrf-token", `missing or wrong ${CSRF_HEADER} header (GET /api/v1/auth/session gives the token)`);
      }
    });
  },
  { name: "pdca-session", fastify: "5.x" },
);
