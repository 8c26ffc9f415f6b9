import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { JobError, runPool } from "./pool.ts";
import type { DoubleJob, Doubled } from "./test-support/double-worker.ts";

const WORKER = new URL("./test-support/double-worker.ts", import.meta.url);
const dir = mkdtempSync(join(tmpdir(), "boussole-pool-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the worker pool", () => {
  it("gives results in the jobs' order whatever order they finish in, each thread taking the next job", async () => {
    // The first job waits until the last has started: the other thread does the rest meanwhile.
    const last = join(dir, "last");
    const jobs: DoubleJob[] = [1, 2, 3, 4, 5, 6].map((n) => (n === 1 ? { n, waitFor: last } : n === 6 ? { n, mark: last } : { n }));
    const finished: number[] = [];
    const progress = new Map<number, number[]>();
    const results = await runPool<DoubleJob, Doubled>(WORKER, jobs, {
      threads: 2,
      shared: { factor: 2 },
      onResult: (done, result, index) => finished.push(done * 100 + index),
      onProgress: (index, value) => progress.set(index, [...(progress.get(index) ?? []), value]),
    });
    expect(results.map((r) => r.n)).toEqual([2, 4, 6, 8, 10, 12]);
    expect(new Set(results.map((r) => r.thread)).size).toBe(2);
    // onResult counts 1…6 in the order jobs finish: job 0, held until the last job has started,
    // finishes after jobs 1–4 (the last job and it then race, so either may come first).
    expect(finished.map((f) => Math.floor(f / 100))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(finished.slice(0, 4).map((f) => f % 100)).not.toContain(0);
    expect(
      finished
        .slice(4)
        .map((f) => f % 100)
        .sort(),
    ).toEqual([0, 5]);
    expect([...progress.keys()].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    for (const values of progress.values()) expect(values).toEqual([1, 2]);
  });

  it("never starts more threads than jobs, and does nothing without jobs", async () => {
    const results = await runPool<DoubleJob, Doubled>(WORKER, [{ n: 21 }], { threads: 8, shared: { factor: 2 } });
    expect(results.map((r) => r.n)).toEqual([42]);
    expect(await runPool(WORKER, [], { threads: 2 })).toEqual([]);
  });

  it("a job that throws fails the run with its name and error, stops the other threads and starts no further job", async () => {
    const jobs: DoubleJob[] = [
      { n: 1, waitMs: 10_000 }, // would hold the run for 10 s if the pool waited for it
      { n: 2, fail: "throw" },
      { n: 3, mark: join(dir, "3") },
    ];
    const started = performance.now();
    const error = await runPool(WORKER, jobs, { threads: 2, shared: { factor: 2 }, label: (job) => `number ${job.n}` }).catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(JobError);
    const failed = error as JobError<DoubleJob>;
    expect(failed.message).toBe("number 2: RangeError: no double for 2");
    expect(failed.index).toBe(1);
    expect(failed.job).toEqual(jobs[1]);
    expect(failed.workerErrorName).toBe("RangeError");
    expect(failed.workerStack).toContain("double-worker.ts");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(existsSync(join(dir, "3"))).toBe(false);
  });

  it("a job that rejects is named by its index by default", async () => {
    await expect(runPool(WORKER, [{ n: 5 }, { n: 7, fail: "reject" }], { threads: 1, shared: { factor: 2 } })).rejects.toThrow(/^job 1: Error: rejected 7$/);
  });

  it("a thread that exits in the middle of a job fails the run", async () => {
    await expect(runPool(WORKER, [{ n: 1, fail: "exit" }, { n: 2 }], { threads: 2, shared: { factor: 2 } })).rejects.toThrow(/exited with code 3/);
  });
});
