// The check of a PDCA cycle in one structured verdict: chart, signals, assurance, and what they
// mean since the actions started. Pure.
//
// Minimum data. MDC advises 15–20 points for stable limits; the release is yearly (6 years in
// the demo), so waiting for 15 would mean never judging. We judge with what there is and say
// how little it is:
//  - at least MIN_POINTS (5) available points in all, and a baseline of at least MIN_BASELINE (3)
//    points with a moving range: fewer, and the limits rest on one or two moving ranges and
//    the only rules that could fire would mostly test the baseline against itself;
//  - some variation in the baseline: with a mean moving range of 0 the limits are the mean
//    itself and every change would be "special" (no-variation);
//  - at least one available point from the actions' start year on, when there is one;
//  - with quarters or months (when the release has them), the same rules on more points: the
//    verdict names its points' kind (granularity, "20 quarterly points");
//  - the verdict always carries caveats: "provisional-limits" below RECOMMENDED_BASELINE baseline
//    points, "runs-impossible" when the series is shorter than the 7 points a shift or trend
//    needs (always so for 6 yearly points), "baseline-includes-actions" when too few points
//    preceded the actions.
import { assurance as assuranceOf, type Assurance } from "./assurance.ts";
import type { Granularity } from "../../core/periods.ts";
import { detectSignals, pointKey, RULES, RUN_LENGTH, type Meaning, type Polarity, type Rule, type Signal } from "./rules.ts";
import { isValue, MIN_BASELINE, RECOMMENDED_BASELINE, xmrChart, type SeriesPoint, type XmrChart } from "./xmr.ts";

export const MIN_POINTS = 5;
export const VERDICT_KINDS = ["improvement", "concern", "neither", "no-signal", "not-enough-data"] as const;
export type VerdictKind = (typeof VERDICT_KINDS)[number];
export const NOT_ENOUGH_REASONS = ["too-few-points", "no-baseline", "no-variation", "no-points-after-actions"] as const;
export type NotEnoughReason = (typeof NOT_ENOUGH_REASONS)[number];
export const GRANULARITIES = ["year", "quarter", "month"] as const satisfies readonly Granularity[];
export type { Granularity };
export const CAVEATS = ["provisional-limits", "runs-impossible", "baseline-includes-actions", "screened-moving-ranges"] as const;
export type Caveat = (typeof CAVEATS)[number];

export interface Verdict {
  kind: VerdictKind;
  /** First year of the signals behind the verdict (improvement, concern, neither). */
  since: number | null;
  /** Sub-annual series: the first period of those signals ("2023-Q2"); else null. */
  sincePeriod: string | null;
  /** What one point is: a year, a quarter or a month. */
  granularity: Granularity;
  /** The rules behind the verdict, in RULES order. */
  rules: Rule[];
  assurance: Assurance | null;
  reason: NotEnoughReason | null;
  /** Available (published) points; `minimum` of them are needed. */
  points: number;
  minimum: number;
  baselinePoints: number | null;
  /** Baseline moving ranges left out of the limits by screening (0 without a chart). */
  screenedMovingRanges: number;
  /** Available points from the actions' start year on (null without a start). */
  pointsSinceActions: number | null;
  actionsStart: number | null;
  caveats: Caveat[];
  /** Message keys for clients with their own translations (params: since, points, minimum, actionsStart, baselinePoints). */
  messageKey: string;
  assuranceKey: string | null;
  caveatKeys: string[];
  /** "20 quarterly points": how many published points and of what kind (params: points). */
  pointsKey: string;
}

export interface AnalysisOptions {
  actionsStart?: number | null;
  polarity?: Polarity | string;
  target?: number | null;
  minPoints?: number;
  minBaseline?: number;
  /** Screen outlying moving ranges before the limits (default true, as MDC does). */
  screenMovingRanges?: boolean;
  /** What one point of the series is (default year); quarters and months carry `period`. */
  granularity?: Granularity;
}

