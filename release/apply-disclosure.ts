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

type Address = Pick<IndicatorCell, "indicator_id" | "year" | "level" | "system_code" | "area_code" | "stratum" | "stratum_value">;

const key = (indicator: string, year: number, area: string, stratum: string, value: string) => `${indicator}|${year}|${area}|${stratum}|${value}`;
const cellKey = (c: Address) => key(c.indicator_id, c.year, areaKey(c.level, c.system_code, c.area_code), c.stratum, c.stratum_value);

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
  // Only published cells are looked up: a cell left out (a municipal stratum, a sector) has
  // latent counts, never hidden, and every lookup below stays at the cell's level and stratum
  // or goes to regions and Belgium. ~10⁶ cells, most of them municipal: keys for the published ones only.
  const published: number[] = [];
  cells.forEach((c, i) => {
    if (isPublished(c, options)) published.push(i);
  });
  const keys = published.map((i) => cellKey(cells[i]!));
  const reasons = new Map<string, HiddenReason | null>();
  published.forEach((i, k) => reasons.set(keys[k]!, reasonOf(counts[i]!)));
  // Ratios of measures: hidden when either measure's cell is (in the definitions' order).
  const byIndicator = new Map<string, number[]>();
  published.forEach((i, k) => {
    const id = cells[i]!.indicator_id;
    const list = byIndicator.get(id);
    if (list) list.push(k);
    else byIndicator.set(id, [k]);
  });
  for (const def of defs) {
    const of = def["ratio-of"];
    if (statisticOf(def.statistic).cells.from !== "measures" || !of) continue;
    for (const k of byIndicator.get(def.id) ?? []) {
      const c = cells[published[k]!]!;
      const area = areaKey(c.level, c.system_code, c.area_code);
      const a = reasons.get(key(of.numerator, c.year, area, c.stratum, c.stratum_value));
      const b = reasons.get(key(of.denominator, c.year, area, c.stratum, c.stratum_value));
      if (a || b) reasons.set(keys[k]!, "suppressed");
    }
  }
  const isHidden = (indicator: string, year: number, area: string, stratum: string, value: string) => Boolean(reasons.get(key(indicator, year, area, stratum, value)));

  const out: PublishedCell[] = [];
  published.forEach((i, k) => {
    const c = cells[i]!;
    const reason = reasons.get(keys[k]!) ?? null;
    if (reason) {
      out.push({ ...c, ...(NULLED as unknown as Partial<IndicatorCell>), hidden: reason } as PublishedCell);
      return;
    }
    const p: PublishedCell = { ...c, hidden: null };
    const area = areaKey(c.level, c.system_code, c.area_code);
    const here = (year: number, stratum = c.stratum, value = c.stratum_value) => isHidden(c.indicator_id, year, area, stratum, value);
    if (p.region_code && isHidden(c.indicator_id, c.year, areaKey("region", null, p.region_code), c.stratum, c.stratum_value)) p.compared_region = null;
    if (isHidden(c.indicator_id, c.year, areaKey("belgium", null, "BE"), c.stratum, c.stratum_value)) p.compared_belgium = null;
    if (p.trend !== null) for (let y = c.year - 4; y < c.year; y++) if (here(y)) p.trend = p.trend_slope = null;
    if (p.bim_ratio !== null && (here(c.year, "bim", "bim") || here(c.year, "bim", "non-bim"))) {
      Object.assign(p, { bim_ratio: null, bim_ratio_lower95: null, bim_ratio_upper95: null, bim_difference: null, bim_difference_lower95: null, bim_difference_upper95: null });
    }
    out.push(p);
  });
  // Quintiles among published peers only: a hidden zone's rank is not published either.
  assignQuintiles(out, (c) => c.hidden === null);
  return out;
}
