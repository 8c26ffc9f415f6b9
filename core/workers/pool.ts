/**
 * The one pool of worker threads (the ETL's file checks, the sample's simulation, the release's
 * disclosure control). A fixed number of threads each take the next job from one queue when
 * they finish one, so a thread never idles while another still holds a backlog: jobs that
 * differ in cost by orders of magnitude balance themselves. Jobs start in the order given (put
 * the heaviest first); results come back in that order. The worker module answers jobs with
 * `serveJobs` (core/workers/serve-jobs.ts). Jobs, results and `shared` cross the thread
 * boundary by structured clone: plain data only (no class instances, no functions).
 */
import { Worker } from "node:worker_threads";
import { POOL_MARK, type FromWorker, type ToWorker } from "./pool-protocol.ts";

/** A plain-JavaScript entry that registers tsx, then imports the TypeScript worker module. */
const ENTRY = new URL("./ts-entry.mjs", import.meta.url);

export interface PoolOptions<J, R> {
  /** Worker threads: at least 1, at most one per job. */
  threads: number;
  /** Data every job reads, sent once to each thread (not once per job). */
  shared?: unknown;
  /** Called as each job finishes, in the order they finish: how many are done, the result, its job's index. */
  onResult?: (done: number, result: R, index: number) => void;
  /** Progress a running job reports (`progress(value)` in the worker, in the job's own unit). */
  onProgress?: (index: number, value: number) => void;
  /** Names a job in the error when it fails (default: "job <index>"). */
  label?: (job: J, index: number) => string;
}

/** A job failed in its worker: the pool stopped, and this names the job and carries the worker's error. */
export class JobError<J = unknown> extends Error {
  constructor(
    readonly index: number,
    readonly job: J,
    label: string,
    /** The error's name in the worker ("Error", "TypeError", "UserError"…). */
    readonly workerErrorName: string,
    readonly workerMessage: string,
    readonly workerStack?: string,
  ) {
    super(`${label}: ${workerErrorName}: ${workerMessage}`);
    this.name = "JobError";
  }
}

/**
 * Runs every job on `threads` worker threads loading `module`; resolves with the results in
 * the jobs' order. The first failure (a job that throws, a thread that crashes or exits)
 * rejects at once; every thread is terminated before the promise settles, either way.
 */
export async function runPool<J, R>(module: URL, jobs: readonly J[], options: PoolOptions<J, R>): Promise<R[]> {
  if (jobs.length === 0) return [];
  const threads = Math.max(1, Math.min(Math.floor(options.threads), jobs.length));
  const results: R[] = new Array(jobs.length);
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let running = threads;
      const start = () => {
        const worker = new Worker(ENTRY, {
          workerData: { module: module.href, data: options.shared, [POOL_MARK]: true },
          // The workers allocate many short-lived strings and objects.
          resourceLimits: { maxYoungGenerationSizeMb: 192 },
        });
        workers.push(worker);
        const give = () => {
          const index = next++;
          // Nothing left: the worker closes its port and exits.
          worker.postMessage((index < jobs.length ? { index, job: jobs[index] as J } : null) satisfies ToWorker<J>);
        };
        worker.on("message", (m: FromWorker<R>) => {
          if ("ready" in m) return give();
          if ("progress" in m) return options.onProgress?.(m.index, m.progress);
          if (!m.ok) {
            const job = jobs[m.index] as J;
            return reject(new JobError(m.index, job, options.label?.(job, m.index) ?? `job ${m.index}`, m.name, m.message, m.stack));
          }
          results[m.index] = m.value;
          done++; // not inside `onResult?.(…)`: its arguments are skipped when there is no callback
          options.onResult?.(done, m.value, m.index);
          give();
        });
        worker.once("error", reject);
        worker.once("exit", (code) => {
          if (code !== 0) reject(new Error(`worker ${module.pathname} exited with code ${code}`));
          else if (--running === 0) {
            if (done === jobs.length) resolve();
            else reject(new Error(`worker ${module.pathname} exited with ${jobs.length - done} job(s) unfinished`));
          }
        });
      };
      for (let k = 0; k < threads; k++) start();
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
