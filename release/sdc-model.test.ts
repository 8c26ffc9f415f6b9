import { describe, expect, it } from "vitest";
import { definition } from "../tests/indicator-helpers.ts";
import type { IndicatorCell } from "../indicators/compute/derive.ts";
import { buildModel } from "./sdc-model.ts";
import { GEO, LEVEL } from "./test-support/small-belgium.ts";

// Persons (denominator) and GMD holders (numerator) per area; BIM split in the totals.
const DEN: Record<string, number> = { BE: 100, "02000": 70, "04000": 30, P1: 70, M1: 40, M2: 30, B1: 30, B1_S1: 10, B1_S2: 18, ZA: 50, ZB: 48 };
const NUM: Record<string, number> = { BE: 50, "02000": 35, "04000": 15, P1: 35, M1: 20, M2: 15, B1: 15, B1_S1: 5, B1_S2: 9, ZA: 25, ZB: 24 };

const GMD = definition({ id: "gmd", statistic: "proportion", unit: "percent", population: {}, numerator: { kind: "status", field: "gmd" }, strata: ["bim"] });
const GMD_BIM = definition({ id: "gmd-bim", statistic: "proportion", unit: "percent", population: { bim: true }, numerator: { kind: "status", field: "gmd" } });

function cells(): IndicatorCell[] {
  const out: IndicatorCell[] = [];
  const make = (id: string, code: string, stratum: string, value: string, n: number, d: number) =>
    ({
      indicator_id: id,
      year: 2024,
      level: LEVEL[code]!,
      system_code: LEVEL[code] === "zone" ? "Z" : null,
      area_code: code,
      stratum,
      stratum_value: value,
      numerator: n,
      denominator: d,
      statistic: "proportion",
      unit: "percent",
    }) as IndicatorCell;
  for (const code of Object.keys(DEN)) {
    out.push(make("gmd", code, "total", "all", NUM[code]!, DEN[code]!));
    // A fifth of each area is BIM, with as many GMD holders as its share rounds to.
    const bimDen = Math.round(DEN[code]! / 5);
    const bimNum = Math.round(NUM[code]! / 5);
    out.push(make("gmd", code, "bim", "bim", bimNum, bimDen), make("gmd", code, "bim", "non-bim", NUM[code]! - bimNum, DEN[code]! - bimDen));
    out.push(make("gmd-bim", code, "total", "all", bimNum, bimDen));
  }
  return out;
}

