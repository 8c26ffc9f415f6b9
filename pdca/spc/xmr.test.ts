import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { xmrChart as reference } from "../../indicators/stats/spc.ts";
import { detectSignals, type Signal } from "./rules.ts";
import { yearly } from "./test-series.ts";
import { xmrChart } from "./xmr.ts";

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
    expect(c.baseline).toEqual({ from: 2015, to: 2020, points: 5, movingRanges: 3, extendsIntoActions: false });
  });

  it("takes the points before the actions as baseline", () => {
    // Actions from 2022: baseline 2019–2021 = 50, 52, 51 → mean 51, ranges 2, 1 → mR̄ 1.5,
    // limits 51 ± 3.99. The later points (53, 60, 61) do not move the limits.
    const c = xmrChart(yearly(2019, [50, 52, 51, 53, 60, 61]), { actionsStart: 2022 })!;
    expect(c.mean).toBe(51);
    expect(c.movingRangeMean).toBe(1.5);
    expect(c.upperLimit).toBeCloseTo(54.99, 12);
    expect(c.lowerLimit).toBeCloseTo(47.01, 12);
    expect(c.baseline).toEqual({ from: 2019, to: 2021, points: 3, movingRanges: 2, extendsIntoActions: false });
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
    const c = xmrChart([{ year: 2021, value: 3 }, { year: 2019, value: 1 }, { year: 2020, value: 2 }])!;
    expect(c.points.map((p) => p.year)).toEqual([2019, 2020, 2021]);
    expect(c.movingRangeMean).toBe(1);
  });
});

describe("xmrChart agrees with indicators/stats/spc.ts on complete series", () => {
  const positions = (signals: Signal[], rule: Signal["rule"], withSide: boolean, first: number) =>
    new Set(signals.filter((s) => s.rule === rule).flatMap((s) => s.years.map((y) => (withSide ? `${y - first}:${s.direction === "up" ? "high" : "low"}` : `${y - first}`))));
  it("has the same limits and flags the same points for every rule", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 3, maxLength: 30 }), (values) => {
        const ours = xmrChart(yearly(2000, values));
        const theirs = reference(values);
        if (!ours) return theirs.meanMovingRange === undefined; // never: 3 points give 2 ranges
        expect(ours.mean).toBeCloseTo(theirs.mean, 9);
        expect(ours.upperLimit).toBeCloseTo(theirs.upperLimit, 9);
        expect(ours.lowerWarning).toBeCloseTo(theirs.lowerTwoSigma, 9);
        const signals = detectSignals(ours);
        const side = (k: "beyondLimits" | "shift" | "twoOfThree" | "trend", withSide: boolean) =>
          new Set(theirs.points.flatMap((p, i) => (p[k] ? [withSide ? `${i}:${p[k]}` : `${i}`] : [])));
        expect(positions(signals, "beyond-limits", true, 2000)).toEqual(side("beyondLimits", true));
        expect(positions(signals, "shift", true, 2000)).toEqual(side("shift", true));
        expect(positions(signals, "two-of-three", true, 2000)).toEqual(side("twoOfThree", true));
        // A point ending a fall and starting a rise is in two trends here, one side there.
        expect(positions(signals, "trend", false, 2000)).toEqual(side("trend", false));
        return true;
      }),
      { numRuns: 500 },
    );
  });
});
