// The overview's "tartan rug" (after Fingertips): every zone of a system against every
// indicator, each cell coloured by the zone's comparison with the benchmark (Belgium or its
// region) for the indicator's latest year with zone cells. A hidden cell stays hidden; a
// missing one is "no data". Pure: the view fetches, this arranges.
import type { Cell } from "./api.ts";
import { comparisonStyle, type Style } from "./legend.ts";

export interface TartanIndicator {
  id: string;
  title: string;
  aim: string;
  unit: string;
  polarity: string;
}
export interface TartanZone {
  code: string;
  name: string;
}

export interface TartanCell {
  indicator: TartanIndicator;
  zone: TartanZone;
  year: number | null;
  cell: Cell | null;
  comparison: string | null;
  style: Style;
}

export interface TartanRow {
  indicator: TartanIndicator;
  year: number | null;
  cells: TartanCell[];
}

/** Cells of one indicator for the latest year that has any (zone cells of one system, total stratum). */
export function latestYear(cells: readonly Pick<Cell, "year">[]): number | null {
  return cells.length ? Math.max(...cells.map((c) => c.year)) : null;
}

export function tartanRows(indicators: readonly TartanIndicator[], zones: readonly TartanZone[], cellsOf: (id: string) => readonly Cell[], benchmark: "belgium" | "region"): TartanRow[] {
  return indicators.map((indicator) => {
    const all = cellsOf(indicator.id).filter((c) => c.stratum === "total");
    const year = latestYear(all);
    const byZone = new Map(all.filter((c) => c.year === year).map((c) => [c.area_code, c]));
    const cells = zones.map((zone) => {
      const cell = byZone.get(zone.code) ?? null;
      const comparison = cell ? ((benchmark === "region" ? cell.compared_region : cell.compared_belgium) ?? null) : null;
      return { indicator, zone, year, cell, comparison, style: comparisonStyle(comparison, cell?.hidden) };
    });
    return { indicator, year, cells };
  });
}

/** How many zones are better, similar, worse (or higher, lower…) on one indicator: the row's summary. */
export function tally(row: TartanRow): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of row.cells) counts.set(c.style.key, (counts.get(c.style.key) ?? 0) + 1);
  return counts;
}
