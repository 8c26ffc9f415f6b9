/**
 * The release format, declared once: `manifest.json` and every table of `published.duckdb`,
 * each column with its SQL type and the zod schema of its values, in the tables' column order.
 * docs/release-format.md describes the same for people; this module is the one source.
 *
 * - the writer (release/write-release.ts) creates and fills its tables from these columns and
 *   checks its manifest against ManifestSchema;
 * - the audit (release/audit-release.ts) and the server (server/release.ts, catalog.ts,
 *   cells.ts) read the manifest and the columns through it;
 * - the server's test fixture (server/test-support/fixture.ts) writes its release from it;
 * - tests/release-format.test.ts checks that a published release and the fixture both parse.
 *
 * Pure (zod and the language list only): the server imports it, the dashboard its types.
 */
import { z } from "zod";
import { LANGUAGES } from "../core/languages.ts";

export const RELEASE_FORMAT = "boussole-release/1";
/** The two files of a release directory, and all it holds. */
export const RELEASE_FILES = ["published.duckdb", "manifest.json"] as const;

/** Levels of geography, from the widest. */
export const LEVELS = ["belgium", "region", "province", "zone", "municipality"] as const;
export type Level = (typeof LEVELS)[number];
/** `total` (stratum_value `all`) and the breakdowns. */
export const STRATA = ["total", "sex", "age-band", "bim"] as const;
/** One public reason: which hidden cells were small counts stays inside the publisher. */
export const HIDDEN_REASONS = ["suppressed"] as const;
/** Sub-annual periods a definition may ask for besides its years. */
export const SUB_ANNUAL_PERIODS = ["quarter", "month"] as const;
/** The texts of an indicator's `metadata`, each in the four languages. */
export const INDICATOR_TEXTS = ["title", "short-description", "definition", "rationale", "numerator-text", "denominator-text", "source", "caveats", "methods"] as const;

// ---------------------------------------------------------------------------------------------
// Tables

export type SqlType = "VARCHAR" | "INTEGER" | "TINYINT" | "DOUBLE" | "BOOLEAN" | "JSON" | "VARCHAR[]";

interface ColumnSpec {
  readonly sql: SqlType;
  readonly schema: z.ZodType;
  /** Cells only: a key column (and `hidden`) survives hiding; every other goes out NULL. */
  readonly key: boolean;
}

/** A column: its SQL type and the schema of a value as DuckDB returns it (JSON as text). */
const column = <const T extends SqlType, S extends z.ZodType>(sql: T, schema: S) => ({ sql, schema, key: false as const });
/** A cell column that survives hiding. */
const key = <const T extends SqlType, S extends z.ZodType>(sql: T, schema: S) => ({ sql, schema, key: true as const });

type Shape<C extends Record<string, ColumnSpec>> = { -readonly [K in keyof C]: C[K]["schema"] };

/** A table of published.duckdb: its columns in order, the schema of one row, its CREATE TABLE. */
function table<const C extends Record<string, ColumnSpec>>(name: string, spec: C) {
  type Name = keyof C & string;
  const columns = Object.entries(spec).map(([n, c]) => ({ name: n as Name, sql: c.sql as C[Name]["sql"], key: c.key }));
  const shape = Object.fromEntries(Object.entries(spec).map(([n, c]) => [n, c.schema])) as Shape<C>;
  return {
    name,
    columns,
    names: columns.map((c) => c.name),
    row: z.object(shape),
    createSql: `CREATE TABLE ${name} (${columns.map((c) => `${c.name} ${c.sql}`).join(", ")})`,
  };
}

/**
 * A table whose rows may be hidden (`cell`, `period_cell`): besides its columns, its value
 * columns (every one but the keys and `hidden`) and `nulls`, those columns all NULL, which is
 * what a hidden row carries; its row schema refuses a hidden row with a value.
 */
function hideableTable<const C extends Record<string, ColumnSpec>>(name: string, spec: C, refusal: string) {
  type Value = { [K in keyof C & string]: C[K]["key"] extends true ? never : K }[keyof C & string];
  const base = table(name, spec);
  const values = base.columns.filter((c) => !c.key).map((c) => c.name as Value);
  const nulls = Object.freeze(Object.fromEntries(values.map((n) => [n, null]))) as { readonly [K in Value]: null };
  const row = base.row.refine((r) => (r as Record<string, unknown>).hidden === null || values.every((n) => (r as Record<string, unknown>)[n] === null), { message: refusal });
  return { ...base, values, nulls, row };
}

/** JSON text whose content parses with `content` (DuckDB returns JSON columns as text). */
function jsonText(content: z.ZodType, what: string) {
  return z.string().refine(
    (text) => {
      try {
        return content.safeParse(JSON.parse(text)).success;
      } catch {
        return false;
      }
    },
    { message: `expected JSON text of ${what}` },
  );
}

const text = z.string();
const nullableText = z.string().nullable();
const int = z.number().int();
const num = z.number().nullable();

