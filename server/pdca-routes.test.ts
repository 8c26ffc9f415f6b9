import SwaggerParser from "@apidevtools/swagger-parser";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyse } from "../pdca/spc/index.ts";
import { CellFilter, selectCells } from "./cell-query.ts";
import { client, pdcaApp, seedUser, signIn, type Client, type Clock } from "./test-support/pdca.ts";
import { getJson, testApp } from "./test-support/app.ts";

let app: FastifyInstance;
let clock: Clock;
let editor: Client;
let admin: Client;
beforeAll(async () => {
  ({ app, clock } = await pdcaApp());
  await seedUser(app, "ed", "editor", [
    { system: "ZPL", zone: "Z01" },
    { system: "ZPL", zone: "Z06" },
  ]);
  await seedUser(app, "root", "admin");
  editor = await signIn(app, "ed");
  admin = await signIn(app, "root");
});
afterAll(() => app.close());

/** The fixture's published total cells of one indicator for one zone, by year. */
async function zoneValues(indicator: string, zone: string) {
  const cells = await selectCells(app.releases.release.db, new CellFilter().eq("indicator_id", indicator).eq("level", "zone").eq("system_code", "ZPL").eq("area_code", zone).eq("stratum", "total"));
  return cells.map((c) => ({ year: c.year, value: c.value }));
}

