import { Worker } from "node:worker_threads";

/** A plain-JavaScript entry that registers tsx, then imports the TypeScript module. */
const ENTRY = new URL("./ts-entry.mjs", import.meta.url);

/**
 * Runs a TypeScript module in a worker thread (it reads its input from `workerData.data`) and resolves with the one message it posts.
 * The young generation is enlarged: the workers allocate many short-lived strings.
 */
export function runTsWorker<T>(module: URL, workerData: unknown, onProgress?: (done: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(ENTRY, { workerData: { module: module.href, data: workerData }, resourceLimits: { maxYoungGenerationSizeMb: 192 } });
    let result: { ok: true; value: T } | { ok: false; error: string } | undefined;
    // Progress messages ({ progress }) may come first; the last message carries the result.
    worker.on("message", (m) => {
      if (typeof m?.progress === "number") onProgress?.(m.progress);
      else result = m;
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (result?.ok) resolve(result.value);
      else reject(new Error(result && !result.ok ? result.error : `worker ${module.pathname} exited with code ${code}`));
    });
  });
}
