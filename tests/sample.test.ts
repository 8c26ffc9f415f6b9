import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { Database } from "../core/duckdb.ts";
import { loadExtract } from "../etl/load/load-extract.ts";
import { generateSample, IMPROVING_ZONES } from "../sample/generate.ts";
import { temporaryDirectory } from "./helpers.ts";

function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [
        name,
        createHash("sha256")
          .update(readFileSync(join(dir, name)))
          .digest("hex"),
      ]),
  );
}

describe("synthetic sample: determinism", () => {
  it("gives the same bytes for the same seed, whatever the number of threads", async () => {
    const a = temporaryDirectory();
    const b = temporaryDirectory();
    const c = temporaryDirectory();
    await generateSample({ scale: 0.0005, firstYear: 2021, lastYear: 2023, seed: 42, out: a, workers: 1 });
    await generateSample({ scale: 0.0005, firstYear: 2021, lastYear: 2023, seed: 42, out: b, workers: 2 });
    await generateSample({ scale: 0.0005, firstYear: 2021, lastYear: 2023, seed: 43, out: c, workers: 1 });
    expect(hashes(b)).toEqual(hashes(a));
    expect(Object.keys(hashes(a)).length).toBeGreaterThanOrEqual(17);
    expect(hashes(c)["ima_population.csv"]).not.toEqual(hashes(a)["ima_population.csv"]);
  });

  it("writes reproducible Parquet that loads like the CSV", async () => {
    const a = temporaryDirectory();
    const b = temporaryDirectory();
    await generateSample({ scale: 0.0003, firstYear: 2023, lastYear: 2024, seed: 5, out: a, format: "parquet" });
    await generateSample({ scale: 0.0003, firstYear: 2023, lastYear: 2024, seed: 5, out: b, format: "parquet" });
    expect(hashes(b)).toEqual(hashes(a));
    const result = await loadExtract(a, { warehouse: join(a, "w.duckdb") });
    expect(result.check.report.format()).toContain("0 error(s)");
    expect(
      result.check.files
        .filter((f) => f.format === "parquet")
        .map((f) => f.name)
        .sort(),
    ).toEqual(["ima_healthcare.parquet", "ima_hospital_stays.parquet", "ima_pharmacy.parquet", "ima_population.parquet"]);
  });
});

