import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectSignals } from "./rules.ts";
import { yearly } from "./test-support/series.ts";
import { averageMovingRange, xmrChart } from "./xmr.ts";

describe("xmrChart: limits", () => {
  it("computes mean, moving ranges and limits by hand, skipping hidden points", () => {
    // 2015–2020: 10, 12, (hidden), 11, 13, 12. Available: 10, 12, 11, 13, 12 → mean 58/5 = 11.6.
    // Moving ranges only between consecutive years both published: 2016 |12−10| = 2, 2017 and
    // 2018 none (the hidden year on either side), 2019 |13−11| = 2, 2020 |12−13| = 1 → mR̄ = 5/3.
    // Limits 11.6 ± 2.66 × 5/3 = 11.6 ± 4.4333 → 7.1667 / 16.0333; σ = (5/3)/1.128.
    // (Dropping the hidden point and closing the gap would give ranges 2, 1, 2, 1 → mR̄ 1.5.)
    const chart = xmrChart(yearly(2015, [10, 12, null, 11, 13, 12]));
    expect(chart).not.toBeNull();
    const c = chart!;
    expect(c.mean).toBeCloseTo(11.6, 12);
    expect(c.movingRangeMean).toBeCloseTo(5 / 3, 12);
    expect(c.upperLimit).toBeCloseTo(11.6 + (2.66 * 5) / 3, 12);
    expect(c.lowerLimit).toBeCloseTo(11.6 - (2.66 * 5) / 3, 12);
    expect(c.sigma).toBeCloseTo(5 / 3 / 1.128, 12);
    expect(c.upperWarning).toBeCloseTo(11.6 + (2 * 5) / 3 / 1.128, 12);
    expect(c.points.map((p) => p.movingRange)).toEqual([null, 2, null, null, 2, 1]);
    expect(c.points.map((p) => p.baseline)).toEqual([true, true, false, true, true, true]);
    expect(c.baseline).toEqual({ from: 2015, to: 2020, points: 5, movingRanges: 3, screenedMovingRanges: 0, extendsIntoActions: false });
  });

  it("takes the points before the actions as baseline", () => {
    // Actions from 2022: baseline 2019–2021 = 50, 52, 51 → mean 51, ranges 2, 1 → mR̄ 1.5,
    // limits 51 ± 3.99. The later points (53, 60, 61) do not move the limits.
    const c = xmrChart(yearly(2019, [50, 52, 51, 53, 60, 61]), { actionsStart: 2022 })!;
    expect(c.mean).toBe(51);
    expect(c.movingRangeMean).toBe(1.5);
    expect(c.upperLimit).toBeCloseTo(54.99, 12);
    expect(c.lowerLimit).toBeCloseTo(47.01, 12);
    expect(c.baseline).toEqual({ from: 2019, to: 2021, points: 3, movingRanges: 2, screenedMovingRanges: 0, extendsIntoActions: false });
    expect(c.points.map((p) => p.movingRange)).toEqual([null, 2, 1, 2, 7, 1]);
  });

  it("takes the first 3 available points when fewer preceded the actions, and says so", () => {
    // Actions from 2020: only 2019 before; the baseline is 2019–2021 (hidden 2020 skipped → 2019, 2021, 2022).
    const c = xmrChart(yearly(2019, [50, null, 52, 51, 60]), { actionsStart: 2020 })!;
    expect(c.baseline).toMatchObject({ from: 2019, to: 2022, points: 3, extendsIntoActions: true });
    // Ranges inside the baseline: 2022 |51−52| = 1 only (2019 and 2021 are not consecutive years).
    expect(c.baseline.movingRanges).toBe(1);
    expect(c.movingRangeMean).toBe(1);
    expect(c.mean).toBe(51);
  });

  it("gives no chart without enough baseline points or without a moving range", () => {
    expect(xmrChart(yearly(2019, [1, 2]))).toBeNull();
    expect(xmrChart(yearly(2019, [null, null, null]))).toBeNull();
    // Five published points, none next to another: no moving range at all.
    expect(xmrChart(yearly(2015, [1, null, 2, null, 3, null, 4, null, 5]))).toBeNull();
  });

  it("sorts the series by year", () => {
    const c = xmrChart([
      { year: 2021, value: 3 },
      { year: 2019, value: 1 },
      { year: 2020, value: 2 },
    ])!;
    expect(c.points.map((p) => p.year)).toEqual([2019, 2020, 2021]);
    expect(c.movingRangeMean).toBe(1);
  });
});

