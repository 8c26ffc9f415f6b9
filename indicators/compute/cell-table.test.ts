import { describe, expect, it } from "vitest";
import { CellTable } from "./cell-table.ts";
import type { CellWithStatistics } from "./statistics.ts";

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number) {
  return () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

/** Cells with every kind of value a field can hold: NaN limits, null and NaN sums of squares, each low_count, bands, expected counts. */
function someCells(count: number, seed = 1): CellWithStatistics[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, i) => {
    const kind = i % 5;
    const cell: CellWithStatistics = {
      indicator_id: `ind-${i % 3}`,
      year: 2019 + (i % 6),
      level: ["zone", "municipality", "sector", "belgium"][i % 4]!,
      system_code: i % 4 === 0 ? "elz" : null,
      area_code: `A${i}`,
      stratum: ["total", "sex", "bim"][i % 3]!,
      stratum_value: ["all", "F", "bim"][i % 3]!,
      numerator: Math.floor(next() * 100),
      denominator: 100 + Math.floor(next() * 1000),
      sum_squares: kind === 0 ? null : kind === 1 ? NaN : next() * 1e4,
      statistic: kind === 2 ? "directly-standardised-rate" : "proportion",
      unit: kind === 2 ? "per-100000" : "percent",
      value: kind === 3 ? NaN : next() * 100,
      lower95: kind === 3 ? NaN : next(),
      upper95: next() + 1,
      lower998: next(),
      upper998: kind === 4 ? NaN : next() + 2,
      low_count: kind === 2 ? i % 2 === 0 : null,
    };
    if (kind === 2) cell.bands = { counts: [i, 1], personYears: [10, 20] };
    if (kind === 4) cell.expected = next() * 50;
    return cell;
  });
}

const EMPTY_DERIVED = {
  region_code: null,
  compared_region: null,
  compared_belgium: null,
  quintile: null,
  trend: null,
  trend_slope: null,
  bim_ratio: null,
  bim_ratio_lower95: null,
  bim_ratio_upper95: null,
  bim_difference: null,
  bim_difference_lower95: null,
  bim_difference_upper95: null,
};

describe("CellTable", () => {
  it("gives back every cell as it was added, derived fields empty, past many growths of its columns", () => {
    const cells = someCells(3_000);
    const table = new CellTable(1);
    for (const c of cells) table.addCell(c);
    expect(table.length).toBe(3_000);
    expect(table.toCells()).toEqual(cells.map((c) => ({ ...c, ...EMPTY_DERIVED })));
    // null and NaN stay apart (a sum of squares the query left empty is NaN, a proportion has none).
    expect(table.cell(0).sum_squares).toBeNull();
    expect(table.cell(1).sum_squares).toBeNaN();
    expect(table.cell(2).bands).toEqual({ counts: [2, 1], personYears: [10, 20] });
    expect("bands" in table.cell(0) || "expected" in table.cell(0)).toBe(false);
  });

  it("keeps what derive sets: region, comparisons, quintile, a trend with or without a slope, the equity gap", () => {
    const table = CellTable.from(someCells(4));
    table.setRegion(0, "BE2");
    table.setComparisons(0, "much-better", null);
    table.setComparisons(1, null, "similar");
    table.quintile[1] = 5;
    table.setTrend(2, "getting-worse", -0.25);
    table.setTrend(3, "cannot-be-calculated", null);
    table.setGap(0, { value: 1.5, lower: 1.1, upper: 2 }, { value: 3, lower: NaN, upper: 4 });
    const [a, b, c, d] = table.toCells();
    expect(a).toMatchObject({
      region_code: "BE2",
      compared_region: "much-better",
      compared_belgium: null,
      quintile: null,
      trend: null,
      bim_ratio: 1.5,
      bim_ratio_lower95: 1.1,
      bim_difference_lower95: NaN,
    });
    expect(b).toMatchObject({ region_code: null, compared_region: null, compared_belgium: "similar", quintile: 5, bim_ratio: null });
    expect(c).toMatchObject({ trend: "getting-worse", trend_slope: -0.25 });
    expect(d).toMatchObject({ trend: "cannot-be-calculated", trend_slope: null });
  });

  it("hands its rows to a writer through one object, refilled with each cell's values", () => {
    const cells = someCells(50);
    const table = CellTable.from(cells);
    const seen = new Set<object>();
    const values: unknown[] = [];
    for (const row of table.rows()) {
      seen.add(row);
      values.push({ ...row });
    }
    expect(seen.size).toBe(1);
    expect(values).toEqual(table.toCells().map(({ bands: _b, expected: _e, ...c }) => c));
  });

  it("filters in place, in order, with the bands and expected counts of the cells it keeps", () => {
    const cells = someCells(40);
    const table = CellTable.from(cells);
    table.setRegion(12, "BE1");
    table.setRegion(14, "BE3"); // left out: where the next cell is added
    table.setTrend(14, "increasing", 1);
    table.filter((i) => i % 3 === 0);
    const kept = cells.filter((_, i) => i % 3 === 0);
    expect(table.length).toBe(kept.length);
    expect(table.toCells().map((c) => c.area_code)).toEqual(kept.map((c) => c.area_code));
    expect(table.toCells().map((c) => c.bands ?? null)).toEqual(kept.map((c) => c.bands ?? null));
    expect(table.toCells().map((c) => c.expected ?? null)).toEqual(kept.map((c) => c.expected ?? null));
    expect(table.cell(4).region_code).toBe("BE1"); // cell 12 is the fifth kept
    // Cells are added again where the kept cells end, with nothing of what was there.
    table.addCell(cells[1]!);
    expect(table.cell(table.length - 1)).toEqual({ ...cells[1], ...EMPTY_DERIVED });
  });
});
