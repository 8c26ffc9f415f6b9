import { CELL_TABLE, HIDDEN_REASONS, STRATA, type CellColumn, type CellRow } from "../release/format.ts";

export { HIDDEN_REASONS, STRATA, type CellColumn };

/**
 * The `cell` table's columns (release/format.ts), in order. This list is the allow-list of
 * identifiers SQL may name, and the column order of every format (JSON, CSV, Arrow).
 * `key` columns survive hiding; every other column goes out NULL for a hidden cell.
 */
export const CELL_COLUMNS = CELL_TABLE.columns;
export const CELL_COLUMN_NAMES: readonly CellColumn[] = CELL_TABLE.names;
const VALUE_COLUMNS = CELL_TABLE.values;
/** SELECT list: every column, named from the allow-list. */
export const CELL_SELECT = CELL_COLUMN_NAMES.join(", ");

/** A cell as the API gives it: the release's row, as stored. */
export const CellSchema = CELL_TABLE.row.meta({ id: "Cell", description: "One row of the release's `cell` table (docs/release-format.md)." });
export type Cell = CellRow;

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
