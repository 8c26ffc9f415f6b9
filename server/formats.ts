import { Bool, Float64, Int32, Int8, Table, tableToIPC, Utf8, vectorFromArray, type DataType } from "apache-arrow";
import { STANDARD_CSV, writeCsv, type CsvValue } from "../core/csv.ts";
import { CELL_COLUMNS, type Cell } from "./cells.ts";
import type { Payload } from "./response-cache.ts";

export const FORMATS = { json: "application/json", csv: "text/csv", arrow: "application/vnd.apache.arrow.stream" } as const;
export type Format = keyof typeof FORMATS;

/** `format=` wins; else the Accept header's preferred type among ours (q-values honoured); else JSON. */
export function negotiate(format: Format | undefined, accept: string | undefined): Format {
  if (format) return format;
  let best: Format = "json";
  let bestQ = 0;
  for (const part of (accept ?? "").split(",")) {
    const [type = "", ...params] = part.trim().toLowerCase().split(";");
    const q = Number(
      params
        .map((p) => p.trim())
        .find((p) => p.startsWith("q="))
        ?.slice(2) ?? 1,
    );
    const match = (Object.entries(FORMATS) as [Format, string][]).find(([, mime]) => mime === type.trim());
    if (match && q > bestQ) [best, bestQ] = [match[0], q];
  }
  return best;
}

/**
 * RFC 4180 by the project's one CSV writer: header row, CRLF, a NULL is an empty field, formulas
 * disarmed. Columns: the `cell` table's, or another table's (period cells).
 */
export function toCsv<T extends object = Cell>(cells: readonly T[], columns: readonly { name: keyof T & string }[] = CELL_COLUMNS as unknown as readonly { name: keyof T & string }[]): Payload {
  const text = writeCsv(
    columns.map((c) => c.name),
    cells.map((cell) => columns.map((c) => cell[c.name] as CsvValue)),
    STANDARD_CSV,
  );
  return { body: Buffer.from(text), type: "text/csv; charset=utf-8; header=present" };
}

const ARROW_TYPES: Record<(typeof CELL_COLUMNS)[number]["sql"], () => DataType> = {
  VARCHAR: () => new Utf8(),
  INTEGER: () => new Int32(),
  TINYINT: () => new Int8(),
  DOUBLE: () => new Float64(),
  BOOLEAN: () => new Bool(),
};

/** Arrow IPC stream, one typed column per cell column; NULLs (hidden cells) stay nulls. */
export function toArrow(cells: readonly Cell[]): Payload {
  const columns = Object.fromEntries(
    CELL_COLUMNS.map((c) => [
      c.name,
      vectorFromArray(
        cells.map((cell) => cell[c.name]),
        ARROW_TYPES[c.sql](),
      ),
    ]),
  );
  const table = new Table(columns);
  return { body: Buffer.from(tableToIPC(table, "stream")), type: FORMATS.arrow };
}
