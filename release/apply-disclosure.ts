/**
 * What a release publishes of each cell, once disclosure control has decided which counts
 * are hidden. Pure: cells and decisions in, published cells out.
 *
 * - A cell whose numerator or denominator count is hidden is hidden as a whole: value,
 *   counts, limits, comparisons, quintile, trend and gaps are all NULL, with the reason
 *   with the one public reason `suppressed`: whether a count was primary (1 to minCount − 1)
 *   or complementary stays inside the publisher, since telling would say which hidden counts are small.
 * - A cell computed from hidden cells is hidden too, with the same reason: a ratio of measures
 *   whose measure is hidden.
 * - What published cells say about hidden ones goes as well: a comparison with a hidden
 *   benchmark, a trend whose five years include a hidden one, an equity gap from a hidden
 *   BIM or non-BIM cell. Quintiles are recomputed among published peers only.
 * - Cells that are not published at all (sectors; municipal strata unless asked) are left out.
 */
import type { IndicatorCell } from "../indicators/compute/derive.ts";
import { areaKey, assignQuintiles } from "../indicators/compute/derive.ts";
import type { Definition } from "../indicators/definition/schema.ts";
import { statisticOf } from "../indicators/statistics/index.ts";
import { CELL_TABLE } from "./format.ts";
import { isPublished, type CellCounts, type ModelOptions } from "./sdc-model.ts";

/** The only public reason: primary, complementary and derived suppressions look the same. */
export type HiddenReason = "suppressed";

export interface PublishedCell extends IndicatorCell {
  hidden: HiddenReason | null;
}

const cellKey = (c: Pick<IndicatorCell, "indicator_id" | "year" | "level" | "system_code" | "area_code" | "stratum" | "stratum_value">) =>
  `${c.indicator_id}|${c.year}|${areaKey(c.level, c.system_code, c.area_code)}|${c.stratum}|${c.stratum_value}`;

/** What a hidden cell carries: every value column of the release's cell table NULL, and the publisher's own sum of squares. */
const NULLED = { ...CELL_TABLE.nulls, sum_squares: null } as const;

export function applyDisclosure(
  cells: readonly IndicatorCell[],
  counts: readonly CellCounts[],
  hidden: ReadonlyMap<string, "primary" | "complementary">,
  defs: readonly Definition[],
  options: ModelOptions,
): PublishedCell[] {
  const reasonOf = (c: CellCounts): HiddenReason | null => {
    const hide = [c.numerator, c.denominator].some((id) => id !== undefined && hidden.has(id));
    return hide ? "suppressed" : null;
  };
  const reasons = new Map<string, HiddenReason | null>();
  cells.forEach((c, i) => reasons.set(cellKey(c), reasonOf(counts[i]!)));
  // Ratios of measures: hidden when either measure's cell is.
  for (const def of defs) {
    const of = def["ratio-of"];
    if (statisticOf(def.statistic).cells.from !== "measures" || !of) continue;
    for (const c of cells) {
      if (c.indicator_id !== def.id) continue;
      const a = reasons.get(cellKey({ ...c, indicator_id: of.numerator }));
      const b = reasons.get(cellKey({ ...c, indicator_id: of.denominator }));
      if (a || b) reasons.set(cellKey(c), "suppressed");
    }
  }
  const isHidden = (c: Parameters<typeof cellKey>[0]) => Boolean(reasons.get(cellKey(c)));

  const out: PublishedCell[] = [];
  for (const c of cells) {
    if (!isPublished(c, options)) continue;
    const reason = reasons.get(cellKey(c)) ?? null;
    if (reason) {
      out.push({ ...c, ...(NULLED as unknown as Partial<IndicatorCell>), hidden: reason } as PublishedCell);
      continue;
    }
    const p: PublishedCell = { ...c, hidden: null };
    if (p.region_code && isHidden({ ...c, level: "region", system_code: null, area_code: p.region_code })) p.compared_region = null;
    if (isHidden({ ...c, level: "belgium", system_code: null, area_code: "BE" })) p.compared_belgium = null;
    if (p.trend !== null) for (let y = c.year - 4; y < c.year; y++) if (isHidden({ ...c, year: y })) p.trend = p.trend_slope = null;
    if (p.bim_ratio !== null && (isHidden({ ...c, stratum: "bim", stratum_value: "bim" }) || isHidden({ ...c, stratum: "bim", stratum_value: "non-bim" }))) {
      Object.assign(p, { bim_ratio: null, bim_ratio_lower95: null, bim_ratio_upper95: null, bim_difference: null, bim_difference_lower95: null, bim_difference_upper95: null });
    }
    out.push(p);
  }
  // Quintiles among published peers only: a hidden zone's rank is not published either.
  assignQuintiles(out, (c) => c.hidden === null);
  return out;
}
