/**
 * The events of sub-annual definitions by month, area and year (periods.ts turns months into
 * quarters and rates): one grouped statement per year and event table, reading only that year's
 * rows of the table (a date range: DuckDB skips the other row groups) and only the events some
 * sub-annual definition selects, for all of them at once. The persons are those of the year's
 * cell: the event's person in person_year that year, within the definition's population, so the
 * months add up to the yearly numerator (compile.ts joins events on person and year the same way).
 */
import type { Database } from "../../core/duckdb.ts";
import type { Definition } from "../definition/schema.ts";
import { residenceAreaCtes } from "./areas.ts";
import { eventCondition, populationCondition, TABLE, type EventsNumerator } from "./conditions.ts";
import { periodAreaKey } from "./periods.ts";

type Sub = { def: Definition; n: EventsNumerator };

const subAnnual = (defs: readonly Definition[]): Sub[] => defs.flatMap((def) => (def["sub-annual"] && def.numerator?.kind === "events" ? [{ def, n: def.numerator }] : []));

/** The statement for one year and table: `level, system_code, area_code, month, n0, n1, …`. */
export function periodSql(users: readonly Sub[], source: keyof typeof TABLE, year: number): string {
  if (!Number.isInteger(year)) throw new RangeError(`year must be an integer, not ${year}`);
  const date = `e.${TABLE[source].date}`;
  const counts = users.map((u, i) => `count(*) FILTER (WHERE ${eventCondition(u.n)}) AS e${i}`);
  const sums = users.map((u, i) => `CAST(sum(CASE WHEN ${populationCondition(u.def.population ?? {})} THEN e${i} ELSE 0 END) AS DOUBLE) AS n${i}`);
  const where = [...new Set(users.map((u) => `(${eventCondition(u.n)})`))].join(" OR ");
  return `WITH ${residenceAreaCtes()},
ev AS (
  SELECT e.person_id, CAST(month(${date}) AS INTEGER) AS month, ${counts.join(", ")}
  FROM ${source} e
  WHERE ${date} >= DATE '${year}-01-01' AND ${date} < DATE '${year + 1}-01-01' AND (${where})
  GROUP BY ALL
), unit_month AS (
  SELECT p.nis_code, p.sector_code, ev.month, ${sums.join(", ")}
  FROM ev JOIN (SELECT person_id, year, nis_code, sector_code, sex, bim, gmd, chronic_status, death_date, year - birth_year AS age FROM person_year WHERE year = ${year}) p USING (person_id)
  GROUP BY ALL
)
SELECT a.level, a.system_code, a.area_code, u.month, ${users.map((_, i) => `sum(n${i}) AS n${i}`).join(", ")}
FROM unit_month u JOIN residence_area a ON a.nis_code = u.nis_code AND a.sector_code IS NOT DISTINCT FROM u.sector_code
GROUP BY ALL`;
}

/** Events by month (index 0 = January) per `periodAreaKey`, for the sub-annual definitions in the given years. */
export async function readEventsByMonth(db: Database, defs: readonly Definition[], years: readonly number[]): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  const users = subAnnual(defs);
  for (const source of Object.keys(TABLE) as (keyof typeof TABLE)[]) {
    const of = users.filter((u) => u.n.source === source);
    if (of.length === 0) continue;
    for (const year of years) {
      const rows = await db.all<Record<string, unknown>>(periodSql(of, source, year));
      for (const r of rows) {
        of.forEach((u, i) => {
          const key = periodAreaKey({ indicator_id: u.def.id, year, level: String(r.level), system_code: (r.system_code as string | null) ?? null, area_code: String(r.area_code) });
          let months = out.get(key);
          if (!months) out.set(key, (months = new Array<number>(12).fill(0)));
          months[Number(r.month) - 1]! += Number(r[`n${i}`] ?? 0);
        });
      }
    }
  }
  return out;
}
