/**
 * Gaps between two groups (e.g. BIM — increased reimbursement — vs non-BIM):
 * differences and ratios of proportions and of rates, with confidence intervals.
 * Group 1 is the numerator / minuend throughout (ratio = group1 / group2, difference = group1 − group2).
 * Where an interval is undefined (a zero count under a log method) its bounds are NaN, so
 * compareWithBenchmark() reports "not-compared" instead of a spurious judgement.
 */
import { assertLevel, poissonCountLimits, wilson, type Estimate } from "./confidence.ts";
import { betaQuantile, zForLevel } from "./distributions.ts";

function assertProportion(x: number, n: number, label: string): void {
  if (!(n > 0) || !Number.isFinite(n) || !(x >= 0) || x > n) {
    throw new RangeError(`${label}: need 0 <= numerator <= denominator, denominator > 0 (got ${x}/${n})`);
  }
}

function assertRate(events: number, time: number, label: string): void {
  if (!(time > 0) || !Number.isFinite(time) || !(events >= 0) || !Number.isFinite(events)) {
    throw new RangeError(`${label}: need events >= 0 and person-time > 0 (got ${events}/${time})`);
  }
}

/**
 * p1 − p2 with Newcombe's hybrid score interval (Newcombe 1998, method 10), which
 * combines the two Wilson intervals (l, u):
 *   lower = d − √((p1 − l1)² + (u2 − p2)²),  upper = d + √((u1 − p1)² + (p2 − l2)²).
 */
export function proportionDifference(x1: number, n1: number, x2: number, n2: number, level = 0.95): Estimate {
  assertProportion(x1, n1, "group 1");
  assertProportion(x2, n2, "group 2");
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const w1 = wilson(x1, n1, level);
  const w2 = wilson(x2, n2, level);
  const d = p1 - p2;
  return {
    value: d,
    lower: d - Math.hypot(p1 - w1.lower, w2.upper - p2),
    upper: d + Math.hypot(w1.upper - p1, p2 - w2.lower),
  };
}

/**
 * p1 / p2 with the Katz log interval: exp(ln RR ± z·√(1/x1 − 1/n1 + 1/x2 − 1/n2)).
 * Undefined (NaN bounds) when x1 or x2 is 0; no continuity correction is added, since
 * one would make the interval depend on an arbitrary constant.
 */
export function proportionRatio(x1: number, n1: number, x2: number, n2: number, level = 0.95): Estimate {
  assertProportion(x1, n1, "group 1");
  assertProportion(x2, n2, "group 2");
  assertLevel(level);
  const value = x2 === 0 ? (x1 === 0 ? NaN : Infinity) : x1 / n1 / (x2 / n2);
  if (x1 === 0 || x2 === 0) return { value, lower: NaN, upper: NaN };
  const se = Math.sqrt(1 / x1 - 1 / n1 + 1 / x2 - 1 / n2);
  const z = zForLevel(level);
  return { value, lower: value * Math.exp(-z * se), upper: value * Math.exp(z * se) };
}

export interface RateRatioOptions {
  level?: number;
  /**
   * "exact" (default): conditional on the total e1 + e2, e1 is binomial with
   *   π = RR·t1 / (RR·t1 + t2); Clopper–Pearson limits for π are mapped back by
   *   RR = π/(1 − π) · t2/t1. Valid for any counts, including zero (lower 0 when e1 = 0,
   *   upper Infinity when e2 = 0).
   * "log-normal": exp(ln RR ± z·√(1/e1 + 1/e2)); NaN bounds when a count is zero.
   */
  method?: "exact" | "log-normal";
}

/** Ratio of two rates (events / person-time), group 1 over group 2. */
export function rateRatio(e1: number, t1: number, e2: number, t2: number, options: RateRatioOptions = {}): Estimate {
  assertRate(e1, t1, "group 1");
  assertRate(e2, t2, "group 2");
  const level = options.level ?? 0.95;
  assertLevel(level);
  const value = e2 === 0 ? (e1 === 0 ? NaN : Infinity) : e1 / t1 / (e2 / t2);
  if ((options.method ?? "exact") === "log-normal") {
    if (e1 === 0 || e2 === 0) return { value, lower: NaN, upper: NaN };
    const se = Math.sqrt(1 / e1 + 1 / e2);
    const z = zForLevel(level);
    return { value, lower: value * Math.exp(-z * se), upper: value * Math.exp(z * se) };
  }
  const alpha = 1 - level;
  const piLower = e1 === 0 ? 0 : betaQuantile(alpha / 2, e1, e2 + 1);
  const piUpper = e2 === 0 ? 1 : betaQuantile(1 - alpha / 2, e1 + 1, e2);
  const toRatio = (pi: number) => (pi >= 1 ? Infinity : (pi / (1 - pi)) * (t2 / t1));
  return { value, lower: toRatio(piLower), upper: toRatio(piUpper) };
}

/**
 * r1 − r2 (rates × multiplier) with the MOVER interval (Li, Tang & Wong 2011), the
 * Poisson analogue of Newcombe's hybrid: each rate's own limits (exact below 10 events,
 * Byar from 10) are combined as lower = d − √((r1 − l1)² + (u2 − r2)²), upper likewise.
 */
export function rateDifference(e1: number, t1: number, e2: number, t2: number, options: { level?: number; multiplier?: number } = {}): Estimate {
  assertRate(e1, t1, "group 1");
  assertRate(e2, t2, "group 2");
  const level = options.level ?? 0.95;
  const m = options.multiplier ?? 100_000;
  const r1 = (e1 / t1) * m;
  const r2 = (e2 / t2) * m;
  const c1 = poissonCountLimits(e1, level);
  const c2 = poissonCountLimits(e2, level);
  const l1 = (c1.lower / t1) * m;
  const u1 = (c1.upper / t1) * m;
  const l2 = (c2.lower / t2) * m;
  const u2 = (c2.upper / t2) * m;
  const d = r1 - r2;
  return { value: d, lower: d - Math.hypot(r1 - l1, u2 - r2), upper: d + Math.hypot(u1 - r1, r2 - l2) };
}
