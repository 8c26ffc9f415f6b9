import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { Database } from "../../core/duckdb.ts";
import type { Progress } from "../../core/progress.ts";
import { silentProgress } from "../../core/progress.ts";
import { checkExtract, type ExtractCheck } from "../validate/extract.ts";
import { removeOwnSnapshotsSync, snapshotParent } from "../validate/snapshot.ts";
import { discard, discardSync, ensureWritable, onTermination, removeStaleTemporaries, replaceAtomically, temporaryPathFor } from "../../core/atomic-file.ts";
import { checkInDatabase } from "./database-checks.ts";
import { checkFilesLeft, loadFile, prepareScreenedLoad } from "./load-file.ts";
import { warehouseSchema } from "../../contract/warehouse-schema.ts";
import { recordYearRows } from "./year-rows.ts";
import { recordPersonKeySql } from "../../contract/person-key.ts";

export const TOOL_VERSION = "boussole 0.1.0";

export interface LoadOptions {
  /** Target warehouse file; without it the extract is only checked (nothing is written but a temporary file, removed after). */
  warehouse?: string;
  vintage?: number;
  memoryLimit?: string;
  today?: Date;
  progress?: Progress;
  /**
   * How large files are screened in DuckDB before (or instead of) the row checks: default
   * "at-load", each person-level file just before it is inserted; true, every file in a pass of
   * their own before the load; false, not at all (every row through the row checker). The
   * bench compares them.
   */
  screen?: boolean | "at-load";
  /** Files held open while checked and loaded (default on Linux) or copied first (snapshot.ts). */
  snapshot?: "hold" | "copy";
}

export interface LoadResult {
  check: ExtractCheck;
  batchId: string | null;
  rows: number;
  written: boolean;
}

/**
 * Validates an extract and, when it is clean, loads it into a new warehouse file that
 * replaces the old one atomically. Any error leaves the previous warehouse as it was.
 */
export async function loadExtract(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const progress = options.progress ?? silentProgress;
  const started = new Date();
  const target = options.warehouse ? resolve(options.warehouse) : join(tmpdir(), `boussole-validate-${process.pid}.duckdb`);
  // A read-only or full output folder is said before the validation, not after it.
  await ensureWritable(dirname(target));
  if (options.warehouse) await removeStaleTemporaries(target);
  const temporary = temporaryPathFor(target);
  const parent = snapshotParent(dirname(target));
  // A load killed by SIGINT or SIGTERM removes its temporary files; after SIGKILL the next load does.
  const cleanup = onTermination(() => {
    discardSync(temporary);
    removeOwnSnapshotsSync(parent);
  });
  let check: ExtractCheck | undefined;
  try {
    check = await checkExtract(dir, { vintage: options.vintage, today: options.today, progress, snapshotParent: parent, snapshotMethod: options.snapshot, screen: options.screen ?? "at-load" });
    return await loadChecked(dir, check, temporary, target, options, started);
  } finally {
    cleanup();
    await check?.snapshot.dispose();
  }
}

async function loadChecked(dir: string, check: ExtractCheck, temporary: string, target: string, options: LoadOptions, started: Date): Promise<LoadResult> {
  const progress = options.progress ?? silentProgress;
  const result: LoadResult = { check, batchId: null, rows: 0, written: false };
  if (!check.report.ok) {
    await checkFilesLeft(check, progress);
    check.report.skipped.push("database checks (duplicate keys in large files, persons missing from the population) run only once every row passes");
    return result;
  }
  const batchId = batchIdOf(check, started);
  const db = await Database.open(temporary, { memoryLimit: options.memoryLimit });
  let committed = false;
  try {
    for (const statement of warehouseSchema()) await db.run(statement);
    await prepareScreenedLoad(db, check);
    const ctx = { db, check, batchId, progress, loaded: new Map<string, number>() };
    for (const file of check.files) {
      if (!(await loadFile(ctx, file))) {
        await checkFilesLeft(check, progress);
        break;
      }
    }
    if (!check.report.ok) return result;
    for (const f of check.boundaries?.features ?? []) {
      await db.run("INSERT INTO geo_boundary VALUES ($1, $2, $3, $4)", [f.level, f.code, JSON.stringify(f.geometry), batchId]);
    }
    const task = progress.task("cross-file checks", 1);
    await checkInDatabase(db, check.files, check.report);
    task.done();
    if (!check.report.ok) return result;

    // A held file written to since it was opened: what was loaded may not be what was checked.
    for (const name of await check.snapshot.changed()) {
      check.report.error("file.changed", name, "changed while it was checked and loaded (its size or modification time moved): nothing was written; load again once nothing writes to it");
    }
    if (!check.report.ok) return result;

    result.rows = check.files.reduce((n, f) => n + f.rows, 0);
    await recordYearRows(db);
    await db.run(recordPersonKeySql());
    for (const f of check.files) {
      await db.run("INSERT INTO load_file VALUES ($1, $2, $3, $4, $5, $6, $7)", [batchId, f.name, f.kind.id, f.format, f.sha256, f.bytes, f.rows]);
    }
    if (check.boundaries) {
      const b = check.boundaries;
      await db.run("INSERT INTO load_file VALUES ($1, $2, 'geo_boundary', 'geojson', $3, $4, $5)", [batchId, b.name, b.sha256, b.bytes, b.features.length]);
    }
    await db.run("INSERT INTO load_batch VALUES ($1, $2, $3, $4, now(), $5, $6, $7, $8, $9)", [
      batchId,
      resolve(dir),
      check.references.vintage,
      started.toISOString(),
      TOOL_VERSION,
      check.files.length + (check.boundaries ? 1 : 0),
      result.rows,
      check.info?.producer ?? null,
      check.info?.synthetic ?? null,
    ]);
    await db.run("CHECKPOINT");
    db.close();
    committed = true;
    if (options.warehouse) {
      await replaceAtomically(temporary, target);
      result.written = true;
    }
    result.batchId = batchId;
    return result;
  } finally {
    if (!committed) db.close();
    if (!result.written) await discard(temporary);
  }
}

/** A readable, unique batch id: load time plus a hash of the files' contents. */
function batchIdOf(check: ExtractCheck, started: Date): string {
  const hash = createHash("sha256");
  for (const f of check.files) hash.update(`${f.name}:${f.sha256}\n`);
  if (check.boundaries) hash.update(`${check.boundaries.name}:${check.boundaries.sha256}\n`);
  const stamp = started.toISOString().replace(/[-:]/g, "").slice(0, 15);
  return `${stamp}-${hash.digest("hex").slice(0, 12)}`;
}
