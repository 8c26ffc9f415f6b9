/**
 * No false zeros: a definition whose source table has no rows at all for a year (the extract
 * did not deliver it) would come out as 0 in every area — 0 admissions, 0 € — since the
 * engine counts a person without events as 0. Missing data is not zero: such a (definition,
 * year) yields no cells, and the run says which and why.
 *
 * Coverage is one cheap query per table read (rows per year, and per survey for the survey
 * tables), not per definition. What is checked:
 * - events, medicines, readmissions, spending: the event tables they read, by the year of the
 *   event's date (the year the figure is about);
 * - a look-back window (`window-years` 2 or more) needs every year it spans: a year whose window
 *   starts before the first year of its source's data (or holds a year without rows) is left
 *   out too. Otherwise the extract's first year would count one year of screening where the
 *   others count two (breast-cancer screening: 28 % then 46 %), a false jump;
 * - zone figures: their zone table (and survey) that year;
 * - deaths and status flags come from person_year, whose columns are required: nothing to check;
 * - hand-written `sql`: the tables it reads are not known here; not checked;
 * - a ratio of measures: skipped where either measure is.
 */
import type { Database } from "../../core/duckdb.ts";
import type { Definition } from "../definition/schema.ts";
import { TABLE } from "./conditions.ts";
import type { YearRows } from "./year-batches.ts";

/** A table (and for the survey tables, a survey) a definition needs rows of. */
export interface Source {
  table: string;
  survey?: string;
  /** Years of events each figure reads (the year and those before), when more than one. */
  window?: number;
}

export interface SkippedYear {
  id: string;
  year: number;
  reason: string;
}

const ZONE_DATE = "year";

/** The sources whose absence would turn a definition's figures into false zeros. */
export function sourcesOf(def: Definition): Source[] {
  if (def.sql !== undefined) return [];
  const zv = def["zone-value"];
  if (zv) return [{ table: zv.source, ...(zv.survey !== undefined ? { survey: zv.survey } : {}) }];
  const n = def.numerator;
  switch (n?.kind) {
    case "events":
      return [{ table: n.source, ...(n["window-years"] > 1 ? { window: n["window-years"] } : {}) }];
    case "medicines":
      return [{ table: "pharmacy_delivery" }];
    case "readmissions":
      return [{ table: "hospital_stay" }];
    case "spending":
      return n.sources.map((table) => ({ table }));
    case "status":
    case "deaths":
    case undefined:
      return [];
    default: {
      const unknown: never = n;
      throw new Error(`numerator of unknown kind ${JSON.stringify(unknown)}`);
    }
  }
}

const label = (s: Source) => (s.survey !== undefined ? `${s.table} (survey ${s.survey})` : s.table);
const sourceKey = (s: Source) => `${s.table}|${s.survey ?? ""}`;

/** One query per table: rows per year (and survey). `year, survey, rows`. */
export function coverageSql(table: string): string {
  const date = table in TABLE ? `CAST(year(${TABLE[table as keyof typeof TABLE].date}) AS INTEGER)` : `CAST(${ZONE_DATE} AS INTEGER)`;
  const survey = table === "zone_prem" || table === "zone_workforce" ? "survey" : "NULL::VARCHAR";
  return `SELECT ${date} AS year, ${survey} AS survey, count(*) AS rows FROM ${table} GROUP BY ALL`;
}

/** `table|survey` → years with rows (a survey table also under `table|`). */
export type Coverage = ReadonlyMap<string, ReadonlySet<number>>;

/** Runs the coverage queries for the tables the definitions read; also returns person_year's years and their rows. */
export async function sourceCoverage(db: Database, defs: readonly Definition[]): Promise<{ coverage: Coverage; years: number[]; rowsPerYear: YearRows[] }> {
  const tables = [...new Set(defs.flatMap(sourcesOf).map((s) => s.table))];
  for (const table of tables) {
    // Table names come from the schema's closed lists, never from free text; quoted anyway.
    if (!/^[a-z_]+$/.test(table)) throw new Error(`unexpected table name ${table}`);
  }
  // What the load recorded (etl/load/year-rows.ts), or else the tables themselves: a
  // warehouse loaded before `load_year` existed, or built by hand, has none.
  const recorded = await recordedYearRows(db, [...tables, "person_year"]);
  const rowsOf = async (table: string) => recorded?.filter((r) => r.table_name === table) ?? (await db.all<YearRow>(coverageSql(table)));
  const coverage = new Map<string, Set<number>>();
  const add = (key: string, year: number) => {
    const set = coverage.get(key) ?? new Set<number>();
    set.add(year);
    coverage.set(key, set);
  };
  for (const table of tables) {
    for (const r of await rowsOf(table)) {
      if (r.year === null || Number(r.rows) === 0) continue;
      add(`${table}|`, r.year);
      if (r.survey !== null) add(`${table}|${r.survey}`, r.year);
    }
  }
  // The figures' years, with their rows: compute.ts sizes its batches of years by them.
  const years = new Map<number, number>();
  for (const r of recorded ? recorded.filter((r) => r.table_name === "person_year") : await db.all<YearRow>(coverageSql("person_year"))) {
    if (r.year !== null) years.set(r.year, (years.get(r.year) ?? 0) + Number(r.rows));
  }
  const rowsPerYear = [...years].sort((a, b) => a[0] - b[0]).map(([year, rows]) => ({ year, rows }));
  return { coverage, years: rowsPerYear.map((r) => r.year), rowsPerYear };
}

