/**
 * Published cells regrouped as series: one indicator's numerator (or denominator) in one
 * stratum, over years and areas. Only statistics whose counts add up over areas and strata
 * are attacked (proportions, crude and standardised rates, means per person); zone means and
 * ratios of measures publish no additive count.
 */
import { cellKey, type PublicCell, type PublicRelease } from "./types.ts";

export const ADDITIVE = new Set(["proportion", "crude-rate", "directly-standardised-rate", "mean-per-person"]);

export type Quantity = "n" | "d";

export interface Series {
  key: string;
  indicatorId: string;
  quantity: Quantity;
  stratum: string;
  stratumValue: string;
  /** `year|areaKey` → published value, or null when hidden. */
  values: Map<string, number | null>;
  /** Every published value is a whole number: the series counts persons or events. */
  integer: boolean;
}

export const seriesKey = (indicatorId: string, quantity: Quantity, stratum: string, stratumValue: string): string => `${indicatorId}|${quantity}|${stratum}|${stratumValue}`;
export const positionKey = (c: PublicCell): string => `${c.year}|${cellKey(c.level, c.systemCode, c.areaCode)}`;
export const splitPosition = (position: string): { year: number; area: string } => {
  const bar = position.indexOf("|");
  return { year: Number(position.slice(0, bar)), area: position.slice(bar + 1) };
};

export function buildSeries(release: PublicRelease): Map<string, Series> {
  const statistic = new Map(release.indicators.map((i) => [i.id, i.statistic]));
  const series = new Map<string, Series>();
  for (const c of release.cells) {
    if (!ADDITIVE.has(statistic.get(c.indicatorId) ?? "")) continue;
    for (const quantity of ["n", "d"] as const) {
      const value = quantity === "n" ? c.numerator : c.denominator;
      // A published cell without this count (not computable) tells nothing about it.
      if (c.hidden === null && value === null) continue;
      const key = seriesKey(c.indicatorId, quantity, c.stratum, c.stratumValue);
      let s = series.get(key);
      if (!s) series.set(key, (s = { key, indicatorId: c.indicatorId, quantity, stratum: c.stratum, stratumValue: c.stratumValue, values: new Map(), integer: true }));
      s.values.set(positionKey(c), c.hidden === null ? value : null);
      if (value !== null && !Number.isInteger(value)) s.integer = false;
    }
  }
  return series;
}
