/**
 * What a cell says beyond its own value, worked out from the other cells of the same run:
 *
 * - comparison with its region and with Belgium (same indicator, year and stratum), graded
 *   by where the benchmark lies against the cell's 95% and 99.8% intervals, by polarity;
 * - quintile among the zones of its system (and among municipalities), same indicator, year
 *   and stratum;
 * - trend over the five most recent years up to the cell's year (weighted regression,
 *   significant at 99.8%);
 * - on total cells: the equity gap, BIM over non-BIM (ratio and difference, 95% limits);
 * - cells of `ratio-of-measures` definitions, one indicator's cell over another's.
 *
 * Pure: cells and the area → region map in, cells out. No value is estimated where a cell is
 * missing: a comparison without a benchmark cell, a trend with a missing year, a gap without
 * both groups stay null.
 */
import { assessTrend, compareWithBenchmark, intervalVariance, quintileAmong, quintiles, trendCriticalValue, trendOfWindow, zForLevel, type Comparison, type TrendAssessment } from "../stats/index.ts";
import type { Definition, Statistic, Unit } from "../definition/schema.ts";
import { CellIndex } from "./cell-index.ts";
import { contrast, type Side } from "./contrast.ts";
import { CellTable } from "./cell-table.ts";
import { statisticOf } from "../statistics/index.ts";
import type { CellWithStatistics } from "./statistics.ts";

export interface DerivedFields {
  /** The region the area lies in (null for a region and for Belgium). */
  region_code: string | null;
  compared_region: Comparison | null;
  compared_belgium: Comparison | null;
  quintile: number | null;
  trend: TrendAssessment | null;
  /** Change per year of the trend's regression, in the indicator's unit. */
  trend_slope: number | null;
  bim_ratio: number | null;
  bim_ratio_lower95: number | null;
  bim_ratio_upper95: number | null;
  bim_difference: number | null;
  bim_difference_lower95: number | null;
  bim_difference_upper95: number | null;
}

export type IndicatorCell = CellWithStatistics & DerivedFields;

/** `level|system|area` → region code, from the warehouse (areas.ts `areaRegionSql`). */
export type RegionOf = ReadonlyMap<string, string>;

export const areaKey = (level: string, system: string | null, area: string) => `${level}|${system ?? ""}|${area}`;
const cellKey = (c: CellWithStatistics, year = c.year, area = areaKey(c.level, c.system_code, c.area_code), stratum = `${c.stratum}|${c.stratum_value}`) =>
  `${c.indicator_id}|${year}|${area}|${stratum}`;

const ratioDefinitions = (defs: readonly Definition[]) => defs.filter((d) => statisticOf(d.statistic).cells.from === "measures" && d["ratio-of"] && d.sql === undefined);

/** The indicators whose cells `ratioCells` reads: the measures of the `ratio-of-measures` definitions. */
export function ratioMeasures(defs: readonly Definition[]): Set<string> {
  return new Set(ratioDefinitions(defs).flatMap((d) => [d["ratio-of"]!.numerator, d["ratio-of"]!.denominator]));
}

/** Cells of the `ratio-of-measures` definitions: A's cell over B's, where both exist. */
export function ratioCells(cells: readonly CellWithStatistics[], defs: readonly Definition[]): CellWithStatistics[] {
  const ratios = ratioDefinitions(defs);
  if (ratios.length === 0) return [];
  const wanted = ratioMeasures(defs);
  const index = new Map<string, CellWithStatistics>();
  for (const c of cells) if (wanted.has(c.indicator_id)) index.set(cellKey(c), c);
  const out: CellWithStatistics[] = [];
  for (const def of ratios) {
    const { numerator, denominator } = def["ratio-of"]!;
    // The measures are of different populations (BIM, non-BIM): compare like strata only.
    const strata = new Set(["total", ...def.strata]);
    for (const a of cells) {
      // Sector cells are counts for disclosure control only (statistics.ts): no ratio of theirs.
      if (a.indicator_id !== numerator || !strata.has(a.stratum) || a.level === "sector") continue;
      const b = index.get(cellKey({ ...a, indicator_id: denominator }));
      if (!b) continue;
      const { ratio } = contrast(a, b);
      // A ratio over a measure of 0 has no value, like a cell with an empty denominator.
      if (!Number.isFinite(ratio.value)) continue;
      out.push({
        indicator_id: def.id,
        year: a.year,
        level: a.level,
        system_code: a.system_code,
        area_code: a.area_code,
        stratum: a.stratum,
        stratum_value: a.stratum_value,
        // A ratio of two measures has no count of its own: the counts stay with its measures.
        numerator: NaN,
        denominator: NaN,
        sum_squares: null,
        statistic: def.statistic,
        unit: def.unit,
        value: ratio.value,
        lower95: ratio.lower,
        upper95: ratio.upper,
        lower998: NaN,
        upper998: NaN,
        low_count: null,
      });
    }
  }
  return out;
}

