/** The messages between the pool (core/workers/pool.ts) and its workers (core/workers/serve-jobs.ts). */

/** Set in a pool worker's workerData: a module also imported on the main thread serves jobs only in a pool's thread. */
export const POOL_MARK = "boussolePoolWorker";

/** A job to run, or null: nothing left, close. */
export type ToWorker<J> = { index: number; job: J } | null;

export type FromWorker<R> = { ready: true } | { index: number; progress: number } | { index: number; ok: true; value: R } | { index: number; ok: false; name: string; message: string; stack?: string };