describe("the disclosure model", () => {
  const model = buildModel(cells(), [GMD, GMD_BIM], GEO, { municipalities: true });
  const { denominators, numerators, counts } = model;
  // One view of every cell and relation, for the checks below.
  const problem = { cells: [...denominators, ...numerators].flatMap((x) => x.problem.cells), relations: [...denominators, ...numerators].flatMap((x) => x.problem.relations) };
  const has = (total: string, parts: string[]) => problem.relations.some((r) => r.total === total && [...r.parts].sort().join() === [...parts].sort().join());
  const p = (family: string, level: string, system: string, code: string, s = "total|all") => `${family}@2024|${level}|${system}|${code}|${s}`;
  const persons = "persons:{}";

  it("protects the denominators first, the two linked populations together, then the numerator with its denominators", () => {
    expect(denominators).toHaveLength(1);
    const tables = new Set(denominators[0]!.problem.cells.map((c) => c.id.slice(0, c.id.indexOf("|"))));
    expect(tables).toEqual(new Set(["persons:{}@2024", 'persons:{"bim":true}@2024']));
    expect(numerators).toHaveLength(1); // the same numerator over both populations
    const carried = numerators[0]!.denominatorCells!;
    expect(carried.has("persons:{}@2024|zone|Z|ZA|total|all")).toBe(true);
    expect([...carried].every((id) => id.startsWith("persons:"))).toBe(true);
  });

  it("models everything municipal by atom when municipalities are not published (the default)", () => {
    const hidden = buildModel(cells(), [GMD, GMD_BIM], GEO, {});
    const all = [...hidden.denominators, ...hidden.numerators].flatMap((x) => x.problem.cells);
    expect(all.some((c) => c.id.includes("|municipality||M1|"))).toBe(false);
    expect(all.find((c) => c.id === "persons:{}@2024|atom||02000+P1+Z:ZA|total|all")).toMatchObject({ value: 40, publishable: false });
    expect(all.find((c) => c.id === "persons:{}@2024|municipality||B1|total|all")).toMatchObject({ publishable: false }); // split by sector: its own latent cell
  });

  it("ties the geography: Belgium, regions, provinces, zones across a split municipality", () => {
    expect(has(p(persons, "belgium", "", "BE"), [p(persons, "region", "", "02000"), p(persons, "region", "", "04000")])).toBe(true);
    expect(has(p(persons, "region", "", "04000"), [p(persons, "municipality", "", "B1")])).toBe(true); // Brussels: no province
    expect(has(p(persons, "province", "", "P1"), [p(persons, "municipality", "", "M1"), p(persons, "municipality", "", "M2")])).toBe(true);
    expect(has(p(persons, "zone", "Z", "ZA"), [p(persons, "municipality", "", "M1"), p(persons, "sector", "", "B1~1")])).toBe(true);
    // B1 = 30 persons, its sectors 10 + 18: two persons without a sector, a known fact.
    expect(has(p(persons, "municipality", "", "B1"), [p(persons, "sector", "", "B1~1"), p(persons, "sector", "", "B1~2"), `${p(persons, "municipality", "", "B1")}|unsectored`])).toBe(true);
    expect(problem.cells.find((c) => c.id.endsWith("|unsectored") && c.id.startsWith(persons))).toMatchObject({ value: 2, publishable: false });
  });

  it("ties strata, and a proportion's numerator to its denominator through a latent rest", () => {
    expect(has(p(persons, "zone", "Z", "ZA"), [p(persons, "zone", "Z", "ZA", "bim|bim"), p(persons, "zone", "Z", "ZA", "bim|non-bim")])).toBe(true);
    const rest = problem.relations.find((r) => r.total === p(persons, "zone", "Z", "ZA") && r.parts.some((x) => x.includes("|rest:gmd")));
    expect(rest).toBeDefined();
  });

  it("ties the BIM-only population's total to the BIM cell of the whole population, numerators too", () => {
    expect(has(p('persons:{"bim":true}', "zone", "Z", "ZA"), [p(persons, "zone", "Z", "ZA", "bim|bim")])).toBe(true);
    const numerator = (pop: string) => `numerator:${JSON.stringify(GMD.numerator)}:${pop}`;
    expect(has(p(numerator('{"bim":true}'), "zone", "Z", "ZA"), [p(numerator("{}"), "zone", "Z", "ZA", "bim|bim")])).toBe(true);
  });

  it("shares one denominator cell between indicators of the same population, and keeps sectors unpublished", () => {
    const total = cells().findIndex((c) => c.indicator_id === "gmd" && c.area_code === "ZA" && c.stratum === "total");
    expect(counts[total]).toEqual({ numerator: p(`numerator:${JSON.stringify(GMD.numerator)}:{}`, "zone", "Z", "ZA"), denominator: p(persons, "zone", "Z", "ZA") });
    expect(problem.cells.find((c) => c.id === p(persons, "sector", "", "B1~1"))!.publishable).toBe(false);
  });

  it("weighs a count by the published figures that show it: hiding it hides them all", () => {
    // A second indicator of the same persons and numerator shows the totals' counts again.
    const again = definition({ ...GMD, id: "gmd-again", strata: [] });
    const twice = [
      ...cells(),
      ...cells()
        .filter((c) => c.indicator_id === "gmd" && c.stratum === "total")
        .map((c) => ({ ...c, indicator_id: "gmd-again" })),
    ];
    const weighted = buildModel(twice, [GMD, GMD_BIM, again], GEO, { municipalities: true });
    const all = new Map([...weighted.denominators, ...weighted.numerators].flatMap((x) => x.problem.cells).map((c) => [c.id, c]));
    const numerator = p(`numerator:${JSON.stringify(GMD.numerator)}:{}`, "zone", "Z", "ZA");
    expect(all.get(p(persons, "zone", "Z", "ZA"))!.weight).toBe(2);
    expect(all.get(numerator)!.weight).toBe(2);
    // Shown by one figure only: the default weight.
    expect(all.get(p(persons, "zone", "Z", "ZA", "bim|bim"))!.weight).toBeUndefined();
    // Never published, so never hidden: no weight either.
    expect(all.get(p(persons, "sector", "", "B1~1"))!.weight).toBeUndefined();
    // Without the second indicator, every count is shown once.
    expect(problem.cells.some((c) => c.weight !== undefined)).toBe(false);
  });

  it("marks Belgium's and the regions' published counts as headline figures, and no other", () => {
    const cell = (id: string) => problem.cells.find((c) => c.id === id)!;
    expect(cell(p(persons, "belgium", "", "BE")).prominent).toBe(true);
    expect(cell(p(persons, "region", "", "04000", "bim|bim")).prominent).toBe(true);
    expect(cell(p(`numerator:${JSON.stringify(GMD.numerator)}:{}`, "region", "", "02000")).prominent).toBe(true);
    expect(cell(p(persons, "province", "", "P1")).prominent).toBeUndefined();
    expect(cell(p(persons, "zone", "Z", "ZA")).prominent).toBeUndefined();
    // A count nothing publishes is never hidden: no preference to state.
    expect(problem.cells.filter((c) => !c.publishable).every((c) => c.prominent === undefined)).toBe(true);
    expect(problem.cells.filter((c) => c.prominent).length).toBeGreaterThan(0);
  });

  it("models unpublished municipal breakdowns by atom: municipalities alike in province and zones, summed", () => {
    expect(problem.cells.find((c) => c.id === p(persons, "municipality", "", "M1", "bim|bim"))).toBeUndefined();
    // M1 alone is in P1 and ZA: its atom holds its BIM persons (8 of 40), latent.
    expect(problem.cells.find((c) => c.id === p(persons, "atom", "", "02000+P1+Z:ZA", "bim|bim"))).toMatchObject({ value: 8, publishable: false });
    expect(has(p(persons, "zone", "Z", "ZA", "bim|bim"), [p(persons, "atom", "", "02000+P1+Z:ZA", "bim|bim"), p(persons, "sector", "", "B1~1", "bim|bim")])).toBe(true);
    const published = buildModel(cells(), [GMD, GMD_BIM], GEO, { municipalityStrata: true }).denominators[0]!.problem;
    expect(published.cells.find((c) => c.id === p(persons, "municipality", "", "M1", "bim|bim"))).toMatchObject({ value: 8, publishable: true });
  });

  it("refers only to cells of its own problem, sectors and their rests by group", () => {
    for (const options of [{}, { municipalities: true }, { municipalityStrata: true }]) {
      const m = buildModel(cells(), [GMD, GMD_BIM], GEO, options);
      for (const { problem } of [...m.denominators, ...m.numerators]) {
        const ids = new Set(problem.cells.map((c) => c.id));
        for (const r of problem.relations) for (const id of [r.total, ...r.parts]) expect(ids.has(id), id).toBe(true);
        expect(problem.cells.some((c) => c.id.includes("|sector||B1_S"))).toBe(false);
      }
    }
  });

  it("does not depend on the order the cells come in (the engine's order varies from run to run)", () => {
    const shuffled = cells().reverse();
    // Interleave the two ends, so that no table keeps its order either.
    const mixed = shuffled.flatMap((c, i) => (i % 2 ? [] : [c, shuffled[shuffled.length - 1 - i]!])).slice(0, shuffled.length);
    expect(new Set(mixed).size).toBe(shuffled.length);
    const again = buildModel(mixed, [GMD, GMD_BIM], GEO, {});
    const first = buildModel(cells(), [GMD, GMD_BIM], GEO, {});
    expect(again.denominators).toEqual(first.denominators);
    expect(again.numerators).toEqual(first.numerators);
    // counts follow each cell, wherever it is in the input.
    const byKey = (m: typeof first, input: IndicatorCell[]) => new Map(input.map((c, i) => [`${c.indicator_id}|${c.area_code}|${c.stratum}|${c.stratum_value}`, m.counts[i]]));
    expect(byKey(again, mixed)).toEqual(byKey(first, cells()));
  });

  it("refuses two indicators that disagree on a shared denominator (a bug upstream)", () => {
    const broken = cells();
    broken.push({ ...broken[0]!, indicator_id: "gmd-2", denominator: 99 });
    const GMD2 = { ...GMD, id: "gmd-2" };
    expect(() => buildModel(broken, [GMD, GMD_BIM, GMD2], GEO, {})).toThrow(/99 for one indicator|for one indicator/);
  });

  it("keeps a staff count out of the model (`counts: professionals`), its inhabitants in", () => {
    const GPS = definition({ id: "gps", statistic: "crude-rate", unit: "per-10000", counts: "professionals", "zone-value": { source: "zone_supply", value: "gp_count", "per-population": true } });
    const zone = {
      indicator_id: "gps",
      year: 2024,
      level: "zone",
      system_code: "Z",
      area_code: "ZA",
      stratum: "total",
      stratum_value: "all",
      numerator: 3,
      denominator: 50,
      statistic: "crude-rate",
      unit: "per-10000",
    } as IndicatorCell;
    const { counts } = buildModel([...cells(), zone], [GMD, GMD_BIM, GPS], GEO, {});
    expect(counts.at(-1)!.numerator).toBeUndefined();
    expect(counts.at(-1)!.denominator).toBeDefined();
  });
});

