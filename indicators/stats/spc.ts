/**
 * XmR (individuals and moving range) chart for PDCA checks, with the NHS "Making Data
 * Count" special-cause rules and target assurance.
 *
 * Limits: mean ± 2.66 × mean moving range, both computed on the baseline (the first
 * `baseline` points, default all); rules are applied to every point. σ = mR̄ / 1.128.
 * Limits are not clipped at 0: clipping would hide that a lower limit is uninformative.
 *
 * Rules (all comparisons strict):
 *  - beyond-limits: a point above the upper or below the lower process limit.
 *  - shift: 7 or more consecutive points on the same side of the mean; a point exactly on
 *    the mean is on neither side, so it breaks the run (and starts no new one).
 *  - trend: 7 or more consecutive points each strictly higher (or lower) than the previous
 *    one. A point equal to its predecessor breaks the trend; the tied point may start a new
 *    run. (Chosen over "neither continues nor breaks" because a flat step is not evidence
 *    of movement, and it keeps the rule conservative.)
 *  - two-of-three: in any 3 consecutive points, 2 or 3 beyond mean ± 2σ on the same side
 *    (points beyond the process limits count); the points beyond 2σ are flagged, not the
 *    third one.
 * Every point of a qualifying run is flagged.
 */
import type { Polarity } from "./compare.ts";

export type Side = "high" | "low";
export type Variation = "common-cause" | "special-cause-improvement" | "special-cause-concern" | "special-cause-neither";
export type Assurance = "consistently-hit" | "consistently-miss" | "hit-and-miss";

export interface XmrOptions {
  /** Number of leading points used for the mean and limits (default: all). At least 2. */
  baseline?: number;
  polarity?: Polarity;
  target?: number;
  /** Run length for the shift and trend rules (default 7). */
  runLength?: number;
}

export interface XmrPoint {
  value: number;
  /** |xᵢ − xᵢ₋₁|; null for the first point. */
  movingRange: number | null;
  beyondLimits: Side | null;
  shift: Side | null;
  trend: Side | null;
  twoOfThree: Side | null;
  /** Sides of all signals at this point. */
  sides: Side[];
  variation: Variation;
}

export interface XmrResult {
  mean: number;
  meanMovingRange: number;
  sigma: number;
  upperLimit: number;
  lowerLimit: number;
  upperTwoSigma: number;
  lowerTwoSigma: number;
  baselinePoints: number;
  points: XmrPoint[];
  summary: {
    /** Variation at the most recent point (what MDC icons show). */
    latest: Variation;
    specialCausePoints: number;
    /** null without a target, or with polarity no-judgement (hit needs a direction). */
    assurance: Assurance | null;
  };
}

/** d2 for subgroups of 2, and 3/d2 rounded as conventionally quoted. */
export const D2 = 1.128;
export const XMR_LIMIT_FACTOR = 2.66;

