import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, pdcaApp, seedUser, signIn, type Clock } from "./test-support/pdca.ts";
import { testApp } from "./test-support/app.ts";

let app: FastifyInstance;
let clock: Clock;
beforeAll(async () => {
  ({ app, clock } = await pdcaApp({ auth: { loginsPerMinute: 1000 } }));
  await seedUser(app, "ed", "editor", [{ system: "ZPL", zone: "Z01" }]);
  await seedUser(app, "eve", "editor", [{ system: "ZPL", zone: "Z01" }]);
  await seedUser(app, "root", "admin");
});
afterAll(() => app.close());

const login = (body: unknown, headers: Record<string, string> = {}) => app.inject({ method: "POST", url: "/api/v1/auth/login", payload: body as object, headers });
const newCycle = { system: "ZPL", zone: "Z01", indicators: ["gmd-coverage"], title: "t", problem: "p" };
const cookieOf = (r: { headers: Record<string, unknown> }) => String(r.headers["set-cookie"]);

describe("CSRF", () => {
  it("refuses a write without the session's token, with a wrong one, or with another session's (403)", async () => {
    const ed = await signIn(app, "ed");
    const eve = await signIn(app, "eve");
    const cookie = ed.headers.cookie as string;
    for (const headers of [{ cookie }, { cookie, "x-csrf-token": "x".repeat(43) }, { cookie, "x-csrf-token": eve.headers["x-csrf-token"] as string }]) {
      const r = await app.inject({ method: "POST", url: "/api/v1/cycles", payload: newCycle, headers });
      expect(r.statusCode).toBe(403);
      expect(JSON.parse(r.body).message).toMatch(/x-csrf-token/);
    }
    expect((await ed.request("POST", "/cycles", newCycle)).status).toBe(201);
    // Logout is a write too.
    expect((await app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: { cookie } })).statusCode).toBe(403);
  });

  it("refuses writes from another site and bodies that are not JSON, login included", async () => {
    const ed = await signIn(app, "ed");
    expect((await ed.request("POST", "/cycles", newCycle, { origin: "https://evil.example" })).status).toBe(403);
    expect((await ed.request("POST", "/cycles", newCycle, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await ed.request("POST", "/cycles", newCycle, { "sec-fetch-site": "same-site" })).status).toBe(403);
    expect((await ed.request("POST", "/cycles", newCycle, { origin: "http://localhost:80", "sec-fetch-site": "same-origin" })).status).toBe(201);
    // A form post (or a "simple" cross-site fetch) cannot send application/json.
    const form = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: `username=ed&password=${PASSWORD}`, headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(form.statusCode).toBe(415);
    const plain = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: JSON.stringify({ username: "ed", password: PASSWORD }), headers: { "content-type": "text/plain" } });
    expect(plain.statusCode).toBe(415);
    expect((await login({ username: "ed", password: PASSWORD }, { origin: "https://evil.example" })).statusCode).toBe(403);
  });
});

describe("sessions", () => {
  it("issue a new id at login and never keep one set before (session fixation)", async () => {
    const planted = "A".repeat(43);
    const r = await login({ username: "ed", password: PASSWORD }, { cookie: `boussole_session=${planted}` });
    expect(r.statusCode).toBe(200);
    expect(cookieOf(r)).not.toContain(planted);
    const session = (cookie: string) => app.inject({ url: "/api/v1/auth/session", headers: { cookie } }).then((x) => JSON.parse(x.body).user);
    expect(await session(`boussole_session=${planted}`)).toBeNull();
    // A live session of one user, then a login as another: the old session is deleted.
    const first = cookieOf(r).split(";")[0] as string;
    const second = await login({ username: "eve", password: PASSWORD }, { cookie: first });
    expect(await session(first)).toBeNull();
    expect(await session(cookieOf(second).split(";")[0] as string)).toMatchObject({ username: "eve" });
  });

  it("set an HttpOnly, SameSite=Strict cookie on Path=/, Secure over HTTPS only, and logout deletes it", async () => {
    const r = await login({ username: "ed", password: PASSWORD });
    expect(cookieOf(r)).toMatch(/^boussole_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=28800$/);
    expect(r.headers["cache-control"]).toBe("no-store");
    const proxied = await pdcaApp({ trustProxy: true });
    try {
      await seedUser(proxied.app, "ed", "editor", [{ system: "ZPL", zone: "Z01" }]);
      const https = await proxied.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: "ed", password: PASSWORD }, headers: { "x-forwarded-proto": "https" } });
      expect(cookieOf(https)).toMatch(/; Secure$/);
    } finally {
      await proxied.app.close();
    }
    const cookie = cookieOf(r).split(";")[0] as string;
    const csrf = JSON.parse(r.body).csrfToken as string;
    const out = await app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: { cookie, "x-csrf-token": csrf } });
    expect(out.statusCode).toBe(204);
    expect(cookieOf(out)).toBe("boussole_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    expect((await app.inject({ url: "/api/v1/cycles", headers: { cookie } })).statusCode).toBe(401);
  });

  it("expire after 8 hours", async () => {
    const ed = await signIn(app, "ed");
    clock.advance(8 * 3_600_000 + 1000);
    expect((await ed.request("GET", "/cycles")).status).toBe(401);
  });

  it("end when an admin disables the user", async () => {
    const user = await seedUser(app, "temp", "analyst");
    const temp = await signIn(app, "temp");
    const root = await signIn(app, "root");
    expect((await root.request("PATCH", `/users/${user.id}`, { disabled: true })).status).toBe(200);
    expect((await temp.request("GET", "/cycles")).status).toBe(401);
    // A disabled account cannot sign in, and is told nothing more than for a wrong password.
    const r = await login({ username: "temp", password: PASSWORD });
    expect([r.statusCode, JSON.parse(r.body).message]).toEqual([401, "wrong username or password"]);
  });
});

