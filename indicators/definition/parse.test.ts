import { describe, expect, it } from "vitest";
import { parseDefinition } from "./load.ts";

/** A small valid definition; each broken case changes a few lines of it (line numbers on the right). */
const BASE = [
  "id: breast-cancer-screening", // 1
  "version: 1", // 2
  "aim: population-health", // 3
  "type: process", // 4
  "title: { fr: Dépistage du cancer du sein, nl: Borstkankerscreening, de: Brustkrebs-Früherkennung, en: Breast-cancer screening }", // 5
  "short-description:", // 6
  "  fr: Femmes de 50 à 69 ans dépistées.", // 7
  "  nl: Gescreende vrouwen van 50 tot 69 jaar.", // 8
  "  de: Untersuchte Frauen von 50 bis 69 Jahren.", // 9
  "  en: Screened women aged 50 to 69.", // 10
  "definition: { fr: Femmes de 50 à 69 ans ayant eu une mammographie en deux ans., nl: Vrouwen van 50 tot 69 jaar met een mammografie in twee jaar., de: Frauen von 50 bis 69 Jahren mit einer Mammographie in zwei Jahren., en: Women aged 50–69 with a mammography in two years. }", // 11
  "rationale: { fr: Le dépistage réduit la mortalité., nl: Screening verlaagt de sterfte., de: Früherkennung senkt die Sterblichkeit., en: Screening lowers mortality. }", // 12
  "numerator-text: { fr: Femmes ayant eu une mammographie., nl: Vrouwen met een mammografie., de: Frauen mit einer Mammographie., en: Women with a mammography. }", // 13
  "denominator-text: { fr: Femmes de 50 à 69 ans., nl: Vrouwen van 50 tot 69 jaar., de: Frauen von 50 bis 69 Jahren., en: Women aged 50–69. }", // 14
  "source: { fr: AIM., nl: IMA., de: IMA-AIM (Intermutualistische Agentur)., en: IMA-AIM. }", // 15
  "unit: percent", // 16
  "polarity: high-is-good", // 17
  "statistic: proportion", // 18
  "population:", // 19
  "  sex: F", // 20
  "  age: [50, 69]", // 21
  "numerator:", // 22
  "  kind: events", // 23
  "  source: health_service", // 24
  "  codes:", // 25
  '    nomenclature: ["990210", "990220"]', // 26
  "  window-years: 2", // 27
];
const FILE = "population-health/breast-cancer-screening.yaml";

/** The base with lines replaced (1-based; an empty list deletes the line). */
function edit(changes: Record<number, string | string[]>, extra: string[] = []): string {
  const lines = BASE.flatMap((line, i) => {
    const change = changes[i + 1];
    return change === undefined ? [line] : Array.isArray(change) ? change : [change];
  });
  return [...lines, ...extra].join("\n") + "\n";
}
const PHARMACY = { 24: "  source: pharmacy_delivery", 25: "  codes:", 26: "    atc: [J07BB, X99, a10ba02]", 27: [] };
const MEDICINES = { 23: "  kind: medicines", 24: "  min-dd-per-medicine: 80", 25: "  min-distinct: 5", 26: [], 27: [] };

interface Case {
  name: string;
  text: string;
  file?: string;
  path: string;
  line: number;
  column: number;
  message: RegExp;
  suggestion?: string;
}

