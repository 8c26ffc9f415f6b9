// Data the profile shares between areas, computed once per release: peer distributions and
// the regions' and Belgium's cells.
import { CELL_SELECT, toCell, type Cell } from "./cells.ts";
import type { Release } from "./release.ts";

export interface Distribution {
  count: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/**
 * Distribution of the PUBLISHED total values among peers (areas of one level, or zones of one
 * system), by indicator and year. Hidden cells are left out, never estimated. Quartiles are
 * DuckDB's quantile_cont (linear interpolation, like R's type 7).
 */
export function peerDistributions(release: Release, level: string, system: string | null): Promise<Map<string, Distribution>> {
  return release.memoize(`distributions|${level}|${system ?? ""}`, async () => {
    const rows = await release.db.all<Distribution & { indicator_id: string; year: number }>(
      `SELECT indicator_id, year, count(*) AS count, min(value) AS min, quantile_cont(value, 0.25) AS q1, quantile_cont(value, 0.5) AS median,
              quantile_cont(value, 0.75) AS q3, max(value) AS max
         FROM cell
        WHERE level = $1 AND coalesce(system_code, '') = $2 AND stratum = 'total' AND hidden IS NULL AND value IS NOT NULL
        GROUP BY indicator_id, year`,
      [level, system ?? ""],
    );
    return new Map(rows.map(({ indicator_id, year, ...d }) => [`${indicator_id}|${year}`, d]));
  });
}

/** Total cells of every region and of Belgium, by `indicator|year|level|code`. */
export function referenceCells(release: Release): Promise<Map<string, Cell>> {
  return release.memoize("reference-cells", async () => {
    const rows = await release.db.all(`SELECT ${CELL_SELECT} FROM cell WHERE level IN ('region', 'belgium') AND stratum = 'total'`);
    return new Map(rows.map(toCell).map((c) => [`${c.indicator_id}|${c.year}|${c.level}|${c.area_code}`, c]));
  });
}
