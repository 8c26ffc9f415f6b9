// XmR (individuals and moving range) chart on a yearly series with hidden (null) points,
// after NHS England "Making Data Count" (MDC). Pure: no I/O.
//
// - The series is one point per position (year, or quarter or month: then each point also
//   carries its `period` label, "2024-Q1", and its year), in order; a hidden cell is a null value
//   that keeps its position. Callers fill missing periods with null so that positions are
//   consecutive. The actions' start is a year: with periods, its first period.
// - Baseline: the available points before the actions start; when fewer than `minBaseline`
//   are available there, the first `minBaseline` available points (the baseline then reaches
//   into the action period, and says so). Without an action start, every available point.
// - Moving ranges are taken between consecutive positions only: a hidden point leaves no
//   moving range on either side (a range across a gap spans two years and would inflate mR̄).
// - Centre line = baseline mean; limits = mean ± 2.66 × mR̄ (3σ with σ = mR̄ / 1.128);
//   warning lines (the "near a limit" zone of rule d) = mean ± 2σ. Limits are not clipped at 0.
// - Screening (on by default, as in MDC's R package NHSRplotthedots): baseline moving ranges
//   above 3.267 × mR̄ (the upper range limit, D4 for n = 2) are left out and mR̄ is taken again
//   over the rest, once. One extreme year would otherwise widen the limits by its jump and
//   could hide the very signals the chart is for.
// - Computed lines carry rounding noise (the mean of 236.33 three times is 236.32999999999998):
//   values within TOLERANCE × max(1, |mean|) of a line are on it, and a baseline whose mR̄ is
//   within it has no variation (mR̄ is set to 0; the verdict then says limits cannot be drawn).
/** d₂ for subgroups of 2: σ = mR̄ / d₂. */
export const D2 = 1.128;
/** 3 / d₂, rounded as in every XmR reference: limits = mean ± 2.66 × mR̄. */
export const XMR_LIMIT_FACTOR = 2.66;
/** D₄ for subgroups of 2: the upper range limit 3.267 × mR̄ that screens outlying moving ranges. */
export const MOVING_RANGE_SCREEN_FACTOR = 3.267;

export interface SeriesPoint {
  year: number;
  /** A sub-annual series: the period ("2024-Q1", "2024-03"); absent for a yearly one. */
  period?: string;
  /** null: hidden cell (disclosure control) or no cell that year. */
  value: number | null;
}

/** Relative tolerance of every comparison with a computed line (mean, limits) and of ties. */
export const TOLERANCE = 1e-9;

/** The absolute tolerance of a chart: TOLERANCE × max(1, |mean|). */
export const toleranceOf = (mean: number): number => TOLERANCE * Math.max(1, Math.abs(mean));

/** Fewest baseline points: 3 give 2 moving ranges, the fewest that make mR̄ an average. */
export const MIN_BASELINE = 3;
/** MDC's advice for stable limits; below it the verdict calls its limits provisional. */
export const RECOMMENDED_BASELINE = 15;

export interface XmrOptions {
  /** First year of the improvement actions: the baseline is the points before it. */
  actionsStart?: number | null;
  /** Fewest baseline points (default MIN_BASELINE). */
  minBaseline?: number;
  /** Leave out baseline moving ranges above 3.267 × mR̄ before the limits (default true). */
  screenMovingRanges?: boolean;
}

export interface ChartPoint {
  year: number;
  period?: string;
  value: number | null;
  /** |xᵢ − xᵢ₋₁| when both are available; null otherwise. */
  movingRange: number | null;
  /** The point is one of the baseline's (its value counts for the mean and limits). */
  baseline: boolean;
}

export interface XmrChart {
  mean: number;
  movingRangeMean: number;
  sigma: number;
  upperLimit: number;
  lowerLimit: number;
  /** mean ± 2σ: beyond these a point is "near a limit" (two-of-three rule). */
  upperWarning: number;
  lowerWarning: number;
  baseline: {
    from: number;
    to: number;
    points: number;
    movingRanges: number;
    /** Baseline moving ranges left out by screening (above 3.267 × the unscreened mR̄). */
    screenedMovingRanges: number;
    /** Too few points before the actions: the baseline takes points from the action period. */
    extendsIntoActions: boolean;
    /** Sub-annual series: the baseline's first and last period. */
    fromPeriod?: string;
    toPeriod?: string;
  };
  points: ChartPoint[];
}

