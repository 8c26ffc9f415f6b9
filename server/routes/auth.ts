import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { afterFailure, afterSuccess, lockRemaining } from "../../pdca/accounts/lockout.ts";
import { dummyHash, verifyPassword } from "../../pdca/accounts/password.ts";
import { createSession, deleteExpiredSessions, deleteSession, publicUser, setLoginState, userById, userByUsername } from "../../pdca/store/index.ts";
import { ApiError, unauthorized } from "../api-error.ts";
import { clearedSessionCookie, readSessionId, sessionCookie } from "../pdca/cookies.ts";
import { presentUser } from "../pdca/present.ts";
import { LoginBody, pdcaErrors, SessionSchema } from "../pdca/schemas.ts";

const WRONG = "wrong username or password";

function tooMany(reply: FastifyReply, ms: number, message: string): ApiError {
  const wait = Math.max(1, Math.ceil(ms / 60_000));
  reply.header("retry-after", String(Math.max(1, Math.ceil(ms / 1000))));
  return new ApiError(429, "too-many-logins", message, { minutes: wait });
}

const secure = (request: FastifyRequest) => request.protocol === "https";
const minutes = (ms: number) => `${Math.max(1, Math.ceil(ms / 60_000))} minute${ms > 60_000 ? "s" : ""}`;

/**
 * Sign-in and sign-out. A login always issues a new session id and deletes the one the
 * request came with, if any (no session fixation). Wrong username, wrong password and a
 * disabled account get the same 401; unknown usernames are hashed against a dummy and locked
 * like real ones, so neither timing nor lockout tells which usernames exist.
 */
const plugin: FastifyPluginAsyncZod = async (app) => {
  const { db, sessionMs, lockout, loginLimiter, phantoms } = app.pdca;

  app.post(
    "/auth/login",
    {
      config: { session: "none" },
      schema: {
        tags: ["auth"],
        summary: "Sign in: sets the session cookie; answers the user and the CSRF token for writes",
        description:
          "Send JSON. 401 for a wrong username or password; 429 (with Retry-After) when the username is locked after 5 failures in a row (15 minutes) or the address sent too many attempts. Real and unknown usernames are counted alike; after a server restart a lock still in force answers 401, like a wrong password, until 5 more failures.",
        body: LoginBody,
        response: { 200: SessionSchema, ...pdcaErrors },
      },
    },
    async (request, reply) => {
      const now = db.now();
      const wait = loginLimiter.hit(request.ip, now.getTime());
      if (wait > 0) throw tooMany(reply, wait, `too many sign-in attempts from this address: try again in ${minutes(wait)}`);
      const username = request.body.username.trim().toLowerCase();
      const user = await db.read((q) => userByUsername(q, username));
      // 429 comes only from the in-memory counter every username has alike, real or not. The
      // stored lock of a real account survives a restart; the counters of unknown names do
      // not, so a stored lock alone answers like a wrong password (401, after the same hash).
      const locked = phantoms.remaining(username, now);
      if (locked > 0) throw tooMany(reply, locked, `too many failed sign-ins for this username: try again in ${minutes(locked)}`);
      const storedLock = user ? lockRemaining(user, now) > 0 : false;
      const ok = await verifyPassword(request.body.password, user && !storedLock ? user.passwordHash : await dummyHash());
      if (!user || !ok || user.disabled || storedLock) {
        phantoms.fail(username, now);
        if (user && !storedLock) {
          await db.write(async (q) => {
            const current = await userById(q, user.id);
            if (current) await setLoginState(q, user.id, afterFailure(current, now, lockout));
          });
        }
        throw unauthorized("wrong-credentials", WRONG);
      }
      phantoms.succeed(username);
      const previous = readSessionId(request.headers.cookie);
      const session = await db.write(async (q) => {
        await setLoginState(q, user.id, afterSuccess());
        await deleteExpiredSessions(q, now);
        if (previous) await deleteSession(q, previous);
        return createSession(q, user.id, now, sessionMs);
      });
      request.log.info({ user: user.username }, "signed in");
      reply.header("set-cookie", sessionCookie(session.id, sessionMs / 1000, secure(request)));
      return { user: presentUser({ ...publicUser(user), failedLogins: 0, lockedUntil: null }), csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
    },
  );

  app.post(
    "/auth/logout",
    {
      config: { session: "optional" },
      schema: { tags: ["auth"], summary: "Sign out: deletes the session (needs x-csrf-token when signed in)", response: { 204: z.null(), ...pdcaErrors } },
    },
    async (request, reply) => {
      const auth = request.auth;
      if (auth) await db.write((q) => deleteSession(q, auth.session.id));
      reply.header("set-cookie", clearedSessionCookie(secure(request)));
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/auth/session",
    {
      config: { session: "optional" },
      schema: { tags: ["auth"], summary: "The signed-in user (or null) and the CSRF token to send as x-csrf-token with every write", response: { 200: SessionSchema, ...pdcaErrors } },
    },
    async (request) => {
      const auth = request.auth;
      if (!auth) return { user: null, csrfToken: null, expiresAt: null };
      return { user: presentUser(publicUser(auth.user)), csrfToken: auth.session.csrfToken, expiresAt: auth.session.expiresAt.toISOString() };
    },
  );
};
export default plugin;
