/**
 * Every statistic of the schema's enum has a complete spec, and the shared code goes through
 * it: validation refuses what the spec refuses, the compiler computes what it says it computes,
 * `describe` uses its words. A new statistic fails here until its spec and a minimal definition
 * of it (below) are written.
 */
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../../core/languages.ts";
import { compile } from "../compute/compile.ts";
import { withStatistics } from "../compute/statistics.ts";
import { describeDefinition } from "../definition/describe.ts";
import { crossFieldProblems } from "../definition/rules.ts";
import { baseSchema, definitionSchema, STRATA, UNITS, type CheckedDefinition, type Definition, type Statistic } from "../definition/schema.ts";
import { BLOCKS, STATISTICS, statisticOf } from "./index.ts";

const text = (en: string) => ({ fr: `${en} (fr)`, nl: `${en} (nl)`, de: `${en} (de)`, en });
const base = (id: string) => ({
  id,
  version: 1,
  aim: "population-health",
  type: "outcome",
  title: text(id),
  "short-description": text("short"),
  definition: text("definition"),
  rationale: text("rationale"),
  "numerator-text": text("numerator"),
  "denominator-text": text("denominator"),
  source: text("source"),
  polarity: "no-judgement",
});

/** The two measures a ratio divides. */
const MEASURES = [
  { ...base("deaths-bim"), unit: "per-100000", statistic: "crude-rate", population: { bim: true }, numerator: { kind: "deaths" } },
  { ...base("deaths-non-bim"), unit: "per-100000", statistic: "crude-rate", population: { bim: false }, numerator: { kind: "deaths" } },
];

/** The smallest definition of each statistic: a new statistic needs one here. */
const MINIMAL: Record<Statistic, Record<string, unknown>> = {
  proportion: { unit: "percent", population: {}, numerator: { kind: "status", field: "gmd" } },
  "crude-rate": { unit: "per-100000", population: {}, numerator: { kind: "deaths" } },
  "directly-standardised-rate": { unit: "per-100000", population: {}, numerator: { kind: "deaths" } },
  "indirectly-standardised-ratio": { unit: "ratio", population: {}, numerator: { kind: "deaths" } },
  "mean-per-person": { unit: "euro", population: {}, numerator: { kind: "spending", sources: ["health_service"] } },
  "ratio-of-measures": { unit: "ratio", "ratio-of": { numerator: "deaths-bim", denominator: "deaths-non-bim" } },
  "zone-mean": { unit: "score", "zone-value": { source: "zone_prem", survey: "P3CEQ", value: "score_mean" } },
};
/** A zone figure of each statistic that has one (compile-zone.ts). */
const ZONE_FIGURE: Partial<Record<Statistic, Record<string, unknown>>> = {
  "crude-rate": { unit: "per-10000", counts: "professionals", "zone-value": { source: "zone_supply", value: "gp_count", "per-population": true } },
  "zone-mean": MINIMAL["zone-mean"],
};

/** A valid value of each block, to add where it does not belong. */
const BLOCK = { population: {}, numerator: { kind: "deaths" }, "zone-value": MINIMAL["zone-mean"]["zone-value"], "ratio-of": MINIMAL["ratio-of-measures"]["ratio-of"] };

const input = (statistic: string, fields: Record<string, unknown> = MINIMAL[statistic as Statistic]) => ({ ...base(`a-${statistic}`), statistic, ...fields });
const parsed = (raw: unknown): Definition => definitionSchema.parse(raw);
const checked = (raw: unknown): CheckedDefinition => baseSchema.parse(raw);
const problemsOf = (raw: unknown) => crossFieldProblems(checked(raw)).map((p) => `${p.path.join(".")}: ${p.message}`);

