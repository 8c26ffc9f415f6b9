import { describe, expect, it } from "vitest";
import { assessTrend, recentTrend, type TrendPoint } from "./trend.ts";

const Z95 = 1.959963984540054;
const years = [2019, 2020, 2021, 2022, 2023];
const se = [0.3, 0.32, 0.35, 0.3, 0.4];
/** Points whose 95% interval is value ± z·se, so the implied variance is se². */
const points = (values: number[], seScale = 1): TrendPoint[] => values.map((value, i) => ({ time: years[i]!, value, lower: value - Z95 * se[i]! * seScale, upper: value + Z95 * se[i]! * seScale }));

describe("recentTrend", () => {
  it("matches weighted least squares from numpy.polyfit(w = 1/se, cov = 'unscaled')", () => {
    // numpy 2 / Python: slope 0.7579959186470585, var(slope) 0.011260127815631337, X² 51.02586951881626
    const r = recentTrend(points([10.2, 10.9, 11.5, 12.6, 13.1]));
    expect(r.slope).toBeCloseTo(0.7579959186470585, 10);
    expect(r.slopeVariance).toBeCloseTo(0.011260127815631337, 11);
    expect(r.statistic).toBeCloseTo(51.02586951881626, 7);
    expect(r.criticalValue).toBeCloseTo(9.5495, 4);
    expect(r.direction).toBe("increasing");
  });

  it("a flat-ish series is no significant change (X² = 0.648)", () => {
    const r = recentTrend(points([10.2, 10.4, 10.1, 10.6, 10.5]));
    expect(r.statistic).toBeCloseTo(0.6482278145436853, 9);
    expect(r.direction).toBe("no-significant-change");
  });

  it("the decision flips exactly at 9.5495: X² scales with 1/se²", () => {
    const values = [10.2, 10.4, 10.1, 10.6, 10.5];
    const base = 0.6482278145436853;
    // X²(k) = base / k²; choose k so that X² = 9.56 (just above) and 9.54 (just below).
    expect(recentTrend(points(values, Math.sqrt(base / 9.56))).direction).toBe("increasing");
    expect(recentTrend(points(values, Math.sqrt(base / 9.54))).direction).toBe("no-significant-change");
  });

  it("detects a decrease and maps it by polarity", () => {
    const pts = points([13.1, 12.6, 11.5, 10.9, 10.2]);
    expect(recentTrend(pts).assessment).toBe("decreasing");
    expect(recentTrend(pts, { polarity: "high-is-good" }).assessment).toBe("getting-worse");
    expect(recentTrend(pts, { polarity: "low-is-good" }).assessment).toBe("getting-better");
    expect(recentTrend(points([10.2, 10.9, 11.5, 12.6, 13.1]), { polarity: "low-is-good" }).assessment).toBe("getting-worse");
  });

  it("uses only the five most recent points, whatever the input order", () => {
    const recent = points([10.2, 10.4, 10.1, 10.6, 10.5]);
    const old: TrendPoint[] = [
      { time: 2017, value: 0, lower: -0.1, upper: 0.1 },
      { time: 2018, value: 1, lower: 0.9, upper: 1.1 },
    ];
    const r = recentTrend([recent[3]!, ...old, recent[0]!, recent[4]!, recent[2]!, recent[1]!]);
    expect(r.times).toEqual(years);
    expect(r.statistic).toBeCloseTo(0.6482278145436853, 9);
  });

  it("accepts variances directly", () => {
    const r = recentTrend([10.2, 10.9, 11.5, 12.6, 13.1].map((value, i) => ({ time: years[i]!, value, variance: se[i]! ** 2 })));
    expect(r.slope).toBeCloseTo(0.7579959186470585, 10);
  });

  it("cannot be calculated with fewer than 5 points, a zero variance, a missing value or repeated times", () => {
    expect(recentTrend(points([1, 2, 3, 4, 5]).slice(1)).direction).toBe("cannot-be-calculated");
    expect(recentTrend([]).assessment).toBe("cannot-be-calculated");
    const zeroVar = points([1, 2, 3, 4, 5]);
    zeroVar[2] = { time: 2021, value: 3, lower: 3, upper: 3 };
    expect(recentTrend(zeroVar, { polarity: "high-is-good" }).assessment).toBe("cannot-be-calculated");
    const missing = points([1, 2, 3, 4, 5]);
    missing[4] = { ...missing[4]!, value: NaN };
    expect(recentTrend(missing).direction).toBe("cannot-be-calculated");
    const noCi: TrendPoint[] = years.map((time, i) => ({ time, value: i }));
    expect(recentTrend(noCi).direction).toBe("cannot-be-calculated");
    const repeated = points([1, 2, 3, 4, 5]).map((p, i) => ({ ...p, time: i < 2 ? 2019 : p.time }));
    expect(recentTrend(repeated).direction).toBe("cannot-be-calculated");
  });
});

describe("assessTrend", () => {
  it("keeps direction for no-judgement and non-significant results", () => {
    expect(assessTrend("increasing", "no-judgement")).toBe("increasing");
    expect(assessTrend("no-significant-change", "high-is-good")).toBe("no-significant-change");
    expect(assessTrend("increasing", "high-is-good")).toBe("getting-better");
    expect(assessTrend("decreasing", "low-is-good")).toBe("getting-better");
  });
});
