// One file into the new warehouse. A file the checks left to the load (ExtractFile.screenAtLoad)
// is screened in DuckDB over its distinct values, then inserted. When the screen flags a value,
// the file is checked row by row, which words every problem, and loaded the usual way if it
// finds none.
import type { Database } from "../../core/duckdb.ts";
import type { Progress } from "../../core/progress.ts";
import { checkFiles } from "../validate/check-pool.ts";
import { checkFile } from "../validate/check-file.ts";
import type { ExtractCheck, ExtractFile } from "../validate/extract.ts";
import { fillReferences, screenFiles } from "../validate/screen-file.ts";
import { compareRowCount, insertFile, insertScreened } from "./insert-file.ts";

export interface LoadContext {
  db: Database;
  check: ExtractCheck;
  batchId: string;
  progress: Progress;
  /** Rows loaded so far per table (compareRowCount). */
  loaded: Map<string, number>;
}

/** Loads `file`; false when a row-by-row check found problems (in the report; nothing more is to be loaded). */
export async function loadFile(ctx: LoadContext, file: ExtractFile): Promise<boolean> {
  const { db, check, batchId, progress } = ctx;
  if (file.screenAtLoad) {
    const task = progress.task(`load ${file.name}`, 1);
    const screened = await insertScreened(db, file, batchId);
    if ("rows" in screened) {
      file.rows = screened.rows;
      delete file.screenAtLoad;
      await compareRowCount(db, file, ctx.loaded, check.report);
      task.done(`${screened.rows.toLocaleString("en")} rows, screened in DuckDB then inserted`);
      return true;
    }
    task.done(`${screened.rowByRow}: checked row by row`);
    // The row checker words the problems; a file it finds clean is then loaded the usual way.
    const checked = await checkFile(file.path, file.name, file.kind, { report: check.report, today: check.today, references: check.references, progress });
    Object.assign(file, checked);
    delete file.screenAtLoad;
    if (!check.report.ok) return false;
  }
  const task = progress.task(`load ${file.name}`, 1);
  await insertFile(db, file, batchId);
  await compareRowCount(db, file, ctx.loaded, check.report);
  task.done(`${file.rows.toLocaleString("en")} rows`);
  return true;
}

/** The screen's reference tables, once per load, when a file is left to the load's screen. */
export async function prepareScreenedLoad(db: Database, check: ExtractCheck): Promise<void> {
  if (check.files.some((f) => f.screenAtLoad)) await fillReferences(db, check.references);
}

/**
 * Checks the files still left to the load's screen without loading them, so that a report
 * that stops the load still names every problem of every file.
 */
export async function checkFilesLeft(check: ExtractCheck, progress: Progress): Promise<void> {
  const left = check.files.filter((f) => f.screenAtLoad);
  if (left.length === 0) return;
  const screened = await screenFiles(left, { references: check.references, today: check.today, digests: check.snapshot.digests, progress });
  const checked = await checkFiles(screened.rowByRow, { report: check.report, today: check.today, references: check.references, progress });
  for (const f of [...screened.passed, ...checked]) {
    const file = check.files.find((x) => x.name === f.name) as ExtractFile;
    Object.assign(file, f);
    delete file.screenAtLoad;
  }
}
