/**
 * Indirectly standardised mortality ratios on a crafted extract: the tiny sample plus six
 * persons insured in 2023 only, so that deaths fall in two sex × ESP bands.
 *
 * 2023 (age = 2023 − birth year; region 04000 Brussels, 02000 Flanders, 03000 Wallonia):
 * | person | sex | age | band  | municipality | region | died |
 * |--------|-----|-----|-------|--------------|--------|------|
 * | p1     | F   | 73  | 70–74 | 21004        | 04000  |      |
 * | p2     | M   | 38  | 35–39 | 21001        | 04000  |      |
 * | p3     | M   | 85  | 85–89 | 21015        | 04000  | yes  |
 * | p4     | F   | 61  | 60–64 | 19001        | 02000  |      |
 * | p5     | F   | 13  | 10–14 | 19002        | 02000  |      |
 * | p6     | M   | 53  | 50–54 | 59001        | 03000  |      |
 * | p9     | M   | 85  | 85–89 | 19001        | 02000  | yes  |
 * | p10    | M   | 85  | 85–89 | 19001        | 02000  |      |
 * | p11    | M   | 86  | 85–89 | 59001        | 03000  |      |
 * | p12    | F   | 73  | 70–74 | 19002        | 02000  | yes  |
 * | p13    | F   | 72  | 70–74 | 59001        | 03000  |      |
 * | p14    | F   | 73  | 70–74 | 21001        | 04000  |      |
 *
 * Belgium's rates: M 85–89 2 deaths / 4 = 0.5; F 70–74 1 / 4 = 0.25; every other band 0.
 * Expected (Belgian standard) = Σ person-years × rate:
 * - Flanders 02000: M 85–89 p9 p10 → 2 × 0.5 = 1; F 70–74 p12 → 0.25; E = 1.25, O = 2, SMR 1.6
 *   (men O 1, E 1 → 1; women O 1, E 0.25 → 4);
 * - Wallonia 03000: p11 0.5 + p13 0.25, E = 0.75, O = 0, SMR 0;
 * - Brussels 04000: p3 0.5 + p1 0.25 + p14 0.25, E = 1, O = 1, SMR 1;
 * - Belgium: O = 3, E = 3, SMR 1 (the standard against itself); municipality 19002 (p5, p12):
 *   E = 0.25, O = 1, SMR 4.
 * With the region as standard, Flanders' rates are M 85–89 1 / 2 = 0.5 and F 70–74 1 / 1 = 1:
 * 19002's E = 1 → SMR 1; 19001 (p4, p9, p10): E = 2 × 0.5 = 1, O = 1 → SMR 1.
 * Limits: exact Poisson limits of O over E (O < 10), e.g. O = 2 at 95%: χ²(0.025; 4) / 2 = 0.24221 and χ²(0.975; 6) / 2 = 7.22469.
 * 2024: nobody dies, so every expected count is 0 and there is no ratio (no cell).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDefinition } from "../definition/load.ts";
import { poissonCountLimits } from "../stats/index.ts";
import { TINY, tinyWith } from "../../tests/helpers.ts";
import { definition, warehouseOf } from "../../tests/indicator-helpers.ts";
import { computeIndicators, type ComputeResult } from "./compute.ts";
import type { IndicatorCell } from "./derive.ts";
import { CellTable } from "./cell-table.ts";
import type { CellWithStatistics } from "./statistics.ts";
import { compareIsrCells, isrOf } from "./indirect-standardisation.ts";

const ADDED = [
  "2023;p000000000000009;1938;M;19001;;2023-03-01;0;0;0;100",
  "2023;p000000000000010;1938;M;19001;;;0;0;0;100",
  "2023;p000000000000011;1937;M;59001;;;0;0;0;500",
  "2023;p000000000000012;1950;F;19002;;2023-09-09;0;0;0;400",
  "2023;p000000000000013;1951;F;59001;;;0;0;0;500",
  "2023;p000000000000014;1950;F;21001;;;0;0;0;300",
];
const deaths = { statistic: "indirectly-standardised-ratio", unit: "ratio", population: {}, numerator: { kind: "deaths" } } as const;
const DEFS = [definition({ id: "smr", ...deaths }, { polarity: "low-is-good" }), definition({ id: "smr-region", ...deaths, standard: "region", strata: [] }, { polarity: "low-is-good" })];

let result: ComputeResult;
beforeAll(async () => {
  const population = readFileSync(join(TINY, "ima_population.csv"), "utf8").replace(/\n?$/, "\n") + ADDED.join("\n") + "\n";
  const warehouse = await warehouseOf(tinyWith({ files: { "ima_population.csv": population } }));
  result = await computeIndicators(warehouse, DEFS);
});

function cell(id: string, year: number, level: string, area: string, stratum = "total", value = "all"): IndicatorCell | undefined {
  const found = result.cells.filter((c) => c.indicator_id === id && c.year === year && c.level === level && c.area_code === area && c.stratum === stratum && c.stratum_value === value);
  expect(found.length).toBeLessThanOrEqual(1);
  return found[0];
}

describe("indirectly standardised ratio", () => {
  it("is computed, not skipped", () => {
    expect(result.skipped).toEqual([]);
    expect(result.computed).toEqual(["smr", "smr-region"]);
  });

  it("matches the hand-worked observed, expected and ratio (Belgian standard)", () => {
    const cases: [string, string, number, number, number][] = [
      ["region", "02000", 2, 1.25, 1.6],
      ["region", "03000", 0, 0.75, 0],
      ["region", "04000", 1, 1, 1],
      ["belgium", "BE", 3, 3, 1],
      ["municipality", "19002", 1, 0.25, 4],
    ];
    for (const [level, area, o, e, smr] of cases) {
      const c = cell("smr", 2023, level, area)!;
      expect([c.numerator, c.statistic, c.unit]).toEqual([o, "indirectly-standardised-ratio", "ratio"]);
      expect(c.expected).toBeCloseTo(e, 12);
      expect(c.value).toBeCloseTo(smr, 12);
    }
    // The denominator stays a count of persons (person-years), as for a DSR: disclosure control's.
    expect(cell("smr", 2023, "region", "02000")!.denominator).toBe(5);
    expect(cell("smr", 2023, "belgium", "BE")!.denominator).toBe(12);
  });

  it("gives exact Poisson limits of O over E at 95% and 99.8%", () => {
    const c = cell("smr", 2023, "region", "02000")!;
    expect(c.lower95).toBeCloseTo(0.2422093 / 1.25, 5);
    expect(c.upper95).toBeCloseTo(7.2246877 / 1.25, 5);
    expect(c.lower95).toBeCloseTo(poissonCountLimits(2, 0.95).lower / 1.25, 12);
    expect(c.upper998).toBeCloseTo(poissonCountLimits(2, 0.998).upper / 1.25, 12);
    const none = cell("smr", 2023, "region", "03000")!;
    expect(none.lower95).toBe(0);
    expect(none.upper95).toBeCloseTo(poissonCountLimits(0, 0.95).upper / 0.75, 12);
  });

  it("breaks down by sex, each sex against the standard's rates of that sex", () => {
    expect(cell("smr", 2023, "region", "02000", "sex", "M")!.value).toBeCloseTo(1, 12);
    const f = cell("smr", 2023, "region", "02000", "sex", "F")!;
    expect([f.numerator, f.expected, f.value]).toEqual([1, 0.25, 4]);
    expect(result.cells.some((c) => c.indicator_id === "smr" && (c.stratum === "bim" || c.stratum === "age-band"))).toBe(false);
  });

  it("uses the region's rates when the definition says so", () => {
    expect(cell("smr-region", 2023, "municipality", "19002")!.expected).toBeCloseTo(1, 12);
    expect(cell("smr-region", 2023, "municipality", "19002")!.value).toBeCloseTo(1, 12);
    expect(cell("smr-region", 2023, "municipality", "19001")!.value).toBeCloseTo(1, 12);
    expect(cell("smr-region", 2023, "region", "02000")!.value).toBeCloseTo(1, 12);
    expect(cell("smr-region", 2023, "municipality", "19002", "sex", "F")).toBeUndefined();
  });

  it("leaves out years and areas with nothing expected", () => {
    expect(result.cells.filter((c) => c.year === 2024)).toEqual([]);
  });

  it("compares with 1, against its own standard only", () => {
    const c = cell("smr", 2023, "municipality", "19002")!;
    expect(c.compared_belgium).toBe("similar");
    expect(c.compared_region).toBeNull();
    expect(cell("smr-region", 2023, "municipality", "19002")!.compared_region).toBe("similar");
    expect(cell("smr-region", 2023, "municipality", "19002")!.compared_belgium).toBeNull();
  });
});

describe("isrOf and the comparison (pure)", () => {
  const bands = (at: Record<number, [number, number]>) => {
    const counts = new Array<number>(19).fill(0);
    const personYears = new Array<number>(19).fill(0);
    for (const [i, [o, n]] of Object.entries(at)) [counts[Number(i)], personYears[Number(i)]] = [o, n];
    return { counts, personYears };
  };
  it("sums expected over sex × band and uses Byar from 10 events", () => {
    // Standard: F band 14 rate 0.01, M band 17 rate 0.1. Area: F 1000 py in 14 → E 10; M 200 in 17 → E 20. O = 45.
    const standard = new Map([
      ["F", bands({ 14: [100, 10_000] })],
      ["M", bands({ 17: [50, 500] })],
    ]);
    const area = new Map([
      ["F", bands({ 14: [15, 1000] })],
      ["M", bands({ 17: [30, 200] })],
    ]);
    const r = isrOf(area, standard)!;
    expect(r.expected).toBeCloseTo(30, 12);
    expect(r.value).toBeCloseTo(1.5, 12);
    expect(r.lower95).toBeCloseTo(poissonCountLimits(45, 0.95).lower / 30, 12);
    expect(isrOf(new Map([["F", bands({ 3: [0, 40] })]]), standard)).toBeUndefined();
  });
  it("grades the comparison with 1 by polarity", () => {
    const c = { indicator_id: "x", level: "zone", value: 2, lower95: 1.5, upper95: 2.5, lower998: 1.2, upper998: 2.9 } as unknown as CellWithStatistics;
    const table = CellTable.from([c]);
    const def = definition({ id: "x", ...deaths }, { polarity: "low-is-good" });
    compareIsrCells(table, [def]);
    expect(table.cell(0).compared_belgium).toBe("much-worse");
    compareIsrCells(table, [{ ...def, polarity: "high-is-good" }]);
    expect(table.cell(0).compared_belgium).toBe("much-better");
  });
});

describe("validation refuses what the engine cannot compute", () => {
  const YAML = (extra: string[]) =>
    [
      "id: x",
      "version: 1",
      "aim: population-health",
      "type: outcome",
      ...["title", "short-description", "definition", "rationale", "numerator-text", "denominator-text", "source"].map((k) => `${k}: { fr: Texte, nl: Tekst, de: Text, en: Text }`),
      ...extra,
    ].join("\n") + "\n";
  const problems = (extra: string[]) => parseDefinition(YAML(extra), "population-health/x.yaml").problems;

  it("accepts an indirectly standardised ratio", () => {
    expect(problems(["unit: ratio", "polarity: low-is-good", "statistic: indirectly-standardised-ratio", "population: {}", "numerator: { kind: deaths }", "standard: region"])).toEqual([]);
  });
  it("refuses the cheaper-medicine share (not computed), at its line and column", () => {
    const p = problems(["unit: percent", "polarity: high-is-good", "statistic: proportion", "population: {}", "numerator:", "  kind: medicines", "  atc: [C10AA]", "  cheaper-share: true"]);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ path: "numerator.cheaper-share", line: 19, column: 18 });
    expect(p[0]!.message).toMatch(/cannot compute/);
  });
  it("refuses an ISR broken down by BIM, and `standard` on another statistic", () => {
    const isr = problems(["unit: ratio", "polarity: low-is-good", "statistic: indirectly-standardised-ratio", "population: {}", "numerator: { kind: deaths }", "strata: [sex, bim]"]);
    expect(isr).toMatchObject([{ path: "strata[1]", line: 17, column: 15 }]);
    const other = problems(["unit: per-1000", "polarity: low-is-good", "statistic: crude-rate", "population: {}", "numerator: { kind: deaths }", "standard: belgium"]);
    expect(other).toMatchObject([{ path: "standard", line: 17 }]);
  });
});

describe("isrOf", () => {
  it("gives the same bits whatever order the sexes come in (rows come from DuckDB in any order)", () => {
    const bands = (personYears: Record<number, number>, counts: Record<number, number> = {}) => ({
      personYears: Array.from({ length: 19 }, (_, i) => personYears[i] ?? 0),
      counts: Array.from({ length: 19 }, (_, i) => counts[i] ?? 0),
    });
    // Rates 0.1 per person-year: expected 0.1 (F) + 0.2 + 0.3 (M), which floating point sums to
    // 0.6000000000000001 in one order and 0.6 in the other.
    const standard = new Map([
      ["F", bands({ 0: 10, 1: 10, 2: 10 }, { 0: 1, 1: 1, 2: 1 })],
      ["M", bands({ 0: 10, 1: 10, 2: 10 }, { 0: 1, 1: 1, 2: 1 })],
    ]);
    const f = bands({ 0: 1 }, { 0: 1 });
    const m = bands({ 1: 2, 2: 3 }, { 1: 1 });
    const a = isrOf(
      new Map([
        ["F", f],
        ["M", m],
      ]),
      standard,
    )!;
    const b = isrOf(
      new Map([
        ["M", m],
        ["F", f],
      ]),
      standard,
    )!;
    expect(b).toEqual(a);
    expect(a.expected).toBeCloseTo(0.6, 12);
  });
});