describe("synthetic sample: a believable Belgium", () => {
  const scale = 0.005;
  let db: Database;
  const one = async (sql: string): Promise<number> => Number(Object.values((await db.all(sql))[0] ?? {})[0]);

  beforeAll(async () => {
    const dir = temporaryDirectory();
    await generateSample({ scale, firstYear: 2019, lastYear: 2024, seed: 42, out: dir });
    const result = await loadExtract(dir, { warehouse: join(dir, "warehouse.duckdb") });
    expect(result.check.report.ok, result.check.report.format()).toBe(true);
    db = await Database.open(join(dir, "warehouse.duckdb"), { readOnly: true });
    await db.run(`CREATE TEMP VIEW p AS SELECT p.*, m.region_code, p.year - p.birth_year AS age FROM person_year p JOIN geo_municipality m USING (nis_code)`);
  });

  it("has real Belgium: its 565 municipalities of 2025, its zone systems, the Brussels bassins", async () => {
    expect(await one("SELECT count(*) FROM geo_municipality")).toBe(565);
    const systems = await db.all<{ system_code: string; n: number }>("SELECT system_code, count(*)::INTEGER AS n FROM geo_zone GROUP BY 1 ORDER BY 1");
    expect(systems).toEqual([
      { system_code: "bassin", n: 5 },
      { system_code: "dg", n: 1 },
      { system_code: "elz", n: 57 },
      { system_code: "elz-antwerpen", n: 4 },
      { system_code: "ols-provisoire", n: 20 },
    ]);
    const nord = await db.all<{ unit: string }>("SELECT coalesce(sector_code, nis_code) AS unit FROM geo_zone_member WHERE zone_code = 'BXL-NORD' ORDER BY 1");
    expect(nord.map((r) => r.unit)).toEqual(["21003", "21004_NORD", "21008", "21010", "21011"]);
    expect((await db.all<{ name_nl: string }>("SELECT name_nl FROM geo_municipality WHERE nis_code = '21015'"))[0]?.name_nl).toBe("Schaarbeek");
    expect(await one("SELECT bool_and(synthetic) FROM load_batch")).toBe(1);
  });

  it("holds Belgium's 11.49 million people (Statbel 2020) × scale, ageing over the years", async () => {
    const first = await one("SELECT count(*) FROM p WHERE year = 2019");
    expect(first / scale).toBeGreaterThan(11.49e6 * 0.97);
    expect(first / scale).toBeLessThan(11.49e6 * 1.03);
    const old2019 = await one("SELECT avg((age >= 65)::INT) FROM p WHERE year = 2019");
    const old2024 = await one("SELECT avg((age >= 65)::INT) FROM p WHERE year = 2024");
    expect(old2019).toBeGreaterThan(0.16);
    expect(old2019).toBeLessThan(0.23);
    expect(old2024).toBeGreaterThan(old2019);
    const deathsPerThousand = (1000 * (await one("SELECT count(*) FROM p WHERE year = 2022 AND death_date IS NOT NULL"))) / (await one("SELECT count(*) FROM p WHERE year = 2022"));
    expect(deathsPerThousand).toBeGreaterThan(7);
    expect(deathsPerThousand).toBeLessThan(13);
  });

  it("has a higher BIM share and lower GMD coverage in Brussels and Wallonia", async () => {
    const byRegion = await db.all<{ region_code: string; bim: number; gmd: number }>("SELECT region_code, avg(bim::INT) AS bim, avg(gmd::INT) AS gmd FROM p WHERE year = 2024 GROUP BY 1 ORDER BY 1");
    const [flanders, wallonia, brussels] = byRegion;
    expect(flanders!.bim).toBeGreaterThan(0.1);
    expect(flanders!.bim).toBeLessThan(wallonia!.bim);
    expect(wallonia!.bim).toBeLessThan(brussels!.bim);
    expect(brussels!.bim).toBeLessThan(0.5);
    expect(flanders!.gmd).toBeGreaterThan(wallonia!.gmd);
    expect(wallonia!.gmd).toBeGreaterThan(brussels!.gmd);
  });

  it("has a social gradient: BIM raises chronic illness and lowers screening", async () => {
    const chronic = await db.all<{ bim: boolean; share: number }>("SELECT bim, avg(chronic_status::INT) AS share FROM p WHERE year = 2024 AND age BETWEEN 45 AND 64 GROUP BY 1 ORDER BY 1");
    expect(chronic[1]!.share).toBeGreaterThan(chronic[0]!.share * 1.2);
    const screening = await db.all<{ bim: boolean; share: number }>(`
      SELECT p.bim, avg((s.person_id IS NOT NULL)::INT) AS share
      FROM p LEFT JOIN (SELECT DISTINCT person_id FROM health_service WHERE nomenclature_code IN ('990210', '990220') AND year(service_date) IN (2023, 2024)) s USING (person_id)
      WHERE p.year = 2024 AND p.sex = 'F' AND p.age BETWEEN 50 AND 69 GROUP BY 1 ORDER BY 1`);
    expect(screening[0]!.share).toBeGreaterThan(0.4);
    expect(screening[0]!.share).toBeLessThan(0.75);
    expect(screening[1]!.share).toBeLessThan(screening[0]!.share - 0.05);
  });

  it("shows the improvement actions started in 2022 in the chosen zones", async () => {
    const coverage = await db.all<{ improving: boolean; year: number; share: number }>(`
      WITH zone_of AS (SELECT DISTINCT m.nis_code, m.sector_code, (m.zone_code IN (${IMPROVING_ZONES.map((z) => `'${z}'`).join(", ")})) AS improving FROM geo_zone_member m),
      person_zone AS (SELECT p.person_id, p.year, bool_or(z.improving) AS improving FROM p JOIN zone_of z ON z.nis_code = p.nis_code AND (z.sector_code IS NULL OR z.sector_code = p.sector_code)
                      WHERE p.sex = 'F' AND p.age BETWEEN 50 AND 69 AND p.year IN (2021, 2024) GROUP BY 1, 2),
      screened AS (SELECT DISTINCT person_id, year(service_date) AS y FROM health_service WHERE nomenclature_code IN ('990210', '990220'))
      SELECT improving, year, avg((EXISTS (SELECT 1 FROM screened s WHERE s.person_id = pz.person_id AND s.y IN (pz.year, pz.year - 1)))::INT) AS share
      FROM person_zone pz GROUP BY 1, 2 ORDER BY 1, 2`);
    const rise = (improving: boolean) => coverage.find((c) => c.improving === improving && c.year === 2024)!.share - coverage.find((c) => c.improving === improving && c.year === 2021)!.share;
    expect(rise(true)).toBeGreaterThan(rise(false) + 0.08);
  });

  it("has enough events of each kind for the indicators", async () => {
    const counts = await db.all<{ what: string; n: number }>(`
      SELECT 'flu vaccine' AS what, count(*)::INTEGER AS n FROM pharmacy_delivery WHERE atc_code = 'J07BB02'
      UNION ALL SELECT 'antibiotics', count(*) FROM pharmacy_delivery WHERE atc_code LIKE 'J01%'
      UNION ALL SELECT 'diabetes treatment', count(*) FROM pharmacy_delivery WHERE atc_code LIKE 'A10%'
      UNION ALL SELECT 'cervical smear', count(*) FROM health_service WHERE nomenclature_code = '990310'
      UNION ALL SELECT 'emergency visit', count(*) FROM health_service WHERE setting = 'emergency'
      UNION ALL SELECT 'HbA1c', count(*) FROM health_service WHERE nomenclature_code = '990610'
      UNION ALL SELECT 'classic stays', count(*) FROM hospital_stay WHERE stay_type = 'classic'
      UNION ALL SELECT 'readmissions', count(*) FROM hospital_stay a JOIN hospital_stay b ON a.person_id = b.person_id AND b.admission_date > a.discharge_date AND b.admission_date <= a.discharge_date + 30 AND a.stay_type = 'classic' AND b.stay_type = 'classic'
      UNION ALL SELECT 'avoidable admissions', count(*) FROM hospital_stay WHERE main_diagnosis IN ('E11', 'I50', 'J44', 'J45')`);
    for (const c of counts) expect(c.n, c.what).toBeGreaterThan(200);
    const [shares] = await db.all<{ old: number; everyone: number }>(`
      WITH users AS (SELECT person_id, year(delivery_date) AS year, atc_code FROM pharmacy_delivery GROUP BY ALL HAVING sum(ddd) >= 80),
      counts AS (SELECT person_id, year, count(*) AS n FROM users GROUP BY ALL)
      SELECT avg((coalesce(c.n, 0) >= 5)::INT) FILTER (WHERE p.age >= 75) AS old, avg((coalesce(c.n, 0) >= 5)::INT) AS everyone
      FROM p LEFT JOIN counts c USING (person_id, year) WHERE p.year = 2023`);
    // IMA-AIM measured 13.5% of the whole population in 2021; far more among the oldest.
    expect(shares!.old).toBeGreaterThan(0.3);
    expect(shares!.old).toBeLessThan(0.75);
    expect(shares!.everyone).toBeGreaterThan(0.06);
    expect(shares!.everyone).toBeLessThan(0.2);
  });

  it("counts in Statbel's population structure the people alive on 1 January", async () => {
    const statbel = await one("SELECT sum(population) FROM statbel_population WHERE year = 2024");
    const alive = await one("SELECT count(*) FROM person_year WHERE year = 2023 AND death_date IS NULL");
    expect(statbel).toBe(alive);
  });
});