describe("sign-in limits", () => {
  it("lock a username for 15 minutes after 5 failures in a row, even for the right password", async () => {
    await seedUser(app, "locky", "analyst");
    for (let i = 0; i < 5; i++) expect((await login({ username: "locky", password: "wrong password!" })).statusCode).toBe(401);
    const locked = await login({ username: "locky", password: PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(locked.headers["retry-after"]).toBe("900");
    expect(JSON.parse(locked.body).message).toMatch(/try again in 15 minutes/);
    clock.advance(15 * 60_000);
    expect((await login({ username: "locky", password: PASSWORD })).statusCode).toBe(200);
  });

  it("lock unknown usernames the same way (a lockout reveals no account)", async () => {
    for (let i = 0; i < 5; i++) expect((await login({ username: "ghost", password: "wrong password!" })).statusCode).toBe(401);
    expect((await login({ username: "ghost", password: "wrong password!" })).statusCode).toBe(429);
  });

  it("answer a locked real username and an unknown one alike after a restart (no enumeration)", async () => {
    const first = await pdcaApp({ auth: { loginsPerMinute: 1000 } });
    await seedUser(first.app, "lockedreal", "analyst");
    const attempt = (a: FastifyInstance, username: string, password = "wrong password!") => a.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username, password } });
    for (let i = 0; i < 5; i++) await attempt(first.app, "lockedreal");
    expect((await attempt(first.app, "lockedreal")).statusCode).toBe(429);
    await first.app.close();
    // The same app.duckdb, a new process's memory: the real account is still locked in the store.
    const again = await testApp({ appDb: first.appDb, now: () => first.clock.now, auth: { loginsPerMinute: 1000 } });
    try {
      const seen = async (username: string, password?: string) => {
        const answers: string[] = [];
        for (let i = 0; i < 6; i++) {
          const r = await attempt(again, username, password);
          answers.push(`${r.statusCode} ${JSON.parse(r.body).message.replace(/\d+ minutes?/, "N")}`);
        }
        return answers;
      };
      const real = await seen("lockedreal", PASSWORD);
      expect(real).toEqual(await seen("neverexisted", PASSWORD));
      // Still locked: even the right password does not sign in.
      expect(real.some((a) => a.startsWith("200"))).toBe(false);
    } finally {
      await again.close();
    }
  });

  it("limit attempts per address", async () => {
    const limited = await pdcaApp({ auth: { loginsPerMinute: 3 } });
    try {
      const attempt = (remoteAddress: string) => limited.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: "x", password: "y" }, remoteAddress });
      expect([(await attempt("10.0.0.1")).statusCode, (await attempt("10.0.0.1")).statusCode, (await attempt("10.0.0.1")).statusCode]).toEqual([401, 401, 401]);
      const fourth = await attempt("10.0.0.1");
      expect(fourth.statusCode).toBe(429);
      expect(Number(fourth.headers["retry-after"])).toBeGreaterThan(0);
      expect((await attempt("10.0.0.2")).statusCode).toBe(401);
      limited.clock.advance(60_000);
      expect((await attempt("10.0.0.1")).statusCode).toBe(401);
    } finally {
      await limited.app.close();
    }
  });
});

describe("text", () => {
  it("stores SQL and <script> verbatim, and never sends a literal '<' in JSON", async () => {
    const ed = await signIn(app, "ed");
    const nasty = `Robert'); DROP TABLE cycles;-- <script>alert("x")</script> & \u2028 ok`;
    const c = await ed.request("POST", "/cycles", { ...newCycle, title: nasty, problem: nasty });
    expect(c.status).toBe(201);
    expect(c.raw).not.toContain("<script>");
    expect(c.raw).toContain("\\u003cscript\\u003e");
    const id = c.body.id as string;
    await ed.request("POST", `/cycles/${id}/actions`, { description: nasty, owner: nasty });
    await ed.request("POST", `/cycles/${id}/notes`, { text: nasty });
    const detail = await ed.request("GET", `/cycles/${id}`);
    const body = detail.body as { cycle: { title: string; problem: string }; actions: { description: string; owner: string }[]; notes: { text: string }[] };
    expect([body.cycle.title, body.cycle.problem, body.actions[0]?.description, body.actions[0]?.owner, body.notes[0]?.text]).toEqual([nasty, nasty, nasty, nasty, nasty]);
    expect(detail.raw).not.toMatch(/[<>]/);
    // The tables are all still there.
    expect((await ed.request("GET", "/cycles")).status).toBe(200);
    // What cannot be stored faithfully is refused.
    expect((await ed.request("POST", `/cycles/${id}/notes`, { text: "a\u0000b" })).status).toBe(400);
  });
});
