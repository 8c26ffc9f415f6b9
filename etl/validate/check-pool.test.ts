import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kindOfFile } from "../../contract/index.ts";
import type { Progress } from "../../core/progress.ts";
import { TINY, TODAY } from "../../tests/helpers.ts";
import { checkFiles } from "./check-pool.ts";
import { emptyReferences } from "./references.ts";
import { ValidationReport } from "./report.ts";

// The tiny extract's non-geography files, checked against no geography: every code is unknown,
// so the reports are full of errors to compare.
const files = readdirSync(TINY)
  .map((name) => ({ name, kind: kindOfFile(name), path: join(TINY, name) }))
  .filter((f): f is { name: string; kind: NonNullable<typeof f.kind>; path: string } => f.kind !== null && f.kind !== undefined && f.kind.group !== "geography");

describe("checking files on the worker pool", () => {
  it("gives the same files and report as checking them in-process, in the files' order, with one progress bar over every byte", async () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    const references = emptyReferences(2025);
    const serialReport = new ValidationReport();
    const serial = await checkFiles(files, { report: serialReport, today: TODAY, references, parallel: { fromBytes: Infinity } });

    const tasks: { label: string; total: number; updates: number[]; done: boolean }[] = [];
    const progress: Progress = {
      log: () => {},
      task: (label, total) => {
        const task = { label, total, updates: [] as number[], done: false };
        tasks.push(task);
        return { update: (n) => task.updates.push(n), done: () => (task.done = true) };
      },
    };
    const pooledReport = new ValidationReport();
    const pooled = await checkFiles(files, { report: pooledReport, today: TODAY, references, progress, parallel: { threads: 2, fromBytes: 0 } });

    expect(pooled.map((f) => f.name)).toEqual(files.map((f) => f.name));
    expect(pooled).toEqual(serial);
    expect(serialReport.export().issues.length).toBeGreaterThan(0);
    expect(pooledReport.export()).toEqual(serialReport.export());
    const total = files.reduce((n, f) => n + statSync(f.path).size, 0);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ label: `check ${files.length} files on 2 threads`, total, done: true });
    expect(tasks[0]!.updates.at(-1)).toBe(total);
  });
});
