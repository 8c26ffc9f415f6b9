/**
 * Runs the compiled queries on a warehouse and writes the cells. The warehouse is opened
 * read-only: computing indicators must never be able to alter loaded data, and a read-only
 * open can run beside the dashboard's readers.
 */
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { Database } from "../../core/duckdb.ts";
import { readColumns } from "../../core/read-columns.ts";
import { createAndAppend, type Columns } from "../../core/append-rows.ts";
import { discard, replaceAtomically, temporaryPathFor } from "../../core/atomic-file.ts";
import type { Definition } from "../definition/schema.ts";
import { areaRegionSql } from "./areas.ts";
import { compile, type Compiled, type Skipped } from "./compile.ts";
import { compileCheckedSqlDefinitions } from "./compile-sql.ts";
import { areaKey, deriveTable, ratioCells, ratioMeasures, type IndicatorCell } from "./derive.ts";
import { CellTable } from "./cell-table.ts";
import { compareIsrCells, isIsr, isrAreaRegionSql, isrCellsFromColumns } from "./indirect-standardisation.ts";
import { absentSources, sourceCoverage, type SkippedYear } from "./source-coverage.ts";
import { restrictForIndicatorSql } from "./sql-guard.ts";
import { periodCells, periodEventsFromColumns, type PeriodCell } from "./periods.ts";
import { yearBatches } from "./year-batches.ts";
import { personKeyStatus, type PersonKeyStatus } from "./person-key.ts";
import { signatureColumns, signaturesOf, type SignatureColumn, type Signatures } from "./signatures.ts";
import { statementsWithSignatures } from "./with-signatures.ts";
import { cellsFromColumns, cellsFromRows, type CellWithStatistics, type Row, type WideColumns } from "./statistics.ts";

export interface ComputeResult {
  /** The cells by column, as computed (cell-table.ts). */
  table: CellTable;
  /** The same cells as objects, made on first read (for readers that need objects). */
  readonly cells: IndicatorCell[];
  computed: string[];
  skipped: Skipped[];
  /** Years of computed definitions left without cells: their source has no rows that year (source-coverage.ts). */
  skippedYears: SkippedYear[];
  /** Values per quarter or month of the definitions that ask for them (`sub-annual`; periods.ts). */
  periodCells: PeriodCell[];
  /**
   * Per year, who is counted by what (signatures.ts), for the definitions computed: only when
   * asked (`signatures: true`), from the same pass over the person-years as the cells.
   */
  signatures: Signatures[];
  /** What persons were joined on, and why (person-key.ts); none without person-based definitions. */
  personKey?: PersonKeyStatus;
  /** Time spent in the queries, and in the statistics, for the CLI's report. */
  queryMs: number;
  statisticsMs: number;
}

export interface ComputeOptions {
  memoryLimit?: string;
  /** Only these years (default: every year of person_year). A trend needs earlier years: none without them. */
  years?: readonly number[];
  /**
   * Municipal cells by atom (areas.ts `municipalAtoms`): for a release that publishes none; its
   * municipal cells are then one per atom, under the atom's first NIS code, not per municipality.
   */
  municipalAtoms?: boolean;
  /** Also the signatures of the computed definitions, for disclosure control (with-signatures.ts). */
  signatures?: boolean;
}

