/**
 * Confidence intervals for crude indicators: proportions (Wilson), counts and
 * rates (exact Poisson below 10 events, Byar from 10, as PHEindicatormethods),
 * and means (Student's t). Invalid inputs throw RangeError: an indicator with a
 * zero denominator has no value, and the caller must decide how to publish that.
 */
import { poissonExactLimits, studentTQuantile, zForLevel } from "./distributions.ts";

export interface Interval {
  lower: number;
  upper: number;
}

export interface Estimate extends Interval {
  value: number;
}

/** Below this many events Poisson limits are exact; from it, Byar's approximation (PHE rule). */
export const BYAR_THRESHOLD = 10;

export function assertLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
}

function assertCount(x: number, name: string): void {
  if (!Number.isFinite(x) || x < 0) throw new RangeError(`${name} must be finite and >= 0, got ${x}`);
}

/**
 * Wilson score interval for numerator/denominator. Returns exactly 0 as the lower
 * bound when numerator = 0 and exactly 1 as the upper bound when numerator = denominator.
 */
export function wilson(numerator: number, denominator: number, level = 0.95): Interval {
  assertCount(numerator, "numerator");
  if (!(denominator > 0) || !Number.isFinite(denominator)) throw new RangeError(`denominator must be > 0, got ${denominator}`);
  if (numerator > denominator) throw new RangeError(`numerator ${numerator} exceeds denominator ${denominator}`);
  assertLevel(level);
  const z = zForLevel(level);
  return {
    lower: wilsonLower(numerator, denominator, z),
    upper: 1 - wilsonLower(denominator - numerator, denominator, z),
  };
}

/**
 * Lower Wilson bound written as (centre² − half²)/(centre + half) = x²/(n(n+z²)(centre+half)):
 * algebraically equal to centre − half but without cancellation when x is small.
 * The upper bound uses the symmetry upper(x, n) = 1 − lower(n − x, n).
 */
function wilsonLower(x: number, n: number, z: number): number {
  if (x === 0) return 0;
  const z2 = z * z;
  const centre = (2 * x + z2) / (2 * (n + z2));
  const half = (z * Math.sqrt(z2 + 4 * x * (1 - x / n))) / (2 * (n + z2));
  return (x * x) / (n * (n + z2) * (centre + half));
}

/** Byar's approximation to the Poisson limits (Breslow & Day 1987, vol. II, p. 69). */
export function byarLimits(count: number, level = 0.95): Interval {
  assertCount(count, "count");
  assertLevel(level);
  const z = zForLevel(level);
  const lower = count === 0 ? 0 : count * (1 - 1 / (9 * count) - z / (3 * Math.sqrt(count))) ** 3;
  const o1 = count + 1;
  const upper = o1 * (1 - 1 / (9 * o1) + z / (3 * Math.sqrt(o1))) ** 3;
  return { lower: Math.max(0, lower), upper };
}

export interface CountInterval extends Interval {
  method: "exact" | "byar";
}

// Exact limits need a chi-square quantile by bisection; a national run asks for the same
// (count < 10, level) pairs hundreds of thousands of times.
// Keyed by level then count (numbers, no key string to build for each cell).
const exactMemo = new Map<number, Map<number, { lower: number; upper: number }>>();
function exactLimitsMemo(count: number, level: number): { lower: number; upper: number } {
  let byCount = exactMemo.get(level);
  if (!byCount) exactMemo.set(level, (byCount = new Map()));
  let limits = byCount.get(count);
  if (!limits) byCount.set(count, (limits = poissonExactLimits(count, level)));
  return limits;
}

// Same for Student's t quantiles, by degrees of freedom (bounded: large n repeat less).
const tMemo = new Map<string, number>();
function tQuantileMemo(p: number, df: number): number {
  const key = `${p}|${df}`;
  let t = tMemo.get(key);
  if (t === undefined) {
    t = studentTQuantile(p, df);
    if (tMemo.size < 100_000) tMemo.set(key, t);
  }
  return t;
}

/** Limits for an observed Poisson count: exact when count < 10, Byar's from 10 (PHEindicatormethods' rule). */
export function poissonCountLimits(count: number, level = 0.95): CountInterval {
  assertCount(count, "count");
  assertLevel(level);
  // Written out rather than spread: this runs for every cell of a national run.
  const exact = count < BYAR_THRESHOLD;
  const limits = exact ? exactLimitsMemo(count, level) : byarLimits(count, level);
  return { lower: limits.lower, upper: limits.upper, method: exact ? "exact" : "byar" };
}

/** Crude rate count/denominator × multiplier (default per 100 000) with Poisson limits. */
export function rateLimits(count: number, denominator: number, multiplier = 100_000, level = 0.95): Estimate & { method: "exact" | "byar" } {
  if (!(denominator > 0) || !Number.isFinite(denominator)) throw new RangeError(`denominator must be > 0, got ${denominator}`);
  const limits = poissonCountLimits(count, level);
  const scale = multiplier / denominator;
  return { value: count * scale, lower: limits.lower * scale, upper: limits.upper * scale, method: limits.method };
}

/** A proportion with its Wilson interval, scaled (multiplier 100 gives a percentage). */
export function proportionLimits(numerator: number, denominator: number, multiplier = 1, level = 0.95): Estimate {
  const ci = wilson(numerator, denominator, level);
  return { value: (numerator / denominator) * multiplier, lower: ci.lower * multiplier, upper: ci.upper * multiplier };
}

export interface MeanEstimate extends Estimate {
  sd: number;
  se: number;
  n: number;
}

/**
 * Mean per person from sufficient statistics (Σx, Σx², n), Student's t with n − 1
 * degrees of freedom (as PHEindicatormethods' phe_mean). The t rather than the normal
 * because zone-level cohorts can be small; for large n the two agree.
 * Needs n >= 2. Costs are skewed: the t interval is a large-sample approximation there.
 */
export function meanLimits(sum: number, sumOfSquares: number, n: number, level = 0.95): MeanEstimate {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`n must be an integer >= 2, got ${n}`);
  if (!Number.isFinite(sum) || !Number.isFinite(sumOfSquares) || sumOfSquares < 0) {
    throw new RangeError("sum and sumOfSquares must be finite, sumOfSquares >= 0");
  }
  assertLevel(level);
  const mean = sum / n;
  // Rounding in Σx² − (Σx)²/n can give a tiny negative for constant data: clamp at 0.
  const variance = Math.max(0, (sumOfSquares - sum * mean) / (n - 1));
  const sd = Math.sqrt(variance);
  const se = sd / Math.sqrt(n);
  const t = tQuantileMemo(1 - (1 - level) / 2, n - 1);
  return { value: mean, lower: mean - t * se, upper: mean + t * se, sd, se, n };
}

/** Sufficient statistics for meanLimits from raw values (for callers holding per-person data). */
export function sufficientStatistics(values: readonly number[]): { sum: number; sumOfSquares: number; n: number } {
  let sum = 0;
  let sumOfSquares = 0;
  for (const v of values) {
    sum += v;
    sumOfSquares += v * v;
  }
  return { sum, sumOfSquares, n: values.length };
}