interface YearRow {
  table_name?: string;
  year: number | null;
  survey: string | null;
  rows: number | bigint;
}

/** The rows per year the load recorded for these tables, or undefined when it recorded none. */
async function recordedYearRows(db: Database, tables: readonly string[]): Promise<YearRow[] | undefined> {
  const exists = await db.all<{ n: number | bigint }>("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'load_year' AND schema_name = 'main'");
  if (Number(exists[0]?.n ?? 0) === 0) return undefined;
  const rows = await db.all<YearRow>("SELECT table_name, year, survey, row_count AS rows FROM load_year");
  if (rows.length === 0) return undefined;
  const wanted = new Set(tables);
  return rows.filter((r) => wanted.has(r.table_name!));
}

/**
 * Pure: which (definition, year) pairs have a source without rows, and which definitions have
 * none of their years left. Ratios of measures follow their measures. `ids`: the definitions
 * computed.
 */
export function absentSources(defs: readonly Definition[], ids: readonly string[], coverage: Coverage, years: readonly number[]): { years: SkippedYear[]; whole: { id: string; reason: string }[] } {
  const byId = new Map(defs.map((d) => [d.id, d]));
  const out: SkippedYear[] = [];
  const skippedYear = new Set<string>();
  // What is missing, per definition, for the message of a definition with no year left.
  const what = new Map<string, Set<string>>();
  // Per definition, why its look-back windows are not covered (the message of a whole definition says so).
  const truncated = new Map<string, string[]>();
  for (const id of ids) {
    const def = byId.get(id);
    if (!def) continue;
    for (const year of years) {
      const missing = sourcesOf(def).filter((s) => !coverage.get(sourceKey(s))?.has(year));
      if (missing.length > 0) {
        const labels = [...new Set(missing.map(label))];
        out.push({ id, year, reason: `no source data: ${labels.join(", ")} has no rows for ${year}` });
        what.set(id, new Set([...(what.get(id) ?? []), ...labels]));
        skippedYear.add(`${id}|${year}`);
        continue;
      }
      const short = sourcesOf(def).flatMap((s) => windowProblem(s, year, coverage.get(sourceKey(s)) ?? new Set()) ?? []);
      if (short.length === 0) continue;
      out.push({ id, year, reason: `window not covered: ${short.join("; ")}` });
      truncated.set(id, [...(truncated.get(id) ?? []), ...short]);
      skippedYear.add(`${id}|${year}`);
    }
  }
  for (const id of ids) {
    const of = byId.get(id)?.["ratio-of"];
    if (!of) continue;
    for (const year of years) {
      const missing = [of.numerator, of.denominator].filter((m) => skippedYear.has(`${m}|${year}`));
      if (missing.length === 0) continue;
      const windows = missing.flatMap((m) => (out.find((s) => s.id === m && s.year === year)?.reason.startsWith("window not covered") ? [m] : []));
      if (windows.length > 0) {
        out.push({ id, year, reason: `its measure(s) ${missing.join(", ")} are left out for ${year} (a look-back window not covered)` });
        truncated.set(id, [...(truncated.get(id) ?? []), `its measure(s) ${missing.join(", ")} are left out for ${year}`]);
        continue;
      }
      out.push({ id, year, reason: `its measure(s) ${missing.join(", ")} have no source data for ${year}` });
      what.set(id, new Set([...(what.get(id) ?? []), ...missing.map((m) => `the source data of ${m}`)]));
    }
  }
  const whole = ids
    .filter((id) => years.length > 0 && years.every((y) => out.some((s) => s.id === id && s.year === y)))
    .map((id) => ({
      id,
      reason: truncated.has(id)
        ? `no year with source data over its whole look-back window (${years.join(", ")}): ${[...new Set([...(what.get(id) ?? [])].map((l) => `${l} has no rows in some years`).concat(truncated.get(id)!))].join("; ")}`
        : `no source data in any year: ${[...(what.get(id) ?? [])].join(", ")} has no rows for ${years.join(", ")}`,
    }));
  const wholeIds = new Set(whole.map((w) => w.id));
  return { years: out.filter((s) => !wholeIds.has(s.id)), whole };
}

/**
 * Why a year's look-back window is not covered by a source's rows, or undefined when it is:
 * the window starts before the source's first year, or spans a year without rows.
 */
export function windowProblem(s: Source, year: number, covered: ReadonlySet<number>): string | undefined {
  const w = s.window ?? 1;
  if (w <= 1 || covered.size === 0) return undefined;
  const from = year - w + 1;
  const first = Math.min(...covered);
  if (from < first) return `the ${w}-year window ${from}–${year} starts before the first year of ${label(s)} data (${first})`;
  const gaps: number[] = [];
  for (let y = from; y < year; y++) if (!covered.has(y)) gaps.push(y);
  return gaps.length > 0 ? `the ${w}-year window ${from}–${year} has no ${label(s)} rows for ${gaps.join(", ")}` : undefined;
}

/** Log lines for the CLI and publish: one per definition, its years together. */
export function describeSkippedYears(skipped: readonly SkippedYear[]): string[] {
  const byId = new Map<string, SkippedYear[]>();
  for (const s of skipped) byId.set(s.id, [...(byId.get(s.id) ?? []), s]);
  return [...byId].map(
    ([id, list]) =>
      `${id}: no cells for ${list.map((s) => s.year).join(", ")} (${list
        .map((s) => s.reason)
        .filter((r, i, all) => all.indexOf(r) === i)
        .join("; ")})`,
  );
}
