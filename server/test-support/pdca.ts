// Helpers for the PDCA tests: an app on the fixture release with a fresh app.duckdb and a
// clock the tests move, accounts seeded straight into the store, signed-in clients.
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { hashPassword } from "../../pdca/accounts/password.ts";
import { createCycle, createUser, type Role, type User, type Zone } from "../../pdca/store/index.ts";
import type { AppOptions } from "../app.ts";
import { temporaryDirectory, testApp } from "./app.ts";

export const PASSWORD = "correct horse battery staple";
/** Cheap scrypt for seeded accounts: verification reads the cost from the hash. */
const CHEAP = { N: 1024, r: 8, p: 1 };

export interface Clock {
  now: Date;
  advance(ms: number): void;
}

/** An app with a fresh app.duckdb on the fixture release, or on `options.releaseDir` (a published sample). */
export async function pdcaApp(options: Partial<AppOptions> = {}): Promise<{ app: FastifyInstance; appDb: string; clock: Clock }> {
  const clock: Clock = {
    now: new Date("2026-11-23T12:00:00Z"),
    advance(ms) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const appDb = join(temporaryDirectory("boussole-pdca-"), "app.duckdb");
  const app = await testApp({ appDb, now: () => clock.now, ...options });
  return { app, appDb, clock };
}

export async function seedUser(app: FastifyInstance, username: string, role: Role, zones: Zone[] = [], password = PASSWORD): Promise<User> {
  const passwordHash = await hashPassword(password, CHEAP);
  const { db } = app.pdca;
  return db.write((q) => createUser(q, { username, displayName: username.toUpperCase(), role, zones, passwordHash }, db.now()));
}

export interface Client {
  /** Cookie and CSRF headers of a signed-in user ({} when anonymous). */
  headers: Record<string, string>;
  request(
    method: "GET" | "POST" | "PATCH" | "DELETE",
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: Record<string, unknown>; headers: Record<string, unknown>; raw: string }>;
}

export function client(app: FastifyInstance, headers: Record<string, string> = {}): Client {
  return {
    headers,
    async request(method, url, body, extra = {}) {
      const r = await app.inject({ method, url: `/api/v1${url}`, headers: { ...headers, ...extra }, ...(body === undefined ? {} : { payload: body as object }) });
      return { status: r.statusCode, body: r.body ? (JSON.parse(r.body) as Record<string, unknown>) : {}, headers: r.headers, raw: r.body };
    },
  };
}

/** Signs in; the client sends the session cookie and the CSRF token. */
export async function signIn(app: FastifyInstance, username: string, password = PASSWORD): Promise<Client> {
  const r = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username, password } });
  if (r.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${r.statusCode} ${r.body}`);
  const cookie = String(r.headers["set-cookie"]).split(";")[0] as string;
  return client(app, { cookie, "x-csrf-token": (JSON.parse(r.body) as { csrfToken: string }).csrfToken });
}

/** A cycle straight into the store (plan, with a target), for tests that need many. */
export async function seedCycle(app: FastifyInstance, by: User, zone: Zone, title = "Seeded"): Promise<string> {
  const { db } = app.pdca;
  const cycle = await db.write((q) =>
    createCycle(
      q,
      {
        ...zone,
        indicators: ["gmd-coverage"],
        title,
        problem: "p",
        baseline: { indicator: "gmd-coverage", year: 2024, value: 70, lower: 69, upper: 71, releaseId: "fixture" },
        target: { value: 80, date: "2027-12-31" },
        previousId: null,
        actionsFrom: null,
      },
      by,
      db.now(),
    ),
  );
  return cycle.id;
}
