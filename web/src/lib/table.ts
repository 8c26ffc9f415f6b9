// The data table behind a chart: one column list drives the table on screen (formatted text)
// and the CSV downloads. The standard CSV holds raw values (numbers, codes) as before; the
// Belgian one is for reports: semicolons and decimal commas, each number raw and rounded as
// shown on screen side by side, words in the page's language, and the area codes beside the
// names (columns marked `report`, which the screen does not show). Pure.
import { toCsv, type CsvColumn, type CsvConvention, type CsvValue } from "./csv.ts";

export interface Column<T> {
  header: string;
  /** What the table shows (formatted for the language). */
  text: (row: T) => string;
  /** What the CSV holds (raw numbers, codes); defaults to the text. */
  raw?: (row: T) => CsvValue;
  numeric?: boolean;
  /** Decimals shown on screen for a raw number: the report CSV adds the rounded value beside it. */
  decimals?: (value: number, row: T) => number;
  /** Only in the report (Belgian) CSV: codes beside names. */
  report?: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of any shape; columns type them where the table is made
export interface TableData<T = any> {
  columns: Column<T>[];
  rows: T[];
}

/** Columns shown on screen. */
export function screenColumns<T>(table: TableData<T>): Column<T>[] {
  return table.columns.filter((c) => !c.report);
}

export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** `roundedLabel` names the rounded column in the page's language, e.g. "{header} (arrondi)". */
export function tableCsv<T>(table: TableData<T>, convention: CsvConvention = "standard", roundedLabel: (header: string) => string = (h) => `${h} (rounded)`): string {
  if (convention === "standard")
    return toCsv(
      table.rows,
      screenColumns(table).map((c) => ({ header: c.header, value: c.raw ?? c.text })),
    );
  const columns: CsvColumn<T>[] = table.columns.flatMap((c): CsvColumn<T>[] => {
    if (!c.numeric || !c.raw) return [{ header: c.header, value: c.report && c.raw ? c.raw : c.text }];
    const raw = c.raw;
    const number = (row: T) => {
      const v = raw(row);
      return typeof v === "number" && Number.isFinite(v) ? v : null;
    };
    const own: CsvColumn<T> = { header: c.header, value: number };
    if (!c.decimals) return [own];
    const decimals = c.decimals;
    return [
      own,
      {
        header: roundedLabel(c.header),
        value: (row) => {
          const v = number(row);
          return v === null ? null : roundTo(v, decimals(v, row));
        },
      },
    ];
  });
  return toCsv(table.rows, columns, convention);
}
