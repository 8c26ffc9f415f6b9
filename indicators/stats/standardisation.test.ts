import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { bandByEsp2013, dsr, ESP2013, ESP2013_STANDARD, esp2013BandIndex, expectedCount, indirectlyStandardisedRatio } from "./standardisation.ts";
import { poissonCountLimits } from "./confidence.ts";

// PHEindicatormethods' own test data (R/SMR.R header: testpop, testobs) standardised to ESP 2013.
const PHE_POP = [84935, 80367, 72122, 79259, 99806, 87362, 81579, 71103, 70001, 69007, 63203, 52638, 46087, 40887, 32604, 28399, 21625, 13021, 7355];
const PHE_OBS = [27, 45, 55, 100, 125, 300, 295, 270, 275, 450, 455, 459, 345, 300, 270, 265, 100, 90, 35];

describe("European Standard Population 2013", () => {
  it("has the 19 published weights summing to 100 000", () => {
    expect(ESP2013_STANDARD).toEqual([5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000]);
    expect(ESP2013_STANDARD.reduce((a, b) => a + b, 0)).toBe(100_000);
    expect(ESP2013.map((b) => b.label)).toEqual([
      "0-4",
      "5-9",
      "10-14",
      "15-19",
      "20-24",
      "25-29",
      "30-34",
      "35-39",
      "40-44",
      "45-49",
      "50-54",
      "55-59",
      "60-64",
      "65-69",
      "70-74",
      "75-79",
      "80-84",
      "85-89",
      "90+",
    ]);
    expect(ESP2013[18]).toMatchObject({ fromAge: 90, toAge: null });
  });

  it("bands ages in completed years; 90 and over in the open band", () => {
    expect([0, 4, 4.99, 5, 44, 45, 89, 90, 104].map(esp2013BandIndex)).toEqual([0, 0, 0, 1, 8, 9, 17, 18, 18]);
    expect(() => esp2013BandIndex(-1)).toThrow(RangeError);
    expect(() => esp2013BandIndex(NaN)).toThrow(RangeError);
  });

  it("aggregates records into bands, leaving absent bands at zero", () => {
    const { counts, personYears } = bandByEsp2013([
      { age: 2, count: 1, personYears: 100 },
      { age: 3, count: 2, personYears: 50 },
      { age: 97, count: 4, personYears: 10 },
    ]);
    expect(counts[0]).toBe(3);
    expect(personYears[0]).toBe(150);
    expect(counts[18]).toBe(4);
    expect(personYears.filter((p) => p === 0)).toHaveLength(17);
  });
});

