// The PDCA domain as stored in app.duckdb: accounts, sessions, cycles and their actions, notes
// and history. Times are Date objects here (TIMESTAMPTZ in the file); calendar dates are
// 'YYYY-MM-DD' text.

export const ROLES = ["editor", "analyst", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** A zone of one zone system, as the release names them (system_code, area_code). */
export interface Zone {
  system: string;
  zone: string;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** The zones an editor may write for; empty for analysts and admins. */
  zones: Zone[];
  disabled: boolean;
  failedLogins: number;
  lockedUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A user with its password hash: never leaves the store's callers on the server. */
export interface UserRecord extends User {
  passwordHash: string;
}

export interface Session {
  /** The raw identifier (the cookie's value); the file holds only its SHA-256. */
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
}

export const PHASES = ["plan", "do", "check", "act", "closed"] as const;
export type Phase = (typeof PHASES)[number];
export const DECISIONS = ["adopt", "adapt", "abandon"] as const;
export type Decision = (typeof DECISIONS)[number];
export const ACTION_STATUSES = ["planned", "in-progress", "done", "dropped"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** The cell of the release the cycle starts from (total stratum, the cycle's zone). */
export interface Baseline {
  indicator: string;
  year: number;
  value: number;
  /** 95% confidence limits of the cell, when the release has them. */
  lower: number | null;
  upper: number | null;
  releaseId: string;
}

export interface Target {
  value: number;
  /** When the target should be reached, 'YYYY-MM-DD'. */
  date: string;
}

export interface Cycle {
  id: string;
  system: string;
  zone: string;
  /** One or more indicator ids; the baseline's indicator is the first. */
  indicators: string[];
  title: string;
  problem: string;
  baseline: Baseline;
  target: Target | null;
  phase: Phase;
  decision: Decision | null;
  previousId: string | null;
  /** First year of the improvement actions, when the team sets it (else: the year "do" began). */
  actionsFrom: number | null;
  /** When the cycle first entered "do". */
  doStartedAt: Date | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  /** Incremented by every change: a PATCH may name the version it edits (409 when stale). */
  version: number;
}

export interface Action {
  id: string;
  cycleId: string;
  description: string;
  owner: string;
  dueDate: string | null;
  status: ActionStatus;
  createdAt: Date;
  updatedAt: Date;
}

export interface Note {
  id: string;
  cycleId: string;
  userId: string;
  /** The author's display name at read time. */
  author: string;
  text: string;
  createdAt: Date;
}

export interface HistoryEntry {
  id: number;
  cycleId: string;
  userId: string;
  username: string;
  at: Date;
  /** What changed, e.g. { type: "cycle.updated", changes: { title: { from, to } } }. */
  what: Record<string, unknown>;
}

/** Who is writing: recorded in the history. */
export interface Actor {
  id: string;
}
