// A cell's value as words for tables and tooltips, in the user's language. Pure.
import type { Cell } from "./api.ts";
import { formatInterval, formatValue } from "./format.ts";
import { t, tk } from "./i18n/index.ts";
import type { Lang } from "./route.ts";

const SUFFIXED = new Set(["per-1000", "per-10000", "per-100000"]);

export function unitSuffix(unit: string, lang: Lang): string {
  return SUFFIXED.has(unit) ? ` ${tk(lang, `unit.${unit}`)}` : "";
}

/** "12,3 %", "845 per 100,000", or the hidden wording (no emoji: views draw the SVG marker beside it); never a number for a hidden cell. */
export function valueText(cell: Pick<Cell, "value" | "hidden"> | null | undefined, unit: string, lang: Lang, withUnit = true): string {
  if (!cell) return "–";
  if (cell.hidden) return t(lang, "hidden.short");
  if (cell.value === null) return "–";
  return formatValue(cell.value, unit, lang) + (withUnit ? unitSuffix(unit, lang) : "");
}

export function intervalText(cell: Pick<Cell, "value" | "lower95" | "upper95" | "hidden"> | null | undefined, unit: string, lang: Lang): string {
  if (!cell || cell.hidden) return "–";
  return formatInterval(cell.lower95, cell.upper95, unit, lang, cell.value);
}

/** Numbers for axes and tooltips: the unit's format without the suffix. */
export function axisFormat(unit: string, lang: Lang): (v: number) => string {
  return (v) => formatValue(v, unit, lang);
}
