// The authorisation matrix: every role × every write route × the editor's own zone and
// another one, one test per combination; then the reads. Each write case gets fresh data
// (a cycle in plan with a target and one action, a fresh user) so that cases do not depend
// on each other.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addAction, type User, type Zone } from "../pdca/store/index.ts";
import { client, pdcaApp, seedCycle, seedUser, signIn, type Client } from "./test-support/pdca.ts";

const OWN: Zone = { system: "ZPL", zone: "Z01" };
const OTHER: Zone = { system: "ZPL", zone: "Z02" };
const ROLES = ["anonymous", "editor of Z01", "analyst", "admin", "disabled editor of Z01"] as const;
type Role = (typeof ROLES)[number];

let app: FastifyInstance;
let seeder: User;
const clients = {} as Record<Role, Client>;
let counter = 0;

beforeAll(async () => {
  ({ app } = await pdcaApp());
  seeder = await seedUser(app, "seeder", "admin");
  await seedUser(app, "editor", "editor", [OWN]);
  await seedUser(app, "analyst", "analyst");
  await seedUser(app, "admin", "admin");
  const disabled = await seedUser(app, "disabled", "editor", [OWN]);
  clients.anonymous = client(app);
  clients["editor of Z01"] = await signIn(app, "editor");
  clients.analyst = await signIn(app, "analyst");
  clients.admin = await signIn(app, "admin");
  clients["disabled editor of Z01"] = await signIn(app, "disabled");
  // Disabled behind the API's back: its session row stays, the user check must still refuse it.
  await app.pdca.db.write((q) => q.run("UPDATE users SET disabled = true WHERE id = $1", [disabled.id]));
});
afterAll(() => app.close());

interface Fixture {
  cycleId: string;
  actionId: string;
  userId: string;
  zone: Zone;
}
async function fixture(zone: Zone): Promise<Fixture> {
  const cycleId = await seedCycle(app, seeder, zone);
  const { db } = app.pdca;
  const action = await db.write((q) => addAction(q, cycleId, { description: "d", owner: "o", dueDate: null, status: "planned" }, seeder, db.now()));
  const user = await seedUser(app, `target${++counter}`, "analyst");
  return { cycleId, actionId: action.id, userId: user.id, zone };
}

interface Route {
  name: string;
  zoned: boolean;
  ok: number;
  request: (f: Fixture) => [method: "POST" | "PATCH", url: string, body: unknown];
}
const WRITES: Route[] = [
  { name: "POST /cycles", zoned: true, ok: 201, request: (f) => ["POST", "/cycles", { ...f.zone, indicators: ["gmd-coverage"], title: "t", problem: "p" }] },
  { name: "PATCH /cycles/:id", zoned: true, ok: 200, request: (f) => ["PATCH", `/cycles/${f.cycleId}`, { title: "changed" }] },
  { name: "POST /cycles/:id/phase", zoned: true, ok: 200, request: (f) => ["POST", `/cycles/${f.cycleId}/phase`, { to: "do" }] },
  { name: "POST /cycles/:id/actions", zoned: true, ok: 201, request: (f) => ["POST", `/cycles/${f.cycleId}/actions`, { description: "d", owner: "o" }] },
  { name: "PATCH /cycles/:id/actions/:actionId", zoned: true, ok: 200, request: (f) => ["PATCH", `/cycles/${f.cycleId}/actions/${f.actionId}`, { status: "in-progress" }] },
  { name: "POST /cycles/:id/notes", zoned: true, ok: 201, request: (f) => ["POST", `/cycles/${f.cycleId}/notes`, { text: "n" }] },
  { name: "POST /users", zoned: false, ok: 201, request: () => ["POST", "/users", { username: `new${++counter}`, displayName: "N", role: "analyst", password: "a long enough passphrase" }] },
  { name: "PATCH /users/:id", zoned: false, ok: 200, request: (f) => ["PATCH", `/users/${f.userId}`, { displayName: "Renamed" }] },
];

function expected(role: Role, route: Route, own: boolean): number {
  if (role === "anonymous" || role === "disabled editor of Z01") return 401;
  if (route.name.includes("/users")) return role === "admin" ? route.ok : 403;
  if (role === "editor of Z01") return own ? route.ok : 403;
  return route.ok;
}

const cases = ROLES.flatMap((role) => WRITES.flatMap((route) => (route.zoned ? [true, false] : [true]).map((own) => ({ role, route, own, status: expected(role, route, own) }))));

describe("writes", () => {
  it.each(cases.map((c) => [`${c.role} → ${c.route.name}${c.route.zoned ? (c.own ? " (own zone)" : " (other zone)") : ""}: ${c.status}`, c] as const))("%s", async (_name, c) => {
    const f = await fixture(c.own ? OWN : OTHER);
    const [method, url, body] = c.route.request(f);
    const r = await clients[c.role].request(method, url, body);
    expect(r.status, r.raw).toBe(c.status);
    expect(r.body).toHaveProperty(c.status >= 400 ? "message" : "id");
  });
});

const READS: { name: string; url: (f: Fixture) => string; adminOnly?: boolean }[] = [
  { name: "GET /cycles", url: () => "/cycles" },
  { name: "GET /cycles/:id", url: (f) => `/cycles/${f.cycleId}` },
  { name: "GET /cycles/:id/history", url: (f) => `/cycles/${f.cycleId}/history` },
  { name: "GET /cycles/:id/check", url: (f) => `/cycles/${f.cycleId}/check` },
  { name: "GET /users", url: () => "/users", adminOnly: true },
];
const readCases = ROLES.flatMap((role) =>
  READS.map((route) => ({ role, route, status: role === "anonymous" || role === "disabled editor of Z01" ? 401 : route.adminOnly && role !== "admin" ? 403 : 200 })),
);

describe("reads (any signed-in user reads every zone's cycles)", () => {
  it.each(readCases.map((c) => [`${c.role} → ${c.route.name}: ${c.status}`, c] as const))("%s", async (_name, c) => {
    const f = await fixture(OTHER);
    expect((await clients[c.role].request("GET", c.route.url(f))).status).toBe(c.status);
  });

  it("GET /auth/session answers everyone: the user or null", async () => {
    expect((await clients.anonymous.request("GET", "/auth/session")).body).toEqual({ user: null, csrfToken: null, expiresAt: null });
    expect((await clients["disabled editor of Z01"].request("GET", "/auth/session")).body.user).toBeNull();
    expect((await clients.analyst.request("GET", "/auth/session")).body).toMatchObject({ user: { username: "analyst", role: "analyst" }, csrfToken: clients.analyst.headers["x-csrf-token"] });
  });
});
