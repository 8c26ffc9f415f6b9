import { describe, expect, it } from "vitest";
import { rateDifference, rateRatio } from "../stats/index.ts";
import { contrast } from "./contrast.ts";

const base = { numerator: 0, denominator: 0, lower95: NaN, upper95: NaN } as const;

describe("contrast", () => {
  it("uses the counts of two crude rates (exact ratio, MOVER difference)", () => {
    const a = { ...base, statistic: "crude-rate", unit: "per-1000", numerator: 30, denominator: 1000, value: 30, lower95: 20.2, upper95: 42.8 } as const;
    const b = { ...base, statistic: "crude-rate", unit: "per-1000", numerator: 15, denominator: 1000, value: 15, lower95: 8.4, upper95: 24.7 } as const;
    const c = contrast(a, b);
    expect(c.ratio).toEqual(rateRatio(30, 1000, 15, 1000));
    expect(c.difference).toEqual(rateDifference(30, 1000, 15, 1000, { multiplier: 1000 }));
  });

  it("works from the 95% intervals for standardised rates: symmetric on the log scale for the ratio", () => {
    // A: 200 (100–400), B: 100 (50–200): log SEs both ln(4)/(2·1.96); ratio 2 × exp(±1.96·√2·ln4/3.92).
    const a = { ...base, statistic: "directly-standardised-rate", unit: "per-100000", value: 200, lower95: 100, upper95: 400 } as const;
    const b = { ...base, statistic: "directly-standardised-rate", unit: "per-100000", value: 100, lower95: 50, upper95: 200 } as const;
    const c = contrast(a, b);
    const half = (Math.SQRT2 * Math.log(4)) / 2;
    expect(c.ratio.value).toBe(2);
    expect(c.ratio.lower).toBeCloseTo(2 * Math.exp(-half), 3);
    expect(c.ratio.upper).toBeCloseTo(2 * Math.exp(half), 3);
    // Difference: SEs 300/3.92 and 150/3.92 → 100 ± √(300² + 150²)/2.
    expect(c.difference.lower).toBeCloseTo(100 - Math.hypot(300, 150) / 2, 2);
  });

  it("has no ratio limits when an interval touches zero", () => {
    const a = { ...base, statistic: "mean-per-person", unit: "euro", value: 10, lower95: 0, upper95: 20 } as const;
    const b = { ...base, statistic: "mean-per-person", unit: "euro", value: 5, lower95: 2, upper95: 8 } as const;
    expect(contrast(a, b).ratio.lower).toBeNaN();
    expect(contrast(a, b).difference.value).toBe(5);
  });
});