/** A text in up to four languages (definitions have all four; a reader falls back to English). */
const LanguageTexts = z.partialRecord(z.enum(LANGUAGES), z.string());
const Metadata = z.partialRecord(z.enum(INDICATOR_TEXTS), LanguageTexts.nullable());
const Geometry = z.looseObject({ type: z.enum(["Polygon", "MultiPolygon"]), coordinates: z.array(z.unknown()) });

/** `indicator`: one row per published definition. */
export const INDICATOR_TABLE = table("indicator", {
  id: column("VARCHAR", text),
  version: column("INTEGER", int),
  aim: column("VARCHAR", text),
  type: column("VARCHAR", text),
  statistic: column("VARCHAR", text),
  unit: column("VARCHAR", text),
  polarity: column("VARCHAR", text),
  strata: column("VARCHAR[]", z.array(text).describe("breakdowns with cells besides the total")),
  levels: column("VARCHAR[]", z.array(text).describe("levels with cells")),
  metadata: column("JSON", jsonText(Metadata, "the texts in four languages")),
  targets: column("JSON", jsonText(z.unknown(), "the definition's targets").nullable()),
  sub_annual: column("VARCHAR", z.enum(SUB_ANNUAL_PERIODS).nullable().describe("quarter or month: the indicator also has `period_cell` rows; null: yearly only")),
});

/** `area`: every area that can have cells. */
export const AREA_TABLE = table("area", {
  level: column("VARCHAR", z.enum(LEVELS)),
  system_code: column("VARCHAR", nullableText.describe("zone system (zones only)")),
  area_code: column("VARCHAR", text),
  name_fr: column("VARCHAR", text),
  name_nl: column("VARCHAR", text),
  // Most municipalities have no German name: NULL (readers fall back to another language).
  name_de: column("VARCHAR", nullableText),
  name_en: column("VARCHAR", text),
  region_code: column("VARCHAR", nullableText),
  province_code: column("VARCHAR", nullableText),
});

/** `zone_system`: the zone systems (a system's region: NULL when national). */
export const ZONE_SYSTEM_TABLE = table("zone_system", {
  system_code: column("VARCHAR", text),
  name_fr: column("VARCHAR", text),
  name_nl: column("VARCHAR", text),
  name_de: column("VARCHAR", text),
  name_en: column("VARCHAR", text),
  region_code: column("VARCHAR", nullableText),
});

/** `zone_member`: the municipalities (or sectors, NULL = the whole municipality) of each zone. */
export const ZONE_MEMBER_TABLE = table("zone_member", {
  system_code: column("VARCHAR", text),
  zone_code: column("VARCHAR", text),
  nis_code: column("VARCHAR", text),
  sector_code: column("VARCHAR", nullableText.describe("null: the whole municipality")),
});

/** `boundary`: GeoJSON geometry (WGS 84, simplified for the web) of areas. */
export const BOUNDARY_TABLE = table("boundary", {
  level: column("VARCHAR", z.enum(LEVELS)),
  system_code: column("VARCHAR", nullableText),
  area_code: column("VARCHAR", text),
  geometry: column("JSON", jsonText(Geometry, "a GeoJSON Polygon or MultiPolygon")),
});

/** `cell`: one row per indicator, year, area and stratum. A hidden cell keeps its keys and `hidden` reason, and nothing else. */
export const CELL_TABLE = hideableTable(
  "cell",
  {
    indicator_id: key("VARCHAR", text),
    year: key("INTEGER", int),
    level: key("VARCHAR", text),
    system_code: key("VARCHAR", nullableText),
    area_code: key("VARCHAR", text),
    stratum: key("VARCHAR", text),
    stratum_value: key("VARCHAR", text),
    numerator: column("DOUBLE", num),
    denominator: column("DOUBLE", num),
    value: column("DOUBLE", num),
    lower95: column("DOUBLE", num),
    upper95: column("DOUBLE", num),
    lower998: column("DOUBLE", num),
    upper998: column("DOUBLE", num),
    hidden: key("VARCHAR", z.enum(HIDDEN_REASONS).nullable().describe("null when published; otherwise why the cell is hidden, and then every number is null")),
    region_code: key("VARCHAR", nullableText),
    compared_region: column("VARCHAR", nullableText),
    compared_belgium: column("VARCHAR", nullableText),
    quintile: column("TINYINT", int.nullable()),
    trend: column("VARCHAR", nullableText),
    trend_slope: column("DOUBLE", num),
    bim_ratio: column("DOUBLE", num),
    bim_ratio_lower95: column("DOUBLE", num),
    bim_ratio_upper95: column("DOUBLE", num),
    bim_difference: column("DOUBLE", num),
    bim_difference_lower95: column("DOUBLE", num),
    bim_difference_upper95: column("DOUBLE", num),
    low_count: column("BOOLEAN", z.boolean().nullable()),
  },
  "a hidden cell carries a value: only its keys and reason may be non-null",
);

/**
 * `period_cell`: sub-annual values (quarters or months) of the indicators that ask for them
 * (`sub-annual` in the definition), for the total stratum at every level but municipalities.
 * `period` is "2024-Q1" or "2024-03"; `period_index` 1–4 or 1–12 within `year`. A period's
 * numerator is a part of the year's (its events), so the periods of a year add up to the
 * year's `cell` numerator, and disclosure control protects them together.
 */
