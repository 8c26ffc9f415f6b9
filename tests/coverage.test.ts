import { describe, expect, it } from "vitest";
import { coverageNames } from "../geography/coverage.ts";
import { Database } from "../core/duckdb.ts";
import { warehouseSchema } from "../contract/warehouse-schema.ts";
import { readGeography } from "../release/geography.ts";

describe("honest coverage", () => {
  it("names the top level Belgium only when all three regions are covered", () => {
    expect(coverageNames(["02000", "03000", "04000"])).toMatchObject({ nameEn: "Belgium", nameNl: "België", belgium: true });
    expect(coverageNames(["02000"])).toEqual({ nameFr: "Région flamande", nameNl: "Vlaams Gewest", nameDe: "Flämische Region", nameEn: "Flemish Region", belgium: false });
    expect(coverageNames(["04000", "02000"]).nameEn).toBe("Flemish Region and Brussels-Capital Region");
  });

  it("never says Belgium in a release whose people all live in Flanders, even on the shipped geography of all Belgium", async () => {
    const db = await Database.open(":memory:");
    try {
      for (const s of warehouseSchema()) await db.run(s);
      await db.run(`INSERT INTO geo_municipality (nis_code, name_fr, name_nl, region_code, language_area, vintage, batch_id) VALUES
        ('11002', 'Anvers', 'Antwerpen', '02000', 'nl', 2025, 'b'), ('21015', 'Schaerbeek', 'Schaarbeek', '04000', 'bilingual', 2025, 'b'), ('62063', 'Liège', 'Luik', '03000', 'fr', 2025, 'b')`);
      await db.run(`INSERT INTO person_year (year, person_id, birth_year, sex, nis_code, bim, gmd, chronic_status, sickness_fund, batch_id)
        VALUES (2024, 'p1', 1950, 'F', '11002', 0, 1, 0, '100', 'b')`);
      const flemish = await readGeography(db);
      const top = flemish.areas.find((a) => a.level === "belgium")!;
      expect([top.name_fr, top.name_nl, top.name_de, top.name_en]).toEqual(["Région flamande", "Vlaams Gewest", "Flämische Region", "Flemish Region"]);
      expect(JSON.stringify(flemish.areas)).not.toMatch(/Belgi/);
      await db.run(`INSERT INTO person_year (year, person_id, birth_year, sex, nis_code, bim, gmd, chronic_status, sickness_fund, batch_id)
        VALUES (2024, 'p2', 1960, 'M', '21015', 0, 1, 0, '100', 'b'), (2024, 'p3', 1970, 'M', '62063', 0, 1, 0, '100', 'b')`);
      expect((await readGeography(db)).areas.find((a) => a.level === "belgium")?.name_en).toBe("Belgium");
    } finally {
      db.close();
    }
  });
});
