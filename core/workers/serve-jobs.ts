import { parentPort, workerData } from "node:worker_threads";
import { POOL_MARK, type FromWorker, type ToWorker } from "./pool-protocol.ts";

export interface JobContext<S> {
  /** The pool's `shared` data, the same for every job of this thread. */
  shared: S;
  /** Reports how far the job is, in its own unit (bytes read, people simulated…). */
  progress: (value: number) => void;
}

/**
 * Makes this module a pool worker (core/workers/pool.ts): runs `handler` on each job the pool
 * sends, one at a time, and posts back its result or its error. Does nothing outside a pool's
 * thread, so the module can also be imported on the main thread (to run a job in-process).
 */
export function serveJobs<J, R, S = unknown>(handler: (job: J, context: JobContext<S>) => R | Promise<R>): void {
  if (!parentPort || workerData?.[POOL_MARK] !== true) return;
  const port = parentPort;
  const post = (m: FromWorker<R>) => port.postMessage(m);
  const shared = workerData.data as S;
  port.on("message", (m: ToWorker<J>) => {
    if (m === null) return port.close();
    const { index, job } = m;
    const progress = (value: number) => post({ index, progress: value });
    // A handler that throws at once is caught like one that rejects.
    new Promise<R>((resolve) => resolve(handler(job, { shared, progress }))).then(
      (value) => post({ index, ok: true, value }),
      (e: unknown) => {
        const error = e instanceof Error ? e : new Error(String(e));
        post({ index, ok: false, name: error.name, message: error.message, stack: error.stack });
      },
    );
  });
  post({ ready: true });
}
