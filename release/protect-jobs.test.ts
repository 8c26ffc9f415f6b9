import { describe, expect, it } from "vitest";
import { gridProblem, hierarchyProblem } from "../disclosure/test-support/problems.ts";
import { expectedWork, protectAsReady, protectInParallel, protectOne, type ProtectJob, type ProtectOutcome } from "./protect-jobs.ts";

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

  it("starts a problem only once those it waits for are done, their outcomes known when it is built, on one thread or two", async () => {
    for (const threads of [1, 2]) {
      const seen: string[] = [];
      const built: { key: string; seen: string[] }[] = [];
      // "grid" waits for "hierarchy" and "none"; "strict" for "grid".
      const after = { grid: [1, 2], none: [], hierarchy: [], strict: [0] } as Record<string, number[]>;
      const staged = jobs.map((job) => ({
        after: after[job.key]!,
        work: expectedWork(job),
        build: () => (built.push({ key: job.key, seen: [...seen] }), job),
      }));
      const outcomes = await protectAsReady(staged, { threads, onProgress: (_, o: ProtectOutcome) => seen.push(o.key) });
      expect(outcomes.map((o) => o.key)).toEqual(jobs.map((j) => j.key));
      const seenWhenBuilt = Object.fromEntries(built.map((b) => [b.key, b.seen]));
      expect(seenWhenBuilt.grid).toEqual(expect.arrayContaining(["hierarchy", "none"]));
      expect(seenWhenBuilt.strict).toContain("grid");
      for (const [k, job] of jobs.entries()) expect({ ...outcomes[k], ms: 0 }).toEqual({ ...(await protectOne(job)), ms: 0 });
    }
  });

  it("shows each job as it is built, once, on one thread or two", async () => {
    for (const threads of [1, 2]) {
      const shown: string[] = [];
      const staged = jobs.map((job, i) => ({ after: i === 0 ? [] : [i - 1], work: 1, build: () => job }));
      await protectAsReady(staged, { threads, onJob: (job) => shown.push(job.key) });
      expect(shown).toEqual(jobs.map((j) => j.key));
      shown.length = 0;
      await protectInParallel(jobs, { threads, onJob: (job) => shown.push(job.key) });
      expect(shown.sort()).toEqual(jobs.map((j) => j.key).sort());
    }
  });

  it("fails a run whose problems wait for each other", async () => {
    const staged = jobs.slice(0, 2).map((job, i) => ({ after: [1 - i], work: 1, build: () => job }));
    await expect(protectAsReady(staged, { threads: 1 })).rejects.toThrow(/wait for problems that never finish/);
    await expect(protectAsReady(staged, { threads: 2 })).rejects.toThrow(/never became ready/);
  });
});
