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

/**
 * Jobs that become ready as others finish (a problem that needs another's result): `take` gives
 * the index of a job ready to start, or undefined when none is ready yet; `job` builds that job
 * when it starts. The pool asks again each time a job finishes (after `onResult`).
 */
export interface JobSource<J> {
  count: number;
  take(): number | undefined;
  job(index: number): J;
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
export async function runPool<J, R>(module: URL, jobs: readonly J[] | JobSource<J>, options: PoolOptions<J, R>): Promise<R[]> {
  const source = isSource(jobs) ? jobs : inOrder(jobs);
  const count = source.count;
  if (count === 0) return [];
  const threads = Math.max(1, Math.min(Math.floor(options.threads), count));
  const results: R[] = new Array(count);
  const started = new Map<number, J>();
  const workers: Worker[] = [];
  // Threads waiting for a job to become ready.
  const parked: (() => void)[] = [];
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
          const index = started.size < count ? source.take() : undefined;
          if (index !== undefined) {
            const job = source.job(index);
            started.set(index, job);
            worker.postMessage({ index, job } satisfies ToWorker<J>);
          } else if (started.size === count) {
            // Nothing left: the worker closes its port and exits.
            worker.postMessage(null satisfies ToWorker<J>);
          } else if (started.size === done && parked.length === threads - 1) {
            reject(new Error(`${count - started.size} job(s) never became ready`));
          } else parked.push(give);
        };
        worker.on("message", (m: FromWorker<R>) => {
          if ("ready" in m) return give();
          if ("progress" in m) return options.onProgress?.(m.index, m.progress);
          if (!m.ok) {
            const job = started.get(m.index) as J;
            return reject(new JobError(m.index, job, options.label?.(job, m.index) ?? `job ${m.index}`, m.name, m.message, m.stack));
          }
          results[m.index] = m.value;
          done++; // not inside `onResult?.(…)`: its arguments are skipped when there is no callback
          options.onResult?.(done, m.value, m.index);
          give();
          // What finished may have made jobs ready for the threads waiting.
          for (let n = parked.length; n > 0; n--) parked.shift()!();
        });
        worker.once("error", reject);
        worker.once("exit", (code) => {
          if (code !== 0) reject(new Error(`worker ${module.pathname} exited with code ${code}`));
          else if (--running === 0) {
            if (done === count) resolve();
            else reject(new Error(`worker ${module.pathname} exited with ${count - done} job(s) unfinished`));
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

function isSource<J>(jobs: readonly J[] | JobSource<J>): jobs is JobSource<J> {
  return !Array.isArray(jobs);
}

/** Jobs all ready from the start, taken in the order given. */
function inOrder<J>(jobs: readonly J[]): JobSource<J> {
  let next = 0;
  return { count: jobs.length, take: () => (next < jobs.length ? next++ : undefined), job: (index) => jobs[index]! };
}
