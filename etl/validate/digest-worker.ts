import { open } from "node:fs/promises";
import { serveJobs } from "../../core/workers/serve-jobs.ts";
import { digestFile, type FileDigest } from "./file-digest.ts";

// Runs in a pool's worker thread (core/workers/pool.ts): digests one held file per job. The
// path is the main thread's descriptor (/proc/self/fd/N, shared by every thread of the
// process), so the bytes digested are those of the file that was opened and stamped.
serveJobs<{ path: string }, FileDigest>(async ({ path }) => {
  const handle = await open(path);
  try {
    return await digestFile(handle);
  } finally {
    await handle.close();
  }
});
