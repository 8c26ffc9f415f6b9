/**
 * Recent trend over the five most recent points (PHE/Fingertips style).
 *
 * Method, exactly:
 *  1. Sort points by time and keep the last `points` (default 5). Fewer available, any of
 *     them with a missing/non-finite value, duplicate times, or a zero/non-finite
 *     variance → "cannot-be-calculated" (older points are never substituted: the window
 *     would silently change meaning).
 *  2. Variance of each point: given `variance`, else from its interval,
 *     vᵢ = ((upperᵢ − lowerᵢ) / (2·z))², z = zForLevel(ciLevel) (1.959964 for 95%).
 *     Asymmetric (Wilson, Poisson) intervals are thereby treated as symmetric: the
 *     usual approximation.
 *  3. Weighted least squares of value on time with weights wᵢ = 1/vᵢ:
 *     t̄ = Σwt/Σw, slope b = Σwᵢ(tᵢ − t̄)yᵢ / Σwᵢ(tᵢ − t̄)², var(b) = 1/Σwᵢ(tᵢ − t̄)²
 *     (variances are taken as known, so no residual scaling).
 *  4. X² = b²/var(b), compared with the chi-square (1 d.f.) quantile at `significance`
 *     (default 0.998 → 9.5495). X² strictly above it → increasing (b > 0) or decreasing.
 *  5. With a polarity other than no-judgement, increasing/decreasing become
 *     getting-better/getting-worse.
 */
import { chiSquareQuantile, zForLevel } from "./distributions.ts";
import type { Polarity } from "./compare.ts";

export interface TrendPoint {
  time: number;
  value: number;
  lower?: number;
  upper?: number;
  /** Sampling variance of value; takes precedence over lower/upper. */
  variance?: number;
}

export type TrendDirection = "increasing" | "decreasing" | "no-significant-change" | "cannot-be-calculated";
export type TrendAssessment = TrendDirection | "getting-better" | "getting-worse";

export interface TrendOptions {
  polarity?: Polarity;
  /** Level of the points' intervals, used to turn them into variances (default 0.95). */
  ciLevel?: number;
  /** Level of the test (default 0.998). */
  significance?: number;
  /** Number of most recent points (default 5). */
  points?: number;
}

export interface TrendResult {
  direction: TrendDirection;
  assessment: TrendAssessment;
  /** Change per unit of time; null when not calculable. */
  slope: number | null;
  slopeVariance: number | null;
  statistic: number | null;
  criticalValue: number;
  /** Times of the points used (most recent window). */
  times: number[];
  reason?: string;
}

// A quantile by bisection, asked for once per series of a national run: kept per level.
const criticalValues = new Map<number, number>();
function criticalValueOf(significance: number): number {
  let c = criticalValues.get(significance);
  if (c === undefined) criticalValues.set(significance, (c = chiSquareQuantile(significance, 1)));
  return c;
}

export function recentTrend(series: readonly TrendPoint[], options: TrendOptions = {}): TrendResult {
  const k = options.points ?? 5;
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`points must be an integer >= 2, got ${k}`);
  const polarity = options.polarity ?? "no-judgement";
  const criticalValue = criticalValueOf(options.significance ?? 0.998);
  const z = zForLevel(options.ciLevel ?? 0.95);
  // Written with loops and no closures: this runs for every series and year of a national run.
  const window = inTimeOrder(series).slice(-k);
  const times: number[] = [];
  for (const p of window) times.push(p.time);
  if (window.length < k) return failed(`fewer than ${k} points`, criticalValue, times);
  for (let i = 0; i < k; i++) {
    if (!Number.isFinite(times[i]!) || (i > 0 && times[i] === times[i - 1])) return failed("duplicate or non-finite times", criticalValue, times);
  }

  const values = new Float64Array(k);
  const variances = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    values[i] = window[i]!.value;
    variances[i] = pointVariance(window[i]!, z);
  }
  const t = trendOfWindow(times, values, variances, k, criticalValue);
  if (t.reason !== undefined) return failed(t.reason, criticalValue, times);
  return { direction: t.direction, assessment: assessTrend(t.direction, polarity), slope: t.slope, slopeVariance: t.slopeVariance, statistic: t.statistic, criticalValue, times };
}

