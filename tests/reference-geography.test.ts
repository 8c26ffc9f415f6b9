import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { referenceGeography } from "../geography/reference.ts";
import { Database } from "../core/duckdb.ts";
import { loadExtract } from "../etl/load/load-extract.ts";
import { generateSample } from "../sample/generate.ts";
import { readGeography, type ReleaseGeography } from "../release/geography.ts";
import { temporaryDirectory } from "./helpers.ts";

/** An extract of person-level files only: every geo_* file of a generated sample removed. */
describe("an extract without geography files", () => {
  let dir: string;
  let geo: ReleaseGeography;
  let db: Database;

  beforeAll(async () => {
    dir = temporaryDirectory();
    await generateSample({ scale: 0.0002, firstYear: 2023, lastYear: 2024, seed: 3, out: dir, workers: 1 });
    for (const name of readdirSync(dir)) if (name.startsWith("geo_")) rmSync(join(dir, name));
    const result = await loadExtract(dir, { warehouse: join(dir, "warehouse.duckdb") });
    expect(result.check.report.ok, result.check.report.format()).toBe(true);
    // The reference's systems are partial by design (Antwerp's sub-zones, the DG): no warning about it.
    expect(result.check.report.issues.filter((i) => i.rule === "geo.uncovered-municipality")).toEqual([]);
    db = await Database.open(join(dir, "warehouse.duckdb"), { readOnly: true });
    geo = await readGeography(db);
  }, 120_000);

  it("loads with the shipped reference geography of 2025", async () => {
    const [row] = await db.all<{ n: number; v: number }>("SELECT count(*)::INTEGER AS n, max(vintage)::INTEGER AS v FROM geo_municipality");
    expect(row).toEqual({ n: 565, v: 2025 });
    expect(geo.areas.find((a) => a.area_code === "21015")).toMatchObject({ name_fr: "Schaerbeek", name_nl: "Schaarbeek" });
    expect(geo.areas.find((a) => a.area_code === "21004")?.name_en).toBe("Brussels");
    expect(geo.members.filter((m) => m.nis_code === "63023").map((m) => m.zone_code)).toContain("DG");
  });

  it("maps ELZ zones with their own polygons, and bassins as the union of their members", () => {
    const ref = referenceGeography(2025).boundaries.features;
    const gent = geo.boundaries.find((b) => b.level === "zone" && b.area_code === "elz13");
    const official = ref.find((f) => f.properties.level === "zone" && f.properties.code === "elz13")!.geometry;
    const coordinates = official.type === "Polygon" ? [official.coordinates] : official.coordinates;
    expect(JSON.parse(gent!.geometry)).toEqual({ type: "MultiPolygon", coordinates });
    const nord = geo.boundaries.find((b) => b.level === "zone" && b.area_code === "BXL-NORD");
    expect(nord).toBeDefined();
    expect(ref.some((f) => f.properties.level === "zone" && f.properties.code === "BXL-NORD")).toBe(false);
  });

  it("takes the 581 municipalities of 2019–2024 when an earlier vintage is asked for", async () => {
    const { referenceGeographyFor } = await import("../etl/validate/extract-geography.ts");
    const supplied = referenceGeographyFor(["ima_population.csv"], 2023)!;
    expect(supplied.vintage).toBe(2023);
    expect(supplied.names).toContain("geo_municipalities.csv");
    expect(referenceGeographyFor(["geo_municipalities.csv", "ima_population.csv"])).toBeNull();
    const own = referenceGeographyFor(["ima_population.csv", "geo_zone_systems.csv", "geo_zones.csv", "geo_zone_members.csv", "geo_boundaries.geojson"])!;
    expect(own.names.sort()).toEqual(["geo_municipalities.csv", "geo_sectors.csv"]);
  });
});
