// A zone system's own polygons, when the extract supplies them (boundary level `zone`), are its
// map; zones without one are the union of their members. Both with the extract's own
// geography and beside the shipped reference (a boundaries file of zone polygons only).
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Database } from "../core/duckdb.ts";
import { loadExtract } from "../etl/load/load-extract.ts";
import { generateSample } from "../sample/generate.ts";
import { readGeography, type ReleaseGeography } from "../release/geography.ts";
import { TINY, TODAY, temporaryDirectory, tinyWith } from "./helpers.ts";

/** A square polygon of `size` degrees at (lon, lat): nothing like any municipality's shape. */
const square = (lon: number, lat: number, size: number) => ({
  type: "Polygon" as const,
  coordinates: [
    [
      [lon, lat],
      [lon + size, lat],
      [lon + size, lat + size],
      [lon, lat + size],
      [lon, lat],
    ],
  ],
});
const zoneFeature = (code: string, geometry: ReturnType<typeof square>) => ({ type: "Feature", properties: { level: "zone", code }, geometry });

async function geographyOf(warehouse: string): Promise<ReleaseGeography> {
  const db = await Database.open(warehouse, { readOnly: true });
  try {
    return await readGeography(db);
  } finally {
    db.close();
  }
}
const mapOf = (geo: ReleaseGeography, level: string, code: string) => {
  const b = geo.boundaries.find((x) => x.level === level && x.area_code === code);
  return b ? (JSON.parse(b.geometry) as { type: string; coordinates: number[][][][] }) : undefined;
};

describe("zone polygons supplied with the extract's own geography", () => {
  it("draws a zone with its own polygon, and a zone without one as the union of its members", async () => {
    const boundaries = JSON.parse(readFileSync(join(TINY, "geo_boundaries.geojson"), "utf8")) as { features: unknown[] };
    const own = square(4.5, 51.1, 0.3);
    boundaries.features.push(zoneFeature("ELZ-S01", own));
    const dir = tinyWith({ files: { "geo_boundaries.geojson": JSON.stringify(boundaries) } });
    const warehouse = join(temporaryDirectory(), "w.duckdb");
    const result = await loadExtract(dir, { warehouse, today: TODAY });
    expect(result.check.report.issues).toEqual([]);
    const geo = await geographyOf(warehouse);
    // ELZ-S01 is 19001 + 19002, two small squares apart; its map is the supplied square instead.
    expect(mapOf(geo, "zone", "ELZ-S01")).toEqual({ type: "MultiPolygon", coordinates: [own.coordinates] });
    // OLS-S01 (59001 alone) has no polygon of its own: its map is its member's.
    expect(mapOf(geo, "zone", "OLS-S01")?.coordinates).toEqual(mapOf(geo, "municipality", "59001")?.coordinates);
  });

  it("refuses a zone polygon for a zone the geography does not have", async () => {
    const boundaries = JSON.parse(readFileSync(join(TINY, "geo_boundaries.geojson"), "utf8")) as { features: unknown[] };
    boundaries.features.push(zoneFeature("ELZ-NOWHERE", square(4.5, 51.1, 0.3)));
    const result = await loadExtract(tinyWith({ files: { "geo_boundaries.geojson": JSON.stringify(boundaries) } }), { today: TODAY });
    expect(result.check.report.issues.find((i) => i.rule === "boundaries.unknown-code")).toMatchObject({ file: "geo_boundaries.geojson", column: "features[6]", value: "ELZ-NOWHERE" });
  });
});

describe("zone polygons supplied beside the shipped reference geography", () => {
  let geo: ReleaseGeography;
  let issues: { rule: string; severity: string }[];
  const own = square(3.6, 50.9, 0.2);
  let db: Database;

  beforeAll(async () => {
    const dir = join(temporaryDirectory(), "extract");
    await generateSample({ scale: 0.0002, firstYear: 2024, lastYear: 2024, seed: 9, out: dir, workers: 1 });
    // Person-level files only, then one zone system of the extract's own with its polygon: a
    // boundaries file that draws no municipality at all.
    for (const name of readdirSync(dir)) if (/^(geo|zone)_/.test(name)) rmSync(join(dir, name));
    writeFileSync(join(dir, "geo_zone_systems.csv"), "system_code,name_fr,name_nl,name_de,name_en,region_code,vintage\nelz-test,Test,Test,Test,Test,,2025\n");
    writeFileSync(
      join(dir, "geo_zones.csv"),
      "zone_code,system_code,name_fr,name_nl,name_de,name_en\nZ-GENT,elz-test,Gent-Zuid,Gent-Zuid,Gent-Zuid,Gent-Zuid\nZ-NAZ,elz-test,Nazareth,Nazareth,Nazareth,Nazareth\n",
    );
    writeFileSync(join(dir, "geo_zone_members.csv"), "zone_code,nis_code,sector_code\nZ-GENT,44021,\nZ-GENT,44088,\nZ-NAZ,44086,\n");
    writeFileSync(join(dir, "geo_boundaries.geojson"), JSON.stringify({ type: "FeatureCollection", features: [zoneFeature("Z-GENT", own)] }));
    const warehouse = join(dir, "..", "w.duckdb");
    const result = await loadExtract(dir, { warehouse });
    expect(result.check.report.ok, result.check.report.format()).toBe(true);
    issues = result.check.report.issues;
    db = await Database.open(warehouse, { readOnly: true });
    geo = await readGeography(db);
  }, 120_000);
  afterAll(() => db?.close());

  it("draws the zone with the supplied polygon, and the other zone as the union of its member", () => {
    expect(mapOf(geo, "zone", "Z-GENT")).toEqual({ type: "MultiPolygon", coordinates: [own.coordinates] });
    expect(mapOf(geo, "zone", "Z-NAZ")?.coordinates).toEqual(mapOf(geo, "municipality", "44086")?.coordinates);
    expect(mapOf(geo, "zone", "Z-NAZ")).toBeDefined();
  });

  it("keeps the reference's municipal map, and none of the reference's zone polygons", async () => {
    expect(geo.boundaries.filter((b) => b.level === "municipality")).toHaveLength(565);
    expect(issues.filter((i) => i.rule === "boundaries.missing")).toEqual([]);
    const stored = await db.all<{ level: string; n: number }>("SELECT level, count(*)::INTEGER AS n FROM geo_boundary GROUP BY 1 ORDER BY 1");
    expect(stored).toEqual([
      { level: "municipality", n: 565 },
      { level: "sector", n: 3 },
      { level: "zone", n: 1 },
    ]);
  });
});