describe("the disclosure model with links read from the data", () => {
  // What family-links.ts would find: gmd's and gmd-bim's numerators are separate sets, the
  // BIM one a restriction of the other; a third definition counts exactly gmd's holders.
  const HOLDERS = definition({ id: "holders", statistic: "proportion", unit: "percent", population: {}, numerator: { kind: "status", field: "gmd" }, strata: ["bim"] });
  const links = new Map([
    [
      2024,
      {
        year: 2024,
        classOf: new Map([
          ["d:gmd", "d:gmd"],
          ["n:gmd", "n:gmd"],
          ["d:gmd-bim", "d:gmd-bim"],
          ["n:gmd-bim", "n:gmd-bim"],
          ["d:holders", "d:gmd"],
          ["n:holders", "n:gmd"],
        ]),
        restrictions: [
          { part: "d:gmd-bim", whole: "d:gmd", breakdown: "bim" as const, values: ["bim"] },
          { part: "n:gmd-bim", whole: "n:gmd", breakdown: "bim" as const, values: ["bim"] },
        ],
        sums: [],
      },
    ],
  ]);
  const withHolders = [
    ...cells(),
    ...cells()
      .filter((c) => c.indicator_id === "gmd")
      .map((c) => ({ ...c, indicator_id: "holders" })),
  ];
  const model = buildModel(withHolders, [GMD, GMD_BIM, HOLDERS], GEO, { municipalities: true }, links);
  const all = [...model.denominators, ...model.numerators];

  it("gives definitions that count the same persons one cell, whatever their names", () => {
    const gmd = withHolders.findIndex((c) => c.indicator_id === "gmd" && c.area_code === "ZA" && c.stratum === "total");
    const holders = withHolders.findIndex((c) => c.indicator_id === "holders" && c.area_code === "ZA" && c.stratum === "total");
    expect(model.counts[holders]).toEqual(model.counts[gmd]);
    expect(model.counts[gmd]!.numerator).toBe("set:n:gmd@2024|zone|Z|ZA|total|all");
  });

  it("writes the restriction as equations and protects the linked numerators together", () => {
    expect(model.numerators).toHaveLength(1);
    const relations = all.flatMap((x) => x.problem.relations);
    const has = (total: string, parts: string[]) => relations.some((r) => r.total === total && r.parts.join() === parts.join());
    expect(has("set:n:gmd-bim@2024|zone|Z|ZA|total|all", ["set:n:gmd@2024|zone|Z|ZA|bim|bim"])).toBe(true);
    expect(has("set:d:gmd-bim@2024|zone|Z|ZA|total|all", ["set:d:gmd@2024|zone|Z|ZA|bim|bim"])).toBe(true);
    // Populations first (phase 1), the numerators with both populations fixed (phase 2).
    const fixed = [...model.numerators[0]!.denominatorCells!];
    expect(fixed.some((id) => id.startsWith("set:d:gmd@2024|")) && fixed.some((id) => id.startsWith("set:d:gmd-bim@2024|"))).toBe(true);
  });
});
