import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import type { FileKind, ParsedRow } from "../../contract/index.ts";
import type { Progress } from "../../core/progress.ts";
import { readCsv, type CsvDialect } from "./csv-reader.ts";
import type { ExtractFile } from "./extract.ts";
import { mapHeader } from "./header.ts";
import { readParquet } from "./parquet-reader.ts";
import type { References } from "./references.ts";
import type { ValidationReport } from "./report.ts";
import { RowChecker } from "./row-checker.ts";

/** Reads one file (its snapshot at `path`) once, streaming: hashes it and checks its header and every row. */
export async function checkFile(
  path: string,
  name: string,
  kind: FileKind,
  ctx: { report: ValidationReport; today: Date; references: References | null; collect?: ParsedRow[]; progress?: Progress },
): Promise<ExtractFile> {
  const format = /\.parquet$/i.test(name) ? "parquet" : "csv";
  const hash = createHash("sha256");
  const entry: ExtractFile = { name, path, kind, format, rows: 0, bytes: 0, sha256: "" };
  let checker: RowChecker | null = null;
  let header: string[] = [];
  const total = (await stat(path)).size;
  const task = ctx.progress?.task(`check ${name}`, total);

  const callbacks = {
    header: (columns: string[], dialect: CsvDialect) => {
      header = columns;
      entry.headerColumns = columns;
      entry.dialect = dialect;
      const mapping = mapHeader(kind, columns, ctx.report, name);
      if (!mapping) return false;
      entry.mapping = mapping;
      const collect = ctx.collect;
      checker = new RowChecker({ kind, file: name, header, mapping, references: ctx.references, report: ctx.report, today: ctx.today, collect });
      return true;
    },
    row: (fields: string[], line: number) => (checker as RowChecker | null)?.check(fields, line),
    progress: (bytes: number) => task?.update(bytes),
    problem: (rule: string, line: number, message: string) => ctx.report.error(rule, name, message, { line }),
  };
  const result = format === "parquet" ? await readParquet(path, callbacks, hash) : await readCsv(path, callbacks, hash);
  (checker as RowChecker | null)?.finish();
  entry.rows = result.rows;
  entry.bytes = result.bytes;
  entry.sha256 = hash.digest("hex");
  task?.done(`${result.rows.toLocaleString("en")} rows`);
  return entry;
}
