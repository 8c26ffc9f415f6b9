import { randomUUID } from "node:crypto";
import type { Queries } from "./database.ts";
import { conflict, notFound } from "./errors.ts";
import type { Role, User, UserRecord, Zone } from "./types.ts";

const COLUMNS = "id, username, display_name, role, zones, password_hash, disabled, failed_logins, locked_until, created_at, updated_at";

interface Row {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  zones: string;
  password_hash: string;
  disabled: boolean;
  failed_logins: number;
  locked_until: Date | null;
  created_at: Date;
  updated_at: Date;
}

function toRecord(r: Row): UserRecord {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    zones: JSON.parse(r.zones) as Zone[],
    passwordHash: r.password_hash,
    disabled: r.disabled,
    failedLogins: r.failed_logins,
    lockedUntil: r.locked_until,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The user without its hash. */
export function publicUser(record: UserRecord): User {
  const { passwordHash: _hash, ...user } = record;
  return user;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  zones: Zone[];
  passwordHash: string;
}

export async function createUser(q: Queries, input: NewUser, now: Date): Promise<User> {
  if ((await q.all("SELECT 1 FROM users WHERE username = $1", [input.username])).length) throw conflict("username-taken", `the username '${input.username}' is taken`, { username: input.username });
  const id = randomUUID();
  await q.run(`INSERT INTO users (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, false, 0, NULL, $7::TIMESTAMPTZ, $7::TIMESTAMPTZ)`, [
    id,
    input.username,
    input.displayName,
    input.role,
    JSON.stringify(input.role === "editor" ? input.zones : []),
    input.passwordHash,
    now.toISOString(),
  ]);
  return publicUser((await userById(q, id)) as UserRecord);
}

export async function userById(q: Queries, id: string): Promise<UserRecord | null> {
  const [row] = await q.all<Row>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
  return row ? toRecord(row) : null;
}

export async function userByUsername(q: Queries, username: string): Promise<UserRecord | null> {
  const [row] = await q.all<Row>(`SELECT ${COLUMNS} FROM users WHERE username = $1`, [username]);
  return row ? toRecord(row) : null;
}

export async function listUsers(q: Queries): Promise<User[]> {
  return (await q.all<Row>(`SELECT ${COLUMNS} FROM users ORDER BY username`)).map((r) => publicUser(toRecord(r)));
}

export interface UserPatch {
  displayName?: string;
  role?: Role;
  zones?: Zone[];
  disabled?: boolean;
  passwordHash?: string;
}

/**
 * Applies the patch. Zones are kept for editors only (a role other than editor clears them).
 * Disabling a user, or changing their password, ends their sessions; enabling or a new
 * password also lifts a lockout.
 */
export async function updateUser(q: Queries, id: string, patch: UserPatch, now: Date): Promise<User> {
  const current = await userById(q, id);
  if (!current) throw notFound("user-not-found", `no user ${id}`);
  const role = patch.role ?? current.role;
  const zones = role === "editor" ? (patch.zones ?? current.zones) : [];
  const disabled = patch.disabled ?? current.disabled;
  const unlock = patch.passwordHash !== undefined || (patch.disabled === false && current.disabled);
  await q.run(
    `UPDATE users SET display_name = $2, role = $3, zones = $4, disabled = $5, password_hash = $6,
       failed_logins = CASE WHEN $7 THEN 0 ELSE failed_logins END, locked_until = CASE WHEN $7 THEN NULL ELSE locked_until END,
       updated_at = $8::TIMESTAMPTZ WHERE id = $1`,
    [id, patch.displayName ?? current.displayName, role, JSON.stringify(zones), disabled, patch.passwordHash ?? current.passwordHash, unlock, now.toISOString()],
  );
  if (disabled || patch.passwordHash !== undefined) await q.run("DELETE FROM sessions WHERE user_id = $1", [id]);
  return publicUser((await userById(q, id)) as UserRecord);
}

/** Records the outcome of a login attempt (counter and lock computed by accounts/lockout.ts). */
export async function setLoginState(q: Queries, id: string, state: { failedLogins: number; lockedUntil: Date | null }): Promise<void> {
  await q.run("UPDATE users SET failed_logins = $2, locked_until = $3::TIMESTAMPTZ WHERE id = $1", [id, state.failedLogins, state.lockedUntil?.toISOString() ?? null]);
}

export async function countUsers(q: Queries, filter: { role?: Role; enabled?: boolean } = {}): Promise<number> {
  const [row] = await q.all<{ n: number }>("SELECT count(*) AS n FROM users WHERE ($1::VARCHAR IS NULL OR role = $1) AND ($2::BOOLEAN IS NULL OR disabled = NOT $2)", [
    filter.role ?? null,
    filter.enabled ?? null,
  ]);
  return row?.n ?? 0;
}
