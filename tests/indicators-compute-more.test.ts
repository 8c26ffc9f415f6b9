/**
 * Means per person and directly standardised rates on the tiny extract, against values worked
 * out by hand from data-samples/tiny (the persons are described in indicators-compute.test.ts).
 *
 * Spending per person-year (euro, the year of the event only):
 * | person | 2023                                             | 2024                             |
 * |--------|--------------------------------------------------|----------------------------------|
 * | p1     | 25.50 GP + 4.20 + 4.20 pharmacy = 33.90           | 60.00 care + 950.00 stay = 1010  |
 * | p2     | 0                                                | 120.00 care + 3.50 pharmacy = 123.50 |
 * | p3     | 8450.00 stay + 6.10 pharmacy = 8456.10           | (not insured)                    |
 * | p4     | 25.50                                            | 30.00                            |
 * | p6     | 0                                                | 40.10 care + 0.00 pharmacy = 40.10 |
 * p5, p7, p8: nothing. Health-service events: 2023 p1, p4 (2 of 6); 2024 p1, p2, p4, p6 (4 of 7).
 *
 * ESP 2013 bands in 2023 (age = year − birth year): p1 73 → 70–74, p2 38 → 35–39, p3 85 → 85–89
 * (died 2023), p4 61 → 60–64, p5 13 → 10–14, p6 53 → 50–54. The only death is p3's, in a band of
 * one person-year and weight 1,500 of 100,000: the all-ages DSR is 1,500 per 100,000, and with
 * one death Dobson's limits are 1,500 × the exact Poisson limits of 1.
 *
 * Zone figures (2024 only): zone_prem P3CEQ BXL-NORD 68.4 (sd 14.9, 212 respondents), ELZ-S01
 * 74.1 (12.2, 190); zone_workforce BXL-NORD 58.2 (17.5, 95), OLS-S01 61.0 (16.0, 88);
 * zone_supply gp_fte BXL-NORD 71.5 for 1 insured person (p1) → 715,000 per 10,000, ELZ-S01
 * 101.2 for 2 (p4, p5) → 506,000 per 10,000.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadDefinitions } from "../indicators/definition/load.ts";
import { compile } from "../indicators/compute/compile.ts";
import { computeIndicators, type ComputeResult } from "../indicators/compute/compute.ts";
import { standardFor, withStatistics, type CellWithStatistics } from "../indicators/compute/statistics.ts";
import { meanLimits, poissonCountLimits, studentTQuantile } from "../indicators/stats/index.ts";
import { ROOT, TINY, tinyWith } from "./helpers.ts";
import { definition as baseDefinition, tinyWarehouse, warehouseOf } from "./indicator-helpers.ts";

const definition = (fields: Parameters<typeof baseDefinition>[0]) => baseDefinition(fields, { aim: "value", polarity: "no-judgement" });

const ALL_SOURCES = ["health_service", "pharmacy_delivery", "hospital_stay"] as const;
const DEFS = [
  definition({ id: "spend", statistic: "mean-per-person", unit: "euro", population: {}, numerator: { kind: "spending", sources: [...ALL_SOURCES] } }),
  definition({ id: "spend-care", statistic: "mean-per-person", unit: "euro", population: {}, numerator: { kind: "spending", sources: ["health_service"] } }),
  // p1 (73) and p3 (85) are outside: their large amounts are not in the mean.
  definition({ id: "spend-under-65", statistic: "mean-per-person", unit: "euro", population: { age: [0, 64] }, numerator: { kind: "spending", sources: [...ALL_SOURCES] } }),
  definition({ id: "care-events", statistic: "mean-per-person", unit: "ratio", population: {}, numerator: { kind: "events", source: "health_service", count: "events" } }),
  definition({ id: "dsr-all", statistic: "directly-standardised-rate", unit: "per-100000", population: {}, numerator: { kind: "deaths" } }),
  definition({ id: "dsr-80", statistic: "directly-standardised-rate", unit: "per-100000", population: { age: [80, 120] }, numerator: { kind: "deaths" } }),
  definition({ id: "dsr-0-74", statistic: "directly-standardised-rate", unit: "per-100000", population: { age: [0, 74] }, numerator: { kind: "deaths" } }),
  definition({ id: "p3ceq", statistic: "zone-mean", unit: "score", "zone-value": { source: "zone_prem", value: "score_mean", weight: "respondents", survey: "P3CEQ" } }),
  definition({ id: "paris", statistic: "zone-mean", unit: "score", "zone-value": { source: "zone_prem", value: "score_mean", survey: "PaRIS" } }),
  definition({ id: "wellbeing", statistic: "zone-mean", unit: "score", "zone-value": { source: "zone_workforce", value: "wellbeing_mean", weight: "respondents", survey: "be.well.pro" } }),
  definition({ id: "gp-fte", statistic: "crude-rate", unit: "per-10000", counts: "professionals", "zone-value": { source: "zone_supply", value: "gp_fte", "per-population": true } }),
];

let result: ComputeResult;
let warehouse: string;
beforeAll(async () => {
  warehouse = await tinyWarehouse();
  result = await computeIndicators(warehouse, DEFS);
});

function cell(id: string, year: number, area: string, stratum = "total", value = "all"): CellWithStatistics | undefined {
  const found = result.cells.filter((c) => c.indicator_id === id && c.year === year && c.area_code === area && c.stratum === stratum && c.stratum_value === value);
  expect(found.length, `${id} ${year} ${area} ${stratum}=${value}`).toBeLessThanOrEqual(1);
  return found[0];
}

describe("mean per person", () => {
  it("computes every definition", () => {
    // No PaRIS row in any year: left out and said so, rather than computed to nothing.
    expect(result.skipped).toEqual([{ id: "paris", reason: "no source data in any year: zone_prem (survey PaRIS) has no rows for 2023, 2024" }]);
    expect(result.computed).toEqual(DEFS.map((d) => d.id).filter((id) => id !== "paris"));
  });

  it("sums spending of all sources per person-year, in the year only", () => {
    const c2023 = cell("spend", 2023, "BE")!;
    // Exactly: euro amounts are summed as decimals, so a release's figures (and its id) do not
    // depend on the order in which DuckDB's threads add them up.
    expect(c2023.numerator).toBe(8515.5); // 33.90 + 8456.10 + 25.50
    expect(c2023.denominator).toBe(6);
    expect(c2023.value).toBeCloseTo(1419.25, 9);
    expect(c2023.sum_squares).toBeCloseTo(71_507_426.67, 4); // 33.9² + 8456.1² + 25.5²
    const m = meanLimits(8515.5, 71_507_426.67, 6, 0.95);
    expect(c2023.lower95).toBeCloseTo(m.lower, 6);
    expect(c2023.upper95).toBeCloseTo(m.upper, 6);
    expect(c2023.lower998).toBeLessThan(c2023.lower95);

    const c2024 = cell("spend", 2024, "BE")!;
    expect(c2024.numerator).toBe(1203.6); // 1010 + 123.50 + 30 + 40.10
    expect(c2024.value).toBeCloseTo(1203.6 / 7, 9);
    expect(c2024.sum_squares).toBeCloseTo(1_037_860.26, 4);
    expect(cell("spend", 2023, "BE", "sex", "M")!.value).toBeCloseTo(8456.1 / 3, 9); // p2 p3 p6
    expect(cell("spend", 2024, "ELZ-BXL")!.value).toBeCloseTo(1133.5 / 4, 9); // p1 p2 p7 p8
    expect(cell("spend", 2024, "ELZ-BXL")!.sum_squares).toBeCloseTo(1_035_352.25, 4);
  });

  it("gives no limits to a mean of one person", () => {
    const one = cell("spend", 2024, "BXL-NORD")!; // p1 alone
    expect([one.value, one.denominator]).toEqual([1010, 1]);
    expect(one.lower95).toBeNaN();
    expect(one.upper998).toBeNaN();
  });

  it("keeps to the chosen sources and to the persons of the denominator", () => {
    expect(cell("spend-care", 2023, "BE")!.value).toBeCloseTo(51 / 6, 9); // 25.50 + 25.50
    expect(cell("spend-care", 2024, "BE")!.value).toBeCloseTo(250.1 / 7, 9); // 60 + 120 + 30 + 40.10
    expect(cell("spend-under-65", 2023, "BE")!.value).toBeCloseTo(25.5 / 4, 9); // p2 p4 p5 p6
    expect(cell("spend-under-65", 2024, "BE")!.value).toBeCloseTo(193.6 / 6, 9); // p2 p4 p5 p6 p7 p8
    expect(cell("spend-under-65", 2023, "BXL-NORD")).toBeUndefined(); // p1 only, 73
  });

  it("counts events per person as a ratio", () => {
    const c = cell("care-events", 2024, "BE")!;
    expect([c.numerator, c.denominator, c.sum_squares, c.unit]).toEqual([4, 7, 4, "ratio"]);
    expect(c.value).toBeCloseTo(4 / 7, 12);
    expect(cell("care-events", 2023, "BE")!.value).toBeCloseTo(2 / 6, 12);
  });

  it("computes a mean cell's limits from Σx, Σx² and n", () => {
    const base = { indicator_id: "x", year: 2024, level: "belgium", system_code: null, area_code: "BE", stratum: "total", stratum_value: "all" };
    const c = withStatistics({ ...base, numerator: 6, denominator: 3, sum_squares: 14 }, { statistic: "mean-per-person", unit: "euro" }); // 1, 2, 3
    const m = meanLimits(6, 14, 3, 0.95);
    expect([c.value, c.lower95, c.upper95]).toEqual([2, m.lower, m.upper]);
    expect(() => withStatistics({ ...base, numerator: 6, denominator: 3 }, { statistic: "mean-per-person", unit: "euro" })).toThrow(/sum of squares/);
  });
});

describe("directly standardised rate", () => {
  const one = poissonCountLimits(1, 0.95);
  const one998 = poissonCountLimits(1, 0.998);

  it("standardises p3's death on the ESP 2013, with Dobson's limits", () => {
    const c = cell("dsr-all", 2023, "BE")!;
    expect([c.numerator, c.denominator, c.low_count]).toEqual([1, 6, true]);
    expect(c.value).toBeCloseTo(1500, 9);
    expect(c.lower95).toBeCloseTo(1500 * one.lower, 6);
    expect(c.upper95).toBeCloseTo(1500 * one.upper, 6);
    expect(c.upper998).toBeCloseTo(1500 * one998.upper, 6);
    const counts = new Array(19).fill(0);
    counts[17] = 1;
    const personYears = new Array(19).fill(0);
    for (const band of [14, 7, 17, 12, 2, 10]) personYears[band] = 1;
    expect(c.bands).toEqual({ counts, personYears });
  });

  it("is computed by sex and bim, not by age band", () => {
    expect(cell("dsr-all", 2023, "BE", "sex", "M")!.value).toBeCloseTo(1500, 9); // p2 p3 p6
    expect(cell("dsr-all", 2023, "BE", "bim", "bim")!.value).toBeCloseTo(1500, 9); // p1 p3 p6
    const f = cell("dsr-all", 2023, "BE", "sex", "F")!; // p1 p4 p5: no death
    expect([f.value, f.lower95, f.denominator]).toEqual([0, 0, 3]);
    expect(f.upper95).toBeNaN();
    expect(result.cells.some((c) => c.indicator_id === "dsr-all" && c.stratum === "age-band")).toBe(false);
    expect(cell("dsr-all", 2023, "BXL-NORD-EST")!.value).toBeCloseTo(1500, 9);
    expect(cell("dsr-all", 2024, "BE")!.value).toBe(0);
  });

  it("standardises to the standard population of the definition's age range only", () => {
    // 80+: weights 2,500 + 1,500 + 1,000 = 5,000, of which p3's band has 1,500: 30,000 per 100,000.
    expect(standardFor(DEFS[5]!).reduce((a, b) => a + b, 0)).toBe(5000);
    const c = cell("dsr-80", 2023, "BE")!;
    expect([c.numerator, c.denominator]).toEqual([1, 1]);
    expect(c.value).toBeCloseTo(30_000, 6);
    expect(c.lower95).toBeCloseTo(30_000 * one.lower, 6);
    expect(cell("dsr-80", 2024, "BE")).toBeUndefined(); // nobody aged 80+ in 2024
    const young = cell("dsr-0-74", 2023, "BE")!; // p3 is 85: outside, so no death
    expect([young.numerator, young.denominator, young.value]).toEqual([0, 5, 0]);
    expect(standardFor(DEFS[6]!).reduce((a, b) => a + b, 0)).toBe(100_000 - 2500 - 1500 - 1000 - 4000);
  });
});

describe("zone figures", () => {
  const zoneCells = (id: string) => result.cells.filter((c) => c.indicator_id === id).map((c) => [c.year, c.level, c.system_code, c.area_code, c.stratum, c.value]);

  it("gives each zone its survey mean, with t limits from the respondents and the sd", () => {
    expect(zoneCells("p3ceq")).toEqual([
      [2024, "zone", "bassin", "BXL-NORD", "total", expect.closeTo(68.4, 9)],
      [2024, "zone", "elz", "ELZ-S01", "total", expect.closeTo(74.1, 9)],
    ]);
    const c = cell("p3ceq", 2024, "BXL-NORD")!;
    expect(c.denominator).toBe(212);
    const half = (studentTQuantile(0.975, 211) * 14.9) / Math.sqrt(212);
    expect(c.lower95).toBeCloseTo(68.4 - half, 9);
    expect(c.upper95).toBeCloseTo(68.4 + half, 9);
    expect(zoneCells("wellbeing")).toEqual([
      [2024, "zone", "bassin", "BXL-NORD", "total", expect.closeTo(58.2, 9)],
      [2024, "zone", "ols", "OLS-S01", "total", expect.closeTo(61, 9)],
    ]);
    expect(zoneCells("paris")).toEqual([]); // no PaRIS row: nothing is borrowed from P3CEQ
  });

  it("divides zone supply by the zone's insured persons, without Poisson limits", () => {
    expect(zoneCells("gp-fte")).toEqual([
      [2024, "zone", "bassin", "BXL-NORD", "total", expect.closeTo(715_000, 6)],
      [2024, "zone", "elz", "ELZ-S01", "total", expect.closeTo(506_000, 6)],
    ]);
    const c = cell("gp-fte", 2024, "ELZ-S01")!;
    expect([c.numerator, c.denominator]).toEqual([expect.closeTo(101.2, 9), 2]);
    expect(c.lower95).toBeNaN();
  });

  it("leaves areas above the zones out", () => {
    for (const id of ["p3ceq", "wellbeing", "gp-fte"]) expect(result.cells.filter((c) => c.indicator_id === id && c.level !== "zone")).toEqual([]);
  });
});

describe("the repository's definitions", () => {
  it("run on the tiny warehouse, every computed one giving cells with finite values (sector cells: counts only)", async () => {
    const { definitions } = loadDefinitions(join(ROOT, "indicators", "definitions"));
    const all = await computeIndicators(warehouse, definitions);
    for (const id of all.computed)
      expect(
        all.cells.filter((c) => c.indicator_id === id && c.level !== "sector").every((c) => Number.isFinite(c.value)),
        id,
      ).toBe(true);
    // A sector (of a municipality split between zones) is never published: its cells carry the
    // counts disclosure control needs, and no value, limits, comparison or trend.
    const sectors = all.cells.filter((c) => c.level === "sector");
    expect(sectors.length).toBeGreaterThan(0);
    for (const c of sectors) {
      expect([c.value, c.lower95, c.upper95, c.lower998, c.upper998].every(Number.isNaN), `${c.indicator_id} ${c.area_code}`).toBe(true);
      expect([c.compared_region, c.compared_belgium, c.trend, c.bim_ratio]).toEqual([null, null, null, null]);
      if (c.statistic !== "ratio-of-measures") expect(Number.isFinite(c.numerator) && c.denominator > 0, c.indicator_id).toBe(true);
    }
    expect(all.cells.some((c) => c.indicator_id === "premature-mortality")).toBe(true);
    expect(all.cells.some((c) => c.indicator_id === "p3ceq-experience-score")).toBe(true);
  });
});

describe("compile", () => {
  it("still reads each table once, and groups the plain and the standardised definitions once each, with means and DSRs", () => {
    const { sql, zoneSql } = compile(DEFS);
    expect(zoneSql.match(/FROM zone_prem\b/g)).toHaveLength(2); // one per definition; a few hundred rows
    expect(sql.match(/GROUPING SETS/g)).toHaveLength(2);
    // The ESP bands are grouped only with the standardised definitions' sums.
    const byBand = sql.slice(sql.indexOf("grouped_banded AS ("), sql.indexOf("banded AS (SELECT"));
    expect(byBand).toContain("esp_band");
    expect(byBand).not.toMatch(/sum\(s\d+\)/); // no mean is standardised here
    for (const table of ["health_service", "pharmacy_delivery", "hospital_stay"]) expect(sql.match(new RegExp(`FROM ${table}\\b`, "g"))).toHaveLength(1);
    expect(sql.match(/FROM person_year\b/g)).toHaveLength(2);
  });
});

describe("medicine numerators", () => {
  it("give the same cells whether compiled as pharmacy events or through the per-medicine grouping", async () => {
    const users = definition({ id: "users", statistic: "proportion", unit: "percent", population: {}, numerator: { kind: "medicines", atc: ["A10", "C10", "J01"] } });
    const poly = definition({ id: "poly", statistic: "proportion", unit: "percent", population: {}, numerator: { kind: "medicines", "min-distinct": 2 } });
    expect(compile([users]).sql).not.toContain("med_code"); // as events
    expect(compile([users, poly]).sql.match(/FROM pharmacy_delivery\b/g)).toHaveLength(1); // one scan: the grouping
    const alone = (await computeIndicators(warehouse, [users])).cells;
    const grouped = (await computeIndicators(warehouse, [users, poly])).cells.filter((c) => c.indicator_id === "users");
    const key = (c: CellWithStatistics) => `${c.year}|${c.level}|${c.system_code}|${c.area_code}|${c.stratum}|${c.stratum_value}|${c.numerator}|${c.denominator}`;
    expect(alone.map(key).sort()).toEqual(grouped.map(key).sort());
    expect(alone.some((c) => c.numerator > 0)).toBe(true);
  });
});

describe("euro sums", () => {
  it("adds amounts as decimals: 0.10 + 0.20 is 0.30, whatever order the threads add them in", async () => {
    // p5 (13, alone in her municipality 19002) gets two care amounts in 2023: in binary floating
    // point 0.1 + 0.2 is 0.30000000000000004, and the result would depend on the order of the sum.
    const care = readFileSync(join(TINY, "ima_healthcare.csv"), "utf8").trimEnd();
    const extract = tinyWith({
      files: { "ima_healthcare.csv": `${care}\np000000000000005,2023-04-01,990010,1,0.10,gp00000002,gp,ambulatory\np000000000000005,2023-05-01,990010,1,0.20,gp00000002,gp,ambulatory\n` },
    });
    const cells = (
      await computeIndicators(
        await warehouseOf(extract),
        DEFS.filter((d) => d.id === "spend-care"),
      )
    ).cells;
    const alone = cells.filter((c) => c.year === 2023 && c.area_code === "19002" && c.stratum === "total");
    expect(alone.map((c) => [c.numerator, c.denominator])).toEqual([[0.3, 1]]);
    // Σx² is exact as a decimal too; DuckDB's DECIMAL → DOUBLE cast may land one unit in the last place off.
    expect(alone[0]!.sum_squares).toBeCloseTo(0.09, 15);
    expect(cells.find((c) => c.year === 2023 && c.area_code === "BE" && c.stratum === "total")!.numerator).toBe(51.3); // 25.50 + 25.50 + 0.30
  });
});
