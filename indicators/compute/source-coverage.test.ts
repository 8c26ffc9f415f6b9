/**
 * No false zeros, on the tiny extract with its hospital stays removed (header only) and its
 * 2024 pharmacy deliveries removed: stays are absent for every year, pharmacy for 2024 only.
 * Health-service events are there both years (the control), zone_supply only for 2024.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { publish } from "../../release/publish.ts";
import { TINY, temporaryDirectory, tinyWith } from "../../tests/helpers.ts";
import { definition as baseDefinition, warehouseOf } from "../../tests/indicator-helpers.ts";
import { computeIndicators, type ComputeResult } from "./compute.ts";
import { absentSources, sourcesOf, windowProblem } from "./source-coverage.ts";

const definition = (fields: Parameters<typeof baseDefinition>[0]) => baseDefinition(fields, { aim: "value", polarity: "no-judgement" });
const DEFS = [
  definition({ id: "stays", statistic: "crude-rate", unit: "per-1000", population: {}, numerator: { kind: "events", source: "hospital_stay", count: "events" } }),
  definition({ id: "readmissions", statistic: "crude-rate", unit: "per-1000", population: {}, numerator: { kind: "readmissions", "within-days": 30 } }),
  definition({ id: "medicines", statistic: "proportion", unit: "percent", population: {}, numerator: { kind: "medicines", atc: ["A10", "J01", "J07"] } }),
  definition({ id: "care", statistic: "proportion", unit: "percent", population: {}, numerator: { kind: "events", source: "health_service" } }),
  definition({ id: "spend", statistic: "mean-per-person", unit: "euro", population: {}, numerator: { kind: "spending", sources: ["health_service", "hospital_stay"] } }),
  definition({ id: "deaths", statistic: "crude-rate", unit: "per-1000", population: {}, numerator: { kind: "deaths" } }),
  definition({ id: "gp-fte", statistic: "crude-rate", unit: "per-10000", counts: "professionals", "zone-value": { source: "zone_supply", value: "gp_fte", "per-population": true } }),
];

let warehouse: string;
let result: ComputeResult;
beforeAll(async () => {
  const pharmacy = readFileSync(join(TINY, "ima_pharmacy.csv"), "utf8")
    .split("\n")
    .filter((l) => !l.includes("|2024-"))
    .join("\n");
  const stays = readFileSync(join(TINY, "ima_hospital_stays.csv"), "utf8").split("\n")[0] + "\n";
  warehouse = await warehouseOf(tinyWith({ files: { "ima_pharmacy.csv": pharmacy, "ima_hospital_stays.csv": stays } }));
  result = await computeIndicators(warehouse, DEFS);
});

const years = (id: string) => [...new Set(result.cells.filter((c) => c.indicator_id === id).map((c) => c.year))].sort();

describe("no false zeros", () => {
  it("skips a definition whose source has no rows in any year, and says why", () => {
    expect(result.skipped).toEqual([
      { id: "stays", reason: "no source data in any year: hospital_stay has no rows for 2023, 2024" },
      { id: "readmissions", reason: "no source data in any year: hospital_stay has no rows for 2023, 2024" },
      { id: "spend", reason: "no source data in any year: hospital_stay has no rows for 2023, 2024" },
    ]);
    expect(result.computed).toEqual(["medicines", "care", "deaths", "gp-fte"]);
    for (const id of ["stays", "readmissions", "spend"]) expect(years(id), id).toEqual([]);
  });

  it("leaves out the year a source lacks, and lists it", () => {
    expect(years("medicines")).toEqual([2023]);
    expect(years("gp-fte")).toEqual([2024]);
    expect(result.skippedYears).toEqual([
      { id: "medicines", year: 2024, reason: "no source data: pharmacy_delivery has no rows for 2024" },
      { id: "gp-fte", year: 2023, reason: "no source data: zone_supply has no rows for 2023" },
    ]);
  });

  it("keeps definitions whose sources are there, zeros included", () => {
    expect(years("care")).toEqual([2023, 2024]);
    expect(years("deaths")).toEqual([2023, 2024]);
    // A real zero stays: nobody died in 2024.
    expect(result.cells.find((c) => c.indicator_id === "deaths" && c.year === 2024 && c.level === "belgium" && c.stratum === "total")!.numerator).toBe(0);
  });

  it("publishes no cells for them and lists them in the manifest", async () => {
    const lines: string[] = [];
    const manifest = await publish(
      DEFS.filter((d) => ["stays", "medicines", "care"].includes(d.id)),
      { warehouse, out: join(temporaryDirectory(), "release"), threads: 1, log: (l) => lines.push(l) },
    );
    expect(manifest.indicators.map((i) => i.id)).toEqual(["medicines", "care"]);
    expect(manifest.notComputed).toEqual([
      { id: "stays", year: null, reason: "no source data in any year: hospital_stay has no rows for 2023, 2024" },
      { id: "medicines", year: 2024, reason: "no source data: pharmacy_delivery has no rows for 2024" },
    ]);
    expect(lines).toContain("left out, no source data (not zeros): medicines: no cells for 2024 (no source data: pharmacy_delivery has no rows for 2024)");
    expect(lines.some((l) => l.startsWith("not computed: stays (no source data in any year"))).toBe(true);
  });
});

describe("absentSources (pure)", () => {
  it("follows a ratio's measures and leaves hand-written queries alone", () => {
    const a = DEFS[3]!;
    const ratio = baseDefinition({ id: "r", statistic: "ratio-of-measures", unit: "ratio", "ratio-of": { numerator: "care", denominator: "medicines" } });
    const coverage = new Map([
      ["health_service|", new Set([2023, 2024])],
      ["pharmacy_delivery|", new Set([2023])],
    ]);
    const out = absentSources([a, DEFS[2]!, ratio], ["care", "medicines", "r"], coverage, [2023, 2024]);
    expect(out.years.map((s) => `${s.id} ${s.year}`)).toEqual(["medicines 2024", "r 2024"]);
    expect(out.whole).toEqual([]);
    expect(sourcesOf({ ...a, sql: "SELECT 1" })).toEqual([]);
  });
});

describe("no truncated look-back window", () => {
  // Screening over two years (breast cancer) and three (cervical cancer), health services from 2019.
  const screening = (id: string, window: number) =>
    definition({
      id,
      statistic: "proportion",
      unit: "percent",
      population: { sex: "F" },
      numerator: { kind: "events", source: "health_service", codes: { nomenclature: ["990210"] }, "window-years": window },
    });
  const two = screening("two-years", 2);
  const three = screening("three-years", 3);
  const ratio = baseDefinition({ id: "ratio", statistic: "ratio-of-measures", unit: "ratio", "ratio-of": { numerator: "two-years", denominator: "three-years" } });
  const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];
  const all = new Map([["health_service|", new Set(YEARS)]]);

  it("leaves out the years whose window starts before the source's first year, and says why", () => {
    const out = absentSources([two, three, ratio], ["two-years", "three-years", "ratio"], all, YEARS);
    expect(out.years).toEqual([
      { id: "two-years", year: 2019, reason: "window not covered: the 2-year window 2018–2019 starts before the first year of health_service data (2019)" },
      { id: "three-years", year: 2019, reason: "window not covered: the 3-year window 2017–2019 starts before the first year of health_service data (2019)" },
      { id: "three-years", year: 2020, reason: "window not covered: the 3-year window 2018–2020 starts before the first year of health_service data (2019)" },
      { id: "ratio", year: 2019, reason: "its measure(s) two-years, three-years are left out for 2019 (a look-back window not covered)" },
      { id: "ratio", year: 2020, reason: "its measure(s) three-years are left out for 2020 (a look-back window not covered)" },
    ]);
    expect(out.whole).toEqual([]);
    expect(sourcesOf(two)).toEqual([{ table: "health_service", window: 2 }]);
    expect(sourcesOf(DEFS[3]!)).toEqual([{ table: "health_service" }]); // one year: no window to check
  });

  it("leaves out a window over a year without rows, and a definition with no year left", () => {
    const gap = new Map([["health_service|", new Set([2019, 2021, 2022])]]);
    const out = absentSources([two], ["two-years"], gap, [2019, 2020, 2021, 2022]);
    expect(out.years.map((s) => [s.year, s.reason])).toEqual([
      [2019, "window not covered: the 2-year window 2018–2019 starts before the first year of health_service data (2019)"],
      [2020, "no source data: health_service has no rows for 2020"],
      [2021, "window not covered: the 2-year window 2020–2021 has no health_service rows for 2020"],
    ]);
    const short = absentSources([three], ["three-years"], new Map([["health_service|", new Set([2023, 2024])]]), [2023, 2024]);
    expect(short.years).toEqual([]);
    expect(short.whole).toEqual([
      {
        id: "three-years",
        reason:
          "no year with source data over its whole look-back window (2023, 2024): the 3-year window 2021–2023 starts before the first year of health_service data (2023); the 3-year window 2022–2024 starts before the first year of health_service data (2023)",
      },
    ]);
    expect(windowProblem({ table: "health_service", window: 2 }, 2024, new Set([2023, 2024]))).toBeUndefined();
  });
});
