import type { Progress } from "../../core/progress.ts";
import { serveJobs } from "../../core/workers/serve-jobs.ts";
import { checkJob, type CheckedFile, type CheckJob, type CheckShared } from "./check-pool.ts";

// Runs in a pool's worker thread (core/workers/pool.ts): checks one file per job and posts
// the bytes read so far, for the main thread's progress bar.
serveJobs<CheckJob["files"][number], CheckedFile, CheckShared>(async (file, { shared, progress }) => {
  const bytes: Progress = {
    log: () => {},
    task: (_label, total) => ({ update: (read) => progress(read), done: () => progress(total) }),
  };
  const [checked] = await checkJob({ ...shared, files: [file] }, bytes);
  return checked!;
});
