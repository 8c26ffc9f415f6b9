// Sub-annual periods in the disclosure model: cells of the yearly numerator's table, tied to
// the year (total = Σ periods) in every area, atom and sector group, and to the geography
// within each period; municipal periods latent whatever the options.
import { describe, expect, it } from "vitest";
import { definition } from "../tests/indicator-helpers.ts";
import type { IndicatorCell } from "../indicators/compute/derive.ts";
import type { PeriodCell } from "../indicators/compute/periods.ts";
import { applyPeriodDisclosure } from "./apply-period-disclosure.ts";
import { buildModel, type ModelOptions } from "./sdc-model.ts";
import { GEO, LEVEL } from "./test-support/small-belgium.ts";

// Events by quarter of the atoms (M1, M2, B1_S1, B1_S2; B1 = its two sectors); areas are their sums.
const ATOM_QUARTERS: Record<string, number[]> = { M1: [3, 6, 2, 9], M2: [7, 1, 4, 8], B1_S1: [2, 2, 5, 0], B1_S2: [6, 3, 1, 4] };
const PARTS: Record<string, string[]> = {
  BE: ["M1", "M2", "B1_S1", "B1_S2"],
  "02000": ["M1", "M2"],
  "04000": ["B1_S1", "B1_S2"],
  P1: ["M1", "M2"],
  B1: ["B1_S1", "B1_S2"],
  ZA: ["M1", "B1_S1"],
  ZB: ["M2", "B1_S2"],
};
const quarters = (code: string) => (PARTS[code] ?? [code]).reduce((s, a) => s.map((x, i) => x + ATOM_QUARTERS[a]![i]!), [0, 0, 0, 0]);
const POP: Record<string, number> = { BE: 1000, "02000": 700, "04000": 300, P1: 700, M1: 400, M2: 300, B1: 300, B1_S1: 100, B1_S2: 180, ZA: 500, ZB: 480 };

const ER = definition({
  id: "er",
  statistic: "crude-rate",
  unit: "per-1000",
  population: {},
  numerator: { kind: "events", source: "health_service", codes: { nomenclature: ["990510"] }, count: "events" },
  strata: [],
  "sub-annual": "quarter",
});
const cells = (): IndicatorCell[] =>
  Object.keys(LEVEL).map(
    (code) =>
      ({
        indicator_id: "er",
        year: 2024,
        level: LEVEL[code]!,
        system_code: LEVEL[code] === "zone" ? "Z" : null,
        area_code: code,
        stratum: "total",
        stratum_value: "all",
        numerator: quarters(code).reduce((s, x) => s + x, 0),
        denominator: POP[code]!,
        statistic: "crude-rate",
        unit: "per-1000",
      }) as IndicatorCell,
  );
const periods = (): PeriodCell[] =>
  Object.keys(LEVEL).flatMap((code) =>
    quarters(code).map(
      (n, i) =>
        ({
          indicator_id: "er",
          year: 2024,
          period: `2024-Q${i + 1}`,
          period_kind: "quarter",
          period_index: i + 1,
          level: LEVEL[code]!,
          system_code: LEVEL[code] === "zone" ? "Z" : null,
          area_code: code,
          numerator: n,
          denominator: POP[code]! / 4,
          value: 0,
          lower95: 0,
          upper95: 0,
          low_count: null,
        }) as PeriodCell,
    ),
  );

function model(options: ModelOptions) {
  const built = buildModel(cells(), [ER], GEO, options, undefined, periods());
  expect(built.numerators).toHaveLength(1);
  const { problem } = built.numerators[0]!;
  const sameSet = (a: readonly string[], b: readonly string[]) => [...a].sort().join() === [...b].sort().join();
  const has = (total: string, parts: string[]) => problem.relations.some((r) => r.total === total && sameSet(r.parts, parts));
  const cell = (id: string) => problem.cells.find((c) => c.id === id);
  return { built, problem, has, cell };
}
const Q = (prefix: string, q: number) => `${prefix}|period:er:quarter|${q}`;

