import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { Database } from "../core/duckdb.ts";
import { loadExtract } from "../etl/load/load-extract.ts";
import { generateSample } from "../sample/generate.ts";
import { INVALID, ROOT, TINY, TODAY, temporaryDirectory, tinyWith } from "./helpers.ts";

async function snapshot(path: string) {
  const db = await Database.open(path, { readOnly: true });
  try {
    const [batch] = await db.all<{ batch_id: string }>("SELECT batch_id FROM load_batch");
    const [people] = await db.all<{ n: number }>("SELECT count(*)::INTEGER AS n FROM person_year");
    const [services] = await db.all<{ n: number }>("SELECT count(*)::INTEGER AS n FROM health_service");
    return { batch: batch?.batch_id, people: people?.n, services: services?.n };
  } finally {
    db.close();
  }
}

describe("atomic load", () => {
  let work: string;
  let bigger: string;
  beforeAll(async () => {
    work = temporaryDirectory();
    bigger = join(work, "sample");
    await generateSample({ scale: 0.003, firstYear: 2022, lastYear: 2024, seed: 7, out: bigger });
  });

  it("loads the tiny extract and traces every row to its batch", async () => {
    const warehouse = join(work, "a.duckdb");
    const result = await loadExtract(TINY, { warehouse, today: TODAY });
    expect(result.written).toBe(true);
    const db = await Database.open(warehouse, { readOnly: true });
    try {
      const files = await db.all<{ file_name: string; sha256: string; row_count: number }>("SELECT file_name, sha256, row_count FROM load_file ORDER BY file_name");
      expect(files.find((f) => f.file_name === "ima_population.csv")?.row_count).toBe(13);
      expect(files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256))).toBe(true);
      const orphans = await db.all<{ n: number }>(
        "SELECT count(*)::INTEGER AS n FROM (SELECT batch_id FROM person_year UNION ALL SELECT batch_id FROM health_service UNION ALL SELECT batch_id FROM pharmacy_delivery) r ANTI JOIN load_batch b USING (batch_id)",
      );
      expect(orphans[0]?.n).toBe(0);
      const [batch] = await db.all<{ synthetic: boolean | null; row_count: number }>("SELECT synthetic, row_count FROM load_batch");
      expect(batch?.row_count).toBe(result.rows);
    } finally {
      db.close();
    }
  });

  it("leaves the previous warehouse untouched when the new extract is invalid", async () => {
    const warehouse = join(work, "b.duckdb");
    await loadExtract(TINY, { warehouse, today: TODAY });
    const before = await snapshot(warehouse);
    for (const fixture of ["duplicate-person-year", "unknown-person", "birth-year-in-future"]) {
      const result = await loadExtract(tinyWith({ dir: join(INVALID, fixture) }), { warehouse, today: TODAY });
      expect(result.written).toBe(false);
      expect(await snapshot(warehouse)).toEqual(before);
    }
    expect(readdirSync(work).filter((n) => n.includes(".tmp-"))).toEqual([]);
  });

  it("survives SIGKILL part-way through a load: the old warehouse stays intact and readable", async () => {
    const warehouse = join(work, "c.duckdb");
    await loadExtract(TINY, { warehouse, today: TODAY });
    const before = await snapshot(warehouse);

    const child = spawn(process.execPath, [join(ROOT, "bin", "boussole.js"), "load", bigger, "--warehouse", warehouse], { env: { ...process.env, CI: "true" }, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    const killed = new Promise<void>((resolve) => {
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        // The database phase has begun: the new file is half-written.
        if (/load ima_population\.csv: done/.test(stderr) && !child.killed) child.kill("SIGKILL");
      });
      child.on("exit", () => resolve());
    });
    await killed;
    expect(child.signalCode).toBe("SIGKILL");
    expect(readdirSync(work).some((n) => n.startsWith(".c.duckdb.tmp-"))).toBe(true);
    expect(await snapshot(warehouse)).toEqual(before);

    // The next load cleans up what the killed one left and replaces the warehouse.
    const result = await loadExtract(bigger, { warehouse });
    expect(result.written).toBe(true);
    expect(readdirSync(work).filter((n) => n.startsWith(".c.duckdb.tmp-") || n.startsWith(".boussole-snapshot-"))).toEqual([]);
    const after = await snapshot(warehouse);
    expect(after.batch).not.toBe(before.batch);
    expect(after.people).toBeGreaterThan(before.people ?? 0);
    expect(existsSync(`${warehouse}.wal`)).toBe(false);
  });

  it("removes its temporary warehouse, WAL and snapshot when stopped by SIGTERM, leaving the old warehouse", async () => {
    const warehouse = join(work, "d.duckdb");
    await loadExtract(TINY, { warehouse, today: TODAY });
    const before = await snapshot(warehouse);
    const child = spawn(process.execPath, [join(ROOT, "bin", "boussole.js"), "load", bigger, "--warehouse", warehouse], { env: { ...process.env, CI: "true" }, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    let seen: string[] = [];
    await new Promise<void>((resolve) => {
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/load ima_population\.csv: done/.test(stderr) && !child.killed) {
          // Half-way: the temporary warehouse and the snapshot exist.
          seen = readdirSync(work).filter((n) => n.startsWith(".d.duckdb.tmp-") || n.startsWith(".boussole-snapshot-"));
          child.kill("SIGTERM");
        }
      });
      child.on("exit", () => resolve());
    });
    expect(child.signalCode).toBe("SIGTERM");
    expect(seen.some((n) => n.startsWith(".d.duckdb.tmp-"))).toBe(true);
    expect(seen.some((n) => n.startsWith(".boussole-snapshot-"))).toBe(true);
    expect(readdirSync(work).filter((n) => n.startsWith(".d.duckdb.tmp-") || n.startsWith(".boussole-snapshot-"))).toEqual([]);
    expect(await snapshot(warehouse)).toEqual(before);
  });
});
