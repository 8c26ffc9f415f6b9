import { describe, expect, it } from "vitest";
import { detectSignals, meaningOf } from "./rules.ts";
import { xmrChart } from "./xmr.ts";
import { yearly } from "./test-support/series.ts";

// Most series below start with the baseline 2000–2003 = 10, 12, 10, 12 and actions from 2004:
// mean 11, moving ranges 2, 2, 2 → mR̄ 2; limits 11 ± 5.32 = 5.68 / 16.32;
// σ = 2 / 1.128 = 1.7730; "near a limit" beyond 11 ± 3.5461 = 7.4539 / 14.5461.
const BASE = [10, 12, 10, 12];
const signalsOf = (values: (number | null)[], polarity = "high-is-good", base = BASE) => detectSignals(xmrChart(yearly(2000, [...base, ...values]), { actionsStart: 2000 + base.length })!, polarity);

describe("rule a: a point beyond a process limit", () => {
  it("flags each point beyond a limit, with its direction", () => {
    // 17 > 16.32 (up), 5 < 5.68 (down); 16 and 6 are inside.
    const s = signalsOf([16, 17, 11, 6, 5, 11]);
    expect(s.filter((x) => x.rule === "beyond-limits")).toEqual([
      { rule: "beyond-limits", direction: "up", years: [2005], meaning: "improvement" },
      { rule: "beyond-limits", direction: "down", years: [2008], meaning: "concern" },
    ]);
  });
});

describe("rule b: a shift of 7 points on one side of the mean", () => {
  it("a point on the mean breaks the run", () => {
    // 2003 is 12 (above); 2004 is 11, exactly the mean: on neither side. 2005–2010 are six
    // points above: one short of 7. No shift, and no other rule (ties: no trend; 12 is not near 14.55).
    expect(signalsOf([11, 12, 12, 12, 12, 12, 12])).toEqual([]);
  });

  it("seven or more points on one side make one shift with all its points", () => {
    // 2004 now 12: 2003–2010 are eight points above 11 → one shift, 2003 to 2010 (it starts in
    // the baseline: the run began before the actions, which the verdict will say with "since 2003").
    expect(signalsOf([12, 12, 12, 12, 12, 12, 12])).toEqual([{ rule: "shift", direction: "up", years: [2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010], meaning: "improvement" }]);
    // A hair above the mean is above it: 11.0001 continues the run.
    expect(signalsOf([11.0001, 12, 12, 12, 12, 12, 12])).toHaveLength(1);
  });

  it("a hidden point breaks the run", () => {
    // 2003–2006 above (4 points), 2007 hidden, 2008–2010 above (3): two runs, neither of 7.
    // Had 2007 been published above the mean, 2003–2010 would be a shift of 8.
    expect(signalsOf([12, 12, 12, null, 12, 12, 12]).filter((s) => s.rule === "shift")).toEqual([]);
    // Below the mean, low is good: an improvement.
    expect(signalsOf([10, 10, 10, 10, 10, 10, 10], "low-is-good", [12, 10, 12, 10])).toEqual([
      { rule: "shift", direction: "down", years: [2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010], meaning: "improvement" },
    ]);
  });
});

