// Who is signed in, and writes on their behalf. The session cookie is httpOnly (the page never
// sees it); the CSRF token from /auth/session goes with every write as x-csrf-token.
import { apiErrorOf } from "./api.ts";

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: "editor" | "analyst" | "admin";
  zones: { system: string; zone: string }[];
}

export const session = $state<{ user: User | null; csrfToken: string | null; loaded: boolean; available: boolean }>({ user: null, csrfToken: null, loaded: false, available: true });

async function answer<T>(r: Response): Promise<T> {
  const body = r.status === 204 ? null : await r.json().catch(() => null);
  if (!r.ok) throw apiErrorOf(r, body);
  return body as T;
}

export async function loadSession(): Promise<void> {
  const r = await fetch("/api/v1/auth/session", { headers: { accept: "application/json" }, cache: "no-store" });
  if (r.status === 404) {
    // This server keeps no cycles (no --app-db).
    Object.assign(session, { user: null, csrfToken: null, loaded: true, available: false });
    return;
  }
  const s = await answer<{ user: User | null; csrfToken: string | null }>(r);
  Object.assign(session, { user: s.user, csrfToken: s.csrfToken, loaded: true, available: true });
}

export async function signIn(username: string, password: string): Promise<void> {
  const r = await fetch("/api/v1/auth/login", { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify({ username, password }) });
  const s = await answer<{ user: User; csrfToken: string }>(r);
  Object.assign(session, { user: s.user, csrfToken: s.csrfToken, loaded: true, available: true });
}

export async function signOut(): Promise<void> {
  await send("POST", "/auth/logout");
  Object.assign(session, { user: null, csrfToken: null });
}

/** A write: JSON body, CSRF token, the API's message on failure. */
export async function send<T = unknown>(method: "POST" | "PATCH", path: string, body?: unknown): Promise<T> {
  const r = await fetch(`/api/v1${path}`, {
    method,
    headers: { "content-type": "application/json", accept: "application/json", "x-csrf-token": session.csrfToken ?? "" },
    body: JSON.stringify(body ?? {}),
  });
  return answer<T>(r);
}

/** A read that must not be cached (cycles change). */
export async function read<T>(path: string, params: Record<string, string | undefined> = {}): Promise<T> {
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local query string, not state
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined));
  const r = await fetch(`/api/v1${path}${q.size ? `?${q}` : ""}`, { headers: { accept: "application/json" }, cache: "no-store" });
  return answer<T>(r);
}

export function mayWrite(user: User | null, system: string, zone: string): boolean {
  if (!user) return false;
  return user.role !== "editor" || user.zones.some((z) => z.system === system && z.zone === zone);
}