describe("the registry of statistics", () => {
  it("is the schema's enum, one spec per statistic under its own name", () => {
    expect(baseSchema.shape.statistic.options).toEqual([...STATISTICS]);
    expect(new Set(STATISTICS).size).toBe(STATISTICS.length);
    for (const name of STATISTICS) expect(statisticOf(name).name).toBe(name);
    expect(() => statisticOf("median")).toThrow(/unknown statistic median/);
  });

  it.each([...STATISTICS])("%s: has a minimal definition here, which validates", (name) => {
    expect(MINIMAL[name], `write a minimal definition of ${name} in MINIMAL`).toBeDefined();
    expect(problemsOf(input(name))).toEqual([]);
    expect(() => parsed(input(name))).not.toThrow();
  });

  it.each([...STATISTICS])("%s: has its words in every language, which describe uses", (name) => {
    const spec = statisticOf(name);
    expect(Object.keys(spec.words).sort()).toEqual([...LANGUAGES].sort());
    for (const lang of LANGUAGES) {
      expect(spec.words[lang].trim(), `${name} in ${lang}`).not.toBe("");
      if (lang !== "en") expect(spec.words[lang], `${name} in ${lang} is the English text`).not.toBe(spec.words.en);
      expect(describeDefinition(parsed(input(name)), lang)).toContain(spec.words[lang]);
    }
  });

  it.each([...STATISTICS])("%s: its facts agree with one another", (name) => {
    const spec = statisticOf(name);
    const v = spec.validation;
    expect(v.units.length).toBeGreaterThan(0);
    for (const unit of v.units) expect(UNITS).toContain(unit);
    expect(v.blocks({}).length).toBeGreaterThan(0);
    if (spec.compile.personBased) {
      expect(v.blocks({})).toEqual(["population", "numerator"]);
      expect(v.numeratorKinds.length).toBeGreaterThan(0);
      expect(v.zoneLevel).toBe(false);
      expect(spec.disclosure.denominator).toBe("persons");
    } else expect(v.numeratorKinds).toEqual([]);
    if (spec.compile.zoneFigure) expect(v.blocks({ "zone-value": { source: "zone_prem", value: "score_mean" } })).toEqual(["zone-value"]);
    if (spec.cells.from === "counts") expect(typeof spec.cells.limits).toBe("function");
    if (spec.cells.from === "measures") expect(spec.disclosure).toEqual({ denominator: "none", numerator: false, rest: false });
    // A rest den − num is a count only when the numerator is one.
    if (spec.disclosure.rest) expect(spec.disclosure.numerator).toBe(true);
    if (v.fromQuery) expect(spec.compile.personBased && spec.cells.from === "counts").toBe(true);
    for (const s of v.strata?.only ?? []) expect(STRATA).toContain(s);
  });
});

