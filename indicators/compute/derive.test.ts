import { describe, expect, it } from "vitest";
import { definition } from "../../tests/indicator-helpers.ts";
import { proportionDifference, proportionRatio } from "../stats/index.ts";
import { areaKey, deriveCells, ratioCells } from "./derive.ts";
import { withStatistics, type CellWithStatistics } from "./statistics.ts";

const P = definition({ id: "p", statistic: "proportion", unit: "percent", population: {}, numerator: { kind: "status", field: "gmd" } }, { polarity: "high-is-good" });
const Q = definition({ id: "q", statistic: "proportion", unit: "percent", population: {}, numerator: { kind: "status", field: "gmd" } }, { polarity: "high-is-good" });
const RATIO = definition({ id: "p-over-q", statistic: "ratio-of-measures", unit: "ratio", "ratio-of": { numerator: "p", denominator: "q" } }, { polarity: "no-judgement" });

function cell(id: string, area: string, x: number, n: number, o: { year?: number; level?: string; system?: string | null; stratum?: string; value?: string } = {}): CellWithStatistics {
  const level = o.level ?? (area === "BE" ? "belgium" : area.startsWith("R") ? "region" : "zone");
  return withStatistics(
    {
      indicator_id: id,
      year: o.year ?? 2024,
      level,
      system_code: level === "zone" ? (o.system ?? "S") : null,
      area_code: area,
      stratum: o.stratum ?? "total",
      stratum_value: o.value ?? "all",
      numerator: x,
      denominator: n,
    },
    { statistic: "proportion", unit: "percent" },
  );
}

const REGIONS = new Map([
  [areaKey("zone", "S", "Z1"), "R1"],
  [areaKey("zone", "S", "Z2"), "R2"],
]);

describe("comparisons", () => {
  // Z1: 60/100, Wilson 95% ≈ 50.2–69.1 %, 99.8% ≈ 44.8–73.6 %.
  const cells = [cell("p", "Z1", 60, 100), cell("p", "Z2", 60, 100), cell("p", "R1", 550, 1000), cell("p", "R2", 300, 1000), cell("p", "BE", 4800, 10000)];
  const out = deriveCells(cells, [P], REGIONS);
  const z1 = out.find((c) => c.area_code === "Z1")!;

  it("grades against the area's own region and against Belgium, by polarity", () => {
    expect(z1.lower95).toBeGreaterThan(48);
    expect(z1.lower998).toBeLessThan(48);
    expect(z1.region_code).toBe("R1");
    expect(z1.compared_region).toBe("similar"); // 55 % lies inside 50.2–69.1
    expect(z1.compared_belgium).toBe("better"); // 48 %: outside the 95 %, inside the 99.8 %
    const z2 = out.find((c) => c.area_code === "Z2")!;
    expect(z2.compared_region).toBe("much-better"); // 30 % lies outside even the 99.8 %
  });

  it("compares a region with Belgium only, and Belgium with nothing", () => {
    const r1 = out.find((c) => c.area_code === "R1")!;
    expect([r1.region_code, r1.compared_region]).toEqual([null, null]);
    expect(r1.compared_belgium).toBe("much-better"); // 55.0 % (52–58) against 48 %
    const be = out.find((c) => c.area_code === "BE")!;
    expect([be.compared_region, be.compared_belgium]).toEqual([null, null]);
  });

  it("compares like strata of like years, and leaves a missing benchmark null", () => {
    const women = deriveCells([cell("p", "Z1", 60, 100, { stratum: "sex", value: "F" }), cell("p", "BE", 5900, 10000, { stratum: "sex", value: "F" }), cell("p", "BE", 100, 10000)], [P], REGIONS)[0]!;
    expect(women.compared_belgium).toBe("similar"); // 59 % for women; the 1 % of all persons is not its benchmark
    expect(women.compared_region).toBeNull(); // no R1 cell for women
  });
});

