import type { FileKind } from "../../contract/index.ts";
import { Database, literal } from "../../core/duckdb.ts";
import type { Progress } from "../../core/progress.ts";
import { readHeader, type CsvDialect } from "./csv-reader.ts";
import type { ExtractFile } from "./extract.ts";
import type { FileDigest } from "./file-digest.ts";
import { mapHeader } from "./header.ts";
import type { References } from "./references.ts";
import { ValidationReport } from "./report.ts";
import { PARQUET_DIALECT, readParquetSchema } from "./parquet-reader.ts";
import { distinctScreenSql, parquetScreenReader, SCREEN_REFERENCE_TABLES, screenParts, type ScreenParts } from "./screen-sql.ts";

export interface ScreenContext {
  references: References;
  today: Date;
  /** The snapshot's digests: a screened file is never read by JavaScript, so its hash comes from the snapshot. */
  digests: Map<string, FileDigest>;
  progress?: Progress;
}

export interface ScreenOutcome {
  /** Files the screen passed, in the order given: checked, nothing to report. */
  passed: ExtractFile[];
  /** Files to check row by row (flagged, unreadable by DuckDB, or not screenable), in the order given. */
  rowByRow: { name: string; kind: FileKind; path: string }[];
}

/**
 * Screens large CSV and Parquet files in DuckDB (screen-sql.ts) before the row-by-row checks: a file
 * whose every row passes is done; any other goes on to the row checker, which finds and words
 * each problem. Runs in an in-memory database: the screen only counts, it keeps no row.
 */
export async function screenFiles(files: { name: string; kind: FileKind; path: string }[], ctx: ScreenContext): Promise<ScreenOutcome> {
  const outcome: ScreenOutcome = { passed: [], rowByRow: [] };
  if (files.length === 0) return outcome;
  const db = await Database.open(":memory:");
  try {
    await fillReferences(db, ctx.references);
    for (const file of files) {
      const passed = await screenFile(db, file, ctx);
      if (passed) outcome.passed.push(passed);
      else outcome.rowByRow.push(file);
    }
  } finally {
    db.close();
  }
  return outcome;
}

/** A file the screen can read: its entry (rows still to count) and the screen's SQL for it. */
export interface ScreenPlan {
  file: ExtractFile;
  parts: ScreenParts;
}

/**
 * Reads the header of a CSV file (or the schema of a Parquet file) and plans its screen; null
 * when the file must go row by row (a lone carriage return in a CSV file, a Parquet file DuckDB
 * cannot read, a header the row checker would word a problem about, or a kind the screen cannot
 * stand for).
 */
export async function planScreen(file: { name: string; kind: FileKind; path: string }, ctx: Pick<ScreenContext, "digests" | "today">): Promise<ScreenPlan | null> {
  const digest = ctx.digests.get(file.name);
  if (!digest) return null;
  let columns: string[];
  let dialect: CsvDialect;
  let from: string | undefined;
  if (/\.parquet$/i.test(file.name)) {
    // Read as the row checker reads it (parquet-reader.ts): each column as the text a CSV would hold.
    const schema = await readParquetSchema(file.path);
    if (!schema) return null;
    columns = schema.map((c) => c.name);
    dialect = PARQUET_DIALECT;
    from = parquetScreenReader(schema);
  } else {
    if (!/\.(csv|txt)$/i.test(file.name) || digest.loneCarriageReturn) return null;
    const header = await readHeader(file.path);
    if (!header || header.invalidUtf8) return null;
    columns = header.columns;
    dialect = header.dialect;
  }
  // Header problems are the row checker's to report, with its words.
  const scratch = new ValidationReport();
  const mapping = mapHeader(file.kind, columns, scratch, file.name);
  if (!mapping || scratch.issues.length > 0) return null;
  const parts = screenParts({ kind: file.kind, header: columns, mapping, dialect, today: ctx.today, from });
  if (parts === null) return null;
  const entry: ExtractFile = {
    name: file.name,
    path: file.path,
    kind: file.kind,
    format: from === undefined ? "csv" : "parquet",
    dialect,
    mapping,
    headerColumns: columns,
    rows: 0,
    bytes: digest.bytes,
    sha256: digest.sha256,
  };
  return { file: entry, parts };
}

/**
 * Runs the screen (distinctScreenSql) on a file: its rows and flagged values, or DuckDB's first
 * line of error (ragged rows, an unterminated quote, bytes that are not UTF-8, memory…), which
 * the row checker then words. Shared by this file's pass and the load's (insert-file.ts).
 */
export async function runScreen(db: Database, parts: ScreenParts, path: string): Promise<{ rows: number; flagged: number } | { error: string }> {
  try {
    const [counts] = await db.all<{ rows: bigint | number; flagged: bigint | number }>(distinctScreenSql(parts), [path]);
    return { rows: Number(counts?.rows ?? 0), flagged: Number(counts?.flagged ?? 0) };
  } catch (error) {
    return { error: (error instanceof Error ? error.message : String(error)).split("\n")[0]! };
  }
}

async function screenFile(db: Database, file: { name: string; kind: FileKind; path: string }, ctx: ScreenContext): Promise<ExtractFile | null> {
  const plan = await planScreen(file, ctx);
  if (plan === null) return null;
  const task = ctx.progress?.task(`screen ${file.name} in DuckDB`, 1);
  const counts = await runScreen(db, plan.parts, file.path);
  if ("error" in counts) {
    task?.done("unreadable as it stands: checked row by row");
    return null;
  }
  if (counts.flagged > 0) {
    task?.done(`${counts.flagged.toLocaleString("en")} value(s) to look at: checked row by row`);
    return null;
  }
  task?.done(`${counts.rows.toLocaleString("en")} rows`);
  return { ...plan.file, rows: counts.rows };
}

/** The reference tables the screen joins, as temporary tables of `db`. */
export async function fillReferences(db: Database, refs: References): Promise<void> {
  const table = async (name: string, columns: string, rows: string[]) => {
    await db.run(`CREATE TEMP TABLE ${name} (${columns})`);
    // Sectors are the largest set (about 20,000 for Belgium): a few statements of VALUES.
    for (let i = 0; i < rows.length; i += 5000) await db.run(`INSERT INTO ${name} VALUES ${rows.slice(i, i + 5000).join(", ")}`);
  };
  for (const [name, set] of Object.entries(refs.sets))
    await table(
      SCREEN_REFERENCE_TABLES.set(name),
      "code VARCHAR",
      [...set].map((c) => `(${literal(c)})`),
    );
  await table(
    SCREEN_REFERENCE_TABLES.sectorMunicipality,
    "code VARCHAR, municipality VARCHAR",
    [...refs.sectorMunicipality].map(([s, m]) => `(${literal(s)}, ${literal(m)})`),
  );
  await table(
    SCREEN_REFERENCE_TABLES.split,
    "code VARCHAR",
    [...refs.splitMunicipalities].map((c) => `(${literal(c)})`),
  );
}
