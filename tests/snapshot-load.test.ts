// What is loaded is what was checked: each regular file is copied once into a private
// snapshot, checked there and loaded from there. Names are never patterns, links and pipes
// are refused by name, and an output folder that cannot be written is said before any check.
import { execFileSync } from "node:child_process";
import { appendFileSync, chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { silentProgress, type Progress } from "../core/progress.ts";
import { Database } from "../core/duckdb.ts";
import { loadExtract } from "../etl/load/load-extract.ts";
import { TINY, TODAY, temporaryDirectory, tinyWith } from "./helpers.ts";

async function count(warehouse: string, sql: string): Promise<number> {
  const db = await Database.open(warehouse, { readOnly: true });
  try {
    const [row] = await db.all<{ n: number }>(sql);
    return Number(row?.n);
  } finally {
    db.close();
  }
}

const PHARMACY_ROWS = 5;

describe("the snapshot a load reads", () => {
  it("reads a file named like a pattern as that one file (ima_pharmacy_*.csv once, not every match)", async () => {
    const dir = tinyWith();
    copyFileSync(join(TINY, "ima_pharmacy.csv"), join(dir, "ima_pharmacy_*.csv"));
    const warehouse = join(temporaryDirectory(), "w.duckdb");
    const result = await loadExtract(dir, { warehouse, today: TODAY });
    // Two files of 5 rows each: 10 rows (the pattern once matched both files: 15).
    expect(result.written).toBe(true);
    expect(await count(warehouse, "SELECT count(*) AS n FROM pharmacy_delivery")).toBe(2 * PHARMACY_ROWS);
    expect(result.check.files.filter((f) => f.kind.id === "pharmacy_delivery").map((f) => f.rows)).toEqual([PHARMACY_ROWS, PHARMACY_ROWS]);
  });

  for (const method of ["hold", "copy"] as const) {
    it(`never loads other bytes than it checked: a row appended during the load ${method === "hold" ? "refuses the load, naming the file, and the warehouse stays as it was" : "does not reach the warehouse (files copied first)"}`, async () => {
      const dir = tinyWith();
      const original = join(dir, "ima_pharmacy.csv");
      const lastLine = execFileSync("tail", ["-n", "1", original]).toString();
      const warehouse = join(temporaryDirectory(), "w.duckdb");
      const first = await loadExtract(dir, { warehouse, today: TODAY, snapshot: method });
      expect(first.written).toBe(true);
      let appended = false;
      // The moment the load starts on the file, a valid-looking row is added to the original.
      const progress: Progress = {
        ...silentProgress,
        task(label, total) {
          if (label === "load ima_pharmacy.csv" && !appended) {
            appendFileSync(original, lastLine.endsWith("\n") ? lastLine : `\n${lastLine}\n`);
            appended = true;
          }
          return silentProgress.task(label, total);
        },
      };
      const result = await loadExtract(dir, { warehouse, today: TODAY, progress, snapshot: method });
      expect(appended).toBe(true);
      // The warehouse holds one load: the first (refused) or the second (copied), never a mix.
      const loaded = method === "hold" ? first.batchId : result.batchId;
      expect(await count(warehouse, `SELECT count(*) AS n FROM load_batch WHERE batch_id = '${loaded}'`)).toBe(1);
      expect(await count(warehouse, "SELECT count(*) AS n FROM load_batch")).toBe(1);
      expect(result.written).toBe(method === "copy");
      const errors = result.check.report.issues.filter((i) => i.severity === "error").map((i) => [i.rule, i.file]);
      if (method === "hold") expect(errors).toContainEqual(["file.changed", "ima_pharmacy.csv"]);
      else expect(errors).toEqual([]);
      expect(await count(warehouse, "SELECT count(*) AS n FROM pharmacy_delivery")).toBe(PHARMACY_ROWS);
    });
  }

  it("refuses a symbolic link and a FIFO by name, without hanging, and loads nothing", async () => {
    const dir = tinyWith({ remove: ["ima_pharmacy.csv"] });
    symlinkSync(join(TINY, "ima_pharmacy.csv"), join(dir, "ima_pharmacy.csv"));
    execFileSync("mkfifo", [join(dir, "ima_hospital_stays_2.csv")]);
    const result = await loadExtract(dir, { warehouse: join(temporaryDirectory(), "w.duckdb"), today: TODAY });
    expect(result.written).toBe(false);
    const refused = result.check.report.issues.filter((i) => i.rule === "file.not-regular").map((i) => [i.file, i.message.split(":")[0]]);
    expect(refused).toEqual([
      ["ima_hospital_stays_2.csv", "a named pipe (FIFO)"],
      ["ima_pharmacy.csv", "a symbolic link"],
    ]);
  });

  it("says an output folder it cannot write before checking anything", async () => {
    // As root, permissions do not stop a write: /sys refuses even root.
    const root = process.getuid?.() === 0;
    const out = root ? "/sys/boussole-test" : join(temporaryDirectory(), "read-only");
    if (!root) {
      mkdirSync(out);
      chmodSync(out, 0o500);
    }
    let checked = false;
    const progress: Progress = { ...silentProgress, task: (label, total) => ((checked ||= label.startsWith("check")), silentProgress.task(label, total)) };
    await expect(loadExtract(TINY, { warehouse: join(out, "w.duckdb"), today: TODAY, progress })).rejects.toThrow(
      /^cannot write to .*: permission denied \((EACCES|EPERM)\)\. Nothing was checked or replaced\.$/,
    );
    expect(checked).toBe(false);
  });

  it("removes its snapshot after a load, and a dead load's snapshot on the next one", async () => {
    const out = temporaryDirectory();
    const stale = join(out, ".boussole-snapshot-999999-abc");
    mkdirSync(stale);
    writeFileSync(join(stale, "0001.csv"), "x");
    const result = await loadExtract(TINY, { warehouse: join(out, "w.duckdb"), today: TODAY });
    expect(result.written).toBe(true);
    expect(existsSync(stale)).toBe(false);
    expect(readdirSync(out).filter((n) => n.startsWith("."))).toEqual([]);
  });
});
