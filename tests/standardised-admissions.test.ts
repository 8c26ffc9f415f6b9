/**
 * The built-in standardised hospital admission ratio (issue 16, item 1), computed on a crafted
 * extract: the tiny sample plus two persons insured in 2023 and a few hospital stays.
 *
 * 2023 (age = 2023 − birth year; ESP band by age; region 04000 Brussels, 02000 Flanders, 03000 Wallonia):
 * | person | sex | age | band  | municipality | region | classic admissions in 2023 |
 * |--------|-----|-----|-------|--------------|--------|----------------------------|
 * | p1     | F   | 73  | 70–74 | 21004        | 04000  | 1                          |
 * | p2     | M   | 38  | 35–39 | 21001        | 04000  |                            |
 * | p3     | M   | 85  | 85–89 | 21015        | 04000  | 1 (the tiny sample's)      |
 * | p4     | F   | 61  | 60–64 | 19001        | 02000  |                            |
 * | p5     | F   | 13  | 10–14 | 19002        | 02000  |                            |
 * | p6     | M   | 53  | 50–54 | 59001        | 03000  |                            |
 * | p9     | M   | 85  | 85–89 | 19001        | 02000  | 1 (and a day stay: not counted) |
 * | p12    | F   | 73  | 70–74 | 19002        | 02000  | 2 (every admission counts) |
 *
 * Belgium's rates: F 70–74: 3 admissions / 2 persons = 1.5; M 85–89: 2 / 2 = 1; other bands 0.
 * Expected = Σ person-years × rate:
 * - Brussels: p1 1.5 + p3 1 = 2.5, observed 2 → 0.8;
 * - Flanders: p12 1.5 + p9 1 = 2.5, observed 3 → 1.2 (women: O 2, E 1.5 → 4/3; men: O 1, E 1 → 1);
 * - municipality 19002 (p5, p12): O 2, E 1.5 → 4/3; Belgium: O 5, E 5 → 1;
 * - Wallonia (p6 only): nothing expected, no ratio, no cell.
 * 2024: no classic admission anywhere: nothing expected, no cell.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadExtract } from "../etl/load/load-extract.ts";
import { computeIndicators, type ComputeResult } from "../indicators/compute/compute.ts";
import type { IndicatorCell } from "../indicators/compute/derive.ts";
import { loadDefinitions } from "../indicators/definition/load.ts";
import { poissonCountLimits } from "../indicators/stats/index.ts";
import { ROOT, TINY, TODAY, temporaryDirectory, tinyWith } from "./helpers.ts";

const PERSONS = ["2023;p000000000000009;1938;M;19001;;;0;0;0;100", "2023;p000000000000012;1950;F;19002;;;0;0;0;400"];
const STAYS = [
  "s00000000003,p000000000000001,2023-02-01,2023-02-05,classic,0,J18,3800.00",
  "s00000000004,p000000000000012,2023-03-01,2023-03-04,classic,1,I50,3150.00",
  "s00000000005,p000000000000012,2023-08-01,2023-08-03,classic,0,I50,2500.00",
  "s00000000006,p000000000000009,2023-04-10,2023-04-12,classic,1,J44,2500.00",
  "s00000000007,p000000000000009,2023-06-01,2023-06-01,day,0,K80,950.00",
];
const ID = "standardised-admission-ratio";

let result: ComputeResult;
beforeAll(async () => {
  const append = (file: string, lines: string[]) => readFileSync(join(TINY, file), "utf8").replace(/\n?$/, "\n") + lines.join("\n") + "\n";
  const warehouse = join(temporaryDirectory(), "warehouse.duckdb");
  const load = await loadExtract(tinyWith({ files: { "ima_population.csv": append("ima_population.csv", PERSONS), "ima_hospital_stays.csv": append("ima_hospital_stays.csv", STAYS) } }), {
    warehouse,
    today: TODAY,
  });
  expect(load.written).toBe(true);
  const { definitions, problems } = loadDefinitions(join(ROOT, "indicators", "definitions"));
  expect(problems).toEqual([]);
  result = await computeIndicators(
    warehouse,
    definitions.filter((d) => d.id === ID),
  );
});

function cell(level: string, area: string, stratum = "total", value = "all"): IndicatorCell | undefined {
  const found = result.cells.filter((c) => c.indicator_id === ID && c.year === 2023 && c.level === level && c.area_code === area && c.stratum === stratum && c.stratum_value === value);
  expect(found.length).toBeLessThanOrEqual(1);
  return found[0];
}

describe("the standardised hospital admission ratio", () => {
  it("is computed", () => {
    expect(result.computed).toEqual([ID]);
    expect(result.skipped).toEqual([]);
  });

  it("matches the hand-worked observed, expected and ratio", () => {
    const cases: [string, string, number, number, number][] = [
      ["region", "04000", 2, 2.5, 0.8],
      ["region", "02000", 3, 2.5, 1.2],
      ["municipality", "19002", 2, 1.5, 4 / 3],
      ["belgium", "BE", 5, 5, 1],
    ];
    for (const [level, area, o, e, ratio] of cases) {
      const c = cell(level, area)!;
      expect([c.numerator, c.statistic, c.unit], `${level} ${area}`).toEqual([o, "indirectly-standardised-ratio", "ratio"]);
      expect(c.expected).toBeCloseTo(e, 12);
      expect(c.value).toBeCloseTo(ratio, 12);
      expect(c.lower95).toBeCloseTo(poissonCountLimits(o, 0.95).lower / e, 12);
      expect(c.upper998).toBeCloseTo(poissonCountLimits(o, 0.998).upper / e, 12);
    }
    expect(cell("region", "02000")!.denominator).toBe(4); // person-years: p4 p5 p9 p12
    expect(cell("region", "03000")).toBeUndefined();
    expect(result.cells.filter((c) => c.year === 2024)).toEqual([]);
  });

  it("breaks down by sex against the standard's rates of each sex, with no judgement", () => {
    const f = cell("region", "02000", "sex", "F")!;
    expect([f.numerator, f.expected]).toEqual([2, 1.5]);
    expect(f.value).toBeCloseTo(4 / 3, 12);
    expect(cell("region", "02000", "sex", "M")!.value).toBeCloseTo(1, 12);
    expect(cell("region", "04000")!.compared_belgium).toBe("similar");
  });
});
