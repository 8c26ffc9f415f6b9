/**
 * The scans of the event tables (health_service, pharmacy_delivery, hospital_stay): one per
 * table for every definition that counts its events or sums its amounts, grouped by person and
 * figure year, for compile.ts to join to the person-years. An event of year y counts in the
 * years y … y + window − 1 of a look-back window.
 */
import type { Definition } from "../definition/schema.ts";
import { eventCondition, TABLE, type EventsNumerator } from "./conditions.ts";
import { monthsOf, periodCount } from "./periods.ts";
import { personKeyColumn, type PersonKey } from "./person-key.ts";

/** Rows of `column` (a DATE) in the years from … to, as a range DuckDB can skip row groups with. */
export function yearRange(column: string, from: number, to: number): string {
  const first = (y: number) => `DATE '${String(y).padStart(4, "0")}-01-01'`;
  return `${column} >= ${first(from)} AND ${column} < ${first(to + 1)}`;
}

/** A spending definition's amount column from one table. */
export interface Sourced {
  source: keyof typeof TABLE;
  amountColumn: string;
}

export interface EventScans {
  /** `ev_<table> AS (…)` (and `evw_<table>` for look-back windows over several years). */
  ctes: string[];
  /** `LEFT JOIN … USING (person_id, year)`, one per CTE. */
  joins: string[];
  /** Per definition index: the amount columns it sums (spending). */
  spending: Map<number, Sourced[]>;
}

/**
 * `todo`: the person-based definitions, by index (their columns `e<i>`, `a<i>_<table>`, and for
 * a sub-annual one its events by period of their date, `e<i>_p<k>` for k = 1 … 4 or 12).
 * `span`: the figures' years (none: every year, each event fanned out over its window).
 * `personKey`: what persons are grouped on (person-key.ts).
 */
