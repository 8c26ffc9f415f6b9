import { describe, expect, it } from "vitest";
import { definition } from "../tests/indicator-helpers.ts";
import type { IndicatorCell } from "../indicators/compute/derive.ts";
import { applyDisclosure } from "./apply-disclosure.ts";

const P = definition({ id: "p", statistic: "proportion", unit: "percent", population: {}, numerator: { kind: "status", field: "gmd" } });
const Q = definition({ id: "q", statistic: "proportion", unit: "percent", population: {}, numerator: { kind: "status", field: "bim" } });
const R = definition({ id: "r", statistic: "ratio-of-measures", unit: "ratio", "ratio-of": { numerator: "p", denominator: "q" } });

function cell(o: Partial<IndicatorCell>): IndicatorCell {
  return {
    indicator_id: "p",
    year: 2024,
    level: "zone",
    system_code: "S",
    area_code: "Z1",
    stratum: "total",
    stratum_value: "all",
    numerator: 10,
    denominator: 100,
    sum_squares: null,
    statistic: "proportion",
    unit: "percent",
    value: 10,
    lower95: 5,
    upper95: 17,
    lower998: 3,
    upper998: 21,
    low_count: null,
    region_code: "R1",
    compared_region: "similar",
    compared_belgium: "worse",
    quintile: 3,
    trend: "getting-worse",
    trend_slope: -1,
    bim_ratio: 1.2,
    bim_ratio_lower95: 0.9,
    bim_ratio_upper95: 1.6,
    bim_difference: 2,
    bim_difference_lower95: -1,
    bim_difference_upper95: 5,
    ...o,
  };
}
const options = { municipalityStrata: false };

describe("applyDisclosure", () => {
  it("hides every number of a cell whose count is hidden, with one reason whether primary or complementary", () => {
    const cells = [cell({}), cell({ area_code: "Z2" })];
    const out = applyDisclosure(
      cells,
      [
        { numerator: "n1", denominator: "d1" },
        { numerator: "n2", denominator: "d2" },
      ],
      new Map([
        ["n1", "primary"],
        ["d2", "complementary"],
      ]),
      [P],
      options,
    );
    expect(out[0]).toMatchObject({ hidden: "suppressed", value: null, numerator: null, denominator: null, lower95: null, compared_belgium: null, quintile: null, trend: null, bim_ratio: null });
    expect(out[1]).toMatchObject({ hidden: "suppressed", value: null });
    for (const c of out) for (const [k, v] of Object.entries(c)) if (k !== "year") expect(typeof v === "number", k).toBe(false);
  });

  it("hides a ratio of measures derived from a hidden measure", () => {
    const cells = [cell({}), cell({ indicator_id: "q" }), cell({ indicator_id: "r", statistic: "ratio-of-measures", numerator: NaN, denominator: NaN })];
    const out = applyDisclosure(cells, [{ numerator: "n1", denominator: "d" }, { numerator: "n2", denominator: "d" }, {}], new Map([["n2", "primary"]]), [P, Q, R], options);
    expect(out.map((c) => c.hidden)).toEqual([null, "suppressed", "suppressed"]);
  });

  it("drops what published cells would say about hidden ones", () => {
    const years = [2020, 2021, 2022, 2023, 2024].map((year) => cell({ year, area_code: "Z1" }));
    const region = cell({ level: "region", system_code: null, area_code: "R1", region_code: null });
    const bim = cell({ stratum: "bim", stratum_value: "bim" });
    const cells = [...years, region, bim];
    const counts = cells.map((_, i) => ({ numerator: `n${i}`, denominator: `d${i}` }));
    // 2021 of Z1, the region in 2024 and Z1's BIM cell are hidden.
    const out = applyDisclosure(
      cells,
      counts,
      new Map([
        ["n1", "primary"],
        ["n5", "primary"],
        ["n6", "primary"],
      ]),
      [P],
      options,
    );
    const z2024 = out.find((c) => c.year === 2024 && c.area_code === "Z1" && c.stratum === "total")!;
    expect(z2024.hidden).toBeNull();
    expect(z2024.value).toBe(10);
    expect(z2024.trend).toBeNull(); // 2021 is in its five years
    expect(z2024.compared_region).toBeNull(); // the region is hidden
    expect(z2024.compared_belgium).toBe("worse"); // Belgium is not
    expect(z2024.bim_ratio).toBeNull(); // from a hidden BIM cell
  });

  it("ranks quintiles among published peers only, and leaves out unpublished levels", () => {
    const zones = [10, 20, 30, 40, 50, 60].map((value, i) => cell({ area_code: `Z${i}`, value }));
    const sector = cell({ level: "sector", system_code: null, area_code: "21004_S01" });
    const municipalSex = cell({ level: "municipality", system_code: null, area_code: "21004", stratum: "sex", stratum_value: "F" });
    const cells = [...zones, sector, municipalSex];
    const out = applyDisclosure(
      cells,
      cells.map((_, i) => ({ numerator: `n${i}` })),
      new Map([["n5", "primary"]]),
      [P],
      options,
    );
    expect(out).toHaveLength(6);
    expect(out.map((c) => c.quintile)).toEqual([1, 2, 3, 4, 5, null]);
    expect(
      applyDisclosure(
        cells,
        cells.map(() => ({})),
        new Map(),
        [P],
        { municipalityStrata: true },
      ),
    ).toHaveLength(7);
  });
});
