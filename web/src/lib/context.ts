// Context for a zone alone in its zone system (the German-speaking Community): ranking it, its
// quintile, or a spine chart among "1 peer" would compare it with itself. Such a zone is shown
// against its region and Belgium instead: its value, its region's and Belgium's, side by side
// with their intervals, in that order. Pure.
import type { IntervalRow } from "../charts/interval-bars.ts";
import type { Cell } from "./api.ts";

/** Fewer than two zones (or peers): nothing to rank against. */
export function isLone(count: number | null | undefined): boolean {
  return (count ?? 0) < 2;
}

export interface ContextArea {
  label: string;
  cell: Pick<Cell, "value" | "lower95" | "upper95" | "hidden"> | null | undefined;
  fill: string;
}

/** The zone, its region and Belgium as bars in that order; a hidden or missing value is not drawn. */
export function contextRows(areas: readonly ContextArea[]): IntervalRow[] {
  return areas.map(({ label, cell, fill }) => {
    const hidden = !cell || !!cell.hidden || cell.value === null;
    return { label, value: hidden ? null : cell!.value, lower: hidden ? null : cell!.lower95, upper: hidden ? null : cell!.upper95, fill, hidden };
  });
}