describe("a cycle from plan to closed through the API", () => {
  it("creates a cycle with its baseline from the release, walks the phases, and checks it", async () => {
    const created = await editor.request("POST", "/cycles", {
      system: "ZPL",
      zone: "Z01",
      indicators: ["gmd-coverage", "premature-mortality"],
      title: "More GMDs",
      problem: "GMD coverage is below the region's.",
    });
    expect(created.status).toBe(201);
    const cycle = created.body as { id: string; baseline: { indicator: string; year: number; value: number; releaseId: string }; phase: string; canWrite: boolean };
    const series = await zoneValues("gmd-coverage", "Z01");
    expect(cycle.baseline).toMatchObject({ indicator: "gmd-coverage", year: 2024, value: series.at(-1)?.value, releaseId: "fixture0000000a1" });
    expect(cycle).toMatchObject({ phase: "plan", canWrite: true });

    const id = cycle.id;
    expect((await editor.request("POST", `/cycles/${id}/phase`, { to: "do" })).body.message).toBe("set a target before starting the actions");
    const v = (await editor.request("PATCH", `/cycles/${id}`, { target: { value: 85, date: "2027-12-31" }, actionsFrom: 2022, version: 1 })).body;
    expect(v).toMatchObject({ version: 2, target: { value: 85, date: "2027-12-31" }, actionsFrom: 2022 });
    expect((await editor.request("PATCH", `/cycles/${id}`, { title: "stale", version: 1 })).status).toBe(409);
    const action = await editor.request("POST", `/cycles/${id}/actions`, { description: "Letters to GPs", owner: "Network office", dueDate: "2027-03-31" });
    expect(action.status).toBe(201);
    expect(action.body).toMatchObject({ status: "planned", dueDate: "2027-03-31" });
    expect((await editor.request("POST", `/cycles/${id}/phase`, { to: "do" })).body).toMatchObject({ phase: "do", doStartedAt: clock.now.toISOString() });
    expect((await editor.request("PATCH", `/cycles/${id}/actions/${action.body.id as string}`, { status: "done" })).body).toMatchObject({ status: "done" });
    expect((await editor.request("POST", `/cycles/${id}/notes`, { text: "Letters sent." })).status).toBe(201);

    // The check: the zone's series from the release, analysed from the cycle's actionsFrom.
    const check = await editor.request("GET", `/cycles/${id}/check`);
    expect(check.status).toBe(200);
    const body = check.body as {
      actionsStart: unknown;
      indicators: { indicator: { id: string }; polarity: string; target: unknown; series: { year: number; value: number | null }[]; verdict: { kind: string }; words: { verdict: { en: string } } }[];
    };
    expect(body.actionsStart).toEqual({ year: 2022, source: "cycle" });
    const [gmd, mortality] = body.indicators;
    expect(gmd?.series.map((p) => ({ year: p.year, value: p.value }))).toEqual(series);
    expect(gmd?.target).toEqual({ value: 85, source: "cycle" });
    expect(gmd?.polarity).toBe("high-is-good");
    // The same analysis as the library's on the same numbers.
    const expected = analyse(series, { actionsStart: 2022, polarity: "high-is-good", target: 85 });
    expect(gmd?.verdict).toEqual(expected.verdict);
    expect(mortality).toMatchObject({ indicator: { id: "premature-mortality" }, polarity: "low-is-good", target: null, baseline: null });
    expect(typeof gmd?.words.verdict.en).toBe("string");

    for (const to of ["check", "act"]) expect((await editor.request("POST", `/cycles/${id}/phase`, { to })).status).toBe(200);
    expect((await editor.request("POST", `/cycles/${id}/phase`, { to: "closed" })).status).toBe(409);
    expect((await editor.request("POST", `/cycles/${id}/phase`, { to: "closed", decision: "adapt" })).body).toMatchObject({ phase: "closed", decision: "adapt" });
    clock.advance(60_000); // the list is ordered by last change
    const next = await editor.request("POST", "/cycles", {
      system: "ZPL",
      zone: "Z01",
      indicators: ["gmd-coverage"],
      title: "More GMDs, round 2",
      problem: "Adapted plan",
      previousId: id,
      baselineYear: 2023,
    });
    expect(next.body).toMatchObject({ previousId: id, baseline: { year: 2023 } });

    const detail = await editor.request("GET", `/cycles/${id}`);
    expect(detail.body).toMatchObject({ followedBy: [next.body.id], notes: [{ text: "Letters sent.", author: "ED" }], actions: [{ status: "done" }] });
    const history = (await admin.request("GET", `/cycles/${id}/history`)).body.history as { username: string; what: { type: string } }[];
    expect(history.map((h) => h.what.type)).toEqual(["cycle.created", "cycle.updated", "action.added", "cycle.phase", "action.updated", "note.added", "cycle.phase", "cycle.phase", "cycle.phase"]);
    expect(history.every((h) => h.username === "ed")).toBe(true);
    const list = (await admin.request("GET", "/cycles?system=ZPL&zone=Z01")).body.cycles as { id: string; canWrite: boolean }[];
    expect(list.map((c) => c.id)).toEqual([next.body.id, id]);
  });

  it("says when the data is not enough: a hidden year, or actions after the last year", async () => {
    // Z06's 2024 gmd-coverage cell is hidden (small count): 4 published points of 5.
    const c = await editor.request("POST", "/cycles", { system: "ZPL", zone: "Z06", indicators: ["gmd-coverage"], title: "t", problem: "p", baselineYear: 2023 });
    expect(c.status).toBe(201);
    const check = (await editor.request("GET", `/cycles/${c.body.id as string}/check`)).body as {
      indicators: { series: { year: number; value: number | null; hidden: string | null }[]; verdict: { kind: string; reason: string }; words: { verdict: { fr: string } } }[];
    };
    const [gmd] = check.indicators;
    expect(gmd?.series.at(-1)).toMatchObject({ year: 2024, value: null, hidden: "suppressed" });
    expect(gmd?.verdict).toMatchObject({ kind: "not-enough-data", reason: "too-few-points" });
    expect(gmd?.words.verdict.fr).toBe("Données insuffisantes : 4 années publiées, il en faut au moins 5");
    // The hidden year cannot be a baseline.
    const hidden = await editor.request("POST", "/cycles", { system: "ZPL", zone: "Z06", indicators: ["gmd-coverage"], title: "t", problem: "p", baselineYear: 2024 });
    expect(hidden.status).toBe(400);
    expect(hidden.body.message).toMatch(/hidden \(disclosure control\)/);
    // The latest published year by default: 2023.
    expect((await editor.request("POST", "/cycles", { system: "ZPL", zone: "Z06", indicators: ["gmd-coverage"], title: "t", problem: "p" })).body).toMatchObject({ baseline: { year: 2023 } });
  });

  it("refuses unknown zones, indicators and fields, with the field named", async () => {
    const bad = async (body: Record<string, unknown>) =>
      (await admin.request("POST", "/cycles", { system: "ZPL", zone: "Z01", indicators: ["gmd-coverage"], title: "t", problem: "p", ...body })).body.message;
    expect(await bad({ zone: "Z99" })).toBe("body field 'zone': unknown zone 'Z99' in system ZPL");
    expect(await bad({ indicators: ["nope"] })).toBe("body field 'indicators': unknown indicator 'nope'");
    expect(await bad({ title: "   " })).toBe("body field 'title': expected some title");
    expect(await bad({ target: { value: 80, date: "2027-02-30" } })).toMatch(/body field 'target'.*real date/);
    // Month 13 is no date at all: a 400 naming the field, not a 500.
    const impossible = await admin.request("POST", "/cycles", { system: "ZPL", zone: "Z01", indicators: ["gmd-coverage"], title: "t", problem: "p", target: { value: 80, date: "2027-13-45" } });
    expect(impossible.status).toBe(400);
    expect(impossible.body.message).toMatch(/body field 'target'.*real date/);
    expect(await bad({ colour: "red" })).toMatch(/unknown body field 'colour'/);
    expect(await bad({ previousId: "0f8fad5b-d9cb-469f-a165-70867728950e" })).toMatch(/no cycle/);
    expect((await admin.request("GET", "/cycles/not-an-id")).status).toBe(400);
    expect((await admin.request("GET", "/cycles/0f8fad5b-d9cb-469f-a165-70867728950e")).status).toBe(404);
  });
});

