import { parentPort, workerData } from "node:worker_threads";
import { protectAll, type ProtectJob } from "./protect-jobs.ts";

// Runs in a worker thread: protects its share of the problems and posts the outcomes back.
if (parentPort && workerData?.data) {
  const port = parentPort;
  protectAll(workerData.data as ProtectJob[], () => port.postMessage({ progress: 1 })).then(
    (value) => port.postMessage({ ok: true, value }),
    (e: Error) => port.postMessage({ ok: false, error: `${e.name}: ${e.message}` }),
  );
}
