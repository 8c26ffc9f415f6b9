import { sqlType, type ColumnSpec, type FileKind } from "../../contract/index.ts";
import { ident, literal, type Database } from "../../core/duckdb.ts";
import type { ExtractFile } from "../validate/extract.ts";
import { storedName } from "../../contract/warehouse-schema.ts";
import type { ValidationReport } from "../validate/report.ts";
import { runScreen } from "../validate/screen-file.ts";

/**
 * SQL that turns one source column into its warehouse type (CSV columns mostly arrive typed
 * already; Parquet's may need a cast).
 */
function convert(spec: ColumnSpec, source: string, format: ExtractFile["format"]): string {
  const t = spec.type;
  if (format === "csv" && csvType(spec) === sqlType(t)) return source;
  switch (t.kind) {
    case "int":
      return `CAST(${source} AS INTEGER)`;
    case "decimal":
      return t.suppressedMarker ? `CAST(NULLIF(CAST(${source} AS VARCHAR), '${t.suppressedMarker}') AS DOUBLE)` : `CAST(${source} AS DOUBLE)`;
    case "date":
      return `CAST(${source} AS DATE)`;
    case "flag":
      return `CASE WHEN ${source} IS NULL THEN NULL ELSE CAST(${source} AS VARCHAR) IN ('1', 'true') END`;
    case "enum":
    case "code":
    case "text":
      return `NULLIF(CAST(${source} AS VARCHAR), '')`;
    default: {
      const unknown: never = t;
      throw new Error(`column type of unknown kind ${JSON.stringify(unknown)}`);
    }
  }
}

function reader(file: ExtractFile): string {
  if (file.format === "parquet") return "read_parquet($1)";
  const delimiter = (file.dialect?.delimiter ?? ",").replace("'", "''");
  return `read_csv($1, delim='${delimiter}', quote='"', escape='"', header=true, auto_detect=false, columns=${columnsStruct(file)})`;
}

/**
 * The type of every header column, given rather than guessed: the checks have vouched for
 * the values, so DuckDB parses each straight into its warehouse type (text for the rest).
 */
function columnsStruct(file: ExtractFile): string {
  const typeOf = new Map<string, string>();
  for (const spec of file.kind.columns) {
    const source = file.mapping?.source.get(spec.name);
    if (source !== undefined) typeOf.set(source, csvType(spec));
  }
  const names = file.headerColumns ?? [];
  return `{${names.map((n) => `${literal(n)}: '${typeOf.get(n) ?? "VARCHAR"}'`).join(", ")}}`;
}

/** Columns with a suppression marker (Statbel's `*`) are read as text and converted after. */
function csvType(spec: ColumnSpec): string {
  return spec.type.kind === "decimal" && spec.type.suppressedMarker ? "VARCHAR" : sqlType(spec.type);
}

/**
 * Inserts one checked file into its table with one INSERT … SELECT: DuckDB reads and
 * converts in bulk, in parallel, within its memory limit.
 */
export async function insertFile(db: Database, file: ExtractFile, batchId: string): Promise<void> {
  const kind: FileKind = file.kind;
  const mapping = file.mapping;
  if (!mapping) throw new Error(`${file.name}: no header mapping (the file failed its checks)`);
  const targets: string[] = [];
  const values: string[] = [];
  for (const spec of kind.columns) {
    const source = mapping.source.get(spec.name);
    targets.push(ident(storedName(spec)));
    values.push(source === undefined ? "NULL" : convert(spec, ident(source), file.format));
  }
  if (kind.id === "statbel_population") return insertStatbelPopulation(db, file, batchId, targets, values);
  await db.run(`INSERT INTO ${ident(kind.id)} (${targets.join(", ")}, batch_id) SELECT ${values.join(", ")}, $2 FROM ${reader(file)}`, [file.path, batchId]);
}

/**
 * Loads a file the checks left to the load (ExtractFile.screenAtLoad): first the screen over
 * the file's distinct values (distinctScreenSql: one condition per distinct value rather than
 * per row), then, when nothing is flagged, the typed INSERT of insertFile. The file (held open
 * by the load, snapshot.ts) is read twice, back to back while its pages are still cached: on the
 * 0.05 sample that is faster than one read that evaluates every condition on every row (see README).
 * Returns the rows the screen counted (compareRowCount then holds the INSERT to them), or why
 * the file is to be checked row by row: a flagged value, or an error of DuckDB (a file its
 * strict reader refuses, memory), said in the load's progress so that a slow fallback never
 * goes unexplained. The screen's reference tables must exist in `db`.
 */
export async function insertScreened(db: Database, file: ExtractFile, batchId: string): Promise<{ rows: number } | { rowByRow: string }> {
  const parts = file.screenAtLoad;
  if (!parts || !file.mapping) throw new Error(`${file.name}: not a file left to the load's screen`);
  const counts = await runScreen(db, parts, file.path);
  if ("error" in counts) return { rowByRow: `DuckDB could not screen it (${counts.error})` };
  if (counts.flagged > 0) return { rowByRow: "a value to look at" };
  await insertFile(db, file, batchId);
  return { rows: counts.rows };
}

/** Statbel splits each municipality × sex × age by nationality and civil status: sum them. */
async function insertStatbelPopulation(db: Database, file: ExtractFile, batchId: string, targets: string[], values: string[]): Promise<void> {
  const yearFromName = Number(/POP_STRUCT_?(\d{4})/i.exec(file.name)?.[1]);
  const yearAt = targets.indexOf('"year"');
  if (values[yearAt] === "NULL") values[yearAt] = String(yearFromName);
  const populationAt = targets.indexOf('"population"');
  const keys = targets.map((t, i) => (i === populationAt ? null : `${values[i]} AS ${t}`)).filter((x): x is string => x !== null);
  await db.run(
    `INSERT INTO statbel_population (${targets.filter((_, i) => i !== populationAt).join(", ")}, population, batch_id)
     SELECT ${keys.join(", ")}, SUM(${values[populationAt]}), $2 FROM ${reader(file)} GROUP BY ALL`,
    [file.path, batchId],
  );
}

/**
 * The rows stored must be the rows checked: a difference (the reader and DuckDB splitting
 * lines differently) is an error naming the file, and the load is not written. `checked`
 * holds the rows checked so far per table (several files may fill one table).
 */
export async function compareRowCount(db: Database, file: ExtractFile, checked: Map<string, number>, report: ValidationReport): Promise<void> {
  // Statbel's population is summed while loading: its rows are not one per line.
  if (file.kind.id === "statbel_population") return;
  const before = checked.get(file.kind.id) ?? 0;
  checked.set(file.kind.id, before + file.rows);
  const [row] = await db.all<{ n: bigint | number }>(`SELECT count(*) AS n FROM ${ident(file.kind.id)}`);
  const stored = Number(row?.n ?? 0) - before;
  if (stored !== file.rows) report.error("load.row-count", file.name, `${file.rows.toLocaleString("en")} rows were checked but the load read ${stored.toLocaleString("en")}: nothing was written`);
}
