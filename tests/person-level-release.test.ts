// Issue 13, "done when": an extract that holds only person-level files loads AND publishes with
// the shipped geography. A tiny synthetic sample (one year, scale 0.0005) loses every geo_* file,
// is loaded into a real DuckDB warehouse, then published with one cheap indicator: the release
// must carry the real zones (an ELZ, a Brussels bassin, the German-speaking Community), the
// municipalities named from the reference, and zone maps.
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Database } from "../core/duckdb.ts";
import { loadExtract } from "../etl/load/load-extract.ts";
import { generateSample } from "../sample/generate.ts";
import { loadDefinitions } from "../indicators/definition/load.ts";
import type { Manifest } from "../release/manifest.ts";
import { publish } from "../release/publish.ts";
import { temporaryDirectory } from "./helpers.ts";

const ROOT = resolve(import.meta.dirname, "..");

describe("an extract of person-level files only, loaded and published", () => {
  let release: string;
  let db: Database;
  let manifest: Manifest;
  let extractNames: string[];

  beforeAll(async () => {
    const dir = temporaryDirectory();
    const extract = join(dir, "extract");
    await generateSample({ scale: 0.0005, firstYear: 2024, lastYear: 2024, seed: 11, out: extract, workers: 1 });
    for (const name of readdirSync(extract)) if (name.startsWith("geo_")) rmSync(join(extract, name));
    extractNames = readdirSync(extract);
    const warehouse = join(dir, "warehouse.duckdb");
    const load = await loadExtract(extract, { warehouse });
    expect(load.check.report.ok, load.check.report.format()).toBe(true);
    expect(load.written).toBe(true);
    const { definitions } = loadDefinitions(join(ROOT, "indicators", "definitions"));
    release = join(dir, "release");
    manifest = await publish(
      definitions.filter((d) => d.id === "gmd-coverage"),
      { warehouse, out: release, threads: 1 },
    );
    db = await Database.open(join(release, "published.duckdb"), { readOnly: true });
  }, 600_000);
  afterAll(() => db?.close());

  it("had no geography file of its own", () => {
    expect(extractNames.filter((n) => n.startsWith("geo_"))).toEqual([]);
    expect(extractNames).toContain("ima_population.csv");
  });

  it("publishes a passing release with cells for the real zones", async () => {
    expect(manifest.audit.passed).toBe(true);
    expect(existsSync(join(release, "manifest.json"))).toBe(true);
    expect(JSON.parse(readFileSync(join(release, "manifest.json"), "utf8")).releaseId).toBe(manifest.releaseId);
    const cells = await db.all<{ system_code: string; n: number }>(
      "SELECT system_code, count(DISTINCT area_code)::INTEGER AS n FROM cell WHERE level = 'zone' AND stratum = 'total' GROUP BY 1 ORDER BY 1",
    );
    expect(cells).toEqual([
      { system_code: "bassin", n: 5 },
      { system_code: "dg", n: 1 },
      { system_code: "elz", n: 57 },
      { system_code: "elz-antwerpen", n: 4 },
      { system_code: "ols-provisoire", n: 20 },
    ]);
  });

  it("names zones and municipalities from the reference geography", async () => {
    const area = async (code: string) => (await db.all<Record<string, string>>("SELECT level, system_code, name_fr, name_nl, name_de, name_en FROM area WHERE area_code = $1", [code]))[0];
    expect(await area("elz13")).toMatchObject({ level: "zone", system_code: "elz" });
    expect((await area("elz13"))!.name_nl).toMatch(/Gent/);
    expect(await area("BXL-NORD-EST")).toMatchObject({ level: "zone", system_code: "bassin", name_fr: "Bassin Nord-Est" });
    expect(await area("DG")).toMatchObject({ level: "zone", system_code: "dg", name_de: "Deutschsprachige Gemeinschaft" });
    expect(await area("21015")).toMatchObject({ level: "municipality", name_fr: "Schaerbeek", name_nl: "Schaarbeek" });
    expect(await area("63023")).toMatchObject({ level: "municipality", name_de: "Eupen" });
    expect(await area("44088")).toMatchObject({ level: "municipality", name_nl: "Merelbeke-Melle" });
    expect(await area("BE")).toMatchObject({ level: "belgium", name_en: "Belgium" });
    const [count] = await db.all<{ n: number }>("SELECT count(*)::INTEGER AS n FROM area WHERE level = 'municipality'");
    expect(count!.n).toBe(565);
  });

  it("puts Schaerbeek in its bassin and Eupen in the German-speaking Community", async () => {
    const zonesOf = async (nis: string) => (await db.all<{ zone_code: string }>("SELECT zone_code FROM zone_member WHERE nis_code = $1 ORDER BY 1", [nis])).map((r) => r.zone_code);
    expect(await zonesOf("21015")).toContain("BXL-NORD-EST");
    expect(await zonesOf("63023")).toEqual(expect.arrayContaining(["DG"]));
  });

  it("draws every zone of the ELZ and bassin systems", async () => {
    const drawn = await db.all<{ system_code: string; n: number }>(
      "SELECT system_code, count(*)::INTEGER AS n FROM boundary WHERE level = 'zone' AND system_code IN ('elz', 'bassin') GROUP BY 1 ORDER BY 1",
    );
    expect(drawn).toEqual([
      { system_code: "bassin", n: 5 },
      { system_code: "elz", n: 57 },
    ]);
  });
});