export function xmrChart(values: readonly number[], options: XmrOptions = {}): XmrResult {
  const baselinePoints = options.baseline ?? values.length;
  const polarity = options.polarity ?? "no-judgement";
  const runLength = options.runLength ?? 7;
  if (!values.every(Number.isFinite)) throw new RangeError("all values must be finite");
  if (!Number.isInteger(baselinePoints) || baselinePoints < 2 || baselinePoints > values.length) {
    throw new RangeError(`baseline must be an integer in [2, ${values.length}], got ${baselinePoints}`);
  }
  const movingRanges = values.map((v, i) => (i === 0 ? null : Math.abs(v - values[i - 1]!)));
  let sum = 0;
  let mrSum = 0;
  for (let i = 0; i < baselinePoints; i++) {
    sum += values[i]!;
    if (i > 0) mrSum += movingRanges[i]!;
  }
  const mean = sum / baselinePoints;
  const meanMovingRange = mrSum / (baselinePoints - 1);
  const sigma = meanMovingRange / D2;
  const upperLimit = mean + XMR_LIMIT_FACTOR * meanMovingRange;
  const lowerLimit = mean - XMR_LIMIT_FACTOR * meanMovingRange;
  const upperTwoSigma = mean + 2 * sigma;
  const lowerTwoSigma = mean - 2 * sigma;

  const n = values.length;
  const beyond: (Side | null)[] = values.map((v) => (v > upperLimit ? "high" : v < lowerLimit ? "low" : null));
  const side = (v: number): Side | null => (v > mean ? "high" : v < mean ? "low" : null);
  const shift = flagRuns(values.map(side), runLength);
  const steps: (Side | null)[] = values.map((v, i) =>
    i === 0 ? null : v > values[i - 1]! ? "high" : v < values[i - 1]! ? "low" : null,
  );
  const trend = flagTrends(steps, runLength);
  const twoOfThree: (Side | null)[] = new Array<Side | null>(n).fill(null);
  const outer = values.map((v): Side | null => (v > upperTwoSigma ? "high" : v < lowerTwoSigma ? "low" : null));
  for (let i = 2; i < n; i++) {
    for (const s of ["high", "low"] as const) {
      const idx = [i - 2, i - 1, i].filter((j) => outer[j] === s);
      if (idx.length >= 2) for (const j of idx) twoOfThree[j] = s;
    }
  }

  const points: XmrPoint[] = values.map((value, i) => {
    const flags = [beyond[i]!, shift[i]!, trend[i]!, twoOfThree[i]!];
    const sides = [...new Set(flags.filter((f): f is Side => f !== null))];
    return {
      value,
      movingRange: movingRanges[i]!,
      beyondLimits: beyond[i]!,
      shift: shift[i]!,
      trend: trend[i]!,
      twoOfThree: twoOfThree[i]!,
      sides,
      variation: classify(sides, polarity),
    };
  });
  return {
    mean,
    meanMovingRange,
    sigma,
    upperLimit,
    lowerLimit,
    upperTwoSigma,
    lowerTwoSigma,
    baselinePoints,
    points,
    summary: {
      latest: points.length > 0 ? points[points.length - 1]!.variation : "common-cause",
      specialCausePoints: points.filter((p) => p.sides.length > 0).length,
      assurance: assurance(lowerLimit, upperLimit, options.target, polarity),
    },
  };
}

/** Flags every member of a maximal run of >= len equal non-null sides. */
function flagRuns(sides: readonly (Side | null)[], len: number): (Side | null)[] {
  const out = new Array<Side | null>(sides.length).fill(null);
  let start = 0;
  for (let i = 1; i <= sides.length; i++) {
    if (i < sides.length && sides[i] !== null && sides[i] === sides[start]) continue;
    if (sides[start] !== null && i - start >= len) for (let k = start; k < i; k++) out[k] = sides[start]!;
    start = i;
  }
  return out;
}

/**
 * steps[i] is the direction from point i−1 to i. A trend of `len` points is len − 1
 * consecutive equal steps; the point before the first step belongs to the trend too.
 */
function flagTrends(steps: readonly (Side | null)[], len: number): (Side | null)[] {
  const runs = flagRuns(steps, len - 1);
  const out = [...runs];
  for (let i = 1; i < runs.length; i++) {
    if (runs[i] !== null && runs[i - 1] !== runs[i] && out[i - 1] === null) out[i - 1] = runs[i]!;
  }
  return out;
}

function classify(sides: readonly Side[], polarity: Polarity): Variation {
  if (sides.length === 0) return "common-cause";
  if (sides.length > 1 || polarity === "no-judgement") return "special-cause-neither";
  return (sides[0] === "high") === (polarity === "high-is-good") ? "special-cause-improvement" : "special-cause-concern";
}

/**
 * Target outside the process limits → the process will (almost) always hit or always miss
 * it; on or inside the limits → hit and miss.
 */
function assurance(lower: number, upper: number, target: number | undefined, polarity: Polarity): Assurance | null {
  if (target === undefined || !Number.isFinite(target) || polarity === "no-judgement") return null;
  if (target >= lower && target <= upper) return "hit-and-miss";
  const targetBelow = target < lower;
  return targetBelow === (polarity === "high-is-good") ? "consistently-hit" : "consistently-miss";
}
