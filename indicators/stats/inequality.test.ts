import { describe, expect, it } from "vitest";
import { slopeIndexOfInequality, type InequalityGroup } from "./inequality.ts";

// PHEindicatormethods phe_sii documentation example, "Area1" (deciles, 1 = most deprived).
const POP = [7291, 7997, 6105, 7666, 5790, 6934, 5918, 5974, 7147, 7534];
const VALUE = [75.9, 78.3, 83.8, 83.6, 80.5, 81.1, 81.7, 84.2, 80.6, 86.3];
const SE = [1.64, 1.58, 1.51, 1.78, 1.7, 1.56, 1.37, 1.4, 2.43, 1.57];
const area1: InequalityGroup[] = POP.map((population, i) => ({ population, value: VALUE[i]!, se: SE[i]! }));

describe("slopeIndexOfInequality", () => {
  it("PHE example: matches a matrix WLS fit (numpy: (XᵀWX)⁻¹XᵀW, sandwich covariance)", () => {
    const r = slopeIndexOfInequality(area1, 0.95);
    expect(r.sii).toBeCloseTo(7.00023476, 7);
    expect(r.fittedMostDeprived).toBeCloseTo(78.03207877, 7);
    expect(r.siiLower).toBeCloseTo(3.153428895451759, 8);
    expect(r.siiUpper).toBeCloseTo(10.847040624707654, 8);
    expect(r.rii).toBeCloseTo(1.0897097049119389, 10);
    expect(r.riiLower).toBeCloseTo(1.039481052421898, 8);
    expect(r.riiUpper).toBeCloseTo(1.1423654507338754, 8);
    // PHE's Monte Carlo (200 000 draws, numpy) gave 3.169 to 10.850: same interval up to simulation noise.
    expect(Math.abs(r.siiLower - 3.1688)).toBeLessThan(0.05);
  });

  it("99.8% interval", () => {
    const r = slopeIndexOfInequality(area1, 0.998);
    expect(r.siiLower).toBeCloseTo(0.9350601690176452, 8);
    expect(r.siiUpper).toBeCloseTo(13.065409351141767, 8);
  });

  it("relative ranks are cumulative-population midpoints", () => {
    const r = slopeIndexOfInequality([
      { value: 1, population: 20, se: 1 },
      { value: 2, population: 30, se: 1 },
      { value: 3, population: 50, se: 1 },
    ]);
    expect(r.relativeRanks).toEqual([0.1, 0.35, 0.75]);
  });

  it("values exactly linear in rank give back the line: SII = 20, RII = 30/10", () => {
    const pops = [100, 300, 200, 250, 150];
    const total = 1000;
    let before = 0;
    const groups = pops.map((population) => {
      const x = (before + population / 2) / total;
      before += population;
      return { population, value: 10 + 20 * x, se: 0.5 };
    });
    const r = slopeIndexOfInequality(groups);
    expect(r.sii).toBeCloseTo(20, 12);
    expect(r.fittedMostDeprived).toBeCloseTo(10, 12);
    expect(r.rii).toBeCloseTo(3, 12);
  });

  it("reversing the order of the groups negates the SII and inverts the RII", () => {
    const a = slopeIndexOfInequality(area1);
    const b = slopeIndexOfInequality([...area1].reverse());
    expect(b.sii).toBeCloseTo(-a.sii, 10);
    expect(b.rii).toBeCloseTo(1 / a.rii, 10);
    expect(b.siiLower).toBeCloseTo(-a.siiUpper, 10);
  });

  it("derives se from a 95% interval", () => {
    const fromCi = area1.map((g) => ({ population: g.population, value: g.value, lower95: g.value - 1.959963984540054 * g.se!, upper95: g.value + 1.959963984540054 * g.se! }));
    expect(slopeIndexOfInequality(fromCi).siiLower).toBeCloseTo(3.153428895451759, 8);
  });

  it("rejects zero populations, missing uncertainty and single groups", () => {
    expect(() =>
      slopeIndexOfInequality([
        { value: 1, population: 0, se: 1 },
        { value: 2, population: 5, se: 1 },
      ]),
    ).toThrow(RangeError);
    expect(() =>
      slopeIndexOfInequality([
        { value: 1, population: 3 },
        { value: 2, population: 5 },
      ]),
    ).toThrow(RangeError);
    expect(() => slopeIndexOfInequality([{ value: 1, population: 3, se: 1 }])).toThrow(RangeError);
  });
});
