import { parentPort } from "node:worker_threads";
import { protectOne, type ProtectJob } from "./protect-jobs.ts";

// Runs in a worker thread: says it is ready, then protects one problem per message and posts
// its outcome back, until it receives null.
if (parentPort) {
  const port = parentPort;
  port.on("message", (job: ProtectJob | null) => {
    if (job === null) return port.close();
    protectOne(job).then(
      (value) => port.postMessage({ ok: true, value }),
      (e: Error) => port.postMessage({ ok: false, error: `${e.name}: ${e.message}` }),
    );
  });
  port.postMessage({ ready: true });
}
