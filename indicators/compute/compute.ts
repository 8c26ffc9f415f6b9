/**
 * Runs the compiled query on a warehouse and writes the cells. The warehouse is opened
 * read-only: computing indicators must never be able to alter loaded data, and a read-only
 * open can run beside the dashboard's readers.
 */
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { Database } from "../../etl/db/duckdb.ts";
import { discard, replaceAtomically, temporaryPathFor } from "../../etl/load/atomic-file.ts";
import type { Definition } from "../definition/schema.ts";
import { compile, type Skipped } from "./compile.ts";
import { assembleCells, type CellWithStatistics, type Row } from "./statistics.ts";

export interface ComputeResult {
  cells: CellWithStatistics[];
  computed: string[];
  skipped: Skipped[];
  /** Time spent in the query, for the CLI's report. */
  queryMs: number;
}

export async function computeIndicators(warehousePath: string, defs: readonly Definition[], options: { memoryLimit?: string } = {}): Promise<ComputeResult> {
  const { sql, zoneSql, computed, skipped } = compile(defs);
  if (computed.length === 0) return { cells: [], computed, skipped, queryMs: 0 };
  const db = await Database.open(warehousePath, { readOnly: true, memoryLimit: options.memoryLimit });
  try {
    const started = performance.now();
    // Two statements: the person-based one and the zone figures (see compile-zone.ts).
    const rows = [...(sql ? await db.all<Row>(sql) : []), ...(zoneSql ? await db.all<Row>(zoneSql) : [])];
    const queryMs = performance.now() - started;
    return { cells: assembleCells(rows, defs), computed, skipped, queryMs };
  } finally {
    db.close();
  }
}

const COLUMNS = [
  ["indicator_id", "VARCHAR"],
  ["year", "INTEGER"],
  ["level", "VARCHAR"],
  ["system_code", "VARCHAR"],
  ["area_code", "VARCHAR"],
  ["stratum", "VARCHAR"],
  ["stratum_value", "VARCHAR"],
  ["statistic", "VARCHAR"],
  ["unit", "VARCHAR"],
  // DOUBLE: a mean per person sums euro amounts.
  ["numerator", "DOUBLE"],
  ["denominator", "BIGINT"],
  ["value", "DOUBLE"],
  ["lower95", "DOUBLE"],
  ["upper95", "DOUBLE"],
  ["lower998", "DOUBLE"],
  ["upper998", "DOUBLE"],
  ["low_count", "BOOLEAN"],
] as const satisfies readonly (readonly [keyof CellWithStatistics, string])[];

/**
 * Writes the cells to a new DuckDB file (table `indicator_cell`) that replaces `outPath`
 * atomically, as the warehouse does: a reader never sees half a set of indicators.
 * These cells are BEFORE disclosure control: they may hold counts below the minimum.
 */
export async function writeCells(cells: readonly CellWithStatistics[], outPath: string): Promise<void> {
  const target = resolve(outPath);
  await mkdir(dirname(target), { recursive: true });
  const temporary = temporaryPathFor(target);
  const db = await Database.open(temporary);
  let done = false;
  try {
    await db.run(`CREATE TABLE indicator_cell (${COLUMNS.map(([n, t]) => `${n} ${t}`).join(", ")})`);
    // The appender streams rows without one statement per cell (national runs give 10^5+ cells).
    const appender = await db.connection.createAppender("indicator_cell");
    for (const cell of cells) {
      for (const [name, type] of COLUMNS) {
        const v = cell[name];
        if (v === null || v === undefined) appender.appendNull();
        else if (type === "BOOLEAN") appender.appendBoolean(Boolean(v));
        else if (type === "VARCHAR") appender.appendVarchar(String(v));
        else if (type === "INTEGER") appender.appendInteger(Number(v));
        else if (type === "BIGINT") appender.appendBigInt(BigInt(v));
        else appender.appendDouble(Number(v));
      }
      appender.endRow();
    }
    appender.closeSync();
    db.close();
    done = true;
    await replaceAtomically(temporary, target);
  } finally {
    if (!done) {
      db.close();
      await discard(temporary);
    }
  }
}
