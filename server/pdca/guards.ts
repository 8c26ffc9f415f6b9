// Authorisation of cycle reads and writes (pdca/accounts/permissions.ts), for the routes. The
// session hook has already answered 401 to anonymous requests, except on the routes that read
// cycles (session "optional"), where a visitor may read the example cycles.
import type { FastifyRequest } from "fastify";
import { canWriteZone } from "../../pdca/accounts/permissions.ts";
import { getCycle, isExample, type Actor, type Cycle, type UserRecord, type Zone } from "../../pdca/store/index.ts";
import { forbidden, notFound, unauthorized } from "../api-error.ts";

export function signedIn(request: FastifyRequest): UserRecord {
  if (!request.auth) throw unauthorized("sign-in-required", "sign in first (POST /api/v1/auth/login)");
  return request.auth.user;
}

export const actor = (request: FastifyRequest): Actor => ({ id: signedIn(request).id });

export function checkWriteZone(request: FastifyRequest, zone: Zone): void {
  if (!canWriteZone(signedIn(request), zone)) throw forbidden("zone-not-writable", `your account may not write for zone ${zone.system}:${zone.zone}`, { zone: zone.zone });
}

/** The cycle, when it exists (404) and the user may write for its zone (403). */
export async function writableCycle(request: FastifyRequest, id: string): Promise<Cycle> {
  const db = request.server.pdca.db;
  const cycle = await db.read((q) => getCycle(q, id));
  if (!cycle) throw notFound("cycle-not-found", `no cycle ${id}`);
  checkWriteZone(request, cycle);
  return cycle;
}

/**
 * Reading a cycle: any signed-in user; a visitor without an account reads the example cycles
 * only (pdca/store/examples.ts) and gets the usual 401 for any other.
 */
export async function checkReadable(request: FastifyRequest, id: string): Promise<boolean> {
  const example = await request.server.pdca.db.read((q) => isExample(q, id));
  if (!request.auth && !example) throw unauthorized("sign-in-required", "sign in first (POST /api/v1/auth/login)");
  return example;
}
