// The API on a release published from the synthetic sample, not only on the hand-made
// fixture: the sample's municipalities have no German or English name (NULL), which once made
// every search answer 500.
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LANGUAGES } from "../core/languages.ts";
import { buildApp } from "../server/app.ts";
import type { AreaRow } from "../server/catalog.ts";
import { Database } from "../core/duckdb.ts";
import { getJson, temporaryDirectory } from "../server/test-support/app.ts";
import { sampleRelease } from "./support/sample-release.ts";

let app: FastifyInstance;
let release: string;
beforeAll(async () => {
  release = await sampleRelease();
  app = await buildApp({ releaseDir: release, webDir: join(temporaryDirectory(), "no-web"), checkResponses: true });
  // Building the release takes about a minute on an idle machine, several when it is busy.
}, 600_000);
afterAll(() => app?.close());

interface Hit {
  area: AreaRow;
  name: string;
  zones: { area: AreaRow; name: string }[];
}

describe("a release published from the synthetic sample", () => {
  it("has municipalities without a German or English name (what the fixture never had)", async () => {
    const db = await Database.open(join(release, "published.duckdb"), { readOnly: true });
    try {
      const [row] = await db.all<{ n: number }>("SELECT count(*)::INTEGER AS n FROM area WHERE level = 'municipality' AND (name_de IS NULL OR name_en IS NULL)");
      expect(row!.n).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  it("finds municipalities and zones by name in every language, never a 500", async () => {
    const { body } = await getJson<{ areas: AreaRow[] }>(app, "/api/v1/geography/areas?level=municipality");
    const some = body.areas.filter((_, i) => i % Math.ceil(body.areas.length / 10) === 0);
    expect(some.length).toBeGreaterThan(5);
    for (const area of some) {
      for (const lang of LANGUAGES) {
        // Every name a string: a missing language falls back to another.
        expect(typeof area[`name_${lang as "fr"}`]).toBe("string");
        const r = await getJson<{ results: Hit[] }>(app, `/api/v1/geography/search?q=${encodeURIComponent(area.name_fr)}&lang=${lang}`);
        expect([area.name_fr, lang, r.status]).toEqual([area.name_fr, lang, 200]);
        expect(r.body.results.map((h) => h.area.area_code)).toContain(area.area_code);
      }
    }
    const zones = await getJson<{ areas: AreaRow[] }>(app, "/api/v1/geography/areas?level=zone");
    const zone = zones.body.areas[0]!;
    const byName = await getJson<{ results: Hit[] }>(app, `/api/v1/geography/search?q=${encodeURIComponent(zone.name_nl)}&lang=nl`);
    expect(byName.body.results.map((h) => h.area.area_code)).toContain(zone.area_code);
  });

  it("answers a zone's and a municipality's profile with the published indicator", async () => {
    const zones = await getJson<{ areas: AreaRow[] }>(app, "/api/v1/geography/areas?level=zone");
    const zone = zones.body.areas[0]!;
    const profile = await getJson<{ indicators: { indicator: { id: string } }[] }>(app, `/api/v1/profile/zone/${zone.area_code}?system=${zone.system_code}`);
    expect(profile.status).toBe(200);
    // The sample release also holds emergency-visits (quarterly, for period_cell: support/sample-release.ts).
    expect(profile.body.indicators.map((i) => i.indicator.id)).toContain("gmd-coverage");
    const municipalities = await getJson<{ areas: AreaRow[] }>(app, "/api/v1/geography/areas?level=municipality");
    const town = await getJson<{ indicators: unknown[] }>(app, `/api/v1/profile/municipality/${municipalities.body.areas[0]!.area_code}`);
    expect(town.status).toBe(200);
    const boundaries = await app.inject({ url: `/api/v1/geography/boundaries?level=zone&system=${zone.system_code}` });
    expect(boundaries.statusCode).toBe(200);
    // Every feature named in all four languages, NULLs of the release filled in.
    const names = (JSON.parse(boundaries.body) as { features: { properties: Record<string, unknown> }[] }).features.flatMap((f) => LANGUAGES.map((l) => f.properties[`name_${l}`]));
    expect(names.every((n) => typeof n === "string" && n.length > 0)).toBe(true);
  });
});