export function eventScans(todo: readonly Definition[], span: { from: number; to: number } | undefined, personKey?: PersonKey): EventScans {
  const person = personKeyColumn(personKey, "e.person_id");
  const ctes: string[] = [];
  const joins: string[] = [];
  const spending = new Map<number, Sourced[]>();
  // One year: no fan-out of events over the years they count in.
  const only = span !== undefined && span.from === span.to ? span.from : undefined;
  for (const source of Object.keys(TABLE) as (keyof typeof TABLE)[]) {
    const users = todo.map((d, i) => ({ n: d.numerator, i })).filter((u): u is { n: EventsNumerator; i: number } => u.n?.kind === "events" && u.n.source === source);
    const payers = todo.map((d, i) => ({ n: d.numerator, i })).filter((u) => u.n?.kind === "spending" && u.n.sources.includes(source));
    if (users.length === 0 && payers.length === 0) continue;
    const maxWindow = Math.max(1, ...users.map((u) => u.n["window-years"]));
    const date = `e.${TABLE[source].date}`;
    const window = (u: (typeof users)[number]) => u.n["window-years"];
    // Spending reads every row of the table; events only those their codes select.
    const whereOf = (us: typeof users, paid: boolean) => (paid ? "true" : [...new Set(us.map((u) => `(${eventCondition(u.n)})`))].join(" OR "));
    // count(*) of the rows meeting every condition left (none: every row).
    const countIf = (conditions: readonly string[]) => (conditions.length === 0 ? "count(*)" : `count(*) FILTER (WHERE ${conditions.join(" AND ")})`);
    // Spending has no window: only the year of the event (k = 0). Summed as decimals (to
    // 1/10,000 of a euro), made DOUBLE only once per cell (compile.ts).
    const amounts = (k: string | undefined) => payers.map((p) => `sum(CAST(amount_eur AS DECIMAL(18, 4)))${k === undefined ? "" : ` FILTER (WHERE ${k} = 0)`} AS a${p.i}_${source}`);
    for (const p of payers) spending.set(p.i, [...(spending.get(p.i) ?? []), { source, amountColumn: `a${p.i}_${source}` }]);
    // The same events by period of their date (a sub-annual definition has no look-back window):
    // counted in the statement that counts the year, they add up to its numerator by construction.
    // `guard`: the conditions of u's events that the scan does not already ensure.
    const byPeriod = (u: (typeof users)[number], guard: readonly string[]) => {
      const kind = todo[u.i]!["sub-annual"];
      if (kind === undefined) return [];
      return Array.from({ length: periodCount(kind) }, (_, p) => {
        const months = monthsOf(kind, p + 1);
        return `${countIf([`month(${date}) BETWEEN ${months[0]} AND ${months.at(-1)}`, ...guard])} AS e${u.i}_p${p + 1}`;
      });
    };
    // k: how many years before the figures' year the event happened; `reach`: the scan reads
    // only events with k < reach, so a window of that length needs no test of its own. A scan
    // of one condition only (no spending, which reads every row) need not test it again either.
    const counts = (us: typeof users, k: string, reach: number, paid: boolean) => {
      const oneCondition = !paid && new Set(us.map((u) => eventCondition(u.n))).size === 1;
      return us.flatMap((u) => {
        const guard = [...(window(u) < reach ? [`${k} < ${window(u)}`] : []), ...(oneCondition ? [] : [eventCondition(u.n)])];
        return [`${countIf(guard)} AS e${u.i}`, ...byPeriod(u, guard)];
      });
    };
    const fanOut = (name: string, us: typeof users, paid: boolean, years?: { from: number; to: number }) => {
      const reach = Math.max(1, ...us.map(window));
      return `${name} AS (
  SELECT ${person}, CAST(year(${date}) + w.k AS INTEGER) AS year, ${[...counts(us, "w.k", reach, paid), ...(paid ? amounts("w.k") : [])].join(", ")}
  FROM ${source} e CROSS JOIN range(0, ${reach}) AS w(k)
  WHERE ${years ? `${yearRange(date, years.from - reach + 1, years.to)} AND year(${date}) + w.k BETWEEN ${years.from} AND ${years.to} AND ` : ""}(${whereOf(us, paid)})
  GROUP BY ALL
)`;
    };
    if (only !== undefined) {
      // One year: a date range (row groups outside it are skipped) instead of the fan-out.
      ctes.push(`ev_${source} AS (
  SELECT ${person}, CAST(${only} AS INTEGER) AS year, ${[...counts(users, `(${only} - year(${date}))`, maxWindow, payers.length > 0), ...amounts(`(${only} - year(${date}))`)].join(", ")}
  FROM ${source} e
  WHERE ${yearRange(date, only - maxWindow + 1, only)} AND (${whereOf(users, payers.length > 0)})
  GROUP BY ALL
)`);
      joins.push(`LEFT JOIN ev_${source} USING (person_id, year)`);
    } else if (span === undefined) {
      ctes.push(fanOut(`ev_${source}`, users, payers.length > 0));
      joins.push(`LEFT JOIN ev_${source} USING (person_id, year)`);
    } else {
      // Several years: the events of one year (spending, one-year windows) are grouped by their
      // own year; only the look-back windows' events, few, are fanned out over the years they
      // count in (all of a table's rows times three, spending included, cost more than the
      // statements they saved).
      const near = users.filter((u) => window(u) === 1);
      const far = users.filter((u) => window(u) > 1);
      // Grouped by the event's own year: k is 0 and every window here is one year (reach 1).
      if (near.length > 0 || payers.length > 0) {
        ctes.push(`ev_${source} AS (
  SELECT ${person}, CAST(year(${date}) AS INTEGER) AS year, ${[...counts(near, "0", 1, payers.length > 0), ...amounts(undefined)].join(", ")}
  FROM ${source} e
  WHERE ${yearRange(date, span.from, span.to)} AND (${whereOf(near, payers.length > 0)})
  GROUP BY ALL
)`);
        joins.push(`LEFT JOIN ev_${source} USING (person_id, year)`);
      }
      if (far.length > 0) {
        ctes.push(fanOut(`evw_${source}`, far, false, span));
        joins.push(`LEFT JOIN evw_${source} USING (person_id, year)`);
      }
    }
  }
  return { ctes, joins, spending };
}
