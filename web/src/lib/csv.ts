// CSV of the data behind a chart, by the project's one CSV writer (core/csv.ts): UTF-8 with BOM
// so that spreadsheet software reads accents, text a spreadsheet would run as a formula
// prefixed with an apostrophe. Two conventions: the standard one (comma, raw numbers) and the
// Belgian one (semicolon, decimal comma) that opens in columns in a Belgian spreadsheet. Pure.
import { BELGIAN_CSV, STANDARD_CSV, writeCsv, type CsvStyle, type CsvValue } from "../../../core/csv.ts";

export type { CsvValue };
export type CsvConvention = "standard" | "belgian";
export const CSV_STYLES: Record<CsvConvention, CsvStyle> = { standard: { ...STANDARD_CSV, bom: true }, belgian: BELGIAN_CSV };

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
}

export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[], convention: CsvConvention = "standard"): string {
  return writeCsv(
    columns.map((c) => c.header),
    rows.map((row) => columns.map((c) => c.value(row))),
    CSV_STYLES[convention],
  );
}

/** A file name from parts: lower case, ASCII, dashes. */
export function fileName(parts: readonly (string | number | undefined)[], extension: string): string {
  const base = parts
    .filter((p) => p !== undefined && p !== "")
    .join("-")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `${base || "boussole"}.${extension}`;
}
