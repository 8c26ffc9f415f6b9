/**
 * The words an indicator definition may use: code formats and the warehouse's own values.
 * They are written out here (not derived from `contract/`) so that zod infers literal
 * types; `vocabulary.test.ts` checks that they still match the extract contract.
 */

export const AIMS = ["experience", "population-health", "value", "workforce", "equity"] as const;
export { LANGUAGES, type Language } from "../../core/languages.ts";
/** Ages are years completed at the end of the year (year − birth year); 120 means no upper limit. */
export const MAX_AGE = 120;

/** Values of health_service.setting and health_service.provider_category. */
export const SETTINGS = ["ambulatory", "home", "emergency", "hospital", "residential"] as const;
export const PROVIDER_CATEGORIES = ["gp", "specialist", "nurse", "physiotherapist", "dentist", "midwife", "pharmacist", "hospital", "other"] as const;
export const STAY_TYPES = ["classic", "day"] as const;

export const EVENT_SOURCES = ["health_service", "pharmacy_delivery", "hospital_stay"] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

/** Which code list each event table can be filtered on (its one code column). */
export const CODE_LIST_OF_SOURCE = {
  health_service: "nomenclature",
  pharmacy_delivery: "atc",
  hospital_stay: "icd10",
} as const satisfies Record<EventSource, string>;

/** Which event table each filter applies to. */
export const SOURCE_OF_FILTER = {
  setting: "health_service",
  "provider-category": "health_service",
  "stay-type": "hospital_stay",
  emergency: "hospital_stay",
} as const satisfies Record<string, EventSource>;

/**
 * Zone aggregates: the columns that may be averaged or summed (`value`), the column that
 * weights a mean (`weight`), and the surveys a row may come from. A zone may hold several
 * surveys in one year (the key is year + zone + survey), so survey sources need one named.
 */
export const ZONE_SOURCE_NAMES = ["zone_prem", "zone_workforce", "zone_supply"] as const;
export type ZoneSource = (typeof ZONE_SOURCE_NAMES)[number];
export const ZONE_SOURCES = {
  zone_prem: { values: ["score_mean"], weights: ["respondents"], surveys: ["P3CEQ", "PaRIS", "other"] },
  zone_workforce: { values: ["wellbeing_mean"], weights: ["respondents"], surveys: ["be.well.pro", "other"] },
  zone_supply: { values: ["gp_count", "gp_fte", "case_manager_count"], weights: [], surveys: [] },
} as const satisfies Record<ZoneSource, { values: readonly string[]; weights: readonly string[]; surveys: readonly string[] }>;

/** INAMI/RIZIV nomenclature code: 6 digits (the synthetic sample uses fictional 99xxxx codes). */
export const NOMENCLATURE_CODE = /^\d{6}$/;

/** WHO ATC anatomical main groups: the only letters an ATC code may start with. */
export const ATC_GROUPS = "ABCDGHJLMNPRSV";

/**
 * A full ATC code or one of its levels, used as a prefix: A10, A10B, A10BA, A10BA02.
 * The one-letter level (A) is refused: a whole anatomical group is never what is meant.
 */
export const ATC_PREFIX = /^[A-Z]\d{2}([A-Z]([A-Z](\d{2})?)?)?$/;

/** ICD-10 category (J44) or subcategory written with its dot (E11.9), used as a prefix. */
export const ICD10_PREFIX = /^[A-Z]\d{2}(\.[0-9A-Z]{1,4})?$/;

/** Why an ATC value is wrong, in words, or undefined when it is a valid prefix. */
export function atcProblem(value: string): string | undefined {
  if (ATC_PREFIX.test(value)) {
    return ATC_GROUPS.includes(value[0] as string) ? undefined : `\`${value}\` does not start with an ATC anatomical group (one of ${[...ATC_GROUPS].join(", ")})`;
  }
  if (ATC_PREFIX.test(value.trim().toUpperCase())) return `write ATC codes in capitals without spaces: \`${value.trim().toUpperCase()}\``;
  return `\`${value}\` is not an ATC code or prefix: a letter, 2 digits, then optionally a letter, a letter and 2 digits (A10, A10B, A10BA, A10BA02)`;
}

/** Why an ICD-10 value is wrong, in words, or undefined when it is a valid prefix. */
export function icd10Problem(value: string): string | undefined {
  if (ICD10_PREFIX.test(value)) return undefined;
  const dotted = /^([A-Z]\d{2})([0-9A-Z]{1,4})$/.exec(value.trim().toUpperCase());
  if (dotted) return `write ICD-10 subcategories with a dot: \`${dotted[1]}.${dotted[2]}\``;
  return `\`${value}\` is not an ICD-10 code or category: a letter and 2 digits, optionally a dot and up to 4 characters (J44, E11.9)`;
}
