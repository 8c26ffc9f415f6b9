// Rows of the release's `period_cell` table (sub-annual values, release/format.ts) as the API
// gives them, and the one query that reads them: an area's series of one indicator.
import { PERIOD_CELL_TABLE, type PeriodCellRow } from "../release/format.ts";
import type { ReadOnlyDuckDB } from "./duckdb-pool.ts";

export const PERIOD_CELL_COLUMNS = PERIOD_CELL_TABLE.columns;
const NAMES = PERIOD_CELL_TABLE.names;
const VALUE_COLUMNS = PERIOD_CELL_TABLE.values;

export const PeriodCellSchema = PERIOD_CELL_TABLE.row.meta({ id: "PeriodCell", description: "One row of the release's `period_cell` table: a quarter or month, its value annualised." });
export type PeriodCell = PeriodCellRow;

/** A row as it may leave the server: a hidden period keeps its keys and reason only (as toCell). */
export function toPeriodCell(row: Record<string, unknown>): PeriodCell {
  const cell = {} as Record<string, unknown>;
  for (const name of NAMES) {
    const v = row[name];
    cell[name] = v === undefined || (typeof v === "number" && !Number.isFinite(v)) ? null : v;
  }
  if (cell.hidden !== null) for (const name of VALUE_COLUMNS) cell[name] = null;
  return cell as PeriodCell;
}

/** One area's periods of one indicator, oldest first. */
export async function selectPeriodCells(db: ReadOnlyDuckDB, indicatorId: string, area: { level: string; system_code: string | null; area_code: string }): Promise<PeriodCell[]> {
  const rows = await db.all(`SELECT ${NAMES.join(", ")} FROM period_cell WHERE indicator_id = $1 AND level = $2 AND coalesce(system_code, '') = $3 AND area_code = $4 ORDER BY year, period_index`, [
    indicatorId,
    area.level,
    area.system_code ?? "",
    area.area_code,
  ]);
  return rows.map(toPeriodCell);
}
