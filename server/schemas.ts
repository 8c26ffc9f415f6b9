// Zod pieces shared by the routes: parameter parsers with messages a user can act on, and the
// shapes of areas and errors. Query strings arrive as text; lists are comma-separated.
import { z } from "zod";
import { API_ERROR_CODES } from "../core/error-codes.ts";
import { LANGS, LEVELS } from "./catalog.ts";
import { AREA_TABLE, STRATA, SUB_ANNUAL_PERIODS } from "../release/format.ts";

export const ErrorSchema = z
  .object({
    error: z.string().describe("HTTP status text"),
    message: z.string().describe("what was wrong, naming the parameter"),
    requestId: z.string().optional().describe("quote it when reporting a server error"),
    code: z.enum(API_ERROR_CODES).describe("stable code of the error (core/error-codes.ts): a client shows its own words for it"),
    params: z
      .record(z.string(), z.union([z.string(), z.number()]))
      .optional()
      .describe("the values the message names (an id, a zone, a number)"),
  })
  .meta({ id: "Error" });
export const errorResponses = { 400: ErrorSchema, 404: ErrorSchema } as const;

export const code = z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, "expected a code of letters, digits, '.', '_' or '-' (at most 40)");
export const indicatorId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, "expected an indicator id such as gmd-coverage");
export const level = z.enum(LEVELS, { error: `expected one of ${LEVELS.join(", ")}` });
export const mapLevel = z.enum(["region", "province", "zone", "municipality"], { error: "expected one of region, province, zone, municipality" });
export const lang = z.enum(LANGS, { error: `expected one of ${LANGS.join(", ")}` });
export const stratum = z.enum(STRATA, { error: `expected one of ${STRATA.join(", ")}` });
export const year = z
  .string()
  .regex(/^(19|20|21)\d\d$/, "expected a year such as 2024")
  .transform(Number);

/** A comma-separated list parsed into items, deduplicated, with a size cap. */
export function list<T extends z.ZodType<unknown, string>>(item: T, options: { max: number; example: string; sort?: boolean }) {
  return z
    .string()
    .describe(`comma-separated, at most ${options.max}, e.g. ${options.example}`)
    .transform((s) => [...new Set(s.split(",").map((x) => x.trim()))])
    .pipe(z.array(item).min(1, "expected at least one item").max(options.max, `expected at most ${options.max} items`))
    .transform((items) => (options.sort ? [...items].sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0)) : items));
}
export const yearList = list(year, { max: 50, example: "2022,2023", sort: true });

export const Names = {
  name_fr: z.string(),
  name_nl: z.string(),
  name_de: z.string(),
  name_en: z.string(),
};
/** The release's area row (release/format.ts), with a name in every language (the server fills missing ones). */
export const AreaSchema = AREA_TABLE.row.extend(Names).meta({ id: "Area", description: "One row of the release's `area` table." });

export const TextsSchema = z.object({ fr: z.string(), nl: z.string(), de: z.string(), en: z.string() });

export const IndicatorSummarySchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    aim: z.string(),
    type: z.string(),
    statistic: z.string(),
    unit: z.string(),
    polarity: z.string(),
    strata: z.array(z.string()),
    levels: z.array(z.string()),
    title: TextsSchema,
    shortDescription: TextsSchema.nullable(),
    years: z.array(z.number().int()).describe("years with cells, any level"),
    subAnnual: z.enum(SUB_ANNUAL_PERIODS).nullable().describe("quarter or month: the indicator also has sub-annual values (/indicators/{id}/periods); null: yearly only"),
  })
  .meta({ id: "IndicatorSummary" });

export const formatParam = z.enum(["json", "csv", "arrow"], { error: "expected one of json, csv, arrow" });