export async function computeIndicators(warehousePath: string, defs: readonly Definition[], options: ComputeOptions = {}): Promise<ComputeResult> {
  const { sql, zoneSql, computed, skipped, columns } = compile(defs);
  if (computed.length === 0) return withCells({ table: new CellTable(), computed, skipped, skippedYears: [], periodCells: [], signatures: [], queryMs: 0, statisticsMs: 0 });
  const db = await Database.open(warehousePath, { readOnly: true, memoryLimit: options.memoryLimit });
  try {
    // Hand-written queries run here too: no extension may be installed or loaded on the fly.
    await restrictForIndicatorSql(db);
    const handWritten = await compileCheckedSqlDefinitions(defs, db, { municipalAtoms: options.municipalAtoms });
    const started = performance.now();
    // No false zeros: what has no source rows in a year gets no cells that year.
    const covered = await sourceCoverage(
      db,
      defs.filter((d) => computed.includes(d.id)),
    );
    const { coverage } = covered;
    const wanted = options.years && new Set(options.years);
    const rowsPerYear = wanted ? covered.rowsPerYear.filter((r) => wanted.has(r.year)) : covered.rowsPerYear;
    const years = rowsPerYear.map((r) => r.year);
    const absent = absentSources(defs, computed, coverage, years);
    // The person-based statement is read by column (it is wide); the others are small.
    // One statement per batch of years (year-batches.ts): peak memory follows a bounded amount of
    // data, whatever the number of years and the scale.
    // The cells are stored by column, derived fields empty, and filled in place (deriveTable).
    const table = new CellTable();
    let statisticsMs = 0;
    // Indirect standardisation needs every area's region, sectors included.
    const isrRegions = defs.some((d) => isIsr(d) && computed.includes(d.id))
      ? await db.all<{ level: string; system_code: string | null; area_code: string; region_code: string }>(isrAreaRegionSql())
      : [];
    const isrRegionOf = new Map(isrRegions.map((r) => [areaKey(r.level, r.system_code, r.area_code), r.region_code]));
    // The sub-annual definitions' events by period, from the same statements (periods.ts).
    const eventsByPeriod = new Map<string, number[]>();
    // The signatures of what is computed: not of a definition without any source data.
    const signing = options.signatures ? defs.filter((d) => computed.includes(d.id) && !absent.whole.some((w) => w.id === d.id)) : [];
    const signatures: Signatures[] = [];
    let keyStatus: PersonKeyStatus | undefined;
    if (sql) {
      // Persons joined on an integer where the load found it tells them apart (person-key.ts).
      keyStatus = await personKeyStatus(db);
      const personKey = keyStatus.key;
      const batches = yearBatches(rowsPerYear, columns.length);
      for (const [b, years] of batches.entries()) {
        const compiled = compile(defs, { years, municipalAtoms: options.municipalAtoms, personKey });
        const { wide, signatures: signed } = await readBatch(db, compiled, signatureColumns(signing, compiled.columns));
        signatures.push(...signed);
        const t = performance.now();
        cellsFromColumns(wide, columns, defs, table, batches.length - b);
        addAll(table, isrCellsFromColumns(wide, columns, defs, isrRegionOf));
        periodEventsFromColumns(wide, columns, eventsByPeriod);
        statisticsMs += performance.now() - t;
      }
    }
    // Only the years asked for: DuckDB pushes the filter down to the scans (a first look's 2024
    // alone: the demo's zone and hand-written queries 0.7–0.8 s → 0.35 s).
    const yearList = wanted ? [...wanted] : undefined;
    if (yearList?.some((y) => !Number.isInteger(y))) throw new RangeError(`years must be integers, not ${yearList.join(", ")}`);
    const inYears = (query: string) => (yearList === undefined ? query : `SELECT * FROM (${query}) WHERE ${yearList.length > 0 ? `year IN (${yearList.join(", ")})` : "false"}`);
    const longRows = [...(zoneSql ? await db.all<Row>(inYears(zoneSql)) : []), ...(handWritten.sql ? await db.all<Row>(inYears(handWritten.sql)) : [])];
    const regions = await db.all<{ level: string; system_code: string | null; area_code: string; region_code: string }>(areaRegionSql());
    const queryMs = performance.now() - started - statisticsMs;
    const t = performance.now();
    addAll(
      table,
      cellsFromRows(longRows, defs).filter((cell) => !wanted || wanted.has(cell.year)),
    );
    const noSource = new Set([...absent.years.map((s) => `${s.id}|${s.year}`), ...absent.whole.flatMap((w) => years.map((y) => `${w.id}|${y}`))]);
    if (noSource.size > 0) table.filter((i) => !noSource.has(`${table.text(table.indicator[i]!)}|${table.year[i]}`));
    const regionOf = new Map(regions.map((r) => [areaKey(r.level, r.system_code, r.area_code), r.region_code]));
    const measures = ratioMeasures(defs);
    if (measures.size > 0)
      addAll(
        table,
        ratioCells(
          cellsOf(table, (i) => measures.has(table.text(table.indicator[i]!)!)),
          defs,
        ),
      );
    const sector = table.code("sector");
    const total = table.code("total");
    // Sector cells are counts for disclosure control only: nothing to compare or follow.
    deriveTable(
      table,
      defs,
      regionOf,
      rowsWhere(table, (i) => table.level[i] !== sector),
    );
    compareIsrCells(table, defs);
    // Periods of the years that kept their cells (no source data, no periods either).
    const subAnnual = new Set(defs.filter((d) => d["sub-annual"] !== undefined && computed.includes(d.id)).map((d) => d.id));
    const totals = subAnnual.size === 0 ? [] : cellsOf(table, (i) => subAnnual.has(table.text(table.indicator[i]!)!) && table.stratum[i] === total);
    const periods = totals.length === 0 ? [] : periodCells(totals, eventsByPeriod, defs);
    const whole = new Set(absent.whole.map((w) => w.id));
    return withCells({
      table,
      computed: computed.filter((id) => !whole.has(id)),
      skipped: [...skipped, ...absent.whole],
      skippedYears: absent.years,
      periodCells: periods,
      signatures,
      ...(keyStatus ? { personKey: keyStatus } : {}),
      queryMs,
      statisticsMs: statisticsMs + performance.now() - t,
    });
  } finally {
    db.close();
  }
}

