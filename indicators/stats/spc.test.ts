import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { xmrChart, type XmrResult } from "./spc.ts";

// All expected signals below were worked out by hand from the rule definitions.
const flagged = (r: XmrResult, rule: "beyondLimits" | "shift" | "trend" | "twoOfThree") =>
  r.points.flatMap((p, i) => (p[rule] ? [i] : []));

// Baseline [8, 12, 8, 12]: mean 10, moving ranges 4, 4, 4 → mR̄ 4,
// limits 10 ± 2.66·4 = −0.64 / 20.64, σ = 4/1.128 = 3.546099, 2σ lines 2.907801 / 17.092199.
const BASE = [8, 12, 8, 12];

describe("xmrChart: limits", () => {
  it("series A: mean, moving ranges and limits by hand", () => {
    // Baseline 8 points: sum 91 → mean 11.375; moving ranges 2,1,2,1,1,1,2 → mR̄ 10/7.
    const r = xmrChart([10, 12, 11, 13, 12, 11, 10, 12, 16, 11, 7], { baseline: 8, polarity: "high-is-good" });
    expect(r.mean).toBe(11.375);
    expect(r.meanMovingRange).toBeCloseTo(10 / 7, 14);
    expect(r.upperLimit).toBeCloseTo(15.175, 12); // 11.375 + 2.66 × 10/7 = 11.375 + 3.8
    expect(r.lowerLimit).toBeCloseTo(7.575, 12);
    expect(r.sigma).toBeCloseTo(10 / 7 / 1.128, 14);
    expect(r.points.map((p) => p.movingRange)).toEqual([null, 2, 1, 2, 1, 1, 1, 2, 4, 5, 4]);
    // 16 > 15.175 (improvement, high is good); 7 < 7.575 (concern). Nothing else.
    expect(flagged(r, "beyondLimits")).toEqual([8, 10]);
    expect(r.points[8]!.variation).toBe("special-cause-improvement");
    expect(r.points[10]!.variation).toBe("special-cause-concern");
    expect(flagged(r, "shift")).toEqual([]);
    expect(flagged(r, "trend")).toEqual([]);
    expect(flagged(r, "twoOfThree")).toEqual([]);
    expect(r.summary).toEqual({ latest: "special-cause-concern", specialCausePoints: 2, assurance: null });
  });

  it("baseline defaults to all points", () => {
    const r = xmrChart([1, 3, 2]);
    expect(r.mean).toBe(2);
    expect(r.meanMovingRange).toBe(1.5);
    expect(r.baselinePoints).toBe(3);
  });

  it("rejects a baseline of fewer than 2 points and non-finite values", () => {
    expect(() => xmrChart([5])).toThrow(RangeError);
    expect(() => xmrChart([5, 6, 7], { baseline: 1 })).toThrow(RangeError);
    expect(() => xmrChart([5, NaN, 7])).toThrow(RangeError);
  });
});

describe("xmrChart: shift (7 on one side of the mean)", () => {
  // After the baseline: 11, 11.5, 12 above; 10 ON the mean; then 11, 12, 11, 11.5, 12, 11 above.
  const series = [...BASE, 11, 11.5, 12, 10, 11, 12, 11, 11.5, 12, 11];

  it("a point on the mean breaks the run: 6 points after it are not a shift", () => {
    const r = xmrChart(series, { baseline: 4 });
    expect(r.mean).toBe(10);
    expect(flagged(r, "shift")).toEqual([]);
  });

  it("the 7th point after the break makes a shift of exactly those 7", () => {
    const r = xmrChart([...series, 11.5], { baseline: 4, polarity: "low-is-good" });
    expect(flagged(r, "shift")).toEqual([8, 9, 10, 11, 12, 13, 14]);
    expect(r.points[14]!.shift).toBe("high");
    expect(r.summary.latest).toBe("special-cause-concern");
    expect(flagged(r, "trend")).toEqual([]);
    expect(flagged(r, "beyondLimits")).toEqual([]);
  });

  it("without the point on the mean the whole run from index 3 is one shift", () => {
    const unbroken = [...series];
    unbroken[7] = 10.5;
    expect(flagged(xmrChart(unbroken, { baseline: 4 }), "shift")).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  });
});

