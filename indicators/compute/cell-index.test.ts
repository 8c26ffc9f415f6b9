import { describe, expect, it } from "vitest";
import { compareWithBenchmark, quintiles, recentTrend } from "../stats/index.ts";
import { definition } from "../../tests/indicator-helpers.ts";
import { CellIndex, keyColumns } from "./cell-index.ts";
import { contrast } from "./contrast.ts";
import { areaKey, deriveCells, type IndicatorCell } from "./derive.ts";
import { withStatistics, type CellWithStatistics } from "./statistics.ts";

const P = definition({ id: "p", statistic: "proportion", unit: "percent", population: {}, numerator: { kind: "status", field: "gmd" } }, { polarity: "high-is-good" });
const R = definition(
  { id: "r", statistic: "crude-rate", unit: "per-1000", population: {}, numerator: { kind: "events", source: "health_service", codes: { nomenclature: ["990510"] }, count: "events" } },
  { polarity: "low-is-good" },
);

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number) {
  return () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

const AREAS: readonly (readonly [level: string, system: string | null, area: string])[] = [
  ["belgium", null, "BE"],
  ["region", null, "R1"],
  ["region", null, "R2"],
  ...Array.from({ length: 12 }, (_, i) => ["zone", i < 7 ? "elz" : "hpz", `Z${i}`] as const),
  ...Array.from({ length: 6 }, (_, i) => ["municipality", null, `M${i}`] as const),
];
const STRATA = [
  ["total", "all"],
  ["sex", "F"],
  ["sex", "M"],
  ["bim", "bim"],
  ["bim", "non-bim"],
] as const;

/** Cells of two indicators over 2015–2024 with random gaps, zeros and small counts. */
function someCells(seed: number): CellWithStatistics[] {
  const next = random(seed);
  const out: CellWithStatistics[] = [];
  for (const def of [P, R])
    for (const [level, system, area] of AREAS)
      for (const [stratum, value] of STRATA)
        for (let year = 2015; year <= 2024; year++) {
          if (next() < 0.12) continue; // a missing cell: no benchmark, a gap in a trend, no BIM pair
          const denominator = 1 + Math.floor(next() * (level === "belgium" ? 100_000 : 2_000));
          const numerator = next() < 0.1 ? 0 : Math.floor(next() * (def === P ? denominator : 30));
          const cell = { indicator_id: def.id, year, level, system_code: system, area_code: area, stratum, stratum_value: value, numerator, denominator };
          out.push(withStatistics(cell, def));
        }
  return out;
}

/** The derivations as written before the index, one joined string key per lookup. */
function reference(cells: readonly CellWithStatistics[], regionOf: ReadonlyMap<string, string>): Partial<IndicatorCell>[] {
  const polarity = new Map([P, R].map((d) => [d.id, d.polarity]));
  const key = (c: CellWithStatistics, year = c.year, area = areaKey(c.level, c.system_code, c.area_code), stratum = `${c.stratum}|${c.stratum_value}`) =>
    `${c.indicator_id}|${year}|${area}|${stratum}`;
  const index = new Map(cells.map((c) => [key(c), c]));
  const out = cells.map(() => ({}) as Partial<IndicatorCell>);
  const peers = new Map<string, number[]>();
  const series = new Map<string, number[]>();
  cells.forEach((c, i) => {
    const o = out[i]!;
    const p = polarity.get(c.indicator_id)!;
    const region = c.level === "region" || c.level === "belgium" ? null : (regionOf.get(areaKey(c.level, c.system_code, c.area_code)) ?? null);
    const compare = (area: string) => {
      const b = index.get(key(c, c.year, area));
      return b && Number.isFinite(b.value) ? compareWithBenchmark(c, b.value, p) : null;
    };
    o.region_code = region;
    o.compared_region = region ? compare(areaKey("region", null, region)) : null;
    o.compared_belgium = c.level !== "belgium" ? compare(areaKey("belgium", null, "BE")) : null;
    const peer = `${c.indicator_id}|${c.year}|${c.level}|${c.system_code ?? ""}|${c.stratum}|${c.stratum_value}`;
    if (c.level === "zone" || c.level === "municipality") peers.set(peer, [...(peers.get(peer) ?? []), i]);
    series.set(key(c, 0), [...(series.get(key(c, 0)) ?? []), i]);
    const bim = index.get(key(c, c.year, undefined, "bim|bim"));
    const non = index.get(key(c, c.year, undefined, "bim|non-bim"));
    const gap = c.stratum === "total" && bim && non ? contrast(bim, non) : null;
    Object.assign(o, {
      bim_ratio: gap?.ratio.value ?? null,
      bim_ratio_lower95: gap?.ratio.lower ?? null,
      bim_ratio_upper95: gap?.ratio.upper ?? null,
      bim_difference: gap?.difference.value ?? null,
      bim_difference_lower95: gap?.difference.lower ?? null,
      bim_difference_upper95: gap?.difference.upper ?? null,
      quintile: null,
      trend: null,
      trend_slope: null,
    });
  });
  for (const group of peers.values()) {
    const q = quintiles(group.map((i) => cells[i]!.value));
    group.forEach((i, k) => (out[i]!.quintile = q[k] ?? null));
  }
  for (const s of series.values()) {
    s.sort((a, b) => cells[a]!.year - cells[b]!.year);
    for (let k = 4; k < s.length; k++) {
      const window = s.slice(k - 4, k + 1).map((i) => cells[i]!);
      if (window[0]!.year !== cells[s[k]!]!.year - 4) continue;
      const t = recentTrend(
        window.map((p) => ({ time: p.year, value: p.value, lower: p.lower95, upper: p.upper95 })),
        { polarity: polarity.get(window[0]!.indicator_id)! },
      );
      Object.assign(out[s[k]!]!, { trend: t.assessment, trend_slope: t.slope });
    }
  }
  return out;
}

describe("CellIndex", () => {
  const cells = someCells(1);
  const index = new CellIndex(keyColumns(cells));

  it("finds every cell by its indicator, stratum, area and year, and nothing that is not there", () => {
    cells.forEach((c, i) => {
      const area = index.areaId(c.level, c.system_code, c.area_code);
      expect(index.find(index.indicator[i]!, index.stratumId(c.stratum, c.stratum_value), area, c.year)).toBe(i);
    });
    expect(index.areaId("zone", "elz", "Z99")).toBe(-1);
    expect(index.areaId("zone", "hpz", "Z0")).toBe(-1); // Z0 is of elz
    expect(index.stratumId("sex", "X")).toBe(-1);
    expect(index.find(0, 0, 0, 2014)).toBe(-1);
    expect(index.find(0, 0, 0, 2025)).toBe(-1);
  });

  it("finds the later of two cells with the same key, as a Map would", () => {
    const twice = new CellIndex(keyColumns([cells[0]!, cells[1]!, cells[0]!]));
    expect(twice.find(twice.indicator[0]!, twice.stratum[0]!, twice.area[0]!, cells[0]!.year)).toBe(2);
  });
});

describe("deriveCells", () => {
  const regionOf = new Map(
    AREAS.filter(([level]) => level === "zone" || level === "municipality").map(([level, system, area], i) => [areaKey(level, system, area), i % 3 === 2 ? "R9" : `R${1 + (i % 2)}`]),
  );

  it.each([1, 2, 3])("gives the derivations of the string-keyed lookups on random cells (seed %i)", (seed) => {
    const cells = someCells(seed);
    const out = deriveCells(cells, [P, R], regionOf);
    expect(out).toHaveLength(cells.length);
    const expected = reference(cells, regionOf);
    const fields = Object.keys(expected[0]!) as (keyof IndicatorCell)[];
    expect(out.map((c) => Object.fromEntries(fields.map((k) => [k, c[k]])))).toEqual(expected);
    // Some of each, or the comparison proves little.
    expect(out.some((c) => c.trend !== null) && out.some((c) => c.quintile !== null) && out.some((c) => c.bim_ratio !== null)).toBe(true);
    expect(out.some((c) => c.region_code === "R9" && c.compared_region === null)).toBe(true); // a region without cells
  });

  it("leaves its input untouched", () => {
    const cells = someCells(4);
    const before = JSON.stringify(cells);
    deriveCells(cells, [P, R], regionOf);
    expect(JSON.stringify(cells)).toBe(before);
  });
});
