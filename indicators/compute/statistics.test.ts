import { describe, expect, it } from "vitest";
import { definition } from "../../tests/indicator-helpers.ts";
import { CellTable } from "./cell-table.ts";
import { cellsFromColumns, withStatistics, type Cell, type WideColumns } from "./statistics.ts";

const P = definition({ id: "p", statistic: "proportion", unit: "percent", population: {}, numerator: { kind: "status", field: "gmd" }, strata: ["sex", "bim"] });
const R = definition({
  id: "r",
  statistic: "crude-rate",
  unit: "per-1000",
  population: {},
  numerator: { kind: "events", source: "health_service", codes: { nomenclature: ["990510"] }, count: "events" },
});
const M = definition({
  id: "m",
  statistic: "mean-per-person",
  unit: "ratio",
  population: {},
  numerator: { kind: "events", source: "health_service", codes: { nomenclature: ["990510"] }, count: "events" },
});

// Rows of a wide result: zeros, a numerator equal to its denominator, counts below and above
// 10 (exact Poisson, then Byar), one person (a mean without limits), empty denominators (null
// and 0) and a stratum P does not ask for.
const ROWS: { stratum: string; value: string; p: [number, number | null]; r: [number, number | null]; m: [number, number | null, number] }[] = [
  { stratum: "total", value: "all", p: [0, 10], r: [0, 10], m: [0, 10, 0] },
  { stratum: "total", value: "all", p: [10, 10], r: [3, 200], m: [1, 1, 1] },
  { stratum: "sex", value: "F", p: [7, 13], r: [9, 1300], m: [9, 13, 21] },
  { stratum: "sex", value: "M", p: [1, 1], r: [10, 1300], m: [10, 13, 30] },
  { stratum: "age-band", value: "0-17", p: [400, 1000], r: [1234, 5678], m: [1234, 5678, 4000] },
  { stratum: "bim", value: "bim", p: [3, null], r: [3, null], m: [3, null, 9] },
  { stratum: "bim", value: "non-bim", p: [0, 0], r: [0, 0], m: [0, 0, 0] },
  { stratum: "total", value: "all", p: [123_456, 987_654], r: [55, 987_654], m: [55, 2, 1600] },
];

function wide(): WideColumns {
  return {
    year: ROWS.map((_, i) => 2020 + (i % 3)),
    level: ROWS.map((_, i) => (i % 2 === 0 ? "zone" : "region")),
    system_code: ROWS.map((_, i) => (i % 2 === 0 ? "elz" : null)),
    area_code: ROWS.map((_, i) => `A${i}`),
    stratum: ROWS.map((r) => r.stratum),
    stratum_value: ROWS.map((r) => r.value),
    n0: ROWS.map((r) => r.p[0]),
    d0: ROWS.map((r) => r.p[1]),
    n1: ROWS.map((r) => r.r[0]),
    d1: ROWS.map((r) => r.r[1]),
    n2: ROWS.map((r) => r.m[0]),
    d2: ROWS.map((r) => r.m[1]),
    s2: ROWS.map((r) => r.m[2]),
  };
}

describe("cellsFromColumns", () => {
  const layout = [
    { id: "p", index: 0, banded: false },
    { id: "r", index: 1, banded: false },
    { id: "m", index: 2, banded: false },
  ];
  const cells = cellsFromColumns(wide(), layout, [P, R, M]).toCells();

  it("gives each wanted cell with a denominator the per-cell formulas' value and limits, derived fields empty", () => {
    const columns = wide();
    const expected = layout.flatMap(({ id, index }) => {
      const def = [P, R, M][index]!;
      return ROWS.flatMap((row, i) => {
        const [n, d] = [columns[`n${index}`]![i] as number, columns[`d${index}`]![i] as number | null];
        if (d === null || !(d > 0) || (id === "p" && row.stratum === "age-band")) return [];
        const cell: Cell = {
          indicator_id: id,
          year: columns.year![i] as number,
          level: columns.level![i] as string,
          system_code: columns.system_code![i] as string | null,
          area_code: columns.area_code![i] as string,
          stratum: row.stratum,
          stratum_value: row.value,
          numerator: n,
          denominator: d,
          sum_squares: id === "m" ? row.m[2] : null,
        };
        return [CellTable.from([withStatistics(cell, def)]).cell(0)];
      });
    });
    expect(cells).toEqual(expected);
    expect(cells.map((c) => c.indicator_id).join("")).toBe("ppppp" + "rrrrrr" + "mmmmmm"); // p has no age bands
  });

  it("keeps the edge cases the per-cell rules give: 0 and 100 %, exact Poisson below 10 events, no limits for one person", () => {
    const p = cells.filter((c) => c.indicator_id === "p");
    expect([p[0]!.value, p[0]!.lower95]).toEqual([0, 0]);
    expect([p[1]!.value, p[1]!.upper95]).toEqual([100, 100]);
    const r = cells.filter((c) => c.indicator_id === "r");
    expect(r[0]!.value).toBe(0);
    expect(r[0]!.upper95).toBeGreaterThan(0);
    const one = cells.find((c) => c.indicator_id === "m" && c.denominator === 1)!;
    expect([one.value, one.lower95, one.upper998]).toEqual([1, NaN, NaN]);
    expect(cells.every((c) => c.quintile === null && c.compared_belgium === null && c.trend === null && c.bim_ratio === null)).toBe(true);
  });

  it("says which column is missing", () => {
    expect(() => cellsFromColumns({ ...wide(), d1: undefined } as unknown as WideColumns, layout, [P, R, M])).toThrow("the query returned no column d1");
  });
});
