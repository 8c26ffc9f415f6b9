/**
 * Rules that tie the fields of a definition together, checked once every field is valid on
 * its own. The statistic decides what the numbers are made of:
 * - person-based statistics (proportion, crude-rate, directly-standardised-rate,
 *   indirectly-standardised-ratio, mean-per-person) need `population` (the denominator, even
 *   `{}` for everyone insured: the denominator is always stated) and `numerator`;
 * - a crude-rate may instead divide a zone figure by the population (`zone-value` with
 *   `per-population: true`: GPs per 10,000 inhabitants);
 * - zone-mean needs `zone-value` (survey scores), ratio-of-measures needs `ratio-of`;
 * - `sql` replaces all of those, and must then be explained in `methods`; its rows are
 *   counts summed to every area (indicators/compute/compile-sql.ts), so only a `proportion`
 *   or a `crude-rate` can be computed from it.
 * Each kind of numerator goes with the statistics that make sense for it (persons → proportion,
 * events → rates), and each statistic with its units (percent only for a proportion).
 * What a statistic needs and allows is its spec's (indicators/statistics/); this file applies it.
 */
import type { z } from "zod";
import { closest } from "../../core/suggest.ts";
import type { CheckedDefinition, Numerator, Statistic, Unit, ZoneValue } from "./schema.ts";
import { checkComputable } from "./computable.ts";
import { ageBandProblems } from "./age-bands.ts";
import { BLOCKS, statisticOf, statisticsWhere, type Block } from "../statistics/index.ts";
import { checkSubAnnual } from "./sub-annual.ts";
import { CODE_LIST_OF_SOURCE, MAX_AGE, SOURCE_OF_FILTER, ZONE_SOURCES } from "./vocabulary.ts";

export interface RuleProblem {
  path: (string | number)[];
  message: string;
  suggestion?: string;
}
type Add = (path: (string | number)[], message: string, suggestion?: string) => void;

const unitsOf = (statistic: Statistic): readonly Unit[] => statisticOf(statistic).validation.units;

/** What a hand-written query can compute: counts summed by area (compile-sql.ts). */
export const SQL_STATISTICS: readonly Statistic[] = statisticsWhere((s) => s.validation.fromQuery);

const WHY: Record<Block, string> = {
  population: "who is counted in the denominator (`population: {}` for everyone insured)",
  numerator: "what is counted",
  "zone-value": "the zone figure to use",
  "ratio-of": "the two indicators to divide",
};

const or = (words: readonly string[]): string =>
  words
    .map((w) => `\`${w}\``)
    .join(", ")
    .replace(/, ([^,]*)$/, " or $1");

/** Zone aggregates and ratios of indicators have no person-level breakdown. */
export function isZoneLevel(def: Pick<CheckedDefinition, "statistic" | "zone-value">): boolean {
  return statisticOf(def.statistic).validation.zoneLevel || def["zone-value"] !== undefined;
}

/** For zod's superRefine: the problems become issues at their paths. */
export function checkDefinition(def: CheckedDefinition, ctx: z.RefinementCtx): void {
  for (const p of crossFieldProblems(def)) ctx.addIssue({ code: "custom", path: p.path, message: p.message, params: { suggestion: p.suggestion } });
}

export function crossFieldProblems(def: CheckedDefinition): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const add: Add = (path, message, suggestion) => problems.push({ path, message, suggestion });
  if (!unitsOf(def.statistic).includes(def.unit)) {
    add(["unit"], `statistic \`${def.statistic}\` is given in ${or(unitsOf(def.statistic))}, not in \`${def.unit}\``);
  }
  if (def.sql !== undefined) {
    for (const block of BLOCKS) if (def[block] !== undefined) add([block], `\`${block}\` cannot be combined with \`sql\`: the query computes the figures itself; remove one of them`);
    if (def.methods === undefined) add(["methods"], "a definition computed by `sql` must explain the query in words in `methods`");
    if (!SQL_STATISTICS.includes(def.statistic)) {
      add(["statistic"], `a definition computed by \`sql\` returns counts by residence unit, from which only ${or(SQL_STATISTICS)} can be computed, not \`${def.statistic}\``);
    }
  } else {
    checkBlocks(def, add);
    if (def.numerator && def.population) checkNumerator(def.numerator, def, add);
    if (def["zone-value"]) checkZoneValue(def["zone-value"], def.statistic, def.counts, add);
    if (def.counts === "professionals" && !def["zone-value"]?.["per-population"])
      add(["counts"], "only zone supply (`zone-value` with `per-population`) counts professionals; a count of persons keeps the minimum count");
    const ratio = def["ratio-of"];
    if (ratio && ratio.numerator === ratio.denominator) add(["ratio-of", "denominator"], "the numerator and denominator are the same indicator");
    if (ratio && [ratio.numerator, ratio.denominator].includes(def.id)) add(["ratio-of"], "an indicator cannot be a ratio of itself");
  }
  checkStrata(def, add);
  checkAgeBands(def, add);
  checkCustomAgeBands(def, add);
  checkSubAnnual(def, add);
  checkComputable(def, add);
  def.targets?.forEach((t, i) => {
    const max = def.unit === "percent" || def.unit === "score" ? 100 : Infinity;
    if (t.value < 0 || t.value > max) add(["targets", i, "value"], `a target in ${def.unit} lies between 0 and ${max === 100 ? 100 : "infinity"}`);
  });
  return problems;
}