/** The baseline's positions, or why there is none. */
export function baselinePositions(series: readonly SeriesPoint[], options: XmrOptions = {}): { positions: number[]; extendsIntoActions: boolean } {
  const min = options.minBaseline ?? MIN_BASELINE;
  const available = series.flatMap((p, i) => (isValue(p.value) ? [i] : []));
  const start = options.actionsStart;
  if (start === undefined || start === null) return { positions: available, extendsIntoActions: false };
  const before = available.filter((i) => (series[i] as SeriesPoint).year < start);
  if (before.length >= min) return { positions: before, extendsIntoActions: false };
  const first = available.slice(0, min);
  return { positions: first, extendsIntoActions: first.some((i) => (series[i] as SeriesPoint).year >= start) };
}

export function isValue(v: number | null | undefined): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

/**
 * The chart, or null when the baseline has fewer than `minBaseline` points or no moving range
 * (every baseline point isolated between hidden ones).
 */
export function xmrChart(input: readonly SeriesPoint[], options: XmrOptions = {}): XmrChart | null {
  const series = [...input].sort(byPosition);
  const min = Math.max(2, options.minBaseline ?? MIN_BASELINE);
  const { positions, extendsIntoActions } = baselinePositions(series, { ...options, minBaseline: min });
  if (positions.length < min) return null;
  const inBaseline = new Set(positions);
  const movingRanges = series.map((p, i) => {
    const previous = series[i - 1];
    return i > 0 && previous && isValue(previous.value) && isValue(p.value) ? Math.abs(p.value - previous.value) : null;
  });
  const baselineRanges = movingRanges.filter((mr, i): mr is number => mr !== null && inBaseline.has(i) && inBaseline.has(i - 1));
  if (baselineRanges.length === 0) return null;
  const mean = positions.reduce((s, i) => s + ((series[i] as SeriesPoint).value as number), 0) / positions.length;
  const { mean: rawMovingRangeMean, screened } = averageMovingRange(baselineRanges, options.screenMovingRanges ?? true);
  const movingRangeMean = rawMovingRangeMean <= toleranceOf(mean) ? 0 : rawMovingRangeMean;
  const sigma = movingRangeMean / D2;
  return {
    mean,
    movingRangeMean,
    sigma,
    upperLimit: mean + XMR_LIMIT_FACTOR * movingRangeMean,
    lowerLimit: mean - XMR_LIMIT_FACTOR * movingRangeMean,
    upperWarning: mean + 2 * sigma,
    lowerWarning: mean - 2 * sigma,
    baseline: {
      from: (series[positions[0] as number] as SeriesPoint).year,
      to: (series[positions.at(-1) as number] as SeriesPoint).year,
      points: positions.length,
      movingRanges: baselineRanges.length - screened,
      screenedMovingRanges: screened,
      extendsIntoActions,
      ...periodRange(series[positions[0] as number], series[positions.at(-1) as number]),
    },
    points: series.map((p, i) => ({
      year: p.year,
      ...(p.period === undefined ? {} : { period: p.period }),
      value: isValue(p.value) ? p.value : null,
      movingRange: movingRanges[i] ?? null,
      baseline: inBaseline.has(i),
    })),
  };
}

/** Year, then period ("2024-Q1" < "2024-Q2", "2024-09" < "2024-10": the labels sort as text). */
export function byPosition(a: SeriesPoint, b: SeriesPoint): number {
  return a.year - b.year || ((a.period ?? "") < (b.period ?? "") ? -1 : (a.period ?? "") > (b.period ?? "") ? 1 : 0);
}

function periodRange(first: SeriesPoint | undefined, last: SeriesPoint | undefined): { fromPeriod?: string; toPeriod?: string } {
  return first?.period !== undefined && last?.period !== undefined ? { fromPeriod: first.period, toPeriod: last.period } : {};
}

/** mR̄ of the baseline's moving ranges, screened once for outlying ranges when asked. */
export function averageMovingRange(ranges: readonly number[], screen: boolean): { mean: number; screened: number } {
  const average = (xs: readonly number[]) => xs.reduce((s, r) => s + r, 0) / xs.length;
  const all = average(ranges);
  if (!screen) return { mean: all, screened: 0 };
  const kept = ranges.filter((r) => r <= MOVING_RANGE_SCREEN_FACTOR * all);
  // Every range above the limit cannot happen (the largest is at most n × the mean), but a
  // guard keeps mR̄ defined if rounding ever made it so.
  return kept.length === 0 ? { mean: all, screened: 0 } : { mean: average(kept), screened: ranges.length - kept.length };
}
