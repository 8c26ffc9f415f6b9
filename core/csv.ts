// The project's one CSV writer (issue 18), used by the API's CSV responses (server/formats.ts)
// and the dashboard's downloads (web/src/lib/csv.ts). Papa Parse's `unparse` does the quoting
// (RFC 4180: quotes only where needed, CRLF line ends); around it, two things of ours:
// - the formula guard: a text cell that a spreadsheet would run as a formula (starting with
//   = + - @ tab or CR) gets an apostrophe in front. Numbers are never touched, so -1.5 stays a
//   number; the guard runs before a number is written with a decimal comma.
// - the conventions: the standard one (comma, decimal point) for programs, and the Belgian one
//   (semicolon, decimal comma, UTF-8 BOM) that a spreadsheet set to fr-BE, nl-BE or de-BE opens
//   in columns. Pure.
import Papa from "papaparse";

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvStyle {
  delimiter: "," | ";";
  decimalComma: boolean;
  /** A UTF-8 byte order mark, so that spreadsheet software reads accents. */
  bom: boolean;
  /** Off only for files that programs read back as data (the extract contract's files). */
  formulaGuard?: boolean;
}

/** Comma and decimal point; the dashboard adds a BOM, the API does not. */
export const STANDARD_CSV: CsvStyle = { delimiter: ",", decimalComma: false, bom: false };
/** What a Belgian spreadsheet expects: semicolon, decimal comma, BOM. */
export const BELGIAN_CSV: CsvStyle = { delimiter: ";", decimalComma: true, bom: true };
/** Files of the extract contract, read back by the ETL: values exactly as they are. */
export const DATA_FILE_CSV: CsvStyle = { delimiter: ",", decimalComma: false, bom: false, formulaGuard: false };

const FORMULA = /^[=+\-@\t\r]/;

/** A cell as text: empty for null and non-finite numbers, guarded when it is text. */
export function csvCell(value: CsvValue, style: Pick<CsvStyle, "decimalComma" | "formulaGuard">): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    return style.decimalComma ? String(value).replace(".", ",") : String(value);
  }
  const text = String(value);
  return style.formulaGuard !== false && typeof value === "string" && FORMULA.test(text) ? `'${text}` : text;
}

/** One row, without its line end: for files written a line at a time. */
export function csvRow(values: readonly CsvValue[], style: CsvStyle = STANDARD_CSV): string {
  return Papa.unparse([values.map((v) => csvCell(v, style))], { delimiter: style.delimiter, newline: "\r\n", quotes: false, escapeFormulae: false, header: false });
}

export function writeCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[], style: CsvStyle = STANDARD_CSV): string {
  const text = Papa.unparse(
    { fields: header.map((h) => csvCell(h, style)), data: rows.map((row) => row.map((v) => csvCell(v, style))) },
    { delimiter: style.delimiter, newline: "\r\n", quotes: false, escapeFormulae: false, header: true },
  );
  return `${style.bom ? "\uFEFF" : ""}${text}\r\n`;
}
