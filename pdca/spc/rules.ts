// MDC's four special-cause rules on an XmR chart. Pure. Every comparison is strict:
//  a. beyond-limits: a point above the upper or below the lower process limit (one signal per point);
//  b. shift: RUN_LENGTH (7) or more consecutive points all above, or all below, the mean; a
//     point exactly on the mean is on neither side and breaks the run;
//  c. trend: RUN_LENGTH or more consecutive points each higher (or each lower) than the one
//     before; a tie (equal consecutive values) breaks it, and the tied point may start a new one;
//  d. two-of-three: two or three of three consecutive points beyond mean ± 2σ on the same side
//     ("near a limit": the outer third of the distance to it; points beyond the limit count).
//     The points beyond 2σ are the signal's points, not the third one. Overlapping windows make
//     one signal.
// A hidden point (null) is on no side and has no direction: it breaks shifts and trends and
// counts as not near a limit. We do not know what it was, so it cannot extend a signal.
// "Strict" is up to the chart's rounding tolerance (xmr.ts): a value within it of a line is on
// the line, two values within it of each other are a tie. A chart without variation (mR̄ = 0)
// gives no signals: its limits are the mean itself and every change would be "special".
import type { Polarity } from "../../indicators/stats/compare.ts";
import { toleranceOf, type ChartPoint, type XmrChart } from "./xmr.ts";

export type { Polarity };
export const RUN_LENGTH = 7;
export const RULES = ["beyond-limits", "shift", "trend", "two-of-three"] as const;
export type Rule = (typeof RULES)[number];
export type Direction = "up" | "down";
export type Meaning = "improvement" | "concern" | "neither";

export interface Signal {
  rule: Rule;
  direction: Direction;
  /** The years of the signal's points, in order (a year once per point: a quarterly signal repeats it). */
  years: number[];
  /** Sub-annual series: the periods of the signal's points ("2024-Q1"). */
  periods?: string[];
  meaning: Meaning;
}

/** A signal's i-th point as text that sorts by position: its period, else its year. */
export function pointKey(s: Signal, i: number): string {
  const at = i < 0 ? s.years.length + i : i;
  return s.periods?.[at] ?? String(s.years[at]);
}
const firstKey = (s: Signal) => pointKey(s, 0);
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** What a movement means for an indicator of this polarity. */
export function meaningOf(direction: Direction, polarity: Polarity | string): Meaning {
  if (polarity === "high-is-good") return direction === "up" ? "improvement" : "concern";
  if (polarity === "low-is-good") return direction === "down" ? "improvement" : "concern";
  return "neither";
}

/** Maximal runs of at least `length` equal non-null labels, as [first, last] positions. */
function runs(labels: readonly (Direction | null)[], length: number): { from: number; to: number; direction: Direction }[] {
  const found: { from: number; to: number; direction: Direction }[] = [];
  let start = 0;
  for (let i = 1; i <= labels.length; i++) {
    if (i < labels.length && labels[i] !== null && labels[i] === labels[start]) continue;
    const direction = labels[start];
    if (direction && i - start >= length) found.push({ from: start, to: i - 1, direction });
    start = i;
  }
  return found;
}

export function detectSignals(chart: XmrChart, polarity: Polarity | string = "no-judgement", runLength = RUN_LENGTH): Signal[] {
  const { points, mean, upperLimit, lowerLimit, upperWarning, lowerWarning } = chart;
  if (chart.movingRangeMean === 0) return [];
  const tol = toleranceOf(mean);
  const above = (v: number, line: number) => v - line > tol;
  const below = (v: number, line: number) => line - v > tol;
  // A signal names its points by position; years (and periods, when the series has them) follow.
  const span = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const signal = (rule: Rule, direction: Direction, at: number[]): Signal => {
    const chosen = at.map((i) => points[i] as ChartPoint);
    const periods = chosen.every((p) => p.period !== undefined) && chosen.length > 0 ? { periods: chosen.map((p) => p.period as string) } : {};
    return { rule, direction, years: chosen.map((p) => p.year), ...periods, meaning: meaningOf(direction, polarity) };
  };
  const signals: Signal[] = [];

  points.forEach((p, i) => {
    if (p.value === null) return;
    if (above(p.value, upperLimit)) signals.push(signal("beyond-limits", "up", span(i, i)));
    else if (below(p.value, lowerLimit)) signals.push(signal("beyond-limits", "down", span(i, i)));
  });

  const sides = points.map((p): Direction | null => (p.value === null ? null : above(p.value, mean) ? "up" : below(p.value, mean) ? "down" : null));
  for (const r of runs(sides, runLength)) signals.push(signal("shift", r.direction, span(r.from, r.to)));

  // steps[i]: direction from point i−1 to point i; a trend of n points is n − 1 equal steps.
  const steps = points.map((p, i): Direction | null => {
    const previous = points[i - 1];
    if (i === 0 || !previous || previous.value === null || p.value === null) return null;
    return above(p.value, previous.value) ? "up" : below(p.value, previous.value) ? "down" : null;
  });
  for (const r of runs(steps, runLength - 1)) signals.push(signal("trend", r.direction, span(r.from - 1, r.to)));

  for (const direction of ["up", "down"] as const) {
    const near = points.flatMap((p, i) => (p.value !== null && (direction === "up" ? above(p.value, upperWarning) : below(p.value, lowerWarning)) ? [i] : []));
    // A point counts when another near point of the same side is within the same 3-point window.
    const flagged = near.filter((i, k) => (near[k + 1] ?? Infinity) - i <= 2 || i - (near[k - 1] ?? -Infinity) <= 2);
    let cluster: number[] = [];
    for (const i of flagged) {
      if (cluster.length && i - (cluster.at(-1) as number) > 2) {
        signals.push(signal("two-of-three", direction, cluster));
        cluster = [];
      }
      cluster.push(i);
    }
    if (cluster.length) signals.push(signal("two-of-three", direction, cluster));
  }
  return signals.sort((a, b) => compareText(firstKey(a), firstKey(b)) || RULES.indexOf(a.rule) - RULES.indexOf(b.rule));
}
