// The session cookie, read and written by hand (no dependency for two small functions).

export const SESSION_COOKIE = "boussole_session";
const SESSION_ID = /^[\w-]{43}$/;

/**
 * The session id from a Cookie header, or null. A malformed value is ignored; so are several
 * cookies of this name (a sibling subdomain can plant one with a longer path to shadow ours:
 * ambiguity is treated as no session).
 */
export function readSessionId(header: string | undefined): string | null {
  if (!header) return null;
  const values = header
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${SESSION_COOKIE}=`))
    .map((part) => part.slice(SESSION_COOKIE.length + 1));
  if (values.length !== 1) return null;
  const value = values[0] as string;
  return SESSION_ID.test(value) ? value : null;
}

/**
 * HttpOnly (no script reads it), SameSite=Strict (never sent on a cross-site request), Path=/,
 * Secure when the request came over HTTPS. Secure is not forced: over plain http (the local
 * demo at http://localhost:8080, or http://127.0.0.1 / a LAN address) some browsers drop a
 * Secure cookie and sign-in would silently fail. Behind a TLS proxy, start the server with
 * --trust-proxy so that X-Forwarded-Proto marks the request HTTPS.
 */
export function sessionCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}${secure ? "; Secure" : ""}`;
}

export const clearedSessionCookie = (secure: boolean) => sessionCookie("", 0, secure);
