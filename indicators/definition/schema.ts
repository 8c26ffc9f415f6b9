/**
 * The format of an indicator definition: one YAML file per indicator, under
 * `indicators/definitions/<aim>/<id>.yaml`. Keys keep their YAML (kebab-case) spelling in the
 * TypeScript types too, so that a problem's path, the documentation and the code all name a
 * field the same way. Every object is strict: an unknown key is an error, never ignored.
 * The rules that tie fields together are in `rules.ts`; the defaults that depend on other
 * fields are applied last, in `withDefaults`.
 */
import { z } from "zod";
import { checkDefinition, isZoneLevel } from "./rules.ts";
import { STATISTICS, statisticOf } from "../statistics/index.ts";
import { SUB_ANNUAL } from "./sub-annual.ts";
import { AIMS, EVENT_SOURCES, MAX_AGE, NOMENCLATURE_CODE, PROVIDER_CATEGORIES, SETTINGS, STAY_TYPES, ZONE_SOURCE_NAMES, atcProblem, icd10Problem } from "./vocabulary.ts";

/** One spec per statistic, in indicators/statistics/: the enum is their names. */
export { STATISTICS };
export const UNITS = ["percent", "per-1000", "per-10000", "per-100000", "euro", "score", "ratio"] as const;
export const POLARITIES = ["high-is-good", "low-is-good", "no-judgement"] as const;
export const STRATA = ["sex", "age-band", "bim"] as const;
export const NUMERATOR_KINDS = ["events", "medicines", "status", "deaths", "spending", "readmissions"] as const;

/** IMA-AIM publishes no cell built from the full population that counts fewer than 5 persons. */
export const SMALLEST_MINIMUM_COUNT = 5;

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const id = z.string().regex(ID, { error: "an id is written in kebab-case: lower-case letters and digits joined by single dashes (breast-cancer-screening)" });

/** A list whose items must be distinct: a repeated item is reported where it repeats. */
function list<T extends z.ZodType>(item: T) {
  return z.array(item).superRefine((items, ctx) => {
    items.forEach((value, i) => {
      if (items.indexOf(value) !== i) ctx.addIssue({ code: "custom", path: [i], message: `\`${String(value)}\` is listed twice` });
    });
  });
}
const codeList = <T extends z.ZodType>(item: T) => list(item).min(1, { error: "list at least one code, or leave the list out" });

const text = z.string().trim().min(1, { error: "the text is empty" });
/**
 * Every text a user reads is shown in the dashboard's four languages, so all four are required:
 * an English fallback put English sources and caveats in front of French, Dutch and German readers.
 */
const inAllLanguages = z.strictObject({ fr: text, nl: text, de: text, en: text });

const age = z.int().min(0).max(MAX_AGE);
export const populationSchema = z.strictObject({
  /** [youngest, oldest], inclusive; age = year − birth year. */
  age: z
    .tuple([age, age])
    .refine(([min, max]) => min <= max, { error: "write the age range youngest first: [min, max]" })
    .optional(),
  sex: z.enum(["M", "F"]).optional(),
  bim: z.boolean().optional(),
  gmd: z.boolean().optional(),
  chronic: z.boolean().optional(),
  /** Leave out persons who died during the year (by default everyone insured in the year counts). */
  "alive-on-31-december": z.boolean().optional(),
});

