// Store objects as the API sends them: times as ISO text, no password hash, and for cycles
// whether the asking user may change them.
import { canWriteZone, type Principal } from "../../pdca/accounts/permissions.ts";
import type { Action, Cycle, HistoryEntry, Note, User } from "../../pdca/store/types.ts";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentUser(u: User) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    zones: u.zones,
    disabled: u.disabled,
    failedLogins: u.failedLogins,
    lockedUntil: iso(u.lockedUntil),
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

export function presentCycle(c: Cycle, viewer: Principal | null, example = false) {
  return {
    ...c,
    doStartedAt: iso(c.doStartedAt),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    canWrite: canWriteZone(viewer, c),
    example,
  };
}

export const presentAction = (a: Action) => ({ ...a, createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString() });
export const presentNote = (n: Note) => ({ ...n, createdAt: n.createdAt.toISOString() });
export const presentHistory = (h: HistoryEntry) => ({ id: h.id, userId: h.userId, username: h.username, at: h.at.toISOString(), what: h.what });