describe("sub-annual periods in the disclosure model", () => {
  it("are cells of the year's numerator problem, every area's quarters adding up to its year", () => {
    const { built, problem, has, cell } = model({});
    const family = built.periodCounts[0]!.slice(0, built.periodCounts[0]!.indexOf("|"));
    const at = (level: string, system: string, code: string) => `${family}|${level}|${system}|${code}`;
    // Municipal and sector periods are summed into their atoms and sector groups.
    const published = built.periodCounts.filter((id) => !/\|(municipality|sector)\|/.test(id!));
    expect(published).toHaveLength(6 * 4);
    expect(published.every((id) => problem.cells.some((c) => c.id === id))).toBe(true);
    for (const [level, system, code] of [
      ["belgium", "", "BE"],
      ["region", "", "02000"],
      ["province", "", "P1"],
      ["zone", "Z", "ZA"],
    ] as const) {
      expect(
        has(
          `${at(level, system, code)}|total|all`,
          [1, 2, 3, 4].map((q) => Q(at(level, system, code), q)),
        ),
        code,
      ).toBe(true);
      expect(cell(Q(at(level, system, code), 1))).toMatchObject({ publishable: true, value: quarters(code)[0] });
    }
    // Atoms and sector groups: latent parts x(atom, q) ≥ 0 whose sum is the atom's latent yearly count.
    const atomTotals = problem.cells.filter((c) => c.id.startsWith(`${family}|atom|`) && c.id.endsWith("|total|all"));
    expect(atomTotals.length).toBeGreaterThan(0);
    for (const t of atomTotals) {
      const prefix = t.id.slice(0, -"|total|all".length);
      expect(
        has(
          t.id,
          [1, 2, 3, 4].map((q) => Q(prefix, q)),
        ),
        t.id,
      ).toBe(true);
      expect([1, 2, 3, 4].map((q) => cell(Q(prefix, q))?.publishable)).toEqual([false, false, false, false]);
    }
    // Within a quarter, the zone is the sum of its atom and sector group, as the year is.
    const zoneYear = problem.relations.find((r) => r.total === `${at("zone", "Z", "ZA")}|total|all` && r.parts.every((p) => !p.includes("period:")))!;
    const parts = zoneYear.parts.map((p) => Q(p.slice(0, -"|total|all".length), 2));
    expect(has(Q(at("zone", "Z", "ZA"), 2), parts)).toBe(true);
  });

  it("does not depend on the order the period cells come in (the engine's order varies from run to run)", () => {
    const first = buildModel(cells(), [ER], GEO, {}, undefined, periods());
    const reversed = periods().reverse();
    const again = buildModel(cells(), [ER], GEO, {}, undefined, reversed);
    // The same cells in the same order: ties in suppression follow a problem's cell order.
    expect(again.numerators.map((n) => n.problem.cells.map((c) => c.id))).toEqual(first.numerators.map((n) => n.problem.cells.map((c) => c.id)));
    expect(again.numerators).toEqual(first.numerators);
    // periodCounts follow each period cell, wherever it is in the input.
    const byPeriod = (counts: (string | undefined)[], input: PeriodCell[]) => new Map(input.map((c, i) => [`${c.area_code}|${c.period}`, counts[i]]));
    expect(byPeriod(again.periodCounts, reversed)).toEqual(byPeriod(first.periodCounts, periods()));
  });

  it("keeps municipal periods latent even when municipal breakdowns are published", () => {
    const { built, cell } = model({ municipalities: true, municipalityStrata: true });
    const m1 = built.periodCounts.find((id) => id!.includes("|municipality||M1|"))!;
    expect(cell(m1)).toMatchObject({ publishable: false, value: ATOM_QUARTERS.M1![0] });
  });

  it("drops the link to the year only for the deliberately weakened publisher", () => {
    const { problem } = model({ periodsApart: true });
    expect(problem.relations.some((r) => r.total.endsWith("|total|all") && r.parts.some((p) => p.includes("period:")))).toBe(false);
  });

  it("publishes Belgium to zones, hiding a period whose count is hidden or whose year's population is", () => {
    const { built } = model({});
    const ps = periods();
    const za1 = ps.findIndex((p) => p.area_code === "ZA" && p.period_index === 1);
    const zbYear = cells().findIndex((c) => c.area_code === "ZB");
    const hidden = new Map<string, "primary" | "complementary">([
      [built.periodCounts[za1]!, "primary"],
      [built.counts[zbYear]!.denominator!, "complementary"],
    ]);
    const out = applyPeriodDisclosure(ps, built.periodCounts, cells(), built.counts, hidden);
    expect(new Set(out.cells.map((c) => c.level))).toEqual(new Set(["belgium", "region", "province", "zone"]));
    expect(out.cells.find((c) => c.area_code === "ZA" && c.period_index === 1)).toMatchObject({ hidden: "suppressed", numerator: null, denominator: null, value: null });
    expect(out.cells.filter((c) => c.area_code === "ZB").every((c) => c.hidden === "suppressed" && c.numerator === null)).toBe(true);
    expect(out.cells.find((c) => c.area_code === "ZA" && c.period_index === 2)).toMatchObject({ hidden: null, numerator: quarters("ZA")[1] });
    expect(out.hiding.filter((h) => h.hiding === "primary")).toHaveLength(1);
    expect(out.hiding.filter((h) => h.hiding === "derived")).toHaveLength(4);
  });
});
