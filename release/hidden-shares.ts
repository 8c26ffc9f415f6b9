/**
 * What disclosure control cost, for the manifest: the share of published cells that are
 * hidden, split into primary (one of the cell's counts was 1 to minCount − 1), secondary
 * (hidden to protect those) and derived (computed from a hidden cell), in all and by
 * indicator. Only these aggregates leave the publisher: each hidden cell says `suppressed`.
 */
import type { IndicatorCell } from "../indicators/compute/derive.ts";
import type { PublishedCell } from "./apply-disclosure.ts";
import { isPublished, type CellCounts, type ModelOptions } from "./sdc-model.ts";

export interface IndicatorShare {
  id: string;
  cells: number;
  primary: number;
  secondary: number;
  derived: number;
  share: number;
}
export interface HiddenShares {
  primary: number;
  secondary: number;
  derived: number;
  share: number;
  byIndicator: IndicatorShare[];
}

const ratio = (hidden: number, cells: number) => (cells === 0 ? 0 : Math.round((hidden / cells) * 10000) / 10000);

export function hiddenShares(
  computed: readonly IndicatorCell[],
  counts: readonly CellCounts[],
  hidden: ReadonlyMap<string, "primary" | "complementary">,
  published: readonly PublishedCell[],
  options: ModelOptions,
  /** Published sub-annual period cells and why each is hidden (apply-period-disclosure.ts). */
  periods: readonly { indicator_id: string; hiding: "primary" | "complementary" | "derived" | null }[] = [],
): HiddenShares {
  const by = new Map<string, IndicatorShare>();
  const row = (id: string) => {
    let r = by.get(id);
    if (!r) by.set(id, (r = { id, cells: 0, primary: 0, secondary: 0, derived: 0, share: 0 }));
    return r;
  };
  // Primary and secondary from the model; what else is hidden was derived from hidden cells.
  computed.forEach((c, i) => {
    if (!isPublished(c, options)) return;
    const kinds = [counts[i]!.numerator, counts[i]!.denominator].map((id) => (id === undefined ? undefined : hidden.get(id)));
    if (kinds.includes("primary")) row(c.indicator_id).primary++;
    else if (kinds.includes("complementary")) row(c.indicator_id).secondary++;
  });
  for (const c of published) {
    const r = row(c.indicator_id);
    r.cells++;
    if (c.hidden !== null) r.derived++;
  }
  // A period cell counts as a cell of its indicator; "derived" holds every hidden one until primary and secondary are taken out below.
  for (const p of periods) {
    const r = row(p.indicator_id);
    r.cells++;
    if (p.hiding !== null) r.derived++;
    if (p.hiding === "primary") r.primary++;
    else if (p.hiding === "complementary") r.secondary++;
  }
  let cells = 0;
  let primary = 0;
  let secondary = 0;
  let derived = 0;
  for (const r of by.values()) {
    r.derived -= r.primary + r.secondary;
    r.share = ratio(r.primary + r.secondary + r.derived, r.cells);
    cells += r.cells;
    primary += r.primary;
    secondary += r.secondary;
    derived += r.derived;
  }
  const byIndicator = [...by.values()].sort((a, b) => a.id.localeCompare(b.id));
  return { primary, secondary, derived, share: ratio(primary + secondary + derived, cells), byIndicator };
}