const CASES: Case[] = [
  {
    name: "misspelt key in the numerator",
    text: edit(MEDICINES),
    path: "numerator.min-dd-per-medicine",
    line: 24,
    column: 3,
    message: /unknown key `min-dd-per-medicine`: did you mean `min-ddd-per-medicine`\?/,
    suggestion: "min-ddd-per-medicine",
  },
  { name: "misspelt key in events", text: edit({ 27: "  window-year: 2" }), path: "numerator.window-year", line: 27, column: 3, message: /did you mean `window-years`/, suggestion: "window-years" },
  {
    name: "misspelt top-level key",
    text: edit({ 17: "polarty: high-is-good" }),
    path: "polarty",
    line: 17,
    column: 1,
    message: /unknown key `polarty`: did you mean `polarity`/,
    suggestion: "polarity",
  },
  {
    name: "missing key after a misspelling",
    text: edit({ 17: "polarty: high-is-good" }),
    path: "polarity",
    line: 1,
    column: 1,
    message: /`polarity` is missing: one of high-is-good, low-is-good, no-judgement/,
  },
  { name: "unknown top-level key", text: edit({}, ["colour: blue"]), path: "colour", line: 28, column: 1, message: /unknown key `colour`$/ },
  {
    name: "unknown key in a population",
    text: edit({ 20: "  gender: F" }),
    path: "population.gender",
    line: 20,
    column: 3,
    message: /unknown key `gender` \(allowed here: age, sex, bim, gmd, chronic, alive-on-31-december\)/,
  },
  {
    name: "wrong enum value",
    text: edit({ 16: "unit: procent" }),
    path: "unit",
    line: 16,
    column: 7,
    message: /"procent" is not allowed for `unit`: use one of percent, .*did you mean `percent`\?/,
    suggestion: "percent",
  },
  { name: "wrong sex", text: edit({ 20: "  sex: W" }), path: "population.sex", line: 20, column: 8, message: /"W" is not allowed for `sex`: use one of M, F/ },
  {
    name: "unknown numerator kind",
    text: edit({ 23: "  kind: event" }),
    path: "numerator.kind",
    line: 23,
    column: 9,
    message: /"event" is not a kind: use one of events, medicines, .*did you mean `events`/,
    suggestion: "events",
  },
  {
    name: "missing numerator kind",
    text: edit({ 23: [] }),
    path: "numerator.kind",
    line: 22,
    column: 1,
    message: /`kind` is missing: one of events, medicines, status, deaths, spending, readmissions/,
  },
  { name: "missing translation in a block", text: edit({ 9: [] }), path: "short-description.de", line: 6, column: 1, message: /the German \(de\) text is missing/ },
  {
    name: "missing translation in a flow mapping",
    text: edit({ 5: "title: { fr: Dépistage, en: Breast-cancer screening, de: Brustkrebs }" }),
    path: "title.nl",
    line: 5,
    column: 1,
    message: /the Dutch \(nl\) text is missing/,
  },
  // Every user-facing text needs the four languages, not only the title (issue #17).
  {
    name: "missing translation in a longer text",
    text: edit({ 15: "source: { fr: AIM., nl: IMA., en: IMA-AIM. }" }),
    path: "source.de",
    line: 15,
    column: 1,
    message: /the German \(de\) text is missing/,
  },
  { name: "caveats in English only", text: edit({}, ["caveats:", "  en: Private mammographies are not seen."]), path: "caveats.fr", line: 28, column: 1, message: /the French \(fr\) text is missing/ },
  {
    name: "target label in English only",
    text: edit({}, ["targets: [{ value: 70, label: { en: European guidelines } }]"]),
    path: "targets[0].label.nl",
    line: 28,
    column: 24,
    message: /the Dutch \(nl\) text is missing/,
  },
  { name: "empty translation", text: edit({ 10: '  en: ""' }), path: "short-description.en", line: 10, column: 7, message: /the text is empty/ },
  {
    name: "bad ATC group",
    text: edit({ 18: "statistic: proportion", ...PHARMACY }),
    path: "numerator.codes.atc[1]",
    line: 26,
    column: 18,
    message: /`X99` does not start with an ATC anatomical group/,
  },
  { name: "ATC in lower case", text: edit(PHARMACY), path: "numerator.codes.atc[2]", line: 26, column: 23, message: /write ATC codes in capitals without spaces: `A10BA02`/ },
  {
    name: "ICD-10 without its dot",
    text: edit({ 24: "  source: hospital_stay", 25: "  codes: { icd10: [J44, E119] }", 26: [], 27: "  count: persons" }),
    path: "numerator.codes.icd10[1]",
    line: 25,
    column: 25,
    message: /`E11\.9`/,
  },
  {
    name: "nomenclature code not quoted",
    text: edit({ 26: "    nomenclature: [990210]" }),
    path: "numerator.codes.nomenclature[0]",
    line: 26,
    column: 20,
    message: /must be a text, not 990210: write it in quotes/,
  },
  { name: "nomenclature code too short", text: edit({ 26: '    nomenclature: ["99021"]' }), path: "numerator.codes.nomenclature[0]", line: 26, column: 20, message: /6 digits/ },
  { name: "code listed twice", text: edit({ 26: '    nomenclature: ["990210", "990210"]' }), path: "numerator.codes.nomenclature[1]", line: 26, column: 30, message: /`990210` is listed twice/ },
  { name: "version as text", text: edit({ 2: 'version: "1"' }), path: "version", line: 2, column: 10, message: /`version` must be a number, not "1"/ },
  { name: "window out of range", text: edit({ 27: "  window-years: 7" }), path: "numerator.window-years", line: 27, column: 17, message: /`window-years` must be at most 5, not 7/ },
  { name: "age range upside down", text: edit({ 21: "  age: [69, 50]" }), path: "population.age", line: 21, column: 3, message: /youngest first/ },
  { name: "age range of one number", text: edit({ 21: "  age: [50]" }), path: "population.age", line: 21, column: 3, message: /must have at least 2 items/ },
  { name: "id not in kebab-case", text: edit({ 1: "id: Breast_Cancer" }), file: "population-health/Breast_Cancer.yaml", path: "id", line: 1, column: 5, message: /kebab-case/ },
  {
    name: "id differs from the file name",
    text: edit({}),
    file: "population-health/mammography.yaml",
    path: "id",
    line: 1,
    column: 5,
    message: /the id `breast-cancer-screening` differs from the file name `mammography\.yaml`/,
  },
  { name: "aim differs from the folder", text: edit({}), file: FILE, path: "aim", line: 3, column: 6, message: /the aim is `population-health` but the file is in the folder `value`/ },
  { name: "minimum count below the IMA-AIM rule", text: edit({}, ["minimum-count: 3"]), path: "minimum-count", line: 28, column: 16, message: /fewer than 5 persons/ },
  // YAML syntax
  {
    name: "unclosed flow sequence",
    text: edit({ 21: "  age: [50, 69", 22: "numerator: { kind: deaths }", 23: [], 24: [], 25: [], 26: [], 27: [] }),
    path: "",
    line: 22,
    column: 1,
    message: /^YAML syntax: .*Flow sequence/,
  },
  { name: "duplicate key", text: edit({}, ["unit: ratio"]), path: "", line: 28, column: 1, message: /^YAML syntax: Map keys must be unique/ },
  { name: "tab indentation", text: edit({ 20: "\tsex: F" }), path: "", line: 20, column: 1, message: /^YAML syntax: .*[Tt]ab/ },
  { name: "unclosed quote", text: edit({ 10: '  en: "Screened women' }), path: "", line: 10, column: 22, message: /^YAML syntax: .*quote/ },
  { name: "empty file", text: "# nothing yet\n", path: "", line: 1, column: 1, message: /the file is empty/ },
  { name: "a list instead of a mapping", text: "- id: x\n", path: "", line: 1, column: 1, message: /must be a mapping of keys to values/ },
  // Cross-field rules
  {
    name: "crude rate counting persons",
    text: edit({ 16: "unit: per-1000", 18: "statistic: crude-rate" }),
    path: "numerator.count",
    line: 22,
    column: 1,
    message: /statistic `crude-rate` counts events: write `count: events`/,
  },
  {
    name: "percent with a rate",
    text: edit({ 18: "statistic: crude-rate" }, ["  count: events"]),
    path: "unit",
    line: 16,
    column: 7,
    message: /statistic `crude-rate` is given in `per-1000`, `per-10000` or `per-100000`, not in `percent`/,
  },
  { name: "proportion counting events", text: edit({}, ["  count: events"]), path: "numerator.count", line: 28, column: 10, message: /a proportion counts each person once/ },
  {
    name: "proportion of deaths",
    text: edit({ 23: "  kind: deaths", 24: [], 25: [], 26: [], 27: [] }),
    path: "statistic",
    line: 18,
    column: 12,
    message: /a `deaths` numerator goes with statistic `crude-rate`, `directly-standardised-rate` or `indirectly-standardised-ratio`, not `proportion`/,
  },
  {
    name: "codes of another table",
    text: edit({ 24: "  source: pharmacy_delivery" }),
    path: "numerator.codes.nomenclature",
    line: 26,
    column: 5,
    message: /pharmacy_delivery events are selected by `atc` codes, not `nomenclature`: did you mean `atc`\?/,
  },
  {
    name: "filter of another table",
    text: edit({}, ["  filters: { stay-type: day }"]),
    path: "numerator.filters.stay-type",
    line: 28,
    column: 25,
    message: /`stay-type` filters hospital_stay events only, not health_service/,
  },
  {
    name: "person-based statistic without a population",
    text: edit({ 19: [], 20: [], 21: [] }),
    path: "population",
    line: 1,
    column: 1,
    message: /statistic `proportion` needs `population`: who is counted in the denominator/,
  },
  {
    name: "zone mean without a zone value",
    text: edit({ 16: "unit: score", 18: "statistic: zone-mean" }),
    path: "zone-value",
    line: 1,
    column: 1,
    message: /statistic `zone-mean` needs `zone-value`/,
  },
  {
    name: "zone mean with a population",
    text: edit({ 16: "unit: score", 18: "statistic: zone-mean" }),
    path: "population",
    line: 19,
    column: 1,
    message: /`population` is not used by statistic `zone-mean` \(which uses `zone-value`\): remove it/,
  },
  {
    name: "misspelt zone column",
    text: edit({
      16: "unit: score",
      18: "statistic: zone-mean",
      19: "zone-value: { source: zone_prem, survey: P3CEQ, value: score_man }",
      20: [],
      21: [],
      22: [],
      23: [],
      24: [],
      25: [],
      26: [],
      27: [],
    }),
    path: "zone-value.value",
    line: 19,
    column: 56,
    message: /`score_man` is not a column of zone_prem .*did you mean `score_mean`\?/,
    suggestion: "score_mean",
  },
  {
    name: "survey scores without a survey",
    text: edit({ 16: "unit: score", 18: "statistic: zone-mean", 19: "zone-value: { source: zone_workforce, value: wellbeing_mean }", 20: [], 21: [], 22: [], 23: [], 24: [], 25: [], 26: [], 27: [] }),
    path: "zone-value.survey",
    line: 19,
    column: 1,
    message: /name the survey \(`be.well.pro` or `other`\)/,
  },
  {
    name: "ratio of measures without ratio-of",
    text: edit({ 16: "unit: ratio", 18: "statistic: ratio-of-measures", 19: [], 20: [], 21: [], 22: [], 23: [], 24: [], 25: [], 26: [], 27: [] }),
    path: "ratio-of",
    line: 1,
    column: 1,
    message: /needs `ratio-of`: the two indicators to divide/,
  },
  {
    name: "breakdown by sex of women only",
    text: edit({}, ["strata: [sex, bim]"]),
    path: "strata[0]",
    line: 28,
    column: 10,
    message: /the population holds only women: a breakdown by sex would have one group/,
  },
  {
    name: "standardised rate on odd age bands",
    text: edit({ 16: "unit: per-100000", 18: "statistic: directly-standardised-rate", 21: "  age: [50, 70]", 23: "  kind: deaths", 24: [], 25: [], 26: [], 27: [] }),
    path: "population.age",
    line: 21,
    column: 3,
    message: /European Standard Population/,
  },
  {
    name: "deaths among the living",
    text: edit({ 16: "unit: per-1000", 18: "statistic: crude-rate", 21: "  alive-on-31-december: true", 23: "  kind: deaths", 24: [], 25: [], 26: [], 27: [] }),
    path: "population.alive-on-31-december",
    line: 21,
    column: 25,
    message: /no death could be counted/,
  },
  {
    name: "status fixed by the population",
    text: edit({ 20: "  bim: true", 23: "  kind: status", 24: "  field: bim", 25: [], 26: [], 27: [] }),
    path: "numerator.field",
    line: 24,
    column: 10,
    message: /already keeps only persons with bim = true: the indicator would always be 100%/,
  },
  {
    name: "spending in percent",
    text: edit({ 18: "statistic: mean-per-person", 23: "  kind: spending", 24: "  sources: [health_service]", 25: [], 26: [], 27: [] }),
    path: "unit",
    line: 16,
    column: 7,
    message: /is given in `euro` or `ratio`, not in `percent`/,
  },
  { name: "sql with a numerator", text: edit({}, ["sql: SELECT 1"]), path: "numerator", line: 22, column: 1, message: /`numerator` cannot be combined with `sql`/ },
  { name: "sql without methods", text: edit({}, ["sql: SELECT 1"]), path: "methods", line: 1, column: 1, message: /must explain the query in words in `methods`/ },
  {
    name: "staff counted without saying so",
    text: edit({
      16: "unit: per-10000",
      18: "statistic: crude-rate",
      19: "zone-value: { source: zone_supply, value: gp_count, per-population: true }",
      20: [],
      21: [],
      22: [],
      23: [],
      24: [],
      25: [],
      26: [],
      27: [],
    }),
    path: "counts",
    line: 1,
    column: 1,
    message: /write `counts: professionals`/,
  },
  { name: "a count of persons declared professionals", text: edit({}, ["counts: professionals"]), path: "counts", line: 28, column: 9, message: /only zone supply .* counts professionals/ },
  // Custom age bands (issue 16): the base population is women aged 50–69.
  {
    name: "age bands with a gap",
    text: edit({}, ["age-bands: [[50, 59], [61, 69]]"]),
    path: "age-bands[1][0]",
    line: 28,
    column: 24,
    message: /bands must be contiguous: age 60 is in no band \(start this one at 60\)/,
  },
  { name: "overlapping age bands", text: edit({}, ["age-bands: [[50, 59], [55, 69]]"]), path: "age-bands[1][0]", line: 28, column: 24, message: /band \[55, 69\] overlaps band \[50, 59\]/ },
  {
    name: "age bands starting late",
    text: edit({}, ["age-bands: [[55, 59], [60, 69]]"]),
    path: "age-bands[0][0]",
    line: 28,
    column: 14,
    message: /must start at 50 \(the population's youngest age\) or 0/,
  },
  {
    name: "age bands ending early",
    text: edit({}, ["age-bands: [[50, 59], [60, 64]]"]),
    path: "age-bands[1][1]",
    line: 28,
    column: 28,
    message: /must be open \(write 120: no upper limit\) or end at 69/,
  },
  { name: "open age band not last", text: edit({}, ["age-bands: [[50, 120], [60, 69]]"]), path: "age-bands[0][1]", line: 28, column: 18, message: /is open .* so it must be the last one/ },
  { name: "one age band", text: edit({}, ["age-bands: [[50, 69]]"]), path: "age-bands", line: 28, column: 1, message: /list at least two bands/ },
  { name: "age band upside down", text: edit({}, ["age-bands: [[50, 59], [69, 60]]"]), path: "age-bands[1]", line: 28, column: 23, message: /youngest first: \[60, 69\]/ },
  {
    name: "age band above the population",
    text: edit({}, ["age-bands: [[50, 69], [70, 120]]"]),
    path: "age-bands[1]",
    line: 28,
    column: 23,
    message: /band \[70, 120\] lies above the population's ages \(50–69\)/,
  },
  {
    name: "age bands without the age breakdown",
    text: edit({}, ["strata: [bim]", "age-bands: [[50, 59], [60, 69]]"]),
    path: "age-bands",
    line: 29,
    column: 1,
    message: /`strata` does not list `age-band`/,
  },
  {
    name: "age bands on a standardised rate",
    text: edit({ 16: "unit: per-100000", 18: "statistic: directly-standardised-rate", 21: "  age: [50, 69]", 23: "  kind: deaths", 24: [], 25: [], 26: [], 27: [] }, [
      "age-bands: [[50, 59], [60, 69]]",
    ]),
    path: "age-bands",
    line: 24,
    column: 1,
    message: /European Standard Population 2013/,
  },
  {
    name: "target above 100 percent",
    text: edit({}, ["targets: [{ value: 120, label: { fr: Trop, nl: Te veel, de: Zu viel, en: Too much } }]"]),
    path: "targets[0].value",
    line: 28,
    column: 20,
    message: /between 0 and 100/,
  },
];

describe("parseDefinition: a catalogue of broken definitions", () => {
  it("accepts the base definition", () => {
    const result = parseDefinition(edit({}), FILE, { folder: "population-health" });
    expect(result.problems).toEqual([]);
    expect(result.definition?.strata).toEqual(["age-band", "bim"]);
    expect(result.definition?.["minimum-count"]).toBe(5);
    expect(result.definition?.numerator).toMatchObject({ kind: "events", count: "persons", "window-years": 2 });
  });

  it.each(CASES)("$name", (c) => {
    const folder = c.name === "aim differs from the folder" ? "value" : "population-health";
    const result = parseDefinition(c.text, c.file ?? FILE, { folder });
    expect(result.definition).toBeUndefined();
    const found = result.problems.find((p) => p.path === c.path && c.message.test(p.message));
    expect(found, JSON.stringify(result.problems, null, 1)).toBeDefined();
    expect(found).toMatchObject({ file: c.file ?? FILE, line: c.line, column: c.column });
    if (c.suggestion) expect(found?.suggestion).toBe(c.suggestion);
  });

  it("accepts a definition's own age bands, open or ending at the population's oldest age", () => {
    for (const bands of ["[[50, 59], [60, 69]]", "[[50, 64], [65, 120]]", "[[0, 59], [60, 69]]"]) {
      const result = parseDefinition(edit({}, [`age-bands: ${bands}`]), FILE, { folder: "population-health" });
      expect(result.problems).toEqual([]);
      expect(result.definition?.["age-bands"]).toEqual(JSON.parse(bands));
    }
  });

  it("reports every problem of a file, in line order", () => {
    const result = parseDefinition(edit({ 16: "unit: procent", 20: "  gender: F", 26: "    nomenclature: [990210]" }), FILE);
    expect(result.problems.map((p) => [p.line, p.path])).toEqual([
      [16, "unit"],
      [20, "population.gender"],
      [26, "numerator.codes.nomenclature[0]"],
    ]);
  });

  it("locates paths for later checks, e.g. of `sql`", () => {
    const result = parseDefinition(edit({}), FILE);
    expect(result.locate(["numerator", "codes", "nomenclature", 1])).toEqual({ line: 26, column: 30 });
    expect(result.locate(["numerator", "count"])).toEqual({ line: 22, column: 1 });
  });
});