/** The result with its cells as objects, made from the table on first read of `cells`. */
function withCells(result: Omit<ComputeResult, "cells">): ComputeResult {
  let cells: IndicatorCell[] | undefined;
  return Object.defineProperty(result, "cells", { enumerable: true, get: () => (cells ??= result.table.toCells()) }) as ComputeResult;
}

/** Cell objects added to the table, room made for all of them at once. */
function addAll(table: CellTable, cells: readonly CellWithStatistics[]): void {
  table.reserve(cells.length);
  for (const cell of cells) table.addCell(cell);
}

/** The cells `keep` says yes to, as objects. */
function cellsOf(table: CellTable, keep: (i: number) => boolean): IndicatorCell[] {
  const out: IndicatorCell[] = [];
  for (let i = 0; i < table.length; i++) if (keep(i)) out.push(table.cell(i));
  return out;
}

/** The indices of the cells `keep` says yes to. */
function rowsWhere(table: CellTable, keep: (i: number) => boolean): Int32Array {
  const rows = new Int32Array(table.length);
  let n = 0;
  for (let i = 0; i < table.length; i++) if (keep(i)) rows[n++] = i;
  return rows.subarray(0, n);
}

/** A batch's wide result, and its signatures when some are asked, from one pass over its person-years. */
async function readBatch(db: Database, compiled: Compiled, signing: readonly SignatureColumn[]): Promise<{ wide: WideColumns; signatures: Signatures[] }> {
  if (signing.length === 0) return { wide: await readColumns(db.connection, compiled.sql), signatures: [] };
  const statements = statementsWithSignatures(compiled, signing);
  await db.run(statements.prepare);
  try {
    const wide = await readColumns(db.connection, statements.cells);
    const rows = await db.all<Record<string, unknown>>(statements.signatures);
    return {
      wide,
      signatures: signaturesOf(
        rows,
        signing.map((c) => c.name),
      ),
    };
  } finally {
    await db.run(statements.cleanup);
  }
}

export const CELL_COLUMNS = [
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
  ["region_code", "VARCHAR"],
  ["compared_region", "VARCHAR"],
  ["compared_belgium", "VARCHAR"],
  ["quintile", "TINYINT"],
  ["trend", "VARCHAR"],
  ["trend_slope", "DOUBLE"],
  ["bim_ratio", "DOUBLE"],
  ["bim_ratio_lower95", "DOUBLE"],
  ["bim_ratio_upper95", "DOUBLE"],
  ["bim_difference", "DOUBLE"],
  ["bim_difference_lower95", "DOUBLE"],
  ["bim_difference_upper95", "DOUBLE"],
] as const satisfies Columns<IndicatorCell>;

/** The columns of the sub-annual period cells (periods.ts), as `writeCells` writes them. */
export const PERIOD_CELL_COLUMNS = [
  ["indicator_id", "VARCHAR"],
  ["year", "INTEGER"],
  ["period", "VARCHAR"],
  ["period_kind", "VARCHAR"],
  ["period_index", "INTEGER"],
  ["level", "VARCHAR"],
  ["system_code", "VARCHAR"],
  ["area_code", "VARCHAR"],
  ["numerator", "DOUBLE"],
  ["denominator", "DOUBLE"],
  ["value", "DOUBLE"],
  ["lower95", "DOUBLE"],
  ["upper95", "DOUBLE"],
  ["low_count", "BOOLEAN"],
] as const satisfies Columns<PeriodCell>;

/**
 * Writes the cells to a new DuckDB file (table `indicator_cell`, and `indicator_period_cell` for
 * the sub-annual values) that replaces `outPath`
 * atomically, as the warehouse does: a reader never sees half a set of indicators.
 * These cells are BEFORE disclosure control: they may hold counts below the minimum.
 */
export async function writeCells(cells: readonly IndicatorCell[] | CellTable, outPath: string, periodCells: readonly PeriodCell[] = []): Promise<void> {
  const target = resolve(outPath);
  await mkdir(dirname(target), { recursive: true });
  const temporary = temporaryPathFor(target);
  const db = await Database.open(temporary);
  let done = false;
  try {
    await createAndAppend(db, "indicator_cell", CELL_COLUMNS, cells instanceof CellTable ? cells.rows() : cells);
    await createAndAppend(db, "indicator_period_cell", PERIOD_CELL_COLUMNS, periodCells);
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
