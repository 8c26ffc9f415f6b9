import { describe, expect, it } from "vitest";
import { gridProblem, hierarchyProblem } from "../disclosure/test-support/problems.ts";
import { expectedWork, protectInParallel, protectOne, type ProtectJob } from "./protect-jobs.ts";

const jobs: ProtectJob[] = [
  {
    key: "grid",
    problem: gridProblem([
      [2, 6, 9],
      [7, 3, 8],
      [10, 12, 15],
    ]),
    options: {},
  },
  {
    key: "none",
    problem: gridProblem([
      [10, 20],
      [30, 40],
    ]),
    options: {},
  },
  {
    key: "hierarchy",
    problem: hierarchyProblem({
      leaves: [
        [
          [2, 9],
          [7, 3],
        ],
        [
          [1, 6],
          [8, 8],
          [5, 2],
        ],
      ],
      latentB: true,
    }),
    options: {},
  },
  {
    key: "strict",
    problem: gridProblem([
      [6, 7],
      [8, 12],
    ]),
    options: { minCount: 10 },
  },
];

describe("protecting many problems", () => {
  it("expects more work from more small cells in larger tables", () => {
    const work = Object.fromEntries(jobs.map((j) => [j.key, expectedWork(j)]));
    expect(work.none).toBe(9); // no small cell: just its size
    expect(work.grid).toBe(3 * 16); // two small cells in 16
    expect(work.strict).toBe(4 * 9); // minCount 10: three cells below it
    expect(work.hierarchy).toBeGreaterThan(work.grid!);
  });

  it("on two worker threads, asking for work as they go, gives the serial outcomes in the jobs' order", async () => {
    const progress: number[] = [];
    const parallel = await protectInParallel(jobs, { threads: 2, onProgress: (done) => progress.push(done) });
    expect(parallel.map((o) => o.key)).toEqual(jobs.map((j) => j.key));
    expect(progress).toEqual([1, 2, 3, 4]);
    for (const [k, job] of jobs.entries()) {
      const serial = await protectOne(job);
      expect({ ...parallel[k], ms: 0 }).toEqual({ ...serial, ms: 0 });
    }
  });

  it("a problem that cannot be protected fails the whole run, by name", async () => {
    const broken: ProtectJob = { key: "broken", problem: { cells: [{ id: "a", value: 1, publishable: true }], relations: [{ total: "a", parts: ["a"] }] }, options: {} };
    await expect(protectInParallel([jobs[0]!, broken], { threads: 2 })).rejects.toThrow(/^disclosure problem broken: .*twice/);
  });
});
