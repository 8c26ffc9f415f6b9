import { feature } from "topojson-client";
import type { Topology } from "topojson-specification";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AreaRow } from "./catalog.ts";
import { getJson, testApp } from "./test-support/app.ts";

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

interface Hit {
  area: AreaRow;
  name: string;
  matched: string;
  zones: { area: AreaRow; name: string; partial: boolean }[];
}

describe("GET /api/v1/release", () => {
  it("describes the release from its manifest", async () => {
    const { status, body } = await getJson(app, "/api/v1/release");
    expect(status).toBe(200);
    expect(body).toMatchObject({
      releaseId: "fixture0000000a1",
      createdAt: "2026-11-23T14:00:00.000Z",
      lastUpdated: "2026-11-22T09:30:00.000Z",
      synthetic: true,
      producer: "Boussole test fixture",
      years: { first: 2020, last: 2024 },
      indicators: 3,
      audit: { passed: true, hiddenSmallCount: 84, hiddenComplementary: 0, hiddenDerived: 0 },
    });
    expect((body.audit as { cellsPublished: number }).cellsPublished).toBeGreaterThan(1000);
  });

  it("refuses any query parameter", async () => {
    const { status, body } = await getJson(app, "/api/v1/release?x=1");
    expect(status).toBe(400);
    expect(body.message).toBe("unknown query parameter 'x'");
  });
});

describe("geography", () => {
  it("lists levels with counts, and zone systems", async () => {
    const levels = await getJson<{ levels: { level: string; areas: number }[] }>(app, "/api/v1/geography/levels");
    expect(levels.body.levels.map((l) => [l.level, l.areas])).toEqual([
      ["belgium", 1],
      ["region", 2],
      ["province", 2],
      ["zone", 6],
      ["municipality", 8],
    ]);
    const systems = await getJson<{ systems: { system_code: string; zones: number; name_nl: string }[] }>(app, "/api/v1/geography/systems");
    expect(systems.body.systems).toEqual([expect.objectContaining({ system_code: "ZPL", zones: 6, name_nl: "Eerstelijnszones" })]);
  });

  it("lists areas of a level with names in four languages", async () => {
    const { body } = await getJson<{ areas: AreaRow[] }>(app, "/api/v1/geography/areas?level=municipality");
    expect(body.areas).toHaveLength(8);
    expect(body.areas.find((a) => a.area_code === "62063")).toEqual({
      level: "municipality",
      system_code: null,
      area_code: "62063",
      name_fr: "Liège",
      name_nl: "Luik",
      name_de: "Lüttich",
      name_en: "Liège",
      region_code: "03000",
      province_code: "60000",
    });
    const zones = await getJson<{ areas: AreaRow[] }>(app, "/api/v1/geography/areas?level=zone&system=ZPL");
    expect(zones.body.areas.map((a) => a.area_code)).toEqual(["Z01", "Z02", "Z03", "Z04", "Z05", "Z06"]);
    expect((await getJson(app, "/api/v1/geography/areas")).body.areas).toHaveLength(19);
  });

  it("answers bad geography queries with the parameter and the reason", async () => {
    const cases: [string, number, RegExp][] = [
      ["/api/v1/geography/areas?level=county", 400, /query parameter 'level': expected one of belgium, region, province, zone, municipality/],
      ["/api/v1/geography/areas?level=region&system=ZPL", 400, /'system' applies to level=zone only/],
      ["/api/v1/geography/areas?system=NOPE", 404, /unknown zone system 'NOPE'/],
      ["/api/v1/geography/areas?level=zone&level=region", 400, /'level'.*more than once/],
      ["/api/v1/geography/areas?sort=name", 400, /unknown query parameter 'sort' \(allowed: level, system\)/],
      ["/api/v1/geography/zones/ZPL/Z99", 404, /unknown zone 'Z99' in system 'ZPL'/],
      ["/api/v1/geography/zones/ZPL/a%20b", 400, /path parameter 'zone'/],
      ["/api/v1/geography/search", 400, /query parameter 'q': is required/],
      ["/api/v1/geography/search?q=x&lang=es", 400, /query parameter 'lang': expected one of fr, nl, de, en/],
      ["/api/v1/geography/search?q=x&limit=500", 400, /query parameter 'limit'/],
      ["/api/v1/geography/boundaries?level=zone", 400, /'system' is required with level=zone/],
      ["/api/v1/geography/boundaries?level=belgium", 400, /query parameter 'level'/],
      ["/api/v1/geography/boundaries?level=region&format=shp", 400, /query parameter 'format': expected geojson or topojson/],
    ];
    for (const [url, status, message] of cases) {
      const r = await getJson<{ error: string; message: string }>(app, url);
      expect(r.status, url).toBe(status);
      expect(r.body.message, url).toMatch(message);
      expect(r.body.error, url).toBe(status === 400 ? "Bad Request" : "Not Found");
    }
  });

  it("returns a zone with its member municipalities and sectors", async () => {
    const { body } = await getJson<{ zone: AreaRow; members: { nis_code: string; sector_code: string | null; municipality: AreaRow }[] }>(app, "/api/v1/geography/zones/ZPL/Z03");
    expect(body.zone.name_en).toBe("Campine zone");
    expect(body.members.map((m) => [m.nis_code, m.sector_code, m.municipality.name_nl])).toEqual([
      ["12021", "12021B00-", "Lier"],
      ["13040", null, "Turnhout"],
    ]);
  });
});

