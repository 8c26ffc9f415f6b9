// The data table behind a chart: one column list drives the table on screen (formatted text)
// and the CSV download (raw values). Pure.
import { toCsv } from "./csv.ts";

export interface Column<T> {
  header: string;
  /** What the table shows (formatted for the language). */
  text: (row: T) => string;
  /** What the CSV holds (raw numbers, codes); defaults to the text. */
  raw?: (row: T) => string | number | boolean | null | undefined;
  numeric?: boolean;
}

export interface TableData<T = any> {
  columns: Column<T>[];
  rows: T[];
}

export function tableCsv<T>(table: TableData<T>): string {
  return toCsv(table.rows, table.columns.map((c) => ({ header: c.header, value: c.raw ?? c.text })));
}
