/**
 * A column of an extract file, described once: the validator compiles its checks
 * from it, the loader its SQL type, and the documentation its table row.
 */
export type ColumnType =
  | { kind: "int"; min?: number; max?: number | "current-year" }
  | { kind: "decimal"; min?: number; max?: number; suppressedMarker?: string }
  | { kind: "date" }
  | { kind: "enum"; values: readonly string[] }
  | { kind: "code"; pattern: RegExp; patternText: string }
  | { kind: "flag" }
  | { kind: "text"; maxLength: number };

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** A required column must be present in the header and non-empty on every row. */
  required: boolean;
  /** Other header names accepted for the same column (e.g. Statbel's CD_MUNTY_REFNIS). */
  aliases?: readonly string[];
  description: string;
  unit?: string;
  codeSystem?: string;
  example: string;
  /** Column name in the warehouse when it differs (Statbel's CD_* names become plain ones). */
  storedAs?: string;
}

export const int = (min?: number, max?: number | "current-year"): ColumnType => ({ kind: "int", min, max });
export const decimal = (min?: number, max?: number, suppressedMarker?: string): ColumnType => ({
  kind: "decimal",
  min,
  max,
  suppressedMarker,
});
export const date: ColumnType = { kind: "date" };
export const flag: ColumnType = { kind: "flag" };
export const oneOf = (...values: string[]): ColumnType => ({ kind: "enum", values });
export const code = (pattern: RegExp, patternText: string): ColumnType => ({ kind: "code", pattern, patternText });
export const text = (maxLength = 200): ColumnType => ({ kind: "text", maxLength });

/** The DuckDB type a column is stored as. */
export function sqlType(type: ColumnType): string {
  switch (type.kind) {
    case "int":
      return "INTEGER";
    case "decimal":
      return "DOUBLE";
    case "date":
      return "DATE";
    case "flag":
      return "BOOLEAN";
    case "enum":
    case "code":
    case "text":
      return "VARCHAR";
    default: {
      const unknown: never = type;
      throw new Error(`column type of unknown kind ${JSON.stringify(unknown)}`);
    }
  }
}

/** Words for the documentation and for error messages. */
export function describeType(type: ColumnType): string {
  switch (type.kind) {
    case "int":
      return `integer${range(type.min, type.max === "current-year" ? "this year" : type.max)}`;
    case "decimal":
      return `decimal with a point${range(type.min, type.max)}${type.suppressedMarker ? `, or \`${type.suppressedMarker}\` when suppressed` : ""}`;
    case "date":
      return "date YYYY-MM-DD";
    case "flag":
      return "0 or 1";
    case "enum":
      return `one of ${type.values.map((v) => `\`${v}\``).join(", ")}`;
    case "code":
      return `code ${type.patternText}`;
    case "text":
      return `text (at most ${type.maxLength} characters)`;
  }
}

function range(min?: number, max?: number | string): string {
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return ` ≥ ${min}`;
  if (max !== undefined) return ` ≤ ${max}`;
  return "";
}