describe("GET /api/v1/geography/search", () => {
  const search = async (query: string) => (await getJson<{ results: Hit[] }>(app, `/api/v1/geography/search?${query}`)).body.results;

  it("finds a municipality whatever the accents, case and language, with the zones that contain it", async () => {
    for (const q of ["liege", "LIÈGE", "Luik", "lüttich", "luttich"]) {
      const [first] = await search(`q=${encodeURIComponent(q)}&lang=fr`);
      expect(first?.area.area_code, q).toBe("62063");
      expect(first?.name).toBe("Liège");
      expect(first?.zones.map((z) => [z.area.area_code, z.partial])).toEqual([["Z04", false]]);
    }
    const [nl] = await search("q=liege&lang=nl");
    expect(nl?.name).toBe("Luik");
  });

  it("returns both zones of a municipality split by sectors, as partial", async () => {
    const [lier] = await search("q=lier");
    expect(lier?.area.area_code).toBe("12021");
    expect(lier?.zones.map((z) => [z.area.area_code, z.partial])).toEqual([
      ["Z02", true],
      ["Z03", true],
    ]);
  });

  it("finds by NIS code prefix, and zones by name", async () => {
    const byCode = await search("q=6307");
    expect(byCode.map((h) => [h.area.area_code, h.matched])).toEqual([["63079", "code"]]);
    expect((await search("q=62063"))[0]?.area.area_code).toBe("62063");
    const zones = await search("q=campine");
    expect(zones[0]?.area).toMatchObject({ level: "zone", area_code: "Z03" });
    expect(await search("q=zzzz")).toEqual([]);
    expect(await search("q=zone&limit=2")).toHaveLength(2);
  });
});

describe("GET /api/v1/geography/boundaries", () => {
  it("returns GeoJSON features carrying level, system, code and names, with coordinates rounded and deduplicated", async () => {
    const r = await app.inject({ url: "/api/v1/geography/boundaries?level=municipality" });
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toMatch(/^application\/geo\+json/);
    const fc = JSON.parse(r.body) as { type: string; features: { id: string; properties: Record<string, unknown>; geometry: { type: string; coordinates: number[][][][] } }[] };
    expect(fc.type).toBe("FeatureCollection");
    expect(fc.features).toHaveLength(8);
    const liege = fc.features.find((f) => f.id === "62063");
    expect(liege?.properties).toEqual({ level: "municipality", system_code: null, area_code: "62063", name_fr: "Liège", name_nl: "Luik", name_de: "Lüttich", name_en: "Liège" });
    const ring = liege?.geometry.coordinates[0]?.[0] ?? [];
    // The fixture's rings have 6 noisy points, one a near-duplicate: 5 remain, closed, 4 decimals.
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring.at(-1));
    for (const [x, y] of ring as [number, number][]) {
      expect(Math.round(x * 1e4) / 1e4).toBe(x);
      expect(Math.round(y * 1e4) / 1e4).toBe(y);
    }
  });

  it("returns TopoJSON that decodes to the same features, and reports both sizes", async () => {
    const geo = await app.inject({ url: "/api/v1/geography/boundaries?level=zone&system=ZPL" });
    const topo = await app.inject({ url: "/api/v1/geography/boundaries?level=zone&system=ZPL&format=topojson" });
    expect(topo.statusCode).toBe(200);
    const topology = JSON.parse(topo.body) as Topology;
    const decoded = feature(topology, topology.objects.areas as never) as unknown as { features: { id: string; properties: { area_code: string; name_fr: string } }[] };
    expect(decoded.features.map((f) => f.properties.area_code)).toEqual(["Z01", "Z02", "Z03", "Z04", "Z05", "Z06"]);
    expect(decoded.features[3]?.properties.name_fr).toBe("Zone Liège-Verviers");
    // Sizes of a 6-zone fixture are tiny; the benchmark measures a real release.
    expect(geo.body.length).toBeGreaterThan(500);
    expect(topo.body.length).toBeGreaterThan(500);
  });
});

describe("indicators", () => {
  it("lists indicators, filtered by aim and type", async () => {
    const all = await getJson<{ indicators: { id: string; title: Record<string, string> }[] }>(app, "/api/v1/indicators");
    expect(all.body.indicators.map((i) => i.id)).toEqual(["gmd-coverage", "premature-mortality", "spending-per-person"]);
    const outcomes = await getJson<{ indicators: { id: string }[] }>(app, "/api/v1/indicators?type=outcome&aim=value");
    expect(outcomes.body.indicators.map((i) => i.id)).toEqual(["spending-per-person"]);
    expect((await getJson(app, "/api/v1/indicators?aim=joy")).status).toBe(400);
  });

  it("returns one indicator's metadata in four languages, English where a translation is missing", async () => {
    const { status, body } = await getJson<{ title: Record<string, string>; metadata: Record<string, Record<string, string>>; levels: string[]; yearsByLevel: Record<string, number[]> }>(
      app,
      "/api/v1/indicators/spending-per-person",
    );
    expect(status).toBe(200);
    expect(body.title).toEqual({ fr: "Dépenses par personne", nl: "Uitgaven per persoon", de: "Spending per person", en: "Spending per person" });
    expect(body.metadata.definition).toEqual({
      fr: "Definition of Spending per person.",
      nl: "Definition of Spending per person.",
      de: "Definition of Spending per person.",
      en: "Definition of Spending per person.",
    });
    expect(body.levels).toEqual(["belgium", "region", "zone"]);
    expect(body.yearsByLevel.zone).toEqual([2020, 2021, 2022, 2023, 2024]);
    const missing = await getJson(app, "/api/v1/indicators/no-such-thing");
    expect(missing).toMatchObject({ status: 404, body: { error: "Not Found", message: "unknown indicator 'no-such-thing' (see /api/v1/indicators)" } });
    expect((await getJson(app, "/api/v1/indicators/Bad_Id")).status).toBe(400);
  });
});