describe("quintiles", () => {
  it("ranks the zones of one system, apart from another system's", () => {
    const cells = [10, 20, 30, 40, 50].map((x, i) => cell("p", `Z${i}`, x, 100)).concat([cell("p", "O1", 5, 100, { system: "T" })]);
    const out = deriveCells(cells, [P], new Map());
    expect(out.map((c) => c.quintile)).toEqual([1, 2, 3, 4, 5, null]); // one zone of T: no quintile
  });
});

describe("trends", () => {
  it("finds a significant rise over five consecutive years, better when high is good", () => {
    const cells = [2020, 2021, 2022, 2023, 2024].map((year, i) => cell("p", "BE", 3000 + 500 * i, 10000, { year }));
    const out = deriveCells(cells, [P], new Map());
    expect(out.slice(0, 4).every((c) => c.trend === null)).toBe(true); // fewer than five years up to them
    expect(out[4]!.trend).toBe("getting-better");
    expect(out[4]!.trend_slope).toBeCloseTo(5, 0); // +5 percentage points a year
  });

  it("gives no trend across a missing year", () => {
    const cells = [2019, 2020, 2022, 2023, 2024].map((year, i) => cell("p", "BE", 3000 + 500 * i, 10000, { year }));
    expect(deriveCells(cells, [P], new Map())[4]!.trend).toBeNull();
  });

  it("says no significant change for a flat noisy series", () => {
    const cells = [2020, 2021, 2022, 2023, 2024].map((year, i) => cell("p", "Z1", [50, 52, 49, 51, 50][i]!, 100, { year }));
    expect(deriveCells(cells, [P], new Map())[4]!.trend).toBe("no-significant-change");
  });
});

describe("equity gap", () => {
  it("puts BIM over non-BIM, ratio and difference, on the total cell", () => {
    const cells = [cell("p", "Z1", 50, 200), cell("p", "Z1", 30, 100, { stratum: "bim", value: "bim" }), cell("p", "Z1", 20, 100, { stratum: "bim", value: "non-bim" })];
    const total = deriveCells(cells, [P], new Map())[0]!;
    const r = proportionRatio(30, 100, 20, 100);
    const d = proportionDifference(30, 100, 20, 100);
    expect(total.bim_ratio).toBeCloseTo(1.5, 12);
    expect([total.bim_ratio_lower95, total.bim_ratio_upper95]).toEqual([r.lower, r.upper]);
    expect(total.bim_difference).toBeCloseTo(10, 12); // percentage points
    expect(total.bim_difference_lower95).toBeCloseTo(d.lower * 100, 12);
    expect(deriveCells(cells, [P], new Map())[1]!.bim_ratio).toBeNull(); // only on the total
  });

  it("stays null without both groups", () => {
    const cells = [cell("p", "Z1", 50, 200), cell("p", "Z1", 30, 100, { stratum: "bim", value: "bim" })];
    expect(deriveCells(cells, [P], new Map())[0]!.bim_ratio).toBeNull();
  });
});

describe("ratio of measures", () => {
  it("divides one indicator's cell by the other's, area by area, with Katz limits", () => {
    const cells = [cell("p", "Z1", 30, 100), cell("q", "Z1", 20, 100), cell("p", "Z2", 10, 100)];
    const ratios = ratioCells(cells, [P, Q, RATIO]);
    expect(ratios).toHaveLength(1); // Z2 has no q
    const r = proportionRatio(30, 100, 20, 100);
    expect(ratios[0]).toMatchObject({ indicator_id: "p-over-q", area_code: "Z1", value: r.value, lower95: r.lower, upper95: r.upper, unit: "ratio" });
    expect(ratios[0]!.numerator).toBeNaN(); // no count of its own
  });

  it("leaves out a ratio over zero", () => {
    expect(ratioCells([cell("p", "Z1", 30, 100), cell("q", "Z1", 0, 100)], [P, Q, RATIO])).toEqual([]);
  });
});