describe("xmrChart: trend (7 points rising or falling)", () => {
  // After the baseline: 6, 6.5, 7.5, 7.5 (tie), 8, 9, 11, 12, 13.
  const series = [...BASE, 6, 6.5, 7.5, 7.5, 8, 9, 11, 12, 13];

  it("a tie breaks the trend: 4 → 12 rises throughout but is not a trend", () => {
    const r = xmrChart(series, { baseline: 4 });
    expect(flagged(r, "trend")).toEqual([]);
    expect(flagged(r, "shift")).toEqual([]); // lows 4–9 are only 6 points
  });

  it("7 strictly rising points from the tied point onwards are a trend", () => {
    const r = xmrChart([...series, 14], { baseline: 4, polarity: "high-is-good" });
    expect(flagged(r, "trend")).toEqual([7, 8, 9, 10, 11, 12, 13]);
    expect(r.points[13]!.variation).toBe("special-cause-improvement");
    expect(r.points[6]!.variation).toBe("common-cause");
  });

  it("a falling trend is flagged low", () => {
    const r = xmrChart([10, 11, 9, 10, 16, 15, 14, 13, 12, 11, 10], { baseline: 4 });
    expect(flagged(r, "trend")).toEqual([4, 5, 6, 7, 8, 9, 10]);
    expect(r.points[10]!.trend).toBe("low");
    expect(r.points[10]!.variation).toBe("special-cause-neither");
  });
});

describe("xmrChart: two of three beyond 2σ", () => {
  it("flags the two high points of a window, not the middle one", () => {
    // 18 and 17.5 exceed 17.092199; 11 does not. Window (5, 6, 7) qualifies.
    const r = xmrChart([...BASE, 10, 18, 11, 17.5, 10], { baseline: 4 });
    expect(flagged(r, "twoOfThree")).toEqual([5, 7]);
    expect(r.points[5]!.twoOfThree).toBe("high");
    expect(flagged(r, "beyondLimits")).toEqual([]);
  });

  it("points beyond 2σ on opposite sides do not combine", () => {
    // 18 > 17.09 (high), 2 < 2.91 (low)
    const r = xmrChart([...BASE, 10, 18, 2, 10], { baseline: 4 });
    expect(flagged(r, "twoOfThree")).toEqual([]);
  });
});

describe("xmrChart: assurance against a target", () => {
  const cases = [
    [25, "high-is-good", "consistently-miss"],
    [-1, "high-is-good", "consistently-hit"],
    [15, "high-is-good", "hit-and-miss"],
    [25, "low-is-good", "consistently-hit"],
    [-1, "low-is-good", "consistently-miss"],
    [20.64, "high-is-good", "hit-and-miss"], // on the limit counts as inside
  ] as const;
  it.each(cases)("target %d with %s → %s", (target, polarity, expected) => {
    expect(xmrChart(BASE, { target, polarity }).summary.assurance).toBe(expected);
  });
  it("no assurance without a target or without a polarity", () => {
    expect(xmrChart(BASE, { polarity: "high-is-good" }).summary.assurance).toBeNull();
    expect(xmrChart(BASE, { target: 25 }).summary.assurance).toBeNull();
  });
});

describe("xmrChart: invariances (property)", () => {
  const seriesArb = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 40 });
  // Scaling by a power of two is exact in floating point, so no point can cross a limit by rounding.
  it("flags are unchanged by rescaling (×2^k) and mirrored by negation", () => {
    fc.assert(
      fc.property(seriesArb, fc.integer({ min: -20, max: 20 }), (values, k) => {
        const a = xmrChart(values);
        const shifted = xmrChart(values.map((v) => v * 2 ** k));
        const negated = xmrChart(values.map((v) => -v));
        const flip = (s: "high" | "low" | null) => (s === "high" ? "low" : s === "low" ? "high" : null);
        a.points.forEach((p, i) => {
          const q = shifted.points[i]!;
          expect([q.beyondLimits, q.shift, q.trend, q.twoOfThree]).toEqual([p.beyondLimits, p.shift, p.trend, p.twoOfThree]);
          const n = negated.points[i]!;
          expect([n.beyondLimits, n.shift, n.trend, n.twoOfThree]).toEqual([p.beyondLimits, p.shift, p.trend, p.twoOfThree].map(flip));
        });
      }),
    );
  });
});