describe("validation goes through the spec", () => {
  it.each([...STATISTICS])("%s: refuses exactly the units its spec does not list", (name) => {
    const units = statisticOf(name).validation.units;
    for (const unit of UNITS) {
      const refused = problemsOf(input(name, { ...MINIMAL[name], unit })).some((p) => p.startsWith(`unit: statistic \`${name}\` is given in`));
      expect(refused, `${name} in ${unit}`).toBe(!units.includes(unit));
    }
  });

  it.each([...STATISTICS])("%s: needs the blocks its spec names and refuses the others", (name) => {
    const { blocks } = statisticOf(name).validation;
    for (const block of BLOCKS) {
      const { [block]: _present, ...without } = MINIMAL[name];
      const withIt = { ...MINIMAL[name], [block]: BLOCK[block] };
      if (blocks(MINIMAL[name]).includes(block)) expect(problemsOf(input(name, without))).toContainEqual(expect.stringContaining(`${block}: statistic \`${name}\` needs \`${block}\``));
      // (A crude rate with a zone figure needs the figure instead of a population.)
      else if (!blocks(withIt).includes(block)) expect(problemsOf(input(name, withIt))).toContainEqual(expect.stringContaining(`\`${block}\` is not used by statistic \`${name}\``));
    }
  });

  it.each(STATISTICS.filter((s) => statisticOf(s).compile.personBased))("%s: takes the numerator kinds its spec lists", (name) => {
    const numerators = {
      events: { kind: "events", source: "hospital_stay", count: "events" },
      medicines: { kind: "medicines", atc: ["A10"], "min-distinct": 2 },
      status: { kind: "status", field: "gmd" },
      deaths: { kind: "deaths" },
      spending: { kind: "spending", sources: ["health_service"] },
      readmissions: { kind: "readmissions", "within-days": 30 },
    } as const;
    const kinds = statisticOf(name).validation.numeratorKinds;
    for (const [kind, numerator] of Object.entries(numerators)) {
      const refused = problemsOf(input(name, { ...MINIMAL[name], numerator })).some((p) => p.includes(`a \`${kind}\` numerator goes with statistic`));
      expect(refused, `${name} from ${kind}`).toBe(!kinds.includes(kind as never));
    }
  });

  it.each([...STATISTICS])("%s: is broken down by default by the strata its spec allows", (name) => {
    const spec = statisticOf(name);
    const expected = spec.validation.zoneLevel ? [] : STRATA.filter((s) => (spec.validation.strata?.only ?? STRATA).includes(s));
    expect(parsed(input(name)).strata).toEqual(expected);
    for (const s of STRATA.filter((s) => !expected.includes(s) && !spec.validation.zoneLevel)) {
      expect(problemsOf(input(name, { ...MINIMAL[name], strata: [s] }))).toContain(`strata.0: ${spec.validation.strata!.refusal(s)}`);
    }
  });
});

describe("compilation goes through the spec", () => {
  it.each([...STATISTICS])("%s: is computed, where its spec says", (name) => {
    const spec = statisticOf(name);
    const def = parsed(input(name));
    const measures = MEASURES.map(parsed);
    const compiled = compile([def, ...measures]);
    expect(compiled.skipped).toEqual([]);
    expect(compiled.computed).toContain(def.id);
    const column = compiled.columns.find((c) => c.id === def.id);
    if (spec.compile.personBased) {
      expect(column?.banded).toBe(spec.cells.from === "esp-bands" || spec.cells.from === "expected");
      expect(compiled.sql.includes(` AS s${column!.index}`)).toBe(spec.compile.sumOfSquares);
    } else expect(column).toBeUndefined();
    if (def["zone-value"]) expect(compiled.zoneSql).toContain(`'${def.id}' AS indicator_id`);
  });

  it.each(STATISTICS.filter((s) => statisticOf(s).compile.zoneFigure))("%s: its zone figure is read from its zone table", (name) => {
    const fields = ZONE_FIGURE[name];
    expect(fields, `write a zone figure of ${name} in ZONE_FIGURE`).toBeDefined();
    const def = parsed(input(name, fields));
    const compiled = compile([def]);
    expect(compiled.computed).toEqual([def.id]);
    expect(compiled.zoneSql).toContain(`FROM ${(fields!["zone-value"] as { source: string }).source} v`);
  });

  it.each([...STATISTICS])("%s: its cells' value and limits come from its spec, or from elsewhere", (name) => {
    const spec = statisticOf(name);
    const cell = { indicator_id: "x", year: 2023, level: "zone", system_code: "A", area_code: "Z1", stratum: "total", stratum_value: "all", numerator: 30, denominator: 200, sum_squares: 30 * 30 };
    const def = parsed(input(name));
    if (spec.cells.from !== "counts") {
      expect(() => withStatistics(cell, def)).toThrow(`statistic ${name} is not computed from cells`);
      return;
    }
    const c = withStatistics(cell, def);
    expect(c.statistic).toBe(name);
    expect(c.value).toBe(spec.cells.limits(cell, def, def.unit === "percent" ? 100 : def.unit === "per-100000" ? 100_000 : 1).value);
    expect(c.lower95).toBeLessThan(c.value);
    expect(c.upper95).toBeGreaterThan(c.value);
    expect(c.lower998).toBeLessThan(c.lower95);
  });
});
