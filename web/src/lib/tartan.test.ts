import { describe, expect, it } from "vitest";
import type { Cell } from "./api.ts";
import { latestYear, tally, tartanRows } from "./tartan.ts";

const cell = (indicator: string, area: string, year: number, over: Partial<Cell> = {}): Cell =>
  ({ indicator_id: indicator, area_code: area, year, stratum: "total", stratum_value: "total", value: 1, hidden: null, compared_belgium: "similar", compared_region: "better", ...over }) as Cell;

describe("the overview's tartan rug", () => {
  const indicators = [
    { id: "a", title: "A", aim: "equity", unit: "percent", polarity: "high-is-good" },
    { id: "b", title: "B", aim: "value", unit: "euro", polarity: "no-judgement" },
  ];
  const zones = [
    { code: "z1", name: "Zone 1" },
    { code: "z2", name: "Zone 2" },
    { code: "z3", name: "Zone 3" },
  ];
  const cells: Record<string, Cell[]> = {
    a: [
      cell("a", "z1", 2023, { compared_belgium: "worse" }),
      cell("a", "z1", 2024, { compared_belgium: "better" }),
      cell("a", "z2", 2024, { hidden: "suppressed", compared_belgium: null }),
      cell("a", "z1", 2024, { stratum: "sex", stratum_value: "F", compared_belgium: "much-worse" }),
    ],
    b: [],
  };

  it("takes each indicator's latest year and colours each zone by its comparison with the benchmark", () => {
    const rows = tartanRows(indicators, zones, (id) => cells[id] ?? [], "belgium");
    expect(rows.map((r) => r.year)).toEqual([2024, null]);
    expect(rows[0]!.cells.map((c) => c.style.key)).toEqual(["better", "hidden", "none"]);
    expect(rows[1]!.cells.every((c) => c.cell === null && c.style.key === "none")).toBe(true);
    expect(tartanRows(indicators, zones, (id) => cells[id] ?? [], "region")[0]!.cells[0]!.comparison).toBe("better");
  });

  it("never colours a hidden cell by a comparison, and counts the row's classes", () => {
    const rows = tartanRows(indicators, zones, () => [cell("a", "z1", 2024, { hidden: "suppressed", compared_belgium: "better" })], "belgium");
    expect(rows[0]!.cells[0]!.style.key).toBe("hidden");
    expect(tally(rows[0]!)).toEqual(
      new Map([
        ["hidden", 1],
        ["none", 2],
      ]),
    );
    expect(latestYear([])).toBeNull();
  });
});