describe("users, for admins", () => {
  it("creates, lists and changes accounts; refuses weak passwords, unknown zones and self-demotion", async () => {
    const made = await admin.request("POST", "/users", { username: "ana", displayName: "Ana Lyst", role: "analyst", password: "a long enough passphrase" });
    expect(made.status).toBe(201);
    expect(made.body).not.toHaveProperty("passwordHash");
    expect((await admin.request("POST", "/users", { username: "ana", displayName: "Again", role: "analyst", password: "a long enough passphrase" })).status).toBe(409);
    expect((await admin.request("POST", "/users", { username: "weak", displayName: "W", role: "analyst", password: "short" })).body.message).toMatch(/at least 12/);
    expect(
      (await admin.request("POST", "/users", { username: "ed2", displayName: "E", role: "editor", zones: [{ system: "ZPL", zone: "Z77" }], password: "a long enough passphrase" })).body.message,
    ).toMatch(/unknown zone 'Z77'/);
    expect((await admin.request("POST", "/users", { username: "ed3", displayName: "E", role: "editor", password: "a long enough passphrase" })).body.message).toMatch(/at least one zone/);
    const users = (await admin.request("GET", "/users")).body.users as { username: string; id: string }[];
    expect(users.map((u) => u.username)).toEqual(["ana", "ed", "root"]);
    const me = users.find((u) => u.username === "root")!;
    expect((await admin.request("PATCH", `/users/${me.id}`, { role: "analyst" })).status).toBe(409);
    // A new password ends the user's sessions and signs in.
    const ana = await signIn(app, "ana", "a long enough passphrase");
    expect((await admin.request("PATCH", `/users/${made.body.id as string}`, { password: "another long passphrase" })).status).toBe(200);
    expect((await ana.request("GET", "/auth/session")).body.user).toBeNull();
    await signIn(app, "ana", "another long passphrase");
  });
});

describe("the OpenAPI document", () => {
  it("describes the auth, users and cycles routes with their bodies and errors, and is valid", async () => {
    const doc = JSON.parse((await app.inject({ url: "/api/docs/json" })).body) as {
      paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown>; tags: string[] }>>;
    };
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(ops.filter((o) => /auth|users|cycles/.test(o)).sort()).toEqual([
      "GET /api/v1/auth/session",
      "GET /api/v1/cycles",
      "GET /api/v1/cycles/examples",
      "GET /api/v1/cycles/{id}",
      "GET /api/v1/cycles/{id}/check",
      "GET /api/v1/cycles/{id}/history",
      "GET /api/v1/users",
      "PATCH /api/v1/cycles/{id}",
      "PATCH /api/v1/cycles/{id}/actions/{actionId}",
      "PATCH /api/v1/users/{id}",
      "POST /api/v1/auth/login",
      "POST /api/v1/auth/logout",
      "POST /api/v1/cycles",
      "POST /api/v1/cycles/{id}/actions",
      "POST /api/v1/cycles/{id}/notes",
      "POST /api/v1/cycles/{id}/phase",
      "POST /api/v1/users",
    ]);
    const create = doc.paths["/api/v1/cycles"]?.post;
    expect(create?.requestBody).toBeDefined();
    expect(Object.keys(create?.responses ?? {})).toEqual(expect.arrayContaining(["201", "400", "401", "403", "409"]));
  });
});

describe("without an app database", () => {
  it("registers no auth, users or cycles routes: the public API only", async () => {
    const plain = await testApp();
    try {
      expect((await getJson(plain, "/api/v1/auth/session")).status).toBe(404);
      expect((await getJson(plain, "/api/v1/cycles")).status).toBe(404);
      expect((await getJson(plain, "/api/v1/release")).status).toBe(200);
    } finally {
      await plain.close();
    }
  });

  it("public routes stay anonymous and cacheable next to the PDCA ones", async () => {
    const r = await client(app).request("GET", "/profile/zone/Z01?system=ZPL");
    expect(r.status).toBe(200);
    expect(r.headers["cache-control"]).toBe("public, max-age=300");
    expect((await client(app).request("GET", "/cycles")).headers["cache-control"]).toBe("no-store");
  });
});
