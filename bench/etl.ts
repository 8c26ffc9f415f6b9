import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export interface TaskResult {
  task: string;
  scale: number;
  seconds: number;
  cpuSeconds: number;
  rows: number;
  rowsPerSecond: number;
  maxRssMb: number;
  bytes: number;
}

const ROOT = fileURLToPath(new URL("..", import.meta.url));

function runTask(args: string[]): TaskResult {
  const out = execFileSync(process.execPath, ["--max-semi-space-size=64", "--import", "tsx", join(ROOT, "bench", "tasks", "etl-task.ts"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  return JSON.parse(out.trim().split("\n").at(-1) as string) as TaskResult;
}

/**
 * Generation and load at each scale, and in the same run a bare DuckDB import of the same
 * files: the ratio says what validation and atomicity cost on this machine today.
 */
export function benchEtl(
  scales: number[],
  afterLoad?: (scale: number, warehouse: string, extract: string) => void,
  options: { publishUpTo?: number; publishedElsewhere?: readonly number[] } = {},
): { tasks: TaskResult[]; summary: Record<string, unknown>[] } {
  const tasks: TaskResult[] = [];
  const summary: Record<string, unknown>[] = [];
  for (const scale of scales) {
    const work = mkdtempSync(join(tmpdir(), `boussole-bench-${scale}-`));
    try {
      const extract = join(work, "extract");
      const generate = runTask(["generate", String(scale), extract]);
      const load = runTask(["load", String(scale), extract, join(work, "warehouse.duckdb")]);
      const bare = runTask(["bare-duckdb", String(scale), extract, join(work, "bare.duckdb")]);
      // The same load with the DuckDB screen off, where it costs minutes less than at 0.2.
      const rowByRow = scale <= 0.05 ? runTask(["load-row-by-row", String(scale), extract, join(work, "row-by-row.duckdb")]) : undefined;
      // Later stages reuse this warehouse rather than generating their own.
      afterLoad?.(scale, join(work, "warehouse.duckdb"), extract);
      // Publish (compute, disclosure control, audit, files) up to a scale (0.2 by default: 4 min
      // 22 s on 2 cores on 2026-12-03; full Belgium on request).
      const published =
        scale <= (options.publishUpTo ?? 0.2) && !options.publishedElsewhere?.includes(scale) ? runTask(["publish", String(scale), join(work, "release"), join(work, "warehouse.duckdb")]) : undefined;
      tasks.push(generate, load, bare, ...(rowByRow ? [rowByRow] : []), ...(published ? [published] : []));
      summary.push({
        scale,
        generateAndLoadSeconds: generate.seconds + load.seconds,
        targetSeconds: scale === 0.05 ? 60 : undefined,
        withinTarget: scale === 0.05 ? generate.seconds + load.seconds <= 60 : undefined,
        loadOverBareDuckdb: load.seconds / bare.seconds,
        rowByRowOverScreenedLoad: rowByRow ? rowByRow.seconds / load.seconds : undefined,
        extractBytes: generate.bytes,
        warehouseBytes: load.bytes,
        publishSeconds: published?.seconds,
        peakRssMb: Math.max(generate.maxRssMb, load.maxRssMb, published?.maxRssMb ?? 0),
      });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  return { tasks, summary };
}
