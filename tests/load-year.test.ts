/**
 * `load_year`: the rows per table and year that a load records, and that computing indicators
 * reads instead of scanning the event tables to know which years each source covers.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { computeIndicators } from "../indicators/compute/compute.ts";
import { coverageSql } from "../indicators/compute/source-coverage.ts";
import { loadDefinitions } from "../indicators/definition/load.ts";
import { ROOT } from "./helpers.ts";
import { copyOf, tinyWarehouse, withDatabase } from "./indicator-helpers.ts";

const SOURCES = ["person_year", "health_service", "pharmacy_delivery", "hospital_stay", "zone_prem", "zone_workforce", "zone_supply"];

describe("load_year", () => {
  let warehouse: string;
  beforeAll(async () => {
    warehouse = await tinyWarehouse();
  });

  it("holds, for every source of the indicators, what a scan of the table counts per year and survey", async () => {
    await withDatabase(warehouse, async (db) => {
      for (const table of SOURCES) {
        const scanned = await db.all<{ year: number; survey: string | null; rows: bigint }>(`${coverageSql(table)} ORDER BY ALL`);
        const recorded = await db.all<{ year: number; survey: string | null; rows: bigint }>(`SELECT year, survey, row_count AS rows FROM load_year WHERE table_name = '${table}' ORDER BY ALL`);
        expect(recorded, table).toEqual(scanned);
        expect(recorded.length, table).toBeGreaterThan(0);
      }
    });
  });

  it("is what computing indicators reads: a year missing from it leaves that year without cells", async () => {
    const { definitions } = loadDefinitions(join(ROOT, "indicators", "definitions"));
    const emergency = definitions.filter((d) => d.id === "emergency-visits");
    const full = await computeIndicators(warehouse, emergency);
    const years = [...new Set(full.cells.map((c) => c.year))].sort();
    expect(years.length).toBeGreaterThan(1);
    const last = years.at(-1)!;
    // The rows are still in health_service: only the record says the year has none.
    const edited = await copyOf(warehouse, (db) => db.run(`DELETE FROM load_year WHERE table_name = 'health_service' AND year = ${last}`));
    const result = await computeIndicators(edited, emergency);
    expect(result.skippedYears).toEqual([{ id: "emergency-visits", year: last, reason: `no source data: health_service has no rows for ${last}` }]);
    expect(result.cells.some((c) => c.year === last)).toBe(false);
  });

  it("is not needed: without it (a warehouse loaded before it existed) the tables are scanned, with the same cells", async () => {
    const { definitions } = loadDefinitions(join(ROOT, "indicators", "definitions"));
    const withRecord = await computeIndicators(warehouse, definitions);
    const older = await copyOf(warehouse, (db) => db.run("DROP TABLE load_year"));
    const scanned = await computeIndicators(older, definitions);
    // In the same order: a query's rows come in no fixed order.
    const sorted = (cells: readonly object[]) => cells.map((c) => JSON.stringify(c)).sort();
    expect(sorted(scanned.cells)).toEqual(sorted(withRecord.cells));
    expect(scanned.skippedYears).toEqual(withRecord.skippedYears);
    expect(scanned.cells.length).toBeGreaterThan(1000);
  });
});
