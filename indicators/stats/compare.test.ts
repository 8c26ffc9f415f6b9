import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compareWithBenchmark, quintiles, type ComparedEstimate } from "./compare.ts";

// A zone at 50 with 95% interval [45, 55] and 99.8% interval [42, 58].
const zone: ComparedEstimate = { value: 50, lower95: 45, upper95: 55, lower998: 42, upper998: 58 };

describe("compareWithBenchmark", () => {
  it.each([
    // benchmark, high-is-good, low-is-good, no-judgement
    [50, "similar", "similar", "similar"],
    [45, "similar", "similar", "similar"], // on the 95% bound: inside
    [55, "similar", "similar", "similar"],
    [44, "better", "worse", "higher"], // zone above benchmark, outside 95%, inside 99.8%
    [42, "better", "worse", "higher"], // on the 99.8% bound: not "much"
    [41.9, "much-better", "much-worse", "much-higher"],
    [56, "worse", "better", "lower"],
    [60, "much-worse", "much-better", "much-lower"],
  ] as const)("benchmark %d → %s / %s / %s", (benchmark, hi, lo, none) => {
    expect(compareWithBenchmark(zone, benchmark, "high-is-good")).toBe(hi);
    expect(compareWithBenchmark(zone, benchmark, "low-is-good")).toBe(lo);
    expect(compareWithBenchmark(zone, benchmark, "no-judgement")).toBe(none);
  });

  it("without a 99.8% interval it never says much-…", () => {
    const only95 = { value: 50, lower95: 45, upper95: 55 };
    expect(compareWithBenchmark(only95, 10, "high-is-good")).toBe("better");
    expect(compareWithBenchmark(only95, 90, "no-judgement")).toBe("lower");
  });

  it("missing or non-finite inputs are not compared", () => {
    expect(compareWithBenchmark(zone, NaN, "high-is-good")).toBe("not-compared");
    expect(compareWithBenchmark({ ...zone, upper95: NaN }, 10, "high-is-good")).toBe("not-compared");
    expect(compareWithBenchmark({ ...zone, value: Infinity }, 10, "low-is-good")).toBe("not-compared");
  });
});

describe("quintiles", () => {
  it("10 distinct values: two zones per quintile, 1 = lowest", () => {
    expect(quintiles([10, 1, 9, 2, 8, 3, 7, 4, 6, 5])).toEqual([5, 1, 5, 1, 4, 2, 4, 2, 3, 3]);
  });

  it("exactly 5 values: one per quintile", () => {
    expect(quintiles([0.3, 0.1, 0.5, 0.2, 0.4])).toEqual([3, 1, 5, 2, 4]);
  });

  it("ties share the quintile of their mid-rank", () => {
    // Sorted: 1 2 3 3 3 3 7 8 9 10 → the four 3s have ranks 3–6, mid-rank 4.5 → floor(5·4/10)+1 = 3.
    expect(quintiles([1, 2, 3, 3, 3, 3, 7, 8, 9, 10])).toEqual([1, 1, 3, 3, 3, 3, 4, 4, 5, 5]);
    // All equal: everyone in the middle quintile.
    expect(quintiles([4, 4, 4, 4, 4, 4])).toEqual([3, 3, 3, 3, 3, 3]);
  });

  it("fewer than 5 usable values: all null; missing values are null and not counted", () => {
    expect(quintiles([1, 2, 3, 4])).toEqual([null, null, null, null]);
    expect(quintiles([])).toEqual([]);
    expect(quintiles([1, null, 2, NaN, 3, undefined, 4])).toEqual([null, null, null, null, null, null, null]);
    expect(quintiles([5, null, 1, 2, 3, 4])).toEqual([5, null, 1, 2, 3, 4]);
  });

  it("is monotone in the value and covers 1 and 5 (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 5, maxLength: 60 }), (values) => {
        const q = quintiles(values);
        for (let i = 0; i < values.length; i++) {
          for (let j = 0; j < values.length; j++) {
            if (values[i]! < values[j]!) expect(q[i]!).toBeLessThanOrEqual(q[j]!);
            if (values[i] === values[j]) expect(q[i]).toBe(q[j]);
          }
        }
        if (new Set(values).size === values.length) {
          expect(q).toContain(1);
          expect(q).toContain(5);
          // Without ties, group sizes differ by at most one.
          const sizes = [1, 2, 3, 4, 5].map((k) => q.filter((x) => x === k).length);
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