/**
 * Sets each cell's quintile among its peers: the zones of its system (or the municipalities),
 * same indicator, year and stratum. Cells left out by `ranked` get none and do not count.
 */
export function assignQuintiles<C extends Pick<IndicatorCell, "indicator_id" | "year" | "level" | "system_code" | "stratum" | "stratum_value" | "quintile"> & { value: number | null }>(
  cells: readonly C[],
  ranked: (cell: C) => boolean = () => true,
): void {
  const peers = new Map<string, C[]>();
  for (const c of cells) {
    if ((c.level !== "zone" && c.level !== "municipality") || !ranked(c)) continue;
    const k = `${c.indicator_id}|${c.year}|${c.level}|${c.system_code ?? ""}|${c.stratum}|${c.stratum_value}`;
    const group = peers.get(k);
    if (group) group.push(c);
    else peers.set(k, [c]);
  }
  for (const group of peers.values()) {
    const q = quintiles(group.map((c) => c.value));
    group.forEach((c, i) => (c.quintile = q[i] ?? null));
  }
}

/** Every cell with its comparisons, quintile, trend and equity gap (see the module comment). */
export function deriveCells(cells: readonly CellWithStatistics[], defs: readonly Definition[], regionOf: RegionOf): IndicatorCell[] {
  const table = CellTable.from(cells);
  deriveTable(table, defs, regionOf);
  return table.toCells();
}

/**
 * `deriveCells` on the engine's cells by column, filled in place: the cells `rows` lists (every
 * cell when absent), which are also the only peers and benchmarks.
 */