/** Which of population / numerator / zone-value / ratio-of the statistic needs, and forbids. */
function checkBlocks(def: CheckedDefinition, add: Add): void {
  const needed: readonly Block[] = statisticOf(def.statistic).validation.blocks(def);
  for (const block of BLOCKS) {
    const present = def[block] !== undefined;
    if (needed.includes(block) && !present) add([block], `statistic \`${def.statistic}\` needs \`${block}\`: ${WHY[block]}`);
    if (!needed.includes(block) && present) add([block], `\`${block}\` is not used by statistic \`${def.statistic}\`${needed.length === 1 ? ` (which uses \`${needed[0]}\`)` : ""}: remove it`);
  }
}

function checkNumerator(n: Numerator, def: CheckedDefinition, add: Add): void {
  const allowed = statisticsWhere((s) => s.validation.numeratorKinds.includes(n.kind));
  if (!allowed.includes(def.statistic)) {
    add(["statistic"], `a \`${n.kind}\` numerator goes with statistic ${or(allowed)}, not \`${def.statistic}\``);
    return;
  }
  const population = def.population ?? {};
  switch (n.kind) {
    case "events": {
      const expected = CODE_LIST_OF_SOURCE[n.source];
      for (const list of ["nomenclature", "atc", "icd10"] as const) {
        if (n.codes?.[list] !== undefined && list !== expected) add(["numerator", "codes", list], `${n.source} events are selected by \`${expected}\` codes, not \`${list}\``, expected);
      }
      if (n.codes && Object.keys(n.codes).length === 0) add(["numerator", "codes"], "list at least one code (`nomenclature`, `atc` or `icd10`), or leave `codes` out");
      for (const key of Object.keys(n.filters ?? {}) as (keyof typeof SOURCE_OF_FILTER)[]) {
        if (SOURCE_OF_FILTER[key] !== n.source) add(["numerator", "filters", key], `\`${key}\` filters ${SOURCE_OF_FILTER[key]} events only, not ${n.source}`);
      }
      if (n.count === "events" && n["min-events"] !== undefined) add(["numerator", "min-events"], "`min-events` applies when counting persons (`count: persons`)");
      const { eventCount, eventsUnit } = statisticOf(def.statistic).validation;
      if (eventCount && n.count !== eventCount.count) add(["numerator", "count"], eventCount.refusal);
      if (eventsUnit && def.unit !== eventsUnit.unit) add(["unit"], eventsUnit.refusal);
      break;
    }
    case "medicines":
      if (n["cheaper-share"]) {
        if (def.statistic !== "proportion") add(["statistic"], "the cheaper share is a proportion of DDD: use statistic `proportion`");
        if (def.unit !== "percent") add(["unit"], "the cheaper share is given in `percent`");
        for (const key of ["min-ddd-per-medicine", "min-distinct"] as const) {
          if (n[key] !== undefined) add(["numerator", key], `\`${key}\` selects persons; with \`cheaper-share\` the share is of DDD: remove one of them`);
        }
      }
      break;
    case "status":
      if (population[n.field] !== undefined) {
        add(["numerator", "field"], `the population already keeps only persons with ${n.field} = ${population[n.field]}: the indicator would always be ${population[n.field] ? "100%" : "0"}`);
      }
      break;
    case "deaths":
      if (population["alive-on-31-december"]) add(["population", "alive-on-31-december"], "persons who die during the year are left out of this population: no death could be counted");
      if (n["max-age"] !== undefined && population.age && n["max-age"] < population.age[0]) {
        add(["numerator", "max-age"], `no one in the population (aged ${population.age[0]}–${population.age[1]}) is ${n["max-age"]} or younger`);
      }
      break;
    case "spending":
      if (def.unit !== "euro") add(["unit"], "spending per person is given in `euro`");
      break;
    case "readmissions":
      break;
    default: {
      const unknown: never = n;
      throw new Error(`numerator of unknown kind ${JSON.stringify(unknown)}`);
    }
  }
}