describe("dsr (Dobson)", () => {
  it("PHE test data: reference computed independently with numpy/scipy (Dobson + Byar)", () => {
    const r95 = dsr(PHE_OBS, PHE_POP, { level: 0.95 });
    expect(r95.totalCount).toBe(4261);
    expect(r95.value).toBeCloseTo(464.91565132391906, 9);
    expect(r95.lower).toBeCloseTo(450.68830933261876, 9);
    expect(r95.upper).toBeCloseTo(479.4689343041292, 9);
    expect(r95.method).toBe("dobson-byar");
    const r998 = dsr(PHE_OBS, PHE_POP, { level: 0.998 });
    expect(r998.lower).toBeCloseTo(442.63456227474614, 9);
    expect(r998.upper).toBeCloseTo(487.94997768977953, 9);
  });

  it("reduces to c × Poisson limits when every band has the same weight/person-years ratio (Dobson 1991, eq. 3 special case)", () => {
    // With wᵢ/nᵢ = k for all i, DSR = k·O/Σw and var/O = (k/Σw)², so each limit is k·O_limit/Σw.
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 19, maxLength: 19 }), fc.double({ min: 0.001, max: 10, noNaN: true }), (obs, k) => {
        const py = ESP2013_STANDARD.map((w) => w / k);
        const total = obs.reduce((a, b) => a + b, 0);
        fc.pre(total > 0);
        for (const level of [0.95, 0.998]) {
          const r = dsr(obs, py, { level, multiplier: 1 });
          const ref = poissonCountLimits(total, level);
          expect(r.value).toBeCloseTo((k * total) / 100_000, 10);
          expect(r.lower).toBeCloseTo((k * ref.lower) / 100_000, 10);
          expect(r.upper).toBeCloseTo((k * ref.upper) / 100_000, 10);
        }
      }),
    );
  });

  it("uses exact Poisson limits below 10 events and flags the low count", () => {
    const counts = new Array(19).fill(0);
    counts[10] = 9;
    const py = new Array(19).fill(1000);
    const r = dsr(counts, py, { multiplier: 1 });
    // One populated band: DSR = w·O/(n·Σw), limits the same scaling of the exact limits 4.1154–17.0848.
    const scale = 7000 / (1000 * 100_000);
    expect(r.value).toBeCloseTo(9 * scale, 14);
    expect(r.lower).toBeCloseTo(4.115373097378334 * scale, 12);
    expect(r.upper).toBeCloseTo(17.084803451419166 * scale, 12);
    expect(r).toMatchObject({ lowCount: true, method: "dobson-exact" });
    counts[10] = 10;
    expect(dsr(counts, py)).toMatchObject({ lowCount: false, method: "dobson-byar" });
  });

  it("zero events: value 0, lower 0, upper undefined (NaN)", () => {
    const r = dsr(new Array(19).fill(0), new Array(19).fill(500));
    expect(r.value).toBe(0);
    expect(r.lower).toBe(0);
    expect(r.upper).toBeNaN();
    expect(r.lowCount).toBe(true);
  });

  describe("a missing age band (zero person-years)", () => {
    const obs = [...PHE_OBS];
    const pop = [...PHE_POP];
    obs[18] = 0;
    pop[18] = 0; // no one aged 90+ in the zone

    it('"zero" (default): the band counts as rate 0 and keeps its weight', () => {
      const r = dsr(obs, pop);
      expect(r.emptyBands).toEqual([18]);
      // Same result as a band observed with zero events, whatever its population.
      const observedZero = dsr(obs, [...pop.slice(0, 18), 1234]);
      expect(r.value).toBeCloseTo(observedZero.value, 12);
      expect(r.lower).toBeCloseTo(observedZero.lower, 12);
      expect(r.upper).toBeCloseTo(observedZero.upper, 12);
      // Hand check: dropping a band of rate 0 lowers the DSR by its share of weight only.
      const withoutBand = dsr(obs.slice(0, 18), pop.slice(0, 18), { standard: ESP2013_STANDARD.slice(0, 18) });
      expect(r.value).toBeCloseTo((withoutBand.value * 99_000) / 100_000, 10);
    });

    it('"exclude": equivalent to standardising to the standard without that band', () => {
      const r = dsr(obs, pop, { emptyBands: "exclude" });
      const ref = dsr(obs.slice(0, 18), pop.slice(0, 18), { standard: ESP2013_STANDARD.slice(0, 18) });
      expect(r.value).toBeCloseTo(ref.value, 12);
      expect(r.lower).toBeCloseTo(ref.lower, 12);
      expect(r.upper).toBeCloseTo(ref.upper, 12);
      expect(r.value).toBeGreaterThan(dsr(obs, pop).value);
    });

    it("events with zero person-years are rejected as inconsistent", () => {
      const bad = [...obs];
      bad[18] = 2;
      expect(() => dsr(bad, pop)).toThrow(RangeError);
    });
  });

  it("rejects mismatched lengths and negative inputs", () => {
    expect(() => dsr([1, 2], [10, 20])).toThrow(RangeError);
    expect(() => dsr([1, -2], [10, 20], { standard: [1, 1] })).toThrow(RangeError);
  });

  it("interval contains the DSR and 99.8% contains 95% (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 100_000 })), { minLength: 19, maxLength: 19 }), (bands) => {
        const obs = bands.map((b) => b[0]);
        const py = bands.map((b) => b[1]);
        fc.pre(obs.reduce((a, b) => a + b, 0) > 0);
        const a = dsr(obs, py, { level: 0.95 });
        const b = dsr(obs, py, { level: 0.998 });
        expect(a.lower).toBeLessThanOrEqual(a.value);
        expect(a.upper).toBeGreaterThanOrEqual(a.value);
        expect(b.lower).toBeLessThanOrEqual(a.lower + 1e-9);
        expect(b.upper).toBeGreaterThanOrEqual(a.upper - 1e-9);
      }),
    );
  });
});

describe("indirect standardisation", () => {
  it("expected count is Σ person-years × reference rate", () => {
    expect(expectedCount([1000, 2000], [0.001, 0.005])).toBeCloseTo(11, 12);
  });

  it("SMR × 100 with exact limits below 10 (9 observed, 12.5 expected)", () => {
    const r = indirectlyStandardisedRatio(9, 12.5);
    expect(r.value).toBeCloseTo(72, 12);
    expect(r.lower).toBeCloseTo((4.115373097378334 / 12.5) * 100, 10);
    expect(r.upper).toBeCloseTo((17.084803451419166 / 12.5) * 100, 10);
    expect(r.method).toBe("exact");
  });

  it("Byar from 10, ratio scale with multiplier 1, 99.8%", () => {
    const r = indirectlyStandardisedRatio(10, 8, { multiplier: 1, level: 0.998 });
    expect(r.value).toBe(1.25);
    expect(r.lower).toBeCloseTo(2.916318374695686 / 8, 12);
    expect(r.upper).toBeCloseTo(24.19372492788055 / 8, 12);
    expect(r.method).toBe("byar");
  });

  it("zero observed: SMR 0 with an upper limit", () => {
    const r = indirectlyStandardisedRatio(0, 2);
    expect(r).toMatchObject({ value: 0, lower: 0 });
    expect(r.upper).toBeCloseTo((-Math.log(0.025) / 2) * 100, 10);
  });

  it("rejects a non-positive expected count", () => {
    expect(() => indirectlyStandardisedRatio(3, 0)).toThrow(RangeError);
  });
});