export function deriveTable(table: CellTable, defs: readonly Definition[], regionOf: RegionOf, rows?: Int32Array): void {
  const polarityOf = new Map(defs.map((d) => [d.id, d.polarity]));
  const index = new CellIndex(table, rows);
  const n = rows ? rows.length : table.length;
  const rowOf = rows ?? Int32Array.from({ length: n }, (_, i) => i);
  const polarity = index.indicatorIds.map((id) => polarityOf.get(id) ?? "no-judgement");
  const belgium = index.areaId("belgium", null, "BE");
  // Per area id: its region's code and the region's area id (-1: none), looked up once.
  const regionCode = index.areas.map(({ level, system, code }) => (level === "region" || level === "belgium" ? null : (regionOf.get(areaKey(level, system, code)) ?? null)));
  const regionArea = regionCode.map((r) => (r ? index.areaId("region", null, r) : -1));
  const ranked = Uint8Array.from(index.areas, ({ level }) => (level === "zone" || level === "municipality" ? 1 : 0));

  // The later passes read other cells (peers, earlier years) by position in the index: the
  // columns they read, gathered in that order.
  const totalCode = table.code("total");
  const belgiumCode = table.code("belgium");
  const year = new Int32Array(n);
  const value = new Float64Array(n);
  const lower95 = new Float64Array(n);
  const upper95 = new Float64Array(n);
  const total = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const r = rowOf[i]!;
    year[i] = table.year[r]!;
    value[i] = table.value[r]!;
    lower95[i] = table.lower95[r]!;
    upper95[i] = table.upper95[r]!;
    total[i] = table.stratum[r] === totalCode ? 1 : 0;
  }

  // Comparisons with the region and with Belgium, through one estimate refilled per cell.
  const estimate = { value: 0, lower95: 0, upper95: 0, lower998: 0, upper998: 0 };
  function compare(i: number, benchmarkArea: number): Comparison | null {
    const b = index.find(index.indicator[i]!, index.stratum[i]!, benchmarkArea, year[i]!);
    return b >= 0 && Number.isFinite(value[b]!) ? compareWithBenchmark(estimate, value[b]!, polarity[index.indicator[i]!]!) : null;
  }
  for (let i = 0; i < n; i++) {
    const r = rowOf[i]!;
    const area = index.area[i]!;
    const region = regionCode[area]!;
    estimate.value = value[i]!;
    estimate.lower95 = lower95[i]!;
    estimate.upper95 = upper95[i]!;
    estimate.lower998 = table.lower998[r]!;
    estimate.upper998 = table.upper998[r]!;
    table.setRegion(r, region);
    table.setComparisons(r, region ? compare(i, regionArea[area]!) : null, table.level[r] !== belgiumCode ? compare(i, belgium) : null);
  }

  // Quintiles among the zones of a system (or the municipalities): same indicator, year and
  // stratum. Peers are grouped by a counting sort over their dense key, each group's finite
  // values sorted in one scratch array (quintileAmong).
  const groupCount = index.indicatorIds.length * index.strataCount * index.levelSystemCount * index.yearSpan;
  const start = new Int32Array(groupCount + 1);
  const groupOf = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (ranked[index.area[i]!] === 0) continue;
    const k = ((index.indicator[i]! * index.strataCount + index.stratum[i]!) * index.levelSystemCount + index.levelSystem[i]!) * index.yearSpan + (year[i]! - index.firstYear);
    groupOf[i] = k;
    start[k + 1]!++;
  }
  for (let k = 0; k < groupCount; k++) start[k + 1]! += start[k]!;
  const members = new Int32Array(start[groupCount]!);
  const cursor = start.slice(0, groupCount);
  for (let i = 0; i < n; i++) if (groupOf[i]! >= 0) members[cursor[groupOf[i]!]!++] = i;
  const quintile = new Int8Array(n);
  const scratch = new Float64Array(members.length);
  for (let k = 0; k < groupCount; k++) {
    let m = 0;
    for (let j = start[k]!; j < start[k + 1]!; j++) if (Number.isFinite(value[members[j]!]!)) scratch[m++] = value[members[j]!]!;
    if (m < 5) continue;
    const sorted = scratch.subarray(0, m).sort();
    for (let j = start[k]!; j < start[k + 1]!; j++) {
      const i = members[j]!;
      if (Number.isFinite(value[i]!)) quintile[i] = quintileAmong(sorted, value[i]!);
    }
  }
  for (let i = 0; i < n; i++) if (quintile[i]! > 0) table.quintile[rowOf[i]!] = quintile[i]!;

  // Trends: five consecutive years of one indicator, area and stratum, up to the cell's year,
  // from the columns (trendOfWindow: no object per point).
  const z95 = zForLevel(0.95);
  const critical = trendCriticalValue();
  const times = new Float64Array(5);
  const values = new Float64Array(5);
  const variances = new Float64Array(5);
  for (let i = 0; i < n; i++) {
    if (year[i]! - 4 < index.firstYear) continue;
    let k = 0;
    for (let y = year[i]! - 4; y <= year[i]!; y++) {
      const p = index.inSeries(index.series[i]!, y);
      if (p < 0) break;
      times[k] = y;
      values[k] = value[p]!;
      variances[k] = intervalVariance(lower95[p]!, upper95[p]!, z95);
      k++;
    }
    // Five consecutive years or none: a gap would make "the five most recent years" a lie.
    if (k < 5) continue;
    const t = trendOfWindow(times, values, variances, 5, critical);
    const r = rowOf[i]!;
    table.setTrend(r, assessTrend(t.direction, polarity[index.indicator[i]!]!), t.slope);
  }

  // Equity gap on the total cell: BIM over non-BIM of the same indicator, year and area.
  const bimGroup = index.stratumId("bim", "bim");
  const nonBimGroup = index.stratumId("bim", "non-bim");
  if (bimGroup < 0 || nonBimGroup < 0) return;
  const side = (): Side => ({ statistic: "proportion", unit: "percent", numerator: 0, denominator: 0, value: 0, lower95: 0, upper95: 0 });
  const a = side();
  const b = side();
  const fillSide = (s: Side, i: number) => {
    const r = rowOf[i]!;
    s.statistic = table.text(table.statistic[r]!) as Statistic;
    s.unit = table.text(table.unit[r]!) as Unit;
    s.numerator = table.numerator[r]!;
    s.denominator = table.denominator[r]!;
    s.value = value[i]!;
    s.lower95 = lower95[i]!;
    s.upper95 = upper95[i]!;
    return s;
  };
  for (let i = 0; i < n; i++) {
    if (total[i] === 0) continue;
    const bim = index.find(index.indicator[i]!, bimGroup, index.area[i]!, year[i]!);
    const non = index.find(index.indicator[i]!, nonBimGroup, index.area[i]!, year[i]!);
    if (bim < 0 || non < 0) continue;
    const { ratio, difference } = contrast(fillSide(a, bim), fillSide(b, non));
    table.setGap(rowOf[i]!, ratio, difference);
  }
}