describe("rule c: a trend of 7 points all rising or all falling", () => {
  // Baseline 20, 24, 20, 24: mean 22, mR̄ 4, limits 11.36 / 32.64, near-limit lines 14.91 / 29.09.
  const B = [20, 24, 20, 24];
  it("seven rising points make a trend", () => {
    // 2004–2010: 21 … 27, six rises in a row (2003 → 2004 is a fall). Shift: 22 sits on the
    // mean, then 23–27 are five above: none. Nothing beyond 29.09 or 32.64.
    expect(signalsOf([21, 22, 23, 24, 25, 26, 27], "high-is-good", B)).toEqual([{ rule: "trend", direction: "up", years: [2004, 2005, 2006, 2007, 2008, 2009, 2010], meaning: "improvement" }]);
  });

  it("a tie breaks it, and the tied point may start a new one", () => {
    // 21, 22, 23, 23, 24, 25, 26: rises 2005, 2006, tie 2007, rises 2008–2010: no 6 rises in a row.
    expect(signalsOf([21, 22, 23, 23, 24, 25, 26], "high-is-good", B)).toEqual([]);
    // Going on to 29: from the second 23 (2007) six rises to 29 (2013) → trend 2007–2013.
    // And 2006–2013 are eight points above 22 → a shift too. 29 is not beyond 29.09.
    expect(signalsOf([21, 22, 23, 23, 24, 25, 26, 27, 28, 29], "high-is-good", B)).toEqual([
      { rule: "shift", direction: "up", years: [2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013], meaning: "improvement" },
      { rule: "trend", direction: "up", years: [2007, 2008, 2009, 2010, 2011, 2012, 2013], meaning: "improvement" },
    ]);
  });

  it("a hidden point breaks it", () => {
    // 21, 22, 23, (hidden), 25, 26, 27, 28: rises 2005, 2006, then none into or out of the gap,
    // then 2010, 2011 — 24 instead of the gap would make 2004–2011 a trend of 8.
    expect(signalsOf([21, 22, 23, null, 25, 26, 27, 28], "high-is-good", B)).toEqual([]);
    expect(signalsOf([21, 22, 23, 24, 25, 26, 27, 28], "high-is-good", B).map((s) => s.rule)).toEqual(["trend"]);
  });

  it("falling points are a concern when high is good", () => {
    expect(signalsOf([27, 26, 25, 24, 23, 22, 21], "high-is-good", B)).toEqual([
      // 2003 (24) → 2004 (27) rises; the fall runs 2004–2010.
      { rule: "trend", direction: "down", years: [2004, 2005, 2006, 2007, 2008, 2009, 2010], meaning: "concern" },
    ]);
  });
});

describe("rule d: two of three points near a limit", () => {
  it("flags the two near points, not the third, and ignores a lone one", () => {
    // 15 (2004) and 15 (2006) are beyond 14.5461 with 11 between: one signal, 2004 and 2006.
    // 15 in 2009 has no near neighbour within three points (2006 is three years away): nothing.
    expect(signalsOf([15, 11, 15, 11, 11, 15], "low-is-good")).toEqual([{ rule: "two-of-three", direction: "up", years: [2004, 2006], meaning: "concern" }]);
  });

  it("needs both on the same side", () => {
    // 15 is near the upper limit, 7 near the lower (7 < 7.4539, but not below 5.68).
    expect(signalsOf([15, 11, 7])).toEqual([]);
  });

  it("merges overlapping windows and counts points beyond the limit", () => {
    // 15, 17, 15: all three near (17 is beyond 16.32 too): one two-of-three signal 2004–2006.
    const s = signalsOf([15, 17, 15]);
    expect(s).toEqual([
      { rule: "two-of-three", direction: "up", years: [2004, 2005, 2006], meaning: "improvement" },
      { rule: "beyond-limits", direction: "up", years: [2005], meaning: "improvement" },
    ]);
  });

  it("does not count a hidden point", () => {
    expect(signalsOf([15, null, 11, 15])).toEqual([]);
  });
});

describe("rounding", () => {
  it("a point equal to the mean is on it even when the computed mean is off by an ulp", () => {
    // Baseline 0.1, 0.3, 0.2: in floating point the mean is 0.6000000000000001 / 3 =
    // 0.20000000000000004, so an exact comparison would put seven points of 0.2 below it
    // (a shift). They are on the mean: no shift, and equal values are ties: no trend.
    const chart = xmrChart(yearly(2000, [0.1, 0.3, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2]), { actionsStart: 2003 })!;
    expect(chart.mean).not.toBe(0.2);
    expect(detectSignals(chart, "high-is-good")).toEqual([]);
  });

  it("a baseline without variation gives no limits and no signals", () => {
    // 236.33 four times (mR̄ = 0): the limits would be the mean itself and any change "special".
    const chart = xmrChart(yearly(2020, [236.33, 236.33, 236.33, 236.33, 244.48]), { actionsStart: 2023 })!;
    expect(chart.movingRangeMean).toBe(0);
    expect(detectSignals(chart, "low-is-good")).toEqual([]);
  });
});

describe("polarity", () => {
  it("makes a movement an improvement, a concern, or neither", () => {
    expect(meaningOf("up", "high-is-good")).toBe("improvement");
    expect(meaningOf("down", "high-is-good")).toBe("concern");
    expect(meaningOf("up", "low-is-good")).toBe("concern");
    expect(meaningOf("down", "low-is-good")).toBe("improvement");
    expect(meaningOf("up", "no-judgement")).toBe("neither");
    expect(signalsOf([17], "no-judgement")).toEqual([{ rule: "beyond-limits", direction: "up", years: [2004], meaning: "neither" }]);
  });
});