describe("xmrChart: screening of outlying moving ranges (MDC)", () => {
  // 2011–2020: 10, 11, 10, 11, 10, 30, 10, 11, 10, 11 (one extreme year, 2016).
  // Moving ranges 1, 1, 1, 1, 20, 20, 1, 1, 1 → unscreened mR̄ = 47/9 = 5.2222;
  // upper range limit 3.267 × 47/9 = 17.061: both 20s are above it and are left out;
  // screened mR̄ = 7/7 = 1. Mean = 124/10 = 12.4.
  const series = yearly(2011, [10, 11, 10, 11, 10, 30, 10, 11, 10, 11]);

  it("leaves out moving ranges above 3.267 × mR̄ and takes mR̄ again, by default", () => {
    const c = xmrChart(series)!;
    expect(c.mean).toBeCloseTo(12.4, 12);
    expect(c.movingRangeMean).toBe(1);
    expect(c.baseline.movingRanges).toBe(7);
    expect(c.baseline.screenedMovingRanges).toBe(2);
    expect(c.upperLimit).toBeCloseTo(12.4 + 2.66, 12);
    // The extreme year is now a signal beyond the upper limit (15.06 < 30).
    expect(detectSignals(c).some((s) => s.rule === "beyond-limits" && s.years.includes(2016))).toBe(true);
  });

  it("keeps every moving range when screening is switched off (limits ~5× wider here)", () => {
    const c = xmrChart(series, { screenMovingRanges: false })!;
    expect(c.movingRangeMean).toBeCloseTo(47 / 9, 12);
    expect(c.baseline.screenedMovingRanges).toBe(0);
    expect(c.upperLimit).toBeCloseTo(12.4 + (2.66 * 47) / 9, 12); // 26.29 instead of 15.06
    expect(c.lowerLimit).toBeCloseTo(12.4 - (2.66 * 47) / 9, 12);
  });

  it("screens once, and a range exactly at the limit stays", () => {
    expect(averageMovingRange([1, 1, 1, 1, 20, 20, 1, 1, 1], true)).toEqual({ mean: 1, screened: 2 });
    // Ranges [a, a, a, x] with x = 3.267 × mean exactly: mean = (3a + x)/4 → x = 3.267(3a + x)/4
    // → x(4 − 3.267) = 9.801a → x = 13.371077…a; with a = 1 the screen keeps x (not above).
    const x = (3 * 3.267) / (4 - 3.267);
    const r = averageMovingRange([1, 1, 1, x], true);
    expect(r.screened).toBe(0);
    expect(averageMovingRange([2, 4, 6], true)).toEqual({ mean: 4, screened: 0 });
    expect(averageMovingRange([1, 1, 40], false)).toEqual({ mean: 14, screened: 0 });
  });

  it("does not change a chart without outlying ranges", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 5, max: 7 }), { minLength: 3, maxLength: 30 }), (values) => {
        // Ranges are 0–2 here; 3.267 × mR̄ < 2 needs mR̄ < 0.61, so a 2 may be screened: compare honestly.
        const on = xmrChart(yearly(2000, values));
        const off = xmrChart(yearly(2000, values), { screenMovingRanges: false });
        if (!on || !off) return on === off;
        if (on.baseline.screenedMovingRanges === 0) expect(on.movingRangeMean).toBe(off.movingRangeMean);
        else expect(on.movingRangeMean).toBeLessThan(off.movingRangeMean);
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
