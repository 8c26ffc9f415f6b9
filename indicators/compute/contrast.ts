/**
 * The contrast of two cells, A over B: their ratio and their difference with 95% limits.
 * Used for the equity gap of a zone (its BIM cell against its non-BIM cell) and for
 * definitions of statistic `ratio-of-measures` (one indicator's cell over another's).
 *
 * The method follows what the two cells are (their statistic's `contrast`, indicators/statistics/):
 * - two proportions: Katz log ratio, Newcombe hybrid difference (from the counts);
 * - two crude rates: exact conditional ratio, MOVER difference (from the counts);
 * - anything else (standardised rates, means, scores): from each cell's own 95% interval,
 *   taken as symmetric on the log scale for the ratio and on the natural scale for the
 *   difference (as Fingertips does for ratios of DSRs). Limits are NaN when an interval is
 *   missing or touches 0 on the log scale.
 * Pure: cells in, numbers out.
 */
import { zForLevel } from "../stats/index.ts";
import { statisticOf, type Contrast } from "../statistics/index.ts";
import { multiplierOf, type CellWithStatistics } from "./statistics.ts";

export type { Contrast };

export type Side = Pick<CellWithStatistics, "statistic" | "unit" | "numerator" | "denominator" | "value" | "lower95" | "upper95">;

const Z95 = zForLevel(0.95);

function fromIntervals(a: Side, b: Side): Contrast {
  const ratioValue = a.value / b.value;
  const logSe = (c: Side) => (c.lower95 > 0 && c.upper95 > 0 ? (Math.log(c.upper95) - Math.log(c.lower95)) / (2 * Z95) : NaN);
  const seLog = Math.hypot(logSe(a), logSe(b));
  const se = (c: Side) => (c.upper95 - c.lower95) / (2 * Z95);
  const seDiff = Math.hypot(se(a), se(b));
  const difference = a.value - b.value;
  return {
    ratio: { value: ratioValue, lower: ratioValue * Math.exp(-Z95 * seLog), upper: ratioValue * Math.exp(Z95 * seLog) },
    difference: { value: difference, lower: difference - Z95 * seDiff, upper: difference + Z95 * seDiff },
  };
}

/** A over B; both cells must be of the same statistic and unit to use their counts. */
export function contrast(a: Side, b: Side): Contrast {
  const counted = a.statistic === b.statistic && a.unit === b.unit && a.denominator !== null && b.denominator !== null;
  const fromCounts = counted ? statisticOf(a.statistic).contrast : undefined;
  return fromCounts?.(a, b, multiplierOf(a.unit)) ?? fromIntervals(a, b);
}