function checkZoneValue(zv: ZoneValue, statistic: Statistic, counts: CheckedDefinition["counts"], add: Add): void {
  const spec = ZONE_SOURCES[zv.source];
  const values: readonly string[] = spec.values;
  const weights: readonly string[] = spec.weights;
  const surveys: readonly string[] = spec.surveys;
  if (!values.includes(zv.value)) add(["zone-value", "value"], `\`${zv.value}\` is not a column of ${zv.source} that can be used here: use ${or(values)}`, closest(zv.value, values));
  if (zv.weight !== undefined && weights.length === 0) add(["zone-value", "weight"], `${zv.source} has no column to weight by: remove \`weight\``);
  else if (zv.weight !== undefined && !weights.includes(zv.weight))
    add(["zone-value", "weight"], `\`${zv.weight}\` is not a weight column of ${zv.source}: use ${or(weights)}`, closest(zv.weight, weights));
  if (zv.survey !== undefined && surveys.length === 0) add(["zone-value", "survey"], `${zv.source} has no survey column: remove \`survey\``);
  else if (zv.survey !== undefined && !surveys.includes(zv.survey)) add(["zone-value", "survey"], `\`${zv.survey}\` is not a survey of ${zv.source}: use ${or(surveys)}`, closest(zv.survey, surveys));
  else if (zv.survey === undefined && surveys.length > 0) add(["zone-value", "survey"], `name the survey (${or(surveys)}): a zone may report several in one year, and their scores must not be mixed`);
  if (zv["per-population"]) {
    if (zv.source !== "zone_supply") add(["zone-value", "per-population"], "survey scores are averaged over zones, not divided by the population: remove `per-population`");
    if (statisticOf(statistic).compile.zoneFigure !== "per-population") add(["statistic"], "a zone figure divided by the population is a `crude-rate`");
    if (zv.weight !== undefined) add(["zone-value", "weight"], "`weight` weights a mean; it has no use with `per-population`");
    if (counts !== "professionals") add(["counts"], "zone supply counts staff, not patients: write `counts: professionals` (exempt from the minimum count, listed in the manifest)");
  } else if (zv.source === "zone_supply") {
    add(["zone-value", "per-population"], "supply counts are compared per inhabitant: write `per-population: true`, with statistic `crude-rate`");
  } else if (statisticOf(statistic).compile.zoneFigure !== "mean") {
    add(["statistic"], "survey scores are averaged over the zone: use statistic `zone-mean`");
  }
}

function checkStrata(def: CheckedDefinition, add: Add): void {
  if (!def.strata) return;
  if (isZoneLevel(def) && def.strata.length > 0) {
    add(["strata"], "zone figures have no breakdown by sex, age band or BIM: remove `strata`");
    return;
  }
  const sex = def.population?.sex;
  const bim = def.population?.bim;
  def.strata.forEach((s, i) => {
    if (s === "sex" && sex) add(["strata", i], `the population holds only ${sex === "F" ? "women" : "men"}: a breakdown by sex would have one group`);
    if (s === "bim" && bim !== undefined) add(["strata", i], `the population holds only persons with bim = ${bim}: a breakdown by BIM would have one group`);
  });
}

/** Direct standardisation weights 5-year bands (European Standard Population 2013, 90+ last). */
function checkAgeBands(def: CheckedDefinition, add: Add): void {
  const age = def.population?.age;
  const refusal = statisticOf(def.statistic).validation.espAgeRange;
  if (refusal === undefined || !age) return;
  const [min, max] = age;
  const endsBand = (max % 5 === 4 && max < 90) || max === MAX_AGE;
  if (min % 5 !== 0 || !endsBand) {
    add(["population", "age"], refusal);
  }
}

/**
 * A definition's own age bands (`age-bands`): only where there is an age-band breakdown to
 * apply them to, and contiguous, without overlap, covering the population's ages (age-bands.ts).
 */
function checkCustomAgeBands(def: CheckedDefinition, add: Add): void {
  const bands = def["age-bands"];
  if (bands === undefined) return;
  const why = (reason: string) => add(["age-bands"], `\`age-bands\` has no use here: ${reason}; remove it`);
  if (def.sql !== undefined) return why("a hand-written query returns the standard bands (0-17, 18-44, 45-64, 65-74, 75+) in its `age_band` column");
  if (isZoneLevel(def)) return why("zone figures have no breakdown by age");
  const refusal = statisticOf(def.statistic).validation.ageBandsRefusal;
  if (refusal !== undefined) return why(refusal);
  if (def.strata !== undefined && !def.strata.includes("age-band")) return why("`strata` does not list `age-band`: add it, or remove `age-bands`");
  for (const p of ageBandProblems(bands, def.population?.age)) add(["age-bands", ...p.path], p.message);
}
