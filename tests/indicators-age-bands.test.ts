/**
 * A definition's own age bands (issue 16, item 4), computed on the tiny extract beside the
 * default bands (persons in tests/indicators-compute.test.ts). 2023: p1 F 73 gmd, p2 M 38 gmd,
 * p3 M 85 (died), p4 F 61 gmd, p5 F 13, p6 M 53. 2024: p1 74 gmd, p2 39 gmd, p4 62 gmd, p5 14,
 * p6 54, p7 M 0, p8 F 25 gmd.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { computeIndicators, type ComputeResult } from "../indicators/compute/compute.ts";
import { compile } from "../indicators/compute/compile.ts";
import { definition, tinyWarehouse } from "./indicator-helpers.ts";

const DEFS = [
  definition({ id: "gmd", statistic: "proportion", unit: "percent", population: {}, numerator: { kind: "status", field: "gmd" } }),
  // Children apart, and 65 and over as one open band.
  definition({
    id: "gmd-own-bands",
    statistic: "proportion",
    unit: "percent",
    population: {},
    numerator: { kind: "status", field: "gmd" },
    "age-bands": [
      [0, 11],
      [12, 17],
      [18, 64],
      [65, 120],
    ],
  }),
  // Sciensano-style 10-year bands over 65 and over.
  definition({
    id: "deaths-65",
    statistic: "crude-rate",
    unit: "per-1000",
    population: { age: [65, 120] },
    numerator: { kind: "deaths" },
    "age-bands": [
      [65, 74],
      [75, 84],
      [85, 120],
    ],
  }),
  // Same bands as deaths-65: one column for both in the query.
  definition({
    id: "gmd-65",
    statistic: "proportion",
    unit: "percent",
    population: { age: [65, 120] },
    numerator: { kind: "status", field: "gmd" },
    "age-bands": [
      [65, 74],
      [75, 84],
      [85, 120],
    ],
  }),
  // A closed last band, ending at the population's oldest age.
  definition({
    id: "gmd-18-64",
    statistic: "proportion",
    unit: "percent",
    population: { age: [18, 64] },
    numerator: { kind: "status", field: "gmd" },
    "age-bands": [
      [18, 44],
      [45, 54],
      [55, 64],
    ],
  }),
];

let result: ComputeResult;
beforeAll(async () => {
  result = await computeIndicators(await tinyWarehouse(), DEFS);
});

const bands = (id: string, year: number, area = "BE") =>
  Object.fromEntries(
    result.cells.filter((c) => c.indicator_id === id && c.year === year && c.area_code === area && c.stratum === "age-band").map((c) => [c.stratum_value, [c.numerator, c.denominator]]),
  );

describe("custom age bands", () => {
  it("compute every definition, each with its own bands and no other", () => {
    expect(result.computed).toEqual(DEFS.map((d) => d.id));
    expect(bands("gmd", 2023)).toEqual({ "0-17": [0, 1], "18-44": [1, 1], "45-64": [1, 2], "75+": [0, 1], "65-74": [1, 1] });
    expect(bands("gmd-own-bands", 2023)).toEqual({ "12-17": [0, 1], "18-64": [2, 3], "65+": [1, 2] });
    expect(bands("gmd-own-bands", 2024)).toEqual({ "0-11": [0, 1], "12-17": [0, 1], "18-64": [3, 4], "65+": [1, 1] });
    expect(bands("deaths-65", 2023)).toEqual({ "65-74": [0, 1], "85+": [1, 1] });
    expect(bands("gmd-65", 2023)).toEqual({ "65-74": [1, 1], "85+": [0, 1] });
    expect(bands("gmd-18-64", 2024)).toEqual({ "18-44": [2, 2], "45-54": [0, 1], "55-64": [1, 1] });
    expect(bands("gmd-18-64", 2024, "04000")).toEqual({ "18-44": [2, 2] }); // Brussels: p2 and p8
  });

  it("keep the bands adding up to the total, the other breakdowns as they were", () => {
    for (const c of result.cells.filter((c) => c.stratum === "total")) {
      const parts = result.cells.filter(
        (p) => p.indicator_id === c.indicator_id && p.year === c.year && p.level === c.level && p.system_code === c.system_code && p.area_code === c.area_code && p.stratum === "age-band",
      );
      expect(
        parts.reduce((s, p) => s + p.denominator, 0),
        `${c.indicator_id} ${c.year} ${c.area_code}`,
      ).toBe(c.denominator);
      expect(parts.reduce((s, p) => s + p.numerator, 0)).toBe(c.numerator);
    }
    const sex = (id: string) =>
      result.cells.filter((c) => c.indicator_id === id && c.year === 2024 && c.area_code === "BE" && c.stratum === "sex").map((c) => [c.stratum_value, c.numerator, c.denominator]);
    expect(sex("gmd-own-bands")).toEqual(sex("gmd"));
  });

  it("group each distinct set of bands once, in the same scan", () => {
    const { sql } = compile(DEFS, { year: 2024 });
    expect(sql.match(/AS age_band_\d/g)).toEqual(["AS age_band_1", "AS age_band_2", "AS age_band_3"]);
    const scans = (q: string) => q.match(/FROM person_year/g)?.length;
    expect(scans(sql)).toBe(scans(compile(DEFS.slice(0, 1), { year: 2024 }).sql));
  });
});
