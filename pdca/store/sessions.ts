// Sessions: the cookie carries 32 random bytes; the file holds their SHA-256 only, so a copy
// of app.duckdb gives no usable session. Each session has its own CSRF token.
import { createHash, randomBytes } from "node:crypto";
import type { Queries } from "./database.ts";
import type { Session } from "./types.ts";
import { userById } from "./users.ts";
import type { UserRecord } from "./types.ts";

export const SESSION_BYTES = 32;
const hash = (id: string) => createHash("sha256").update(id).digest("hex");

export async function createSession(q: Queries, userId: string, now: Date, ttlMs: number): Promise<Session> {
  const session: Session = {
    id: randomBytes(SESSION_BYTES).toString("base64url"),
    userId,
    csrfToken: randomBytes(32).toString("base64url"),
    createdAt: now,
    expiresAt: new Date(now.getTime() + ttlMs),
  };
  await q.run("INSERT INTO sessions VALUES ($1, $2, $3, $4::TIMESTAMPTZ, $5::TIMESTAMPTZ)", [hash(session.id), userId, session.csrfToken, now.toISOString(), session.expiresAt.toISOString()]);
  return session;
}

/** The live session with this id and its enabled user, or null (unknown, expired, disabled). */
export async function findSession(q: Queries, id: string, now: Date): Promise<{ session: Session; user: UserRecord } | null> {
  const [row] = await q.all<{ user_id: string; csrf_token: string; created_at: Date; expires_at: Date }>(
    "SELECT user_id, csrf_token, created_at, expires_at FROM sessions WHERE id_hash = $1 AND expires_at > $2::TIMESTAMPTZ",
    [hash(id), now.toISOString()],
  );
  if (!row) return null;
  const user = await userById(q, row.user_id);
  if (!user || user.disabled) return null;
  return { session: { id, userId: row.user_id, csrfToken: row.csrf_token, createdAt: row.created_at, expiresAt: row.expires_at }, user };
}

export async function deleteSession(q: Queries, id: string): Promise<void> {
  await q.run("DELETE FROM sessions WHERE id_hash = $1", [hash(id)]);
}

export async function deleteExpiredSessions(q: Queries, now: Date): Promise<void> {
  await q.run("DELETE FROM sessions WHERE expires_at <= $1::TIMESTAMPTZ", [now.toISOString()]);
}
