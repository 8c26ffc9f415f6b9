import { existsSync, writeFileSync } from "node:fs";
import { threadId } from "node:worker_threads";
import { serveJobs } from "../serve-jobs.ts";

/** A job for the pool's tests: doubles `n` after `waitMs`, or fails in one of the ways a job can. */
export interface DoubleJob {
  n: number;
  waitMs?: number;
  fail?: "throw" | "reject" | "exit";
  /** A file written when the job starts: shows which jobs ran. */
  mark?: string;
  /** A file to wait for (another job's mark) before finishing. */
  waitFor?: string;
}

export interface Doubled {
  n: number;
  thread: number;
  factor: number;
}

serveJobs<DoubleJob, Doubled, { factor: number }>(async (job, { shared, progress }) => {
  if (job.mark) writeFileSync(job.mark, String(job.n));
  if (job.fail === "throw") throw new RangeError(`no double for ${job.n}`);
  if (job.fail === "exit") process.exit(3);
  progress(1);
  await new Promise((resolve) => setTimeout(resolve, job.waitMs ?? 0));
  while (job.waitFor && !existsSync(job.waitFor)) await new Promise((resolve) => setTimeout(resolve, 10));
  if (job.fail === "reject") return Promise.reject(new Error(`rejected ${job.n}`));
  progress(2);
  return { n: job.n * shared.factor, thread: threadId, factor: shared.factor };
});