const nomenclatureCode = z.string().regex(NOMENCLATURE_CODE, { error: 'a nomenclature code is 6 digits, in quotes: "990210"' });
const atcCode = z.string().superRefine((v, ctx) => {
  const problem = atcProblem(v);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
const icd10Code = z.string().superRefine((v, ctx) => {
  const problem = icd10Problem(v);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

const eventsNumerator = z.strictObject({
  kind: z.literal("events"),
  source: z.enum(EVENT_SOURCES),
  /** Codes are prefixes (J07BB matches J07BB02); each list filters its own table only. */
  codes: z.strictObject({ nomenclature: codeList(nomenclatureCode).optional(), atc: codeList(atcCode).optional(), icd10: codeList(icd10Code).optional() }).optional(),
  filters: z
    .strictObject({
      setting: list(z.enum(SETTINGS)).min(1).optional(),
      "provider-category": list(z.enum(PROVIDER_CATEGORIES)).min(1).optional(),
      "stay-type": z.enum(STAY_TYPES).optional(),
      emergency: z.boolean().optional(),
    })
    .optional(),
  /** Look-back window in years, the indicator's year included (2: this year and the one before). */
  "window-years": z.int().min(1).max(5).default(1),
  /** persons: a person counts once with at least `min-events` events; events: every event counts. */
  count: z.enum(["persons", "events"]).default("persons"),
  "min-events": z.int().min(1).optional(),
});

const medicinesNumerator = z.strictObject({
  kind: z.literal("medicines"),
  atc: codeList(atcCode).optional(),
  /** A medicine (a full ATC code) counts when its DDD delivered in the year reach this. */
  "min-ddd-per-medicine": z.number().positive().optional(),
  /** A person counts with at least this many distinct medicines reaching the threshold. */
  "min-distinct": z.int().min(1).optional(),
  /** Instead of persons: the share of DDD delivered as cheaper medicines. */
  "cheaper-share": z.boolean().optional(),
});

const statusNumerator = z.strictObject({ kind: z.literal("status"), field: z.enum(["bim", "gmd", "chronic"]) });
const deathsNumerator = z.strictObject({ kind: z.literal("deaths"), "max-age": z.int().min(0).max(MAX_AGE).optional() });
const spendingNumerator = z.strictObject({ kind: z.literal("spending"), sources: list(z.enum(EVENT_SOURCES)).min(1) });
const readmissionsNumerator = z.strictObject({ kind: z.literal("readmissions"), "within-days": z.int().min(1).max(365) });

export const numeratorSchema = z.discriminatedUnion("kind", [eventsNumerator, medicinesNumerator, statusNumerator, deathsNumerator, spendingNumerator, readmissionsNumerator]);

/** Columns are checked against the source in `rules.ts`, with a suggestion. */
export const zoneValueSchema = z.strictObject({
  source: z.enum(ZONE_SOURCE_NAMES),
  value: z.string(),
  weight: z.string().optional(),
  survey: z.string().optional(),
  /** Divide the zone's value by its population (supply per inhabitants) instead of averaging. */
  "per-population": z.boolean().optional(),
});

const target = z.strictObject({ value: z.number(), label: inAllLanguages });

export const baseSchema = z.strictObject({
  id,
  version: z.int().min(1),
  aim: z.enum(AIMS),
  type: z.enum(["process", "outcome"]),
  title: inAllLanguages,
  "short-description": inAllLanguages,
  definition: inAllLanguages,
  rationale: inAllLanguages,
  "numerator-text": inAllLanguages,
  "denominator-text": inAllLanguages,
  source: inAllLanguages,
  caveats: inAllLanguages.optional(),
  methods: inAllLanguages.optional(),
  unit: z.enum(UNITS),
  polarity: z.enum(POLARITIES),
  targets: z.array(target).min(1).optional(),
  statistic: z.enum(STATISTICS),
  population: populationSchema.optional(),
  numerator: numeratorSchema.optional(),
  "zone-value": zoneValueSchema.optional(),
  "ratio-of": z.strictObject({ numerator: id, denominator: id }).optional(),
  /** Breakdowns computed besides the total; `[]` for none. Default: see `withDefaults`. */
  strata: list(z.enum(STRATA)).optional(),
  /**
   * The bands of the `age-band` breakdown, instead of 0–17, 18–44, 45–64, 65–74, 75+:
   * `[[0, 11], [12, 17], [18, 120]]`, 120 for an open last band (age-bands.ts; rules.ts checks them).
   */
  "age-bands": z.array(z.tuple([age, age])).optional(),
  /** Indirect standardisation only: whose age × sex rates give the expected count (default Belgium). */
  standard: z.enum(["belgium", "region"]).optional(),
  "minimum-count": z
    .int()
    .min(SMALLEST_MINIMUM_COUNT, { error: `IMA-AIM publishes no cell of fewer than ${SMALLEST_MINIMUM_COUNT} persons: the minimum count cannot be lower` })
    .default(SMALLEST_MINIMUM_COUNT),
  /**
   * What the numerator counts. `professionals` (staff of a zone: headcount, FTE): not persons
   * about whom the release could disclose something, so exempt from the minimum count and
   * listed as such in the release manifest. Required for zone supply per inhabitant.
   */
  counts: z.enum(["persons", "professionals"]).optional(),
  /** Values per quarter or month besides the year's (sub-annual.ts; a crude rate of dated events only). */
  "sub-annual": z.enum(SUB_ANNUAL).optional(),
  /** Escape hatch: a hand-written query replaces population/numerator (checked elsewhere). */
  sql: z.string().trim().min(1).optional(),
});

export type CheckedDefinition = z.output<typeof baseSchema>;
export type Stratum = (typeof STRATA)[number];

/** Default strata: all three, less those the statistic cannot have or the population fixes. */
export function withDefaults(def: CheckedDefinition): CheckedDefinition & { strata: Stratum[] } {
  if (def.strata) return { ...def, strata: def.strata };
  if (isZoneLevel(def)) return { ...def, strata: [] };
  const fixed = new Set<Stratum>();
  if (def.population?.sex) fixed.add("sex");
  if (def.population?.bim !== undefined) fixed.add("bim");
  // Some statistics have only some strata (an indirectly standardised ratio: sex).
  const only = statisticOf(def.statistic).validation.strata?.only ?? STRATA;
  return { ...def, strata: STRATA.filter((s) => only.includes(s) && !fixed.has(s)) };
}

export const definitionSchema = baseSchema.superRefine(checkDefinition).transform(withDefaults);

/** A valid definition, defaults applied. */
export type Definition = z.output<typeof definitionSchema>;
/** What an analyst may write. */
export type DefinitionInput = z.input<typeof definitionSchema>;
export type Population = z.output<typeof populationSchema>;
export type Numerator = z.output<typeof numeratorSchema>;
export type ZoneValue = z.output<typeof zoneValueSchema>;
export type Statistic = (typeof STATISTICS)[number];
export type Unit = (typeof UNITS)[number];
export type Polarity = (typeof POLARITIES)[number];
export type Aim = (typeof AIMS)[number];
