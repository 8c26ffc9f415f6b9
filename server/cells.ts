import { z } from "zod";

/**
 * The `cell` table's columns (docs/release-format.md), in order. This list is the allow-list of
 * identifiers SQL may name, and the column order of every format (JSON, CSV, Arrow).
 * `key` columns survive hiding; every other column goes out NULL for a hidden cell.
 */
export const CELL_COLUMNS = [
  { name: "indicator_id", sql: "VARCHAR", kind: "text", key: true },
  { name: "year", sql: "INTEGER", kind: "int", key: true },
  { name: "level", sql: "VARCHAR", kind: "text", key: true },
  { name: "system_code", sql: "VARCHAR", kind: "text", key: true },
  { name: "area_code", sql: "VARCHAR", kind: "text", key: true },
  { name: "stratum", sql: "VARCHAR", kind: "text", key: true },
  { name: "stratum_value", sql: "VARCHAR", kind: "text", key: true },
  { name: "numerator", sql: "DOUBLE", kind: "number", key: false },
  { name: "denominator", sql: "DOUBLE", kind: "number", key: false },
  { name: "value", sql: "DOUBLE", kind: "number", key: false },
  { name: "lower95", sql: "DOUBLE", kind: "number", key: false },
  { name: "upper95", sql: "DOUBLE", kind: "number", key: false },
  { name: "lower998", sql: "DOUBLE", kind: "number", key: false },
  { name: "upper998", sql: "DOUBLE", kind: "number", key: false },
  { name: "hidden", sql: "VARCHAR", kind: "text", key: true },
  { name: "region_code", sql: "VARCHAR", kind: "text", key: true },
  { name: "compared_region", sql: "VARCHAR", kind: "text", key: false },
  { name: "compared_belgium", sql: "VARCHAR", kind: "text", key: false },
  { name: "quintile", sql: "TINYINT", kind: "int", key: false },
  { name: "trend", sql: "VARCHAR", kind: "text", key: false },
  { name: "trend_slope", sql: "DOUBLE", kind: "number", key: false },
  { name: "bim_ratio", sql: "DOUBLE", kind: "number", key: false },
  { name: "bim_ratio_lower95", sql: "DOUBLE", kind: "number", key: false },
  { name: "bim_ratio_upper95", sql: "DOUBLE", kind: "number", key: false },
  { name: "bim_difference", sql: "DOUBLE", kind: "number", key: false },
  { name: "bim_difference_lower95", sql: "DOUBLE", kind: "number", key: false },
  { name: "bim_difference_upper95", sql: "DOUBLE", kind: "number", key: false },
  { name: "low_count", sql: "BOOLEAN", kind: "bool", key: false },
] as const;

export type CellColumn = (typeof CELL_COLUMNS)[number]["name"];
export const CELL_COLUMN_NAMES: readonly CellColumn[] = CELL_COLUMNS.map((c) => c.name);
const VALUE_COLUMNS = CELL_COLUMNS.filter((c) => !c.key).map((c) => c.name);
/** SELECT list: every column, named from the allow-list. */
export const CELL_SELECT = CELL_COLUMN_NAMES.join(", ");

export const STRATA = ["total", "sex", "age-band", "bim"] as const;
/** One public reason: which hidden cells were small counts stays inside the publisher. */
export const HIDDEN_REASONS = ["suppressed"] as const;

const num = z.number().nullable();
const text = z.string().nullable();
export const CellSchema = z
  .object({
    indicator_id: z.string(),
    year: z.number().int(),
    level: z.string(),
    system_code: text,
    area_code: z.string(),
    stratum: z.string(),
    stratum_value: z.string(),
    numerator: num,
    denominator: num,
    value: num,
    lower95: num,
    upper95: num,
    lower998: num,
    upper998: num,
    hidden: z.enum(HIDDEN_REASONS).nullable().describe("null when published; otherwise why the cell is hidden, and then every number is null"),
    region_code: text,
    compared_region: text,
    compared_belgium: text,
    quintile: z.number().int().nullable(),
    trend: text,
    trend_slope: num,
    bim_ratio: num,
    bim_ratio_lower95: num,
    bim_ratio_upper95: num,
    bim_difference: num,
    bim_difference_lower95: num,
    bim_difference_upper95: num,
    low_count: z.boolean().nullable(),
  })
  .meta({ id: "Cell", description: "One row of the release's `cell` table (docs/release-format.md)." });
export type Cell = z.infer<typeof CellSchema>;

/**
 * A row as it may leave the server. A hidden cell keeps its keys and reason and nothing else,
 * even if a faulty release stored more: the server never passes on a hidden value.
 */
export function toCell(row: Record<string, unknown>): Cell {
  const cell = {} as Record<string, unknown>;
  for (const name of CELL_COLUMN_NAMES) {
    const v = row[name];
    cell[name] = v === undefined || (typeof v === "number" && !Number.isFinite(v)) ? null : v;
  }
  if (cell.hidden !== null) for (const name of VALUE_COLUMNS) cell[name] = null;
  return cell as Cell;
}
