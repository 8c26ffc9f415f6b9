import { parentPort, workerData } from "node:worker_threads";
import { checkJob, type CheckJob } from "./check-pool.ts";

// Runs in a worker thread: checks its share of the files and posts the results back.
if (parentPort && workerData?.data) {
  const port = parentPort;
  checkJob(workerData.data as CheckJob).then(
    (value) => port.postMessage({ ok: true, value }),
    (e: Error) => port.postMessage({ ok: false, error: e.message }),
  );
}
