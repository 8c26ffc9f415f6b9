import { parentPort, workerData } from "node:worker_threads";
import type { Progress } from "../../core/progress.ts";
import { checkJob, type CheckJob } from "./check-pool.ts";

// Runs in a worker thread: checks its share of the files and posts the results back.
if (parentPort && workerData?.data) {
  const port = parentPort;
  // Bytes read so far across this worker's files, posted for the main thread's progress bar.
  let finished = 0;
  const progress: Progress = {
    log: () => {},
    task: (_label, total) => ({
      update: (bytes) => port.postMessage({ progress: finished + bytes }),
      done: () => {
        finished += total;
        port.postMessage({ progress: finished });
      },
    }),
  };
  checkJob(workerData.data as CheckJob, progress).then(
    (value) => port.postMessage({ ok: true, value }),
    (e: Error) => port.postMessage({ ok: false, error: e.message }),
  );
}
