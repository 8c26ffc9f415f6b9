// Who may do what. Pure.
//  - Reading cycles, their history and checks: any signed-in user (the public, anonymous API
//    stays the release's aggregated data only).
//  - Writing a cycle (create, edit, phase, actions, notes): an editor for the zones listed on
//    their account, an analyst for any zone, an admin for anything.
//  - Users: admins only.
import type { Role, Zone } from "../store/types.ts";

export interface Principal {
  role: Role;
  zones: readonly Zone[];
}

export const canReadCycles = (user: Principal | null): boolean => user !== null;

export function canWriteZone(user: Principal | null, zone: Zone): boolean {
  if (!user) return false;
  if (user.role === "admin" || user.role === "analyst") return true;
  return user.zones.some((z) => z.system === zone.system && z.zone === zone.zone);
}

export const canManageUsers = (user: Principal | null): boolean => user?.role === "admin";
