import type { ColumnSpec } from "./column.ts";

/** Reference sets a row may be checked against (filled from the geography files). */
export type ReferenceName = "municipality" | "sector" | "zone" | "zoneSystem";

/** A rule that needs several fields of one row. Returns a message, or null when the row is fine. */
export interface RowRule {
  id: string;
  column: string;
  check: (row: ParsedRow) => string | null;
  /**
   * The same rule as a DuckDB condition, true when the row breaks it, over `value(column)`:
   * the parsed value (numbers as DOUBLE, dates and codes as text, NULL when empty or
   * invalid). The load's fast screen needs it; a file of a kind with a rule without it is
   * checked row by row.
   */
  sql?: (value: (column: string) => string) => string;
}

export type ParsedValue = string | number | boolean | null;
export type ParsedRow = Record<string, ParsedValue>;

export interface FileKind {
  /** Stable identifier, also the warehouse table name. */
  id: string;
  group: "geography" | "person-level" | "statbel" | "zone-aggregate";
  title: string;
  description: string;
  /** File names (case-insensitive) that belong to this kind; several files per kind are allowed. */
  filePattern: RegExp;
  fileNameExample: string;
  required: boolean;
  columns: readonly ColumnSpec[];
  /** Columns whose values must exist in a reference set. */
  references?: Readonly<Record<string, ReferenceName>>;
  /** Key columns: no two rows may share them. */
  key?: readonly string[];
  /** Where duplicate keys are looked for: in memory (small files) or in the database (large ones). */
  keyCheck?: "memory" | "database";
  /** Person-level files refuse unknown columns (they could carry identifiers); Statbel files ignore them. */
  unknownColumns: "refuse" | "ignore";
  rowRules?: readonly RowRule[];
  /** Rows per person: the column that links to the population file, and the date that gives the year. */
  personLink?: { dateColumn: string };
}