export interface Analysis {
  chart: XmrChart | null;
  signals: Signal[];
  verdict: Verdict;
}

/** Chart, signals and verdict of one series. */
export function analyse(series: readonly SeriesPoint[], options: AnalysisOptions = {}): Analysis {
  const polarity = options.polarity ?? "no-judgement";
  const actionsStart = options.actionsStart ?? null;
  const minimum = options.minPoints ?? MIN_POINTS;
  const points = series.filter((p) => isValue(p.value)).length;
  const chart = points >= minimum ? xmrChart(series, { actionsStart, minBaseline: options.minBaseline ?? MIN_BASELINE, screenMovingRanges: options.screenMovingRanges ?? true }) : null;
  const signals = chart ? detectSignals(chart, polarity) : [];
  const since = actionsStart === null ? null : series.filter((p) => isValue(p.value) && p.year >= actionsStart).length;
  const assurance = chart && chart.movingRangeMean > 0 ? assuranceOf(chart, options.target, polarity) : null;
  const caveats: Caveat[] = [];
  if (chart && chart.baseline.points < RECOMMENDED_BASELINE) caveats.push("provisional-limits");
  if (series.length < RUN_LENGTH) caveats.push("runs-impossible");
  if (chart?.baseline.extendsIntoActions) caveats.push("baseline-includes-actions");
  if (chart && chart.baseline.screenedMovingRanges > 0) caveats.push("screened-moving-ranges");
  const base = {
    granularity: options.granularity ?? ("year" as Granularity),
    assurance,
    points,
    minimum,
    baselinePoints: chart?.baseline.points ?? null,
    screenedMovingRanges: chart?.baseline.screenedMovingRanges ?? 0,
    pointsSinceActions: since,
    actionsStart,
    caveats,
  };

  const reason: NotEnoughReason | null = points < minimum ? "too-few-points" : !chart ? "no-baseline" : chart.movingRangeMean === 0 ? "no-variation" : since === 0 ? "no-points-after-actions" : null;
  if (reason) return { chart, signals, verdict: finish({ ...base, kind: "not-enough-data", since: null, sincePeriod: null, rules: [], reason }) };

  const judged = actionsStart === null ? signals : signals.filter((s) => s.years.some((y) => y >= actionsStart));
  if (judged.length === 0) return { chart, signals, verdict: finish({ ...base, kind: "no-signal", since: null, sincePeriod: null, rules: [], reason: null }) };
  // The most recent signals decide; opposite meanings ending at the same point make "neither".
  const latest = judged.map((s) => pointKey(s, -1)).reduce((a, b) => (b > a ? b : a));
  const meanings = new Set(judged.filter((s) => pointKey(s, -1) === latest).map((s) => s.meaning));
  const kind: Meaning = meanings.size === 1 ? ([...meanings][0] as Meaning) : "neither";
  const behind = meanings.size === 1 ? judged.filter((s) => s.meaning === kind) : judged.filter((s) => pointKey(s, -1) === latest);
  const rules = RULES.filter((r) => behind.some((s) => s.rule === r));
  const first = behind.reduce((a, b) => (pointKey(b, 0) < pointKey(a, 0) ? b : a));
  return { chart, signals, verdict: finish({ ...base, kind, since: first.years[0] as number, sincePeriod: first.periods?.[0] ?? null, rules, reason: null }) };
}

function finish(v: Omit<Verdict, "messageKey" | "assuranceKey" | "caveatKeys" | "pointsKey">): Verdict {
  return {
    ...v,
    pointsKey: `spc.points.${v.granularity}`,
    messageKey: v.kind === "not-enough-data" ? `spc.verdict.not-enough-data.${v.reason}` : `spc.verdict.${v.kind}`,
    assuranceKey: v.assurance ? `spc.assurance.${v.assurance}` : null,
    caveatKeys: v.caveats.map((c) => `spc.caveat.${c}`),
  };
}