export const PERIOD_CELL_TABLE = hideableTable(
  "period_cell",
  {
    indicator_id: key("VARCHAR", text),
    year: key("INTEGER", int),
    period: key("VARCHAR", text),
    period_kind: key("VARCHAR", z.enum(SUB_ANNUAL_PERIODS)),
    period_index: key("INTEGER", int),
    level: key("VARCHAR", text),
    system_code: key("VARCHAR", nullableText),
    area_code: key("VARCHAR", text),
    numerator: column("DOUBLE", num),
    denominator: column("DOUBLE", num),
    value: column("DOUBLE", num),
    lower95: column("DOUBLE", num),
    upper95: column("DOUBLE", num),
    hidden: key("VARCHAR", z.enum(HIDDEN_REASONS).nullable().describe("null when published; otherwise every number is null")),
    low_count: column("BOOLEAN", z.boolean().nullable()),
  },
  "a hidden period cell carries a value: only its keys and reason may be non-null",
);

/** Every table of published.duckdb, in the order the writer creates them. */
export const RELEASE_TABLES = [INDICATOR_TABLE, AREA_TABLE, ZONE_SYSTEM_TABLE, ZONE_MEMBER_TABLE, BOUNDARY_TABLE, CELL_TABLE, PERIOD_CELL_TABLE] as const;

export type IndicatorRow = z.infer<typeof INDICATOR_TABLE.row>;
export type AreaRow = z.infer<typeof AREA_TABLE.row>;
export type ZoneSystemRow = z.infer<typeof ZONE_SYSTEM_TABLE.row>;
export type ZoneMemberRow = z.infer<typeof ZONE_MEMBER_TABLE.row>;
export type BoundaryRow = z.infer<typeof BOUNDARY_TABLE.row>;
export type CellRow = z.infer<typeof CELL_TABLE.row>;
export type PeriodCellRow = z.infer<typeof PERIOD_CELL_TABLE.row>;
export type CellColumn = (typeof CELL_TABLE.names)[number];

// ---------------------------------------------------------------------------------------------
// manifest.json: ManifestSchema is what the writer writes; ReadableManifestSchema what a reader
// accepts, the same less the fields added after the first releases (marked "later"), which
// older releases lack. Unknown keys are accepted (and dropped by the parse) for later formats.

export const DisclosureSchema = z.object({
  minCount: z.number(),
  protectionWidth: z.number(),
  publishZeros: z.boolean(),
  /** Later. Municipalities (and their breakdowns) published. */
  municipalities: z.boolean(),
  municipalityStrata: z.boolean(),
  previousRelease: z.string().nullable(),
  rules: z.array(z.string()),
  /** Later. Indicators whose numerator counts professionals (staff), exempt from the minimum count. */
  professionalCounts: z.array(z.string()),
});

export const AuditSchema = z.object({
  passed: z.boolean(),
  problems: z.number(),
  cellsPublished: z.number(),
  hiddenSmallCount: z.number(),
  hiddenComplementary: z.number(),
  hiddenDerived: z.number(),
  /** Later. Hidden cells (primary, secondary, derived) over all released cells, 0–1. */
  hiddenShare: z.number(),
  /** Later. The same per indicator. */
  hiddenByIndicator: z.array(z.object({ id: z.string(), cells: z.number(), primary: z.number(), secondary: z.number(), derived: z.number(), share: z.number() })),
  narrowestInterval: z.number().nullable(),
  lpSolves: z.number(),
  seconds: z.number(),
});

export const ManifestSchema = z.object({
  format: z.literal(RELEASE_FORMAT),
  releaseId: z.string().regex(/^[0-9a-zA-Z._-]{1,64}$/),
  createdAt: z.string(),
  synthetic: z.boolean(),
  producer: z.string().nullable(),
  years: z.tuple([int, int]).nullable(),
  /** Later. Human-readable title beside the id: source, years, publication date (English; the dashboard words its own in each language). */
  title: z.string().optional(),
  batches: z.array(z.object({ batchId: z.string(), producer: z.string().nullable(), synthetic: z.boolean(), finishedAt: z.string().nullable() })),
  indicators: z.array(z.object({ id: z.string(), version: int })),
  /**
   * Later. Definitions, or years of a definition (year non-null), left without cells and why:
   * not computable, or no source data that year (missing data is not published as zeros).
   */
  notComputed: z.array(z.object({ id: z.string(), year: int.nullable(), reason: z.string() })),
  disclosure: DisclosureSchema,
  audit: AuditSchema,
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** A manifest of this format as a reader takes it: releases written before the later fields lack them. */
export const ReadableManifestSchema = ManifestSchema.extend({
  notComputed: ManifestSchema.shape.notComputed.optional(),
  disclosure: DisclosureSchema.partial({ municipalities: true, professionalCounts: true }),
  audit: AuditSchema.partial({ hiddenShare: true, hiddenByIndicator: true }),
});
export type ReadableManifest = z.infer<typeof ReadableManifestSchema>;
