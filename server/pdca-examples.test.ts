// The demo's example PDCA cycles: seeded once from a synthetic release (the one published from
// the synthetic sample, with real zones), readable without an account, read-only.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { EXAMPLE_CYCLES } from "../pdca/examples/texts.ts";
import { sampleRelease } from "../tests/support/sample-release.ts";
import { client, seedCycle, seedUser, signIn } from "./test-support/pdca.ts";
import { seedExampleCycles } from "./pdca/seed-examples.ts";
import { temporaryDirectory, testApp } from "./test-support/app.ts";

describe("example PDCA cycles of the demo", () => {
  let app: FastifyInstance;
  let seeded = 0;
  let privateId = "";
  beforeAll(async () => {
    const release = await sampleRelease();
    const appDb = join(temporaryDirectory("boussole-examples-"), "app.duckdb");
    seeded = await seedExampleCycles({ release, appDb });
    expect(await seedExampleCycles({ release, appDb })).toBe(0);
    app = await testApp({ releaseDir: release, appDb });
    const editor = await seedUser(app, "editor.gent", "editor", [{ system: "elz", zone: "elz13" }]);
    privateId = await seedCycle(app, editor, { system: "elz", zone: "elz13" }, "Not an example");
  }, 600_000);
  afterAll(async () => app?.close());

  it("writes one example per demo zone with a published baseline, once", () => {
    expect(seeded).toBeGreaterThanOrEqual(3);
    expect(seeded).toBeLessThanOrEqual(EXAMPLE_CYCLES.length);
  });

  it("shows a visitor the examples only, read-only, with their check and history", async () => {
    const visitor = client(app);
    expect((await visitor.request("GET", "/cycles")).status).toBe(401);
    const list = await visitor.request("GET", "/cycles/examples");
    expect(list.status).toBe(200);
    const cycles = list.body.cycles as { id: string; title: string; example: boolean; canWrite: boolean; actionsFrom: number; phase: string }[];
    expect(cycles).toHaveLength(seeded);
    for (const c of cycles) {
      expect(c).toMatchObject({ example: true, canWrite: false, actionsFrom: 2022 });
      expect(c.phase).not.toBe("plan");
      expect(c.title).toMatch(/^(Voorbeeld|Exemple|Beispiel) — /);
      for (const path of [`/cycles/${c.id}`, `/cycles/${c.id}/check`, `/cycles/${c.id}/history`]) expect((await visitor.request("GET", path)).status).toBe(200);
      const detail = await visitor.request("GET", `/cycles/${c.id}`);
      expect((detail.body.actions as unknown[]).length).toBeGreaterThan(0);
    }
    // Not the network's own cycles, and no writes.
    expect(cycles.map((c) => c.id)).not.toContain(privateId);
    expect((await visitor.request("GET", `/cycles/${privateId}`)).status).toBe(401);
    expect((await visitor.request("GET", `/cycles/${privateId}/check`)).status).toBe(401);
    const id = cycles[0]!.id;
    expect((await visitor.request("POST", `/cycles/${id}/notes`, { text: "hello" })).status).toBe(401);
    expect((await visitor.request("PATCH", `/cycles/${id}`, { title: "x" })).status).toBe(401);
  });

  it("the example author cannot sign in", async () => {
    const r = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: "demo", password: "!" } });
    expect(r.statusCode).toBe(401);
  });

  it("a signed-in user sees every cycle, the examples marked", async () => {
    const editor = await signIn(app, "editor.gent");
    const cycles = (await editor.request("GET", "/cycles")).body.cycles as { id: string; example: boolean }[];
    expect(cycles.find((c) => c.id === privateId)?.example).toBe(false);
    expect(cycles.filter((c) => c.example)).toHaveLength(seeded);
  });
});

describe("a release without the demo zones", () => {
  it("gets no examples", async () => {
    const { fixtureRelease } = await import("./test-support/app.ts");
    expect(await seedExampleCycles({ release: await fixtureRelease(), appDb: join(temporaryDirectory("boussole-examples-"), "app.duckdb") })).toBe(0);
  });
});
