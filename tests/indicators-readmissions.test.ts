/**
 * 30-day readmissions and a definition compiled alone, on the tiny extract with its hospital
 * stays replaced by these (worked out by hand):
 *
 * | person | stays (admission → discharge, type)                        | readmitted within 30 days |
 * |--------|------------------------------------------------------------|---------------------------|
 * | p2     | 2023-03-01 → 03-05 classic; 03-20 → 03-25 classic; 06-01 → 06-02 classic | the first (15 days); not the second (68 days) |
 * | p4     | 2023-12-20 → 12-28 classic; 2024-01-10 → 01-12 classic; 2024-01-15 day | the first (13 days), counted in 2023, its discharge year; the day stay is no readmission |
 * | p6     | 2024-02-01 → 02-03 classic; 2024-02-10 day                  | none (a day stay)          |
 *
 * 2023: 2 readmissions among 6 insured persons → 333.33 per 1,000 (exact Poisson limits of 2).
 * 2024: 0 among 7 → 0 per 1,000.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { loadExtract } from "../etl/load/load-extract.ts";
import { computeIndicators, type ComputeResult } from "../indicators/compute/compute.ts";
import { poissonCountLimits } from "../indicators/stats/index.ts";
import { TODAY, temporaryDirectory, tinyWith } from "./helpers.ts";
import { definition } from "./indicator-helpers.ts";

const STAYS = `stay_id,person_id,admission_date,discharge_date,stay_type,emergency,main_diagnosis,amount_eur
s00000001,p000000000000002,2023-03-01,2023-03-05,classic,1,I50,100.00
s00000002,p000000000000002,2023-03-20,2023-03-25,classic,1,I50,100.00
s00000003,p000000000000002,2023-06-01,2023-06-02,classic,0,K80,100.00
s00000004,p000000000000004,2023-12-20,2023-12-28,classic,1,J44,100.00
s00000005,p000000000000004,2024-01-10,2024-01-12,classic,1,J44,100.00
s00000006,p000000000000004,2024-01-15,2024-01-15,day,0,J44,100.00
s00000007,p000000000000006,2024-02-01,2024-02-03,classic,0,K80,100.00
s00000008,p000000000000006,2024-02-10,2024-02-10,day,0,K80,100.00
`;

const READMISSIONS = definition(
  { id: "readmissions", statistic: "crude-rate", unit: "per-1000", population: {}, numerator: { kind: "readmissions", "within-days": 30 } },
  { aim: "value", polarity: "low-is-good" },
);
const WITHIN_10 = definition(
  { id: "readmissions-10", statistic: "crude-rate", unit: "per-1000", population: {}, numerator: { kind: "readmissions", "within-days": 10 } },
  { aim: "value", polarity: "low-is-good", strata: [] },
);

let both: ComputeResult;
let alone: ComputeResult;
beforeAll(async () => {
  const warehouse = join(temporaryDirectory(), "warehouse.duckdb");
  const load = await loadExtract(tinyWith({ files: { "ima_hospital_stays.csv": STAYS } }), { warehouse, today: TODAY });
  expect(load.written).toBe(true);
  both = await computeIndicators(warehouse, [READMISSIONS, WITHIN_10]);
  alone = await computeIndicators(warehouse, [WITHIN_10]);
});

const at = (r: ComputeResult, id: string, year: number) => r.cells.find((c) => c.indicator_id === id && c.year === year && c.area_code === "BE" && c.stratum === "total");

describe("readmissions", () => {
  it("counts classic stays followed by a classic admission within the window, in the discharge year", () => {
    const y2023 = at(both, "readmissions", 2023)!;
    expect([y2023.numerator, y2023.denominator]).toEqual([2, 6]);
    expect(y2023.value).toBeCloseTo(2000 / 6, 9);
    const exact = poissonCountLimits(2, 0.95);
    expect(y2023.lower95).toBeCloseTo((exact.lower * 1000) / 6, 9);
    expect(y2023.upper95).toBeCloseTo((exact.upper * 1000) / 6, 9);
    expect([at(both, "readmissions", 2024)!.numerator, at(both, "readmissions", 2024)!.denominator]).toEqual([0, 7]);
  });

  it("honours the window of each definition", () => {
    // Within 10 days: neither p2's 15 days nor p4's 13 days.
    expect(at(both, "readmissions-10", 2023)!.numerator).toBe(0);
  });

  it("is broken down by sex like any rate", () => {
    const male = both.cells.find((c) => c.indicator_id === "readmissions" && c.year === 2023 && c.area_code === "BE" && c.stratum_value === "M")!;
    expect(male.numerator).toBe(1); // p2; p4 is a woman
  });
});

describe("a definition compiled alone", () => {
  it("works without a DSR and without strata (GROUPING() names only grouped columns)", () => {
    expect(alone.cells.every((c) => c.stratum === "total")).toBe(true);
    expect(at(alone, "readmissions-10", 2024)!.denominator).toBe(7);
  });
});