/** The regression of `trendOfWindow`, or why it cannot be calculated. */
export type WindowTrend =
  | { direction: Exclude<TrendDirection, "cannot-be-calculated">; slope: number; slopeVariance: number; statistic: number; reason?: undefined }
  | { direction: "cannot-be-calculated"; slope: null; slopeVariance: null; statistic: null; reason: string };

/**
 * Steps 3–4 of the method on k points in time order, given as arrays of times, values and
 * variances: the engine calls it for every series and year of a national run from its own
 * columns, with no object per point. The times must be distinct and finite (checked by the
 * caller: `recentTrend` does).
 */
export function trendOfWindow(times: ArrayLike<number>, values: ArrayLike<number>, variances: ArrayLike<number>, k: number, criticalValue: number): WindowTrend {
  let sw = 0;
  let swt = 0;
  for (let i = 0; i < k; i++) {
    if (!Number.isFinite(values[i]!)) return cannot(`missing value at time ${times[i]}`);
    const v = variances[i]!;
    if (!(v > 0) || !Number.isFinite(v)) return cannot(`zero or unknown variance at time ${times[i]}`);
    const w = 1 / v;
    sw += w;
    swt += w * times[i]!;
  }
  const tBar = swt / sw;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < k; i++) {
    const w = 1 / variances[i]!;
    const dt = times[i]! - tBar;
    sxx += w * dt * dt;
    sxy += w * dt * values[i]!;
  }
  const slope = sxy / sxx;
  const slopeVariance = 1 / sxx;
  const statistic = (slope * slope) / slopeVariance;
  const direction = statistic > criticalValue ? (slope > 0 ? "increasing" : "decreasing") : "no-significant-change";
  return { direction, slope, slopeVariance, statistic };
}

function cannot(reason: string): WindowTrend {
  return { direction: "cannot-be-calculated", slope: null, slopeVariance: null, statistic: null, reason };
}

/** The chi-square (1 d.f.) critical value of the test at `significance` (default 0.998), kept per level. */
export function trendCriticalValue(significance = 0.998): number {
  return criticalValueOf(significance);
}

/** The points by time: the series itself when it is in order already (as the engine gives them). */
function inTimeOrder(series: readonly TrendPoint[]): readonly TrendPoint[] {
  for (let i = 1; i < series.length; i++) if (!(series[i - 1]!.time <= series[i]!.time)) return [...series].sort(byTime);
  return series;
}

function byTime(a: TrendPoint, b: TrendPoint): number {
  return a.time - b.time;
}

function failed(reason: string, criticalValue: number, times: number[]): TrendResult {
  return { direction: "cannot-be-calculated", assessment: "cannot-be-calculated", slope: null, slopeVariance: null, statistic: null, criticalValue, times, reason };
}

function pointVariance(p: TrendPoint, z: number): number {
  if (p.variance !== undefined) return p.variance;
  if (p.lower === undefined || p.upper === undefined) return NaN;
  return intervalVariance(p.lower, p.upper, z);
}

/** Step 2: the variance of a point from its interval at the level whose z is given. */
export function intervalVariance(lower: number, upper: number, z: number): number {
  const se = (upper - lower) / (2 * z);
  return se * se;
}

/** Maps a direction to better/worse by polarity; no-judgement keeps increasing/decreasing. */
export function assessTrend(direction: TrendDirection, polarity: Polarity): TrendAssessment {
  if (polarity === "no-judgement" || (direction !== "increasing" && direction !== "decreasing")) return direction;
  return (direction === "increasing") === (polarity === "high-is-good") ? "getting-better" : "getting-worse";
}
